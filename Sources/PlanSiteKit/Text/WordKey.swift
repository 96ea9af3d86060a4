/// Every entry of a word file the generator uses, declared here and nowhere else: Swift asks
/// `Words` for an entry by its key, and templates write `{{words.<key>}}` (the groups from
/// "Every page" to "Page not found" are the templates'). `WordFile.check` holds the chosen language's file to this list:
/// each key present, with exactly these placeholders, and plural forms only where `count` is set.
///
/// The raw value is the key as the file writes it; `templates/words/en-GB.yml` has them all,
/// in the same groups and order as here.
public enum WordKey: String, CaseIterable, Sendable {
    // MARK: Every page
    case skipLink = "skip_link"
    case navLabel = "nav_label"
    case breadcrumbsLabel = "breadcrumbs_label"
    case footerHeading = "footer_heading"
    case footerPublished = "footer_published"
    case footerLicence = "footer_licence"
    case footnoteBackLabel = "footnote_back_label"

    // MARK: Table headings
    case columnIndicator = "column_indicator"
    case columnLatestValue = "column_latest_value"
    case columnPeriod = "column_period"
    case columnDirection = "column_direction"
    case columnComparedWith = "column_compared_with"
    case columnCommitment = "column_commitment"
    case columnStatus = "column_status"
    case columnProgress = "column_progress"
    case columnCi = "column_ci"
    case columnNote = "column_note"
    case columnValue = "column_value"

    // MARK: Home page
    case glanceHeading = "glance_heading"
    case outcomesHeading = "outcomes_heading"
    case commitmentsHeading = "commitments_heading"
    case commitmentsHeadingBy = "commitments_heading_by"
    case siblingsHeading = "siblings_heading"
    case siblingLink = "sibling_link"

    // MARK: At a glance
    case glanceCaptionHeadline = "glance_caption_headline"
    case glanceCaptionAll = "glance_caption_all"
    case glanceCommitmentsCaption = "glance_commitments_caption"
    case glanceStatusNotStated = "glance_status_not_stated"
    case glanceNoTargetFigures = "glance_no_target_figures"
    case glanceLink = "glance_link"

    // MARK: Commitments and outcomes
    case commitmentKicker = "commitment_kicker"
    case commitmentKickerDue = "commitment_kicker_due"
    case progressHeading = "progress_heading"
    case targetDataLink = "target_data_link"
    case indicatorsHeading = "indicators_heading"
    case outcomeKicker = "outcome_kicker"
    case outcomeIndicatorsHeading = "outcome_indicators_heading"
    case statusLine = "status_line"
    case statusAssessment = "status_assessment"
    case statusAssessed = "status_assessed"
    case statusReviewed = "status_reviewed"
    case statusAssessedBy = "status_assessed_by"
    case statusAssessedOn = "status_assessed_on"
    case statusNotStarted = "status_not_started"
    case statusOnTrack = "status_on_track"
    case statusAtRisk = "status_at_risk"
    case statusOffTrack = "status_off_track"
    case statusAchieved = "status_achieved"
    case statusNotAssessed = "status_not_assessed"

    // MARK: The indicators page
    case indicatorsCaption = "indicators_caption"
    case indicatorsAToZHeading = "indicators_a_to_z_heading"
    case indicatorsByOutcomeHeading = "indicators_by_outcome_heading"
    case indicatorsNoOutcomeHeading = "indicators_no_outcome_heading"
    case finderLabel = "finder_label"
    case finderStatus = "finder_status"
    case downloadsHeading = "downloads_heading"
    case downloadsAllIndicators = "downloads_all_indicators"
    case fileSizeKb = "file_size_kb"
    case fileSizeMb = "file_size_mb"
    case formatCsv = "format_csv"
    case formatJson = "format_json"

