import Foundation

/// An indicator's trend chart as a file of its own (`data/<id>-chart.svg`): the wide drawing
/// of the page, under its title, with a footer naming the source, the licence and the latest
/// period. It carries its own `<style>` with the light theme's colours written out, so it looks
/// the same opened alone, pasted into a document or drawn on a canvas: no CSS variables, no
/// external references. It has no build date, so a rebuild of the same content is identical.
struct TrendChartFile {
    var indicator: Indicator
    var national: String
    var regional: String?
    var words: Words

    private static let margin = 8.0
    private static let titleSize = 18.0
    private static let titleLineHeight = 24.0
    private static let footerSize = 13.0
    private static let footerLineHeight = 18.0

    /// The light theme of `templates/assets/site.css`, written out (a file cannot read the page's variables).
    static let style =
        "svg{font-family:Arial,Helvetica,sans-serif;font-size:15px}"
        + "text{fill:#1b1b1b}.chart-file-title{font-size:18px;font-weight:700}.chart-file-footer{font-size:13px;fill:#4a4a4a}"
        + ".chart-grid{stroke:#d0d3d8;stroke-width:1}.chart-baseline{stroke:#6b6f76;stroke-width:1.5}"
        + ".chart-tick{stroke:#6b6f76;stroke-width:1}.chart-line{fill:none;stroke-width:2.5}"
        + ".chart-area .chart-line{stroke:#1d43a6}.chart-area .chart-point{fill:#1d43a6}"
        + ".chart-national .chart-line{stroke:#4a4a4a;stroke-dasharray:8 5}.chart-national .chart-point{fill:#4a4a4a}"
        + ".chart-regional .chart-line{stroke:#8a4b08;stroke-dasharray:2 4}.chart-regional .chart-point{fill:#8a4b08}"
        + ".chart-ci{stroke:#1b1b1b;stroke-width:1.5;fill:none}"
        + ".chart-point-provisional{fill:#ffffff;stroke-width:2.5}"
        + ".chart-area .chart-point-provisional{fill:#ffffff;stroke:#1d43a6}"
        + ".chart-national .chart-point-provisional{fill:#ffffff;stroke:#4a4a4a}"
        + ".chart-regional .chart-point-provisional{fill:#ffffff;stroke:#8a4b08}"
        + ".chart-break line{stroke:#1b1b1b;stroke-width:1.5}.chart-break text{font-size:12px}"
        + ".chart-target line{stroke:#0f5c2e;stroke-width:2;stroke-dasharray:3 3}"
        + ".chart-label,.chart-last-value{font-weight:700}"

    /// The file of each indicator's chart, in site order.
    static func files(of site: Site, parallel: Bool = true) -> [OutputFile] {
        drawn(of: site, parallel: parallel).map(\.file)
    }

    /// The file of each indicator's chart, in site order, with the page's two drawings of
    /// it: the file's drawing is the page's wide one, so each chart is drawn once.
    static func drawn(of site: Site, parallel: Bool = true) -> [(file: OutputFile, page: TrendChart.Drawings)] {
        Parallel.map(site.indicators, enabled: parallel) { indicator in
            let file = TrendChartFile(
                indicator: indicator, national: site.config.nationalComparator, regional: site.config.regionalComparator,
                words: site.words)
            let drawn = file.drawn()
            return (OutputFile(path: Route.indicatorChart(id: indicator.id).path, contents: Data(drawn.file.bytes)), drawn.page)
        }
    }

    /// The footer's lines: the source, the licence, the latest period with a figure.
    func footer() -> [String] {
        let source = indicator.source
        var lines = [words(.chartFileSource, ["publisher": source.publisher, "title": source.title])]
        lines.append(words(.chartFileLicence, ["licence": source.licence ?? words(.sourceLicenceNotStated)]))
        if let latest = indicator.series.last(where: { $0.value != nil }) {
            lines.append(words(.chartFileLatest, ["period": PeriodText.display(latest.period, words)]))
        }
        return lines
    }

    func svg() -> String { drawn().file.string }

