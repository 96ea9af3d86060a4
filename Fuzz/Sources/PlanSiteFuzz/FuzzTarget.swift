import Foundation

@testable import PlanSiteKit

/// SwiftPM links an executable's entry point as `<module>_main`; libFuzzer's own `main` is then
/// never used, so this one hands over to libFuzzer's driver.
@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzerDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt
) -> CInt

@_cdecl("PlanSiteFuzz_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var arguments = argv
    return runFuzzerDriver(&count, &arguments) { fuzzOneInput($0, $1) }
}

/// libFuzzer calls this with each input it makes. The first byte chooses the reader (0 indicator,
/// 1 front matter and page, 2 site.yml, 3 CSV fields written and read back, 4 an indicator's CSV table);
/// the rest is the file. A crash, a trap or a hang here is a bug: every input must end
/// in a site or in diagnostics.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ start: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    guard count > 0 else { return 0 }
    let data = Data(UnsafeBufferPointer(start: start + 1, count: count - 1))
    var problems: [Diagnostic] = []
    let location = SourceLocation(path: "fuzz")
    guard let text = TextFileReader.decode(data, at: location, problems: &problems) else { return 0 }
    switch start[0] % 5 {
    case 0: FuzzedFile.indicator(text)
    case 1: FuzzedFile.page(text)
    case 2: FuzzedFile.siteConfig(text)
    case 3: FuzzedFile.csv(text)
    default: FuzzedFile.spreadsheet(text)
    }
    return 0
}

/// Words are `Words.empty`: a missing entry reads as its key, so the charts and target
/// sentences run every path without a word file.
enum FuzzedFile {
    /// An indicator whose figures are in `indicators/<id>.csv` (the spreadsheet reader), then charts.
    static func spreadsheet(_ text: String) {
        var problems: [Diagnostic] = []
        let yaml =
            "id: fuzz\ntitle: T\nunit: '%'\ndecimals: 1\npolarity: higher-is-better\ngeography: Luton\n"
            + "source: { publisher: P, title: T }\n"
        guard let document = YAMLDocument.parse(yaml, path: "fuzz.yml", problems: &problems) else { return }
        var reader = IndicatorReader(document: document, expectedID: "fuzz", path: "fuzz.yml")
        reader.hasTable = true
        reader.table = SpreadsheetTable.read(text, path: "fuzz.csv", problems: &problems)
        guard let indicator = reader.read(problems: &problems) else { return }
        _ = TrendChart.drawings(of: indicator, national: "England", regional: "East of England", words: .empty)
    }

    /// The indicator reader, then what the build does with a figure: charts, target
    /// progress, the CSV download (2.8e20 and ±1e308 crashed and hung here).
    static func indicator(_ text: String) {
        var problems: [Diagnostic] = []
        guard let document = YAMLDocument.parse(text, path: "fuzz.yml", problems: &problems),
            let indicator = IndicatorReader(document: document, expectedID: "fuzz", path: "fuzz.yml").read(
                problems: &problems)
        else { return }
        _ = TrendChart.drawings(of: indicator, national: "England", regional: "East of England", words: .empty)
        for value in [1.0, 425, -3, 1e300] {
            let target = CommitmentTarget(
                indicator: Located(value: indicator.id, location: SourceLocation(path: "fuzz")),
                value: value, by: "2030", label: "a target")
            _ = TargetProgress(target: target, indicator: indicator, words: .empty).sentence
            _ = TargetProgress(target: target, indicator: indicator, words: .empty).percent
        }
        FuzzedFile.csvFields(indicator.series.map(\.period) + [indicator.title, indicator.source.title])
    }

    /// The front-matter reader and the Markdown body's figure checks.
    static func page(_ text: String) {
        var problems: [Diagnostic] = []
        guard let parts = FrontMatter.split(text) else { return }
        var document: YAMLDocument?
        if let yaml = parts.yaml {
            document = YAMLDocument.parse(yaml, path: "fuzz.md", lineOffset: parts.yamlLineOffset, problems: &problems)
        }
        let reader = PageReader(
            path: "fuzz.md", sourceFile: "pages/fuzz.md", slug: "fuzz", kind: .commitment,
            document: document, body: parts.body, bodyFirstLine: parts.bodyFirstLine)
        _ = reader.read(problems: &problems)
        _ = FigureReference.scan(parts.body)
    }

    static func siteConfig(_ text: String) {
        var problems: [Diagnostic] = []
        guard let document = YAMLDocument.parse(text, path: "site.yml", problems: &problems) else { return }
        _ = SiteConfigReader(document: document).read(problems: &problems)
    }

    /// The CSV writer's escaping: every field must come back out of a CSV reader as it went in.
    static func csv(_ text: String) {
        csvFields(text.split(separator: "|", omittingEmptySubsequences: false).map(String.init))
    }

    static func csvFields(_ fields: [String]) {
        for field in fields {
            let written = DataDownloads.csvField(field)
            guard let read = unquoted(written) else { fatalError("CSV field not read back: \(Array(written.utf8))") }
            precondition(
                Array(read.utf8) == Array(field.utf8) || Array(read.utf8) == Array(("'" + field).utf8),
                "CSV field changed: \(Array(field.utf8))")
        }
    }

    /// One field as RFC 4180 reads it, on bytes; nil when it would not read as one field. (On
    /// Characters a quote followed by a combining mark is one Character: the first finding.)
    static func unquoted(_ field: String) -> String? {
        let bytes = Array(field.utf8)
        let quote = UInt8(ascii: "\"")
        guard bytes.first == quote else {
            return bytes.contains { $0 == 0x2C || $0 == quote || $0 == 0x0D || $0 == 0x0A } ? nil : field
        }
        guard bytes.count >= 2, bytes.last == quote else { return nil }
        var read: [UInt8] = []
        var index = 1
        while index < bytes.count - 1 {
            if bytes[index] == quote {
                guard index + 1 < bytes.count - 1, bytes[index + 1] == quote else { return nil }
                index += 1
            }
            read.append(bytes[index])
            index += 1
        }
        return String(decoding: read, as: UTF8.self)
    }
}