    // MARK: An indicator's page
    case indicatorKicker = "indicator_kicker"
    case latestFigureLabel = "latest_figure_label"
    case directionLabel = "direction_label"
    case comparedWithLabel = "compared_with_label"
    case targetLine = "target_line"
    case targetLineBy = "target_line_by"
    case trendHeading = "trend_heading"
    case chartTableNote = "chart_table_note"
    case chartTableLink = "chart_table_link"
    case dataHeading = "data_heading"
    case breakdownsHeading = "breakdowns_heading"
    case breakdownTableNote = "breakdown_table_note"
    case downloadIndicatorData = "download_indicator_data"
    case downloadChart = "download_chart"
    case downloadChartPng = "download_chart_png"
    case formatSvg = "format_svg"
    case chartFileSource = "chart_file_source"
    case chartFileLicence = "chart_file_licence"
    case chartFileLatest = "chart_file_latest"
    case sourceHeading = "source_heading"
    case sourcePublisher = "source_publisher"
    case sourceTitle = "source_title"
    case sourceLicence = "source_licence"
    case sourceProvenance = "source_provenance"
    case sourceReadFrom = "source_read_from"
    case secondarySourceBadge = "secondary_source_badge"
    case secondarySourceNote = "secondary_source_note"
    case figuresUpdated = "figures_updated"
    case nextUpdateDue = "next_update_due"
    case updatesFeedTitle = "updates_feed_title"
    case updatesFeedSummary = "updates_feed_summary"
    case notesHeading = "notes_heading"
    case evidencesHeading = "evidences_heading"

    // MARK: The accessibility statement's test results
    case statementResultsHeading = "statement_results_heading"
    case statementResultsCaption = "statement_results_caption"
    case statementColumnCheck = "statement_column_check"
    case statementColumnTests = "statement_column_tests"
    case statementColumnFailures = "statement_column_failures"
    case statementTools = "statement_tools"

    // MARK: Page not found
    case notFoundTitle = "not_found_title"
    case notFoundTyped = "not_found_typed"
    case notFoundWhere = "not_found_where"
    case notFoundHomeLink = "not_found_home_link"
    case notFoundIndicatorsLink = "not_found_indicators_link"

    // MARK: Dates, periods, numbers and lists
    case month1 = "month_1"
    case month2 = "month_2"
    case month3 = "month_3"
    case month4 = "month_4"
    case month5 = "month_5"
    case month6 = "month_6"
    case month7 = "month_7"
    case month8 = "month_8"
    case month9 = "month_9"
    case month10 = "month_10"
    case month11 = "month_11"
    case month12 = "month_12"
    case date = "date"
    case periodIn = "period_in"
    case periodOn = "period_on"
    case periodUnstated = "period_unstated"
    case figureWhen = "figure_when"
    case periodSpan = "period_span"
    case numberPercent = "number_percent"
    case numberWithUnit = "number_with_unit"
    case percentagePoints = "percentage_points"
    case listComma = "list_comma"
    case listAnd = "list_and"
    case listOr = "list_or"
    case withNote = "with_note"

    // MARK: Direction of travel
    case directionImproving = "direction_improving"
    case directionGettingWorse = "direction_getting_worse"
    case directionNoSignificantChange = "direction_no_significant_change"
    case directionNotAssessed = "direction_not_assessed"
    case trendPhraseWindow = "trend_phrase_window"
    case trendPhraseNoEarlier = "trend_phrase_no_earlier"
    case trendPhraseNotAssessed = "trend_phrase_not_assessed"
    case trendVerdictRiseHigherBetter = "trend_verdict_rise_higher_better"
    case trendVerdictRiseLowerBetter = "trend_verdict_rise_lower_better"
    case trendVerdictFallHigherBetter = "trend_verdict_fall_higher_better"
    case trendVerdictFallLowerBetter = "trend_verdict_fall_lower_better"
    case trendVerdictNoChange = "trend_verdict_no_change"
    case trendVerdictUnsteady = "trend_verdict_unsteady"
    case trendBasisCounts = "trend_basis_counts"
    case trendBasisPublishedIntervals = "trend_basis_published_intervals"
    case trendBasisComputedIntervals = "trend_basis_computed_intervals"
    case movementUp = "movement_up"
    case movementDown = "movement_down"
    case movementSame = "movement_same"
    case movementUpSince = "movement_up_since"
    case movementDownSince = "movement_down_since"
    case movementSameSince = "movement_same_since"

