/// The records templates show of an indicator: its tile and its row on other pages, and
/// the parts of its own page. `IndicatorPresenter` makes them.

/// `partials/indicator-tile.mustache`: an indicator on an outcome, commitment or the home page.
struct IndicatorTile: TemplateModel {
    var title: String
    var href: String
    var headline: String
    var sparkline: String
    var comparison: Comparison?
    var direction: Direction?

    static let keys = TemplateKeys<Self>([
        .text("title", "The indicator's title.", \.title),
        .text("href", "Link to its page.", \.href),
        .text("headline", "The latest figure with its unit and period.", \.headline),
        .html("sparkline", "A small chart of the series, as SVG (hidden from screen readers).", \.sparkline),
        .record("comparison", "How it compares with the national figure, only when the two can be compared.", \.comparison),
        .record("direction", "Its direction of travel, unless there is only one figure.", \.direction),
    ])

    /// How the latest figure compares with the national figure.
    struct Comparison: TemplateModel {
        var label: String
        var cssClass: String

        static let keys = TemplateKeys<Self>([
            .text("label", "The comparison, in words: \"better than England\".", \.label),
            .text("class", "For a CSS class: `better`, `worse`, `neutral`….", \.cssClass),
        ])
    }

    /// Which way the figures are going.
    struct Direction: TemplateModel {
        var phrase: String
        var cssClass: String

        static let keys = TemplateKeys<Self>([
            .text("phrase", "The direction of travel, in words: \"improving\".", \.phrase),
            .text("class", "For a CSS class: `better`, `worse`, `neutral`.", \.cssClass),
        ])
    }
}

/// A row of the indicators page's table.
struct IndicatorRow: TemplateModel {
    var title: String
    var href: String
    var latest: String
    var period: String
    var national: String
    var comparison: String
    var comparisonClass: String
    var trend: String
    var summary: String
    var keywords: String

    static let keys = TemplateKeys<Self>([
        .text("title", "The indicator's title.", \.title),
        .text("href", "Link to its page.", \.href),
        .text("latest", "The latest figure with its unit, or \"No figure\".", \.latest),
        .text("period", "Its period; empty when there is no figure.", \.period),
        .flag("has_period", "Whether there is a period (a figure).", { !$0.period.isEmpty }),
        .text("national", "The national figure for the same period, or \"Not available\".", \.national),
        .text("comparison", "How it compares with the national figure.", \.comparison),
        .text("comparison_class", "The comparison for a CSS class: `better`, `worse`, `neutral`….", \.comparisonClass),
        .text("trend", "The direction of travel, in a phrase.", \.trend),
        .text("summary", "Its summary; empty when it has none (the finder matches it).", \.summary),
        .text("keywords", "Its `keywords`, joined by commas, for the finder's `data-keywords`.", \.keywords),
    ])
}

/// An outcome and its indicators on the indicators page; the last group holds the indicators no
/// outcome lists.
struct IndicatorGroup: TemplateModel {
    var title: String
    var href: String
    var id: String
    var rows: [IndicatorRow]

    static let keys = TemplateKeys<Self>([
        .text("title", "The outcome's title, or the heading for indicators no outcome lists.", \.title),
        .text("href", "Link to the outcome's page; empty for the last group.", \.href),
        .flag("has_page", "Whether the group is an outcome with a page (not the last group).", { !$0.href.isEmpty }),
        .text("id", "An id for the group's heading, unique on the page.", \.id),
        .list("rows", "Each of its indicators, in the order the outcome lists them (the last group: by title).", \.rows),
    ])
}

/// The finder above the A-to-Z table: the words its script shows, so the script holds none.
struct IndicatorFinder: TemplateModel {
    var label: String
    var statuses: [FinderStatus]
    /// Link to Pagefind's script when `full_text_search` is on.
    var fullTextSearch: String?

    static let keys = TemplateKeys<Self>([
        .text("label", "The search input's label.", \.label),
        .list("statuses", "What the status region says, in each plural form the language uses.", \.statuses),
        .text("full_text_search", "Link to Pagefind's script when `full_text_search` is on; absent otherwise.", \.fullTextSearch),
    ])
}

/// One plural form of the finder's status sentence, for `data-status-<category>`.
struct FinderStatus: TemplateModel {
    var category: String
    var text: String

    static let keys = TemplateKeys<Self>([
        .text("category", "The CLDR plural category: `one`, `other` (and `zero`, `two`, `few`, `many` in Welsh).", \.category),
        .text("text", "The sentence, with `{count}` for the script to fill.", \.text),
    ])
}

extension IndicatorPage {
    /// The direction of travel on the indicator's page.
    struct Direction: TemplateModel {
        var cssClass: String
        var sentence: String
        var phrase: String