    /// The file's text, and the page's wide and narrow drawings from the same reading.
    func drawn() -> (file: SVGText, page: TrendChart.Drawings) {
        let chart = TrendChart(indicator: indicator, national: national, regional: regional, words: words)
        let reading = chart.reading()
        let frame = chart.frame(for: reading)
        let drawing = chart.drawing(reading, frame: frame)
        var narrow = chart
        narrow.narrow = true
        let page = TrendChart.Drawings(
            wide: chart.svg(reading, frame: frame, drawing: drawing).string, narrow: narrow.svg(reading),
            description: reading.title + ". " + reading.description)
        let width = frame.width
        let titleLines = Self.wrap(reading.title, width: width - 2 * Self.margin, size: Self.titleSize)
        let footerLines = footer().flatMap { Self.wrap($0, width: width - 2 * Self.margin, size: Self.footerSize) }
        let chartTop = Self.margin + Double(titleLines.count) * Self.titleLineHeight
        let footerTop = chartTop + frame.height
        let height = footerTop + Double(footerLines.count) * Self.footerLineHeight + Self.margin
        var svg: SVGText = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        svg.reserveCapacity(drawing.bytes.count + Self.style.utf8.count + 2 * reading.description.utf8.count + 1024)
        svg +=
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(width)\" height=\"\(height)\" viewBox=\"0 0 \(width) \(height)\" role=\"img\" aria-labelledby=\"chart-title\" aria-describedby=\"chart-desc\">\n"
        svg += "<title id=\"chart-title\">\(escaped: reading.title)</title>\n"
        svg += "<desc id=\"chart-desc\">\(escaped: reading.description)</desc>\n"
        svg += "<style>\(Self.style)</style>\n"
        svg.append("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n")
        for (row, line) in titleLines.enumerated() {
            let y = Self.margin + Double(row) * Self.titleLineHeight + Self.titleSize
            svg += "<text class=\"chart-file-title\" x=\"\(Self.margin)\" y=\"\(y)\">\(escaped: line)</text>\n"
        }
        svg += "<g class=\"chart\" transform=\"translate(0 \(chartTop))\">"
        svg += drawing
        svg.append("</g>\n<g class=\"chart-file-footer\">")
        for (row, line) in footerLines.enumerated() {
            let y = footerTop + Double(row) * Self.footerLineHeight + Self.footerSize
            svg += "<text class=\"chart-file-footer\" x=\"\(Self.margin)\" y=\"\(y)\">\(escaped: line)</text>"
        }
        svg.append("</g>\n</svg>\n")
        return (svg, page)
    }

    /// `text` broken at spaces into lines that fit `width` at font size `size` (by `ChartText`'s
    /// generous estimate); a word longer than a line stands alone.
    static func wrap(_ text: String, width: Double, size: Double) -> [String] {
        let perCharacter = ChartText.charWidth * size / 15
        let most = max(8, Int(width / perCharacter))
        var lines: [String] = []
        // The line's length in Characters, kept as it grows rather than counted again for each word.
        var line = ""
        var lineLength = 0
        for (word, length) in words(text) {
            if lineLength == 0 {
                (line, lineLength) = (word, length)
            } else if lineLength + 1 + length <= most {
                line += " "
                line += word
                lineLength += 1 + length
            } else {
                lines.append(line)
                (line, lineLength) = (word, length)
            }
        }
        if !line.isEmpty || lines.isEmpty { lines.append(line) }
        return lines
    }

    /// `text` split at its spaces, as `split(separator: " ")` splits its Characters, each word with
    /// its length in Characters.
    private static func words(_ text: String) -> [(word: String, length: Int)] {
        // In ASCII without a CR (which joins a following LF), each byte is a Character: the bytes are
        // split and counted as they are, without Swift's grapheme breaking, most of the cost.
        let utf8 = text.utf8
        if utf8.allSatisfy({ $0 < 0x80 && $0 != 0x0D }) {
            return utf8.split(separator: UInt8(ascii: " ")).map { (String(decoding: $0, as: UTF8.self), $0.count) }
        }
        var words: [(word: String, length: Int)] = []
        var word = ""
        var length = 0
        for character in text {
            if character != " " {
                word.append(character)
                length += 1
            } else if length > 0 {
                words.append((word, length))
                (word, length) = ("", 0)
            }
        }
        if length > 0 { words.append((word, length)) }
        return words
    }
}