    // MARK: Why no trend is assessed
    case noTrendShortOnlyOneFigure = "no_trend_short_only_one_figure"
    case noTrendShortPeriodsNotYears = "no_trend_short_periods_not_years"
    case noTrendShortRollingPeriods = "no_trend_short_rolling_periods"
    case noTrendShortMultiYearPeriods = "no_trend_short_multi_year_periods"
    case noTrendShortQuarterly = "no_trend_short_quarterly"
    case noTrendShortSingleDates = "no_trend_short_single_dates"
    case noTrendShortFewerThanFive = "no_trend_short_fewer_than_five"
    case noTrendShortBreakInSeries = "no_trend_short_break_in_series"
    case noTrendShortGap = "no_trend_short_gap"
    case noTrendShortCount = "no_trend_short_count"
    case noTrendShortNoIntervals = "no_trend_short_no_intervals"
    case noTrendShortExtremeProportion = "no_trend_short_extreme_proportion"
    case noTrendShortNoPolarity = "no_trend_short_no_polarity"
    case noTrendOnlyOneFigure = "no_trend_only_one_figure"
    case noTrendNoPolarityRise = "no_trend_no_polarity_rise"
    case noTrendNoPolarityFall = "no_trend_no_polarity_fall"
    case noTrendNoPolarityNone = "no_trend_no_polarity_none"
    case noTrendSentence = "no_trend_sentence"
    case noTrendNeeds = "no_trend_needs"
    case noTrendWhyPeriodsNotYears = "no_trend_why_periods_not_years"
    case noTrendWhyRollingPeriods = "no_trend_why_rolling_periods"
    case noTrendWhyMultiYearPeriods = "no_trend_why_multi_year_periods"
    case noTrendWhyQuarterly = "no_trend_why_quarterly"
    case noTrendWhySingleDates = "no_trend_why_single_dates"
    case noTrendWhyFewerThanFive = "no_trend_why_fewer_than_five"
    case noTrendWhyBreakInSeries = "no_trend_why_break_in_series"
    case noTrendWhyGap = "no_trend_why_gap"
    case noTrendWhyCount = "no_trend_why_count"
    case noTrendWhyNoIntervals = "no_trend_why_no_intervals"
    case noTrendWhyExtremeProportion = "no_trend_why_extreme_proportion"
    case yearlyFigures = "yearly_figures"

    // MARK: Comparison with England (or the site's national comparator)
    case comparisonBetter = "comparison_better"
    case comparisonSimilar = "comparison_similar"
    case comparisonWorse = "comparison_worse"
    case comparisonHigher = "comparison_higher"
    case comparisonLower = "comparison_lower"
    case comparisonNotCompared = "comparison_not_compared"

    // MARK: Breakdowns
    case breakdownOnlyOne = "breakdown_only_one"
    case breakdownNoFigures = "breakdown_no_figures"
    case noFigureFor = "no_figure_for"
    case breakdownOrderedSame = "breakdown_ordered_same"
    case breakdownOrderedRises = "breakdown_ordered_rises"
    case breakdownOrderedFalls = "breakdown_ordered_falls"
    case breakdownAllSame = "breakdown_all_same"
    case breakdownHighestLowest = "breakdown_highest_lowest"
    case breakdownNoIntervals = "breakdown_no_intervals"
    case breakdownOverall = "breakdown_overall"
    case breakdownOverallFigure = "breakdown_overall_figure"
    case breakdownNoneDiffer = "breakdown_none_differ"
    case breakdownSignificantlyBetter = "breakdown_significantly_better"
    case breakdownSignificantlyWorse = "breakdown_significantly_worse"
    case breakdownSignificantlyHigher = "breakdown_significantly_higher"
    case breakdownSignificantlyLower = "breakdown_significantly_lower"
    case breakdownSignificantlyBetterThanIt = "breakdown_significantly_better_than_it"
    case breakdownSignificantlyWorseThanIt = "breakdown_significantly_worse_than_it"
    case breakdownSignificantlyLowerThanIt = "breakdown_significantly_lower_than_it"
    case breakdownSignificanceOne = "breakdown_significance_one"
    case breakdownSignificanceBoth = "breakdown_significance_both"
    case breakdownUntested = "breakdown_untested"
    case breakdownPairMissingIntervals = "breakdown_pair_missing_intervals"
    case breakdownPairOverlap = "breakdown_pair_overlap"
    case breakdownPairNoOverlap = "breakdown_pair_no_overlap"
    case breakdownChartTitle = "breakdown_chart_title"
    case breakdownChartDefaultTitle = "breakdown_chart_default_title"
    case breakdownChartBaseline = "breakdown_chart_baseline"
    case breakdownChartNoFigure = "breakdown_chart_no_figure"
    case breakdownChartNoFigureNote = "breakdown_chart_no_figure_note"
    case breakdownChartReference = "breakdown_chart_reference"