        static let keys = TemplateKeys<Self>([
            .text("class", "For a CSS class: `better`, `worse`, `neutral`.", \.cssClass),
            .text("sentence", "What the trend test found, in a sentence.", \.sentence),
            .text("phrase", "The direction, in a phrase: \"improving\".", \.phrase),
        ])
    }

    /// A comparison with the national or regional figure, on the indicator's page.
    struct Comparison: TemplateModel {
        var name: String
        var label: String
        var cssClass: String
        var method: String

        static let keys = TemplateKeys<Self>([
            .text("name", "The comparator: England, East of England….", \.name),
            .text("label", "The result: \"worse than England\", \"not compared\".", \.label),
            .text("class", "For a CSS class: `better`, `worse`, `neutral`….", \.cssClass),
            .text("method", "How it was compared, or why it was not.", \.method),
        ])
    }

    /// The indicator's target (`target` in its file).
    struct Target: TemplateModel {
        var label: String
        var value: String
        var by: String?

        static let keys = TemplateKeys<Self>([
            .text("label", "The target, in words.", \.label),
            .text("value", "Its figure, with the unit.", \.value),
            .text("by", "When it is to be met.", \.by),
        ])
    }

    /// Where an indicator's figures come from (`source` in its file).
    struct Source: TemplateModel {
        var publisher: String
        var title: String
        var licence: String
        var url: String?
        var retrievedFrom: String?

        static let keys = TemplateKeys<Self>([
            .text("publisher", "Who publishes the figures.", \.publisher),
            .text("title", "The publication's title.", \.title),
            .text("licence", "Its licence, or \"Not stated by the source\".", \.licence),
            .text("url", "Its address.", \.url),
            .text("retrieved_from", "The copy the figures were read from, when not the publisher's own.", \.retrievedFrom),
        ])
    }
}

/// The indicator's data table: the chart's figures, one row per period, latest first.
struct DataTable: TemplateModel {
    var caption: String
    var geography: String
    var hasCI: Bool
    var hasNotes: Bool
    var comparatorNames: [ComparatorName]
    var rows: [Row]
    var flagKey: String?

    static let keys = TemplateKeys<Self>([
        .text("caption", "The table's caption.", \.caption),
        .text("geography", "The area, for its column's heading.", \.geography),
        .flag("has_ci", "Whether the table has a confidence interval column.", \.hasCI),
        .flag("has_notes", "Whether the table has a note column.", \.hasNotes),
        .list("comparator_names", "The comparators with figures, for their columns' headings.", \.comparatorNames),
        .list("rows", "Each period, latest first.", \.rows),
        .text("flag_key", "What the flags in the table ([p], [b]…) mean, when it has any.", \.flagKey),
    ])

    struct ComparatorName: TemplateModel {
        var name: String

        static let keys = TemplateKeys<Self>([
            .text("name", "The comparator's name.", \.name)
        ])
    }

    /// One period.
    struct Row: TemplateModel {
        var period: String
        var value: String
        var flags: [Flag]
        var ci: TextCell?
        var note: TextCell?
        var comparators: [Cell]

        static let keys = TemplateKeys<Self>([
            .text("period", "The period, as people write it.", \.period),
            .text("value", "The area's figure; \"No value\" and why, or \"–\" when the series has no such period.", \.value),
            .list("flags", "The figure's flags.", \.flags),
            .record("ci", "Its 95% confidence interval, when the table has the column.", \.ci),
            .record("note", "Its note, when the table has the column.", \.note),
            .list("comparators", "Each comparator's figure for the period, in the order of `comparator_names`.", \.comparators),
        ])
    }

    /// A comparator's figure for one period.
    struct Cell: TemplateModel {
        var value: String
        var flags: [Flag]

        static let keys = TemplateKeys<Self>([
            .text("value", "The figure, or \"–\".", \.value),
            .list("flags", "The figure's flags.", \.flags),
        ])
    }

    /// A GSS flag beside a figure: "[p]".
    struct Flag: TemplateModel {
        var letter: String
        var meaning: String

        static let keys = TemplateKeys<Self>([
            .text("letter", "The flag's letter: p, r, b….", \.letter),
            .text("meaning", "What it means, for screen readers: \"provisional\".", \.meaning),
        ])
    }
}

/// A day as a reader reads it and as a machine does, for `<time datetime="{{iso}}">{{date}}</time>`.
struct DayText: TemplateModel {
    var date: String
    var iso: String

    init(_ day: CalendarDate, words: Words) {
        date = day.long(words)
        iso = day.description
    }

    static let keys = TemplateKeys<Self>([
        .text("date", "The day in words: \"3 November 2026\".", \.date),
        .text("iso", "The day as YYYY-MM-DD, for `<time datetime>`.", \.iso),
    ])
}
