import Foundation

/// One breakdown's chart (wide and narrow drawings), table and sentence for the indicator page.
struct BreakdownPresenter {
    var breakdown: Breakdown
    var indicator: Indicator
    var national: String
    var index: Int
    var words: Words

    private func format(_ value: Double?) -> String {
        value.map { NumberFormat.format($0, decimals: indicator.decimals) } ?? "–"
    }

    private func interval(_ lower: Double?, _ upper: Double?) -> String {
        guard let lower, let upper else { return "–" }
        return words(.intervalRange, ["lower": format(lower), "upper": format(upper)])
    }

    func record() -> Record {
        let chart = BreakdownChart(breakdown: breakdown, indicator: indicator, national: national, index: index, words: words)
        var narrow = chart
        narrow.narrow = true
        let hasCI =
            breakdown.categories.contains(where: \.hasInterval)
            || breakdown.overall?.lowerCI != nil || breakdown.national?.lowerCI != nil
        let hasNotes = breakdown.categories.contains { $0.note != nil }
        var rows: [Record.Row] = breakdown.categories.map { category in
            Record.Row(
                category: category.category,
                value: category.value.map { NumberFormat.format($0, decimals: indicator.decimals) } ?? words(.tableNoValue),
                ci: hasCI ? TextCell(text: interval(category.lowerCI, category.upperCI)) : nil,
                note: hasNotes ? TextCell(text: category.note ?? "") : nil)
        }
        for (name, figure) in [
            (words(.breakdownOverall, ["area": indicator.geography]), breakdown.overall), (national, breakdown.national),
        ] {
            guard let figure, let value = figure.value else { continue }
            rows.append(
                Record.Row(
                    category: name, value: format(value),
                    ci: hasCI ? TextCell(text: interval(figure.lowerCI, figure.upperCI)) : nil,
                    note: hasNotes ? TextCell(text: "") : nil))
        }
        let heading = words(.breakdownHeading, ["dimension": breakdown.dimension, "period": PeriodText.display(breakdown.period, words)])
        return Record(
            heading: heading, id: "breakdown-\(index + 1)",
            chart: chart.svg(), chartNarrow: narrow.svg(),
            baselineNote: TemplateText.optional(chart.baselineNote),
            sentence: BreakdownSummary(breakdown: breakdown, indicator: indicator, words: words).sentence,
            caption: words(.breakdownCaption, ["title": chart.title, "unit": indicator.unit]),
            dimension: breakdown.dimension.prefix(1).uppercased() + breakdown.dimension.dropFirst(),
            hasCI: hasCI, hasNotes: hasNotes, rows: rows)
    }

    /// One breakdown as `indicator.mustache` shows it, inside `{{#breakdowns}}`.
    struct Record: TemplateModel {
        var heading: String
        var id: String
        var chart: String
        var chartNarrow: String
        var baselineNote: String?
        var sentence: String
        var caption: String
        var dimension: String
        var hasCI: Bool
        var hasNotes: Bool
        var rows: [Row]

        static let keys = TemplateKeys<Self>([
            .text("heading", "\"By age, 2022\": the dimension and the period.", \.heading),
            .text("id", "An id for the section, unique on the page: `breakdown-1`.", \.id),
            .html("chart", "The bar chart, as SVG.", \.chart),
            .html("chart_narrow", "The bar chart drawn for a narrow screen.", \.chartNarrow),
            .text("baseline_note", "Said when the bars do not start at zero.", \.baselineNote),
            .text("sentence", "What the breakdown shows, in a sentence.", \.sentence),
            .text("caption", "The table's caption.", \.caption),
            .text("dimension", "The dimension, capitalised, for the first column's heading.", \.dimension),
            .flag("has_ci", "Whether the table has a confidence interval column.", \.hasCI),
            .flag("has_notes", "Whether the table has a note column.", \.hasNotes),
            .list("rows", "Each category, then the area overall and the national figure where there are.", \.rows),
        ])

        struct Row: TemplateModel {
            var category: String
            var value: String
            var ci: TextCell?
            var note: TextCell?

            static let keys = TemplateKeys<Self>([
                .text("category", "The category.", \.category),
                .text("value", "Its figure, or \"No value\".", \.value),
                .record("ci", "Its 95% confidence interval, when the table has the column.", \.ci),
                .record("note", "Its note, when the table has the column.", \.note),
            ])
        }
    }
}

/// A table cell that only some tables have: `{{#ci}}<td>{{text}}</td>{{/ci}}`.
struct TextCell: TemplateModel {
    var text: String

    static let keys = TemplateKeys<Self>([
        .text("text", "The cell's text.", \.text)
    ])
}