    // MARK: Trend charts
    case chartTitle = "chart_title"
    case chartTitleCompared = "chart_title_compared"
    case chartTarget = "chart_target"
    case chartTargetLegend = "chart_target_legend"
    case chartBreakInSeries = "chart_break_in_series"
    case chartLineLabel = "chart_line_label"
    case chartClauses = "chart_clauses"
    case chartSentence = "chart_sentence"
    case chartComparator = "chart_comparator"
    case chartNoFiguresForYears = "chart_no_figures_for_years"
    case chartYearsTwo = "chart_years_two"
    case chartOffScaleLarger = "chart_off_scale_larger"
    case chartOffScaleSmaller = "chart_off_scale_smaller"
    case chartNoFigures = "chart_no_figures"
    case chartSingleFigure = "chart_single_figure"
    case chartUnchanged = "chart_unchanged"
    case chartRose = "chart_rose"
    case chartFell = "chart_fell"
    case chartComparatorNoFigures = "chart_comparator_no_figures"
    case chartComparatorSingle = "chart_comparator_single"
    case chartComparatorUnchangedSameYears = "chart_comparator_unchanged_same_years"
    case chartComparatorUnchanged = "chart_comparator_unchanged"
    case chartComparatorRoseSameYears = "chart_comparator_rose_same_years"
    case chartComparatorFellSameYears = "chart_comparator_fell_same_years"
    case chartComparatorRose = "chart_comparator_rose"
    case chartComparatorFell = "chart_comparator_fell"

    // MARK: Figure references in the content's own words ({{indicator-id.field}})
    case figureReferenceNoFigure = "figure_reference_no_figure"
    case figureReferenceNoPeriod = "figure_reference_no_period"
    case figureReferenceNotAvailable = "figure_reference_not_available"
    case figureReferenceNotTested = "figure_reference_not_tested"
    case figureReferenceTooFewEvents = "figure_reference_too_few_events"
    case figureReferenceNoTarget = "figure_reference_no_target"
    case figureReferenceTargetBy = "figure_reference_target_by"
    case figureReferenceNoEarlier = "figure_reference_no_earlier"
    case figureReferenceNoChange = "figure_reference_no_change"
    case figureReferenceUp = "figure_reference_up"
    case figureReferenceDown = "figure_reference_down"

    // MARK: Page titles and navigation
    case atAGlanceTitle = "at_a_glance_title"
    case atAGlanceDescription = "at_a_glance_description"
    case indicatorsTitle = "indicators_title"
    case indicatorsDescription = "indicators_description"

    // MARK: An indicator's figures
    case figureNone = "figure_none"
    case headlineNoFigure = "headline_no_figure"
    case latestNoFigure = "latest_no_figure"
    case comparatorNotAvailable = "comparator_not_available"
    case newerGap = "newer_gap"
    case newerGapNote = "newer_gap_note"
    case downloadCsvLabel = "download_csv_label"
    case chartKeyProvisional = "chart_key_provisional"
    case chartKeyBreak = "chart_key_break"
    case provenanceSecondary = "provenance_secondary"
    case provenancePrimaryCopy = "provenance_primary_copy"
    case provenancePrimary = "provenance_primary"
    case sourceLicenceNotStated = "source_licence_not_stated"
    case intervalRange = "interval_range"
    case reliabilityNote = "reliability_note"

    // MARK: How a comparison was made
    case notComparedNoFigure = "not_compared_no_figure"
    case notComparedPeriodUnstated = "not_compared_period_unstated"
    case notComparedNoComparatorFigure = "not_compared_no_comparator_figure"
    case methodNotTestedCount = "method_not_tested_count"
    case methodNotTested = "method_not_tested"
    case methodTooFewEvents = "method_too_few_events"
    case methodDifferentScaleCount = "method_different_scale_count"
    case methodDifferentScale = "method_different_scale"
    case methodPublishedInterval = "method_published_interval"
    case methodComputedInterval = "method_computed_interval"
    case sideBySide = "side_by_side"
    case sideBySideNoFigure = "side_by_side_no_figure"

    // MARK: The data table
    case tableCaption = "table_caption"
    case flagKey = "flag_key"
    case flagKeyItem = "flag_key_item"
    case listSemicolon = "list_semicolon"
    case tableNoValue = "table_no_value"
    case tableNoValueNote = "table_no_value_note"
    case breakdownHeading = "breakdown_heading"
    case breakdownCaption = "breakdown_caption"

    // MARK: Progress against a target
    case targetNoFigure = "target_no_figure"
    case targetLevel = "target_level"
    case targetGoal = "target_goal"
    case targetAbove = "target_above"
    case targetShort = "target_short"
    case targetBelowCeiling = "target_below_ceiling"
    case targetAboveCeiling = "target_above_ceiling"
    case targetPeriodUnstated = "target_period_unstated"
    case targetPeriodUnstatedBy = "target_period_unstated_by"
    case targetPredates = "target_predates"
    case flagProvisional = "flag_provisional"
    case flagRevised = "flag_revised"
    case flagEstimated = "flag_estimated"
    case flagBreakInSeries = "flag_break_in_series"
    case flagSuppressed = "flag_suppressed"
    case flagNotAvailable = "flag_not_available"
    case flagNotApplicable = "flag_not_applicable"
    case flagLowReliability = "flag_low_reliability"

    // MARK: The accessibility statement's summary
    case statementNoResults = "statement_no_results"
    case statementSummary = "statement_summary"
    case statementTestedOn = "statement_tested_on"
    case statementTestedWith = "statement_tested_with"
    case statementToolAxe = "statement_tool_axe"
    case statementToolChromium = "statement_tool_chromium"
    case statementToolsBoth = "statement_tools_both"
    case statementPages = "statement_pages"
    case statementFailuresAt = "statement_failures_at"
    case statementFailuresAtNext = "statement_failures_at_next"
    case statementOtherChecks = "statement_other_checks"
    case intervalMethodWilson = "interval_method_wilson"
    case intervalMethodByar = "interval_method_byar"
    case intervalMethodExactPoisson = "interval_method_exact_poisson"

    // MARK: An outcome's printable briefing
    case briefingLink = "briefing_link"
    case briefingKicker = "briefing_kicker"
    case briefingTitle = "briefing_title"
    case briefingDescription = "briefing_description"
    case briefingAsOf = "briefing_as_of"
    case briefingAsOfPeriods = "briefing_as_of_periods"
    case briefingPrintHint = "briefing_print_hint"
    case briefingIndicatorsHeading = "briefing_indicators_heading"
    case briefingIndicatorSource = "briefing_indicator_source"
    case briefingIndicatorLink = "briefing_indicator_link"
    case briefingCommitmentsHeading = "briefing_commitments_heading"
    case briefingSourcesHeading = "briefing_sources_heading"
    case briefingSourceItem = "briefing_source_item"

    // MARK: Embeds: the embed page, and the code to embed it on the indicator page
    case embedTableSummary = "embed_table_summary"
    case embedLatestPeriod = "embed_latest_period"
    case embedFullPageLink = "embed_full_page_link"
    case embedHeading = "embed_heading"
    case embedIntro = "embed_intro"
    case embedIframeLabel = "embed_iframe_label"
    case embedImageLabel = "embed_image_label"
    case embedIframeTitle = "embed_iframe_title"

    /// The placeholders the generator fills in, by name.
    public var placeholders: [String] {
        switch self {
        case .briefingTitle, .briefingDescription: ["outcome"]
        case .briefingAsOf: ["date"]
        case .briefingIndicatorSource: ["publisher", "title"]
        case .briefingSourceItem: ["publisher", "title", "licence"]
        case .footerPublished:
            ["organisation", "last_reviewed"]
        case .footerLicence:
            ["licence_link"]
        case .columnComparedWith, .glanceCaptionHeadline, .glanceCaptionAll, .indicatorsCaption:
            ["national"]
        case .commitmentsHeadingBy:
            ["plan_horizon"]
        case .siblingLink:
            ["title"]
        case .commitmentKickerDue:
            ["due"]
        case .targetDataLink:
            ["indicator"]
        case .statusLine:
            ["status"]
        case .statusAssessment:
            ["verdict", "by", "on"]
        case .statusAssessedBy:
            ["assessed_by"]
        case .statusAssessedOn, .periodOn, .figuresUpdated, .nextUpdateDue:
            ["date"]
        case .updatesFeedTitle:
            ["site_title"]
        case .updatesFeedSummary:
            ["title", "date"]
        case .fileSizeKb, .fileSizeMb:
            ["size"]
        case .directionLabel:
            ["direction.phrase"]
        case .comparedWithLabel:
            ["name", "label"]
        case .targetLine:
            ["label", "value"]
        case .targetLineBy:
            ["label", "value", "by"]
        case .chartTableNote:
            ["table_link"]
        case .downloadIndicatorData, .downloadChart:
            ["file"]
        case .chartFileSource:
            ["publisher", "title"]
        case .chartFileLicence:
            ["licence"]
        case .chartFileLatest:
            ["period"]
        case .statementResultsCaption:
            ["pages_tested", "tested_on"]
        case .statementTools:
            ["tool_list", "wcag_tags"]
        case .notFoundWhere:
            ["home_link", "indicators_link"]
        case .notFoundHomeLink:
            ["site_title"]
        case .date:
            ["day", "month", "year"]
        case .periodIn, .periodUnstated:
            ["period"]
        case .figureWhen, .chartSingleFigure:
            ["figure", "when"]
        case .periodSpan:
            ["from", "to"]
        case .numberPercent, .percentagePoints:
            ["number"]
        case .numberWithUnit:
            ["number", "unit"]
        case .listComma, .listOr:
            ["list", "next"]
        case .listAnd:
            ["list", "last"]
        case .withNote:
            ["text", "note"]
        case .trendPhraseWindow:
            ["direction", "window"]
        case .trendPhraseNotAssessed:
            ["reason"]
        case .trendVerdictRiseHigherBetter, .trendVerdictRiseLowerBetter, .trendVerdictFallHigherBetter, .trendVerdictFallLowerBetter,
            .trendVerdictNoChange, .trendVerdictUnsteady:
            ["direction", "span"]
        case .trendBasisComputedIntervals:
            ["methods"]
        case .movementUp, .movementDown, .movementSame:
            ["latest", "earlier"]
        case .movementUpSince, .movementDownSince, .movementSameSince:
            ["latest", "earlier", "first"]
        case .noTrendSentence:
            ["why"]
        case .noTrendWhyRollingPeriods, .noTrendWhyMultiYearPeriods:
            ["example", "needs"]
        case .noTrendWhyQuarterly, .noTrendWhySingleDates:
            ["needs"]
        case .noTrendWhyFewerThanFive:
            ["count", "needs"]
        case .noTrendWhyBreakInSeries, .noTrendWhyGap:
            ["period", "figures", "needs"]
        case .yearlyFigures, .breakdownUntested:
            ["count"]
        case .comparisonBetter, .comparisonSimilar, .comparisonWorse, .comparisonHigher, .comparisonLower, .chartOffScaleLarger,
            .chartOffScaleSmaller:
            ["name"]
        case .breakdownOnlyOne:
            ["category", "value"]
        case .noFigureFor:
            ["list"]
        case .breakdownOrderedSame:
            ["first", "last", "value"]
        case .breakdownOrderedRises, .breakdownOrderedFalls:
            ["first", "last", "from", "to", "gap"]
        case .breakdownAllSame, .breakdownChartBaseline, .chartTarget, .chartTargetLegend, .chartComparatorUnchangedSameYears:
            ["value"]
        case .breakdownHighestLowest:
            ["high", "high_value", "low", "low_value", "gap"]
        case .breakdownOverall:
            ["area"]
        case .breakdownOverallFigure:
            ["area", "value"]
        case .breakdownNoneDiffer:
            ["overall"]
        case .breakdownSignificantlyBetter, .breakdownSignificantlyWorse, .breakdownSignificantlyHigher, .breakdownSignificantlyLower:
            ["overall", "groups"]
        case .breakdownSignificantlyBetterThanIt, .breakdownSignificantlyWorseThanIt, .breakdownSignificantlyLowerThanIt:
            ["groups"]
        case .breakdownSignificanceOne:
            ["first"]
        case .breakdownSignificanceBoth:
            ["first", "second"]
        case .breakdownChartTitle:
            ["title", "area", "period"]
        case .breakdownChartDefaultTitle:
            ["indicator", "dimension"]
        case .breakdownChartNoFigureNote:
            ["note"]
        case .breakdownChartReference:
            ["name", "value"]
        case .chartTitle:
            ["indicator", "area"]
        case .chartTitleCompared:
            ["indicator", "area", "comparators"]
        case .chartClauses:
            ["first", "next"]
        case .chartSentence:
            ["text"]
        case .chartComparator:
            ["name", "movement"]
        case .chartNoFiguresForYears:
            ["years"]
        case .chartYearsTwo:
            ["first", "last"]
        case .chartUnchanged, .chartComparatorUnchanged:
            ["value", "from", "to"]
        case .chartRose, .chartFell, .chartComparatorRose, .chartComparatorFell:
            ["start", "start_when", "end", "end_when"]
        case .chartComparatorSingle:
            ["value", "when"]
        case .chartComparatorRoseSameYears, .chartComparatorFellSameYears:
            ["start", "end"]
        case .chartLineLabel: ["name", "value"]
        case .figureReferenceTargetBy: ["target", "by"]
        case .downloadCsvLabel: ["format", "size"]
        case .figureReferenceNoChange: ["period"]
        case .figureReferenceUp, .figureReferenceDown: ["difference", "from", "when"]
        case .atAGlanceDescription: ["site_title", "national"]
        case .finderStatus: ["count"]
        case .embedIframeTitle: ["indicator"]
        case .indicatorsDescription: ["site_title", "national"]
        case .newerGap: ["period"]
        case .newerGapNote: ["period", "note"]
        case .intervalRange: ["lower", "upper"]
        case .reliabilityNote: ["events"]
        case .notComparedNoFigure: ["name"]
        case .notComparedPeriodUnstated: ["name"]
        case .notComparedNoComparatorFigure: ["name", "period"]
        case .methodNotTestedCount: ["side_by_side"]
        case .methodNotTested: ["side_by_side"]
        case .methodTooFewEvents: ["reliability", "side_by_side"]
        case .methodDifferentScaleCount: ["unit", "area", "name"]
        case .methodDifferentScale: ["name"]
        case .methodPublishedInterval: ["name"]
        case .methodComputedInterval: ["count", "method", "interval", "name"]
        case .sideBySide: ["area", "value", "name", "theirs", "period"]
        case .tableCaption: ["indicator", "areas", "unit"]
        case .flagKey: ["flags"]
        case .flagKeyItem: ["letter", "meaning"]
        case .listSemicolon: ["list", "next"]
        case .tableNoValueNote: ["note"]
        case .breakdownHeading: ["dimension", "period"]
        case .breakdownCaption: ["title", "unit"]
        case .targetNoFigure: ["indicator"]
        case .targetLevel: ["figure", "label"]
        case .targetGoal: ["number", "label"]
        case .targetAbove: ["figure", "goal"]
        case .targetShort: ["figure", "gap", "goal"]
        case .targetBelowCeiling: ["figure", "label"]
        case .targetAboveCeiling: ["figure", "gap", "label"]
        case .targetPeriodUnstatedBy: ["by"]
        case .targetPredates: ["period", "by"]
        case .statementNoResults: ["date"]
        case .statementSummary: ["tested", "results"]
        case .statementTestedOn: ["date"]
        case .statementTestedWith: ["date", "tools"]
        case .statementToolAxe: ["version"]
        case .statementToolChromium: ["version"]
        case .statementToolsBoth: ["axe", "chromium"]
        case .statementPages: ["count"]
        case .statementFailuresAt: ["count", "check"]
        case .statementFailuresAtNext: ["failures", "check"]
        case .statementOtherChecks: ["failures", "count"]
        default: []
        }
    }

    /// The placeholder whose number chooses the plural form, for an entry that counts something.
    public var count: String? {
        switch self {
        case .noTrendWhyFewerThanFive, .yearlyFigures, .breakdownUntested, .statementPages, .statementFailuresAt, .statementOtherChecks,
            .finderStatus:
            "count"
        default: nil
        }
    }

    /// "{a} and {b}": the placeholders as a reader of a message sees them.
    var placeholderList: String { placeholders.isEmpty ? "no placeholders" : placeholders.map { "{\($0)}" }.joined(separator: ", ") }

    /// What a missing entry should hold, for `check`'s message.
    var example: String {
        let text = placeholders.isEmpty ? "<text>" : "\"<text with \(placeholderList)>\""
        return count == nil ? text : "{ one: \(text), other: \(text) } (the plural forms of the language)"
    }
}
