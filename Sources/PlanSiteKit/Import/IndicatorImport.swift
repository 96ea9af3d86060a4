import Foundation

/// `plansite import`: an indicator's figures from a Fingertips export or a spreadsheet sheet in the tidy
/// layout, written to `indicators/<id>.csv` after the same checks the build makes, saying first what
/// changes ("new figure for 2023-24", "2022-23 revised: 27.0% → 26.8%") and never replacing a file
/// without `force`.
public struct IndicatorImport {
    public var contentFolder: URL
    public var displayPrefix = "content/"
    public var indicatorID: String
    public var areaCode: String?
    public var sex: String?
    public var force = false
    /// The templates, whose word file (`words/<language>.yml`) says the figures and comparisons as the pages do.
    public var templatesFolder: URL?

    public init(contentFolder: URL, indicatorID: String) {
        self.contentFolder = contentFolder
        self.indicatorID = indicatorID
    }

    /// The file read: a CSV's text, or an .xlsx sheet's cells (row by row).
    public enum Input {
        case csv(String)
        case cells([[String]])
    }

    public struct Outcome {
        /// What the import says on standard output: what changes, what it left out, what it wrote.
        public var lines: [String] = []
        /// Problems with the figures, at their cells; the file is not written when there are any.
        public var diagnostics: [Diagnostic] = []
        public var sources = SourceCache()
        public var wrote = false
    }

    /// What a file holds: an .xlsx sheet's cells, or a CSV's text (as content files are read: no BOM, LF endings).
    public static func input(at file: URL) throws -> Input {
        if file.pathExtension.lowercased() == "xlsx" { return .cells(try XLSXSheet.cells(of: file)) }
        guard let data = FileManager.default.contents(atPath: file.path) else {
            throw ImportProblem("cannot read this file; check that it exists and can be read")
        }
        var problems: [Diagnostic] = []
        guard let text = TextFileReader.decode(data, at: SourceLocation(path: file.path), problems: &problems) else {
            throw ImportProblem(problems.first?.message ?? "cannot read this file as text")
        }
        return .csv(text)
    }

    private var csvRelative: String { "indicators/\(indicatorID).csv" }

    public func run(_ input: Input, from path: String) throws -> Outcome {
        let loaded = ContentLoader(contentFolder: contentFolder, displayPrefix: displayPrefix).load()
        guard var site = loaded.site else {
            throw ImportProblem("the content folder has errors that stop it loading; run plansite check")
        }
        if let templatesFolder {
            var problems: [Diagnostic] = []
            var sources = SourceCache()
            site.words = WordFile.load(
                from: DiskFiles(root: templatesFolder, displayPrefix: "templates/"), language: site.config.language,
                languageLocation: site.config.languageLocation ?? SourceLocation(path: displayPrefix + "site.yml"),
                problems: &problems, sources: &sources)
            if let problem = problems.first(where: { $0.severity == .error }) {
                throw ImportProblem("\(problem.location): \(problem.message); run plansite check")
            }
        }
        let yml = try indicatorDocument()
        let geography = yml.root.flatMap { FieldReader($0, in: yml, subject: "indicator").string("geography") } ?? ""
        let tidy = try tidyTable(input, from: path, site: site, geography: geography)
        var outcome = Outcome()
        let target = displayPrefix + csvRelative
        outcome.sources.record(tidy.csv, for: target)
        guard let table = SpreadsheetTable.read(tidy.csv, path: target, problems: &outcome.diagnostics) else { return outcome }
        let reader = IndicatorReader(document: yml, expectedID: indicatorID, path: yml.path, table: table, hasTable: true)
        let new = reader.read(problems: &outcome.diagnostics)
        guard let new, !outcome.diagnostics.contains(where: { $0.severity == .error }) else { return outcome }
        outcome.lines =
            changes(from: site.indicators.first { $0.id == indicatorID }, to: new, site: site)
            + tidy.leftOut.map { "Left out: \($0)." }
        try write(tidy.csv, to: target, outcome: &outcome)
        return outcome
    }

    /// The indicator's words (its `.yml`), which must not also hold figures.
    private func indicatorDocument() throws -> YAMLDocument {
        let relative = "indicators/\(indicatorID).yml"
        let path = displayPrefix + relative
        guard let text = try? String(contentsOf: contentFolder.appendingPathComponent(relative), encoding: .utf8) else {
            throw ImportProblem(
                "\(path) is missing: write it first (id, title, unit, polarity, geography, source; "
                    + "see docs/content-format.md), then import its figures")
        }
        var problems: [Diagnostic] = []
        guard let document = YAMLDocument.parse(text, path: path, problems: &problems) else {
            throw ImportProblem("\(path) cannot be read: " + (problems.first?.message ?? "run plansite check"))
        }
        if case .mapping(let mapping) = document.root?.content,
            mapping.pairs.contains(where: { ["series", "comparators"].contains($0.key.string) })
        {
            throw ImportProblem(
                "\(path) has its figures in `series`; delete `series` and `comparators` from it "
                    + "(the import writes them to \(displayPrefix + csvRelative)), then run the import again")
        }
        return document
    }

    private func tidyTable(_ input: Input, from path: String, site: Site, geography: String) throws -> TidyTable {
        switch input {
        case .cells(let cells):
            return TidyTable(header: cells.first ?? [], rows: Array(cells.dropFirst()))
        case .csv(let text):
            var problems: [Diagnostic] = []
            guard let table = SpreadsheetTable.read(text, path: path, problems: &problems) else {
                throw ImportProblem(problems.first?.message ?? "\(path) is empty")
            }
            guard let export = FingertipsExport(table) else {
                return TidyTable(header: table.header.cells, rows: table.rows.map(\.cells))
            }
            guard export.missing.isEmpty else {
                throw ImportProblem(
                    "\(path) looks like a Fingertips export but has no "
                        + export.missing.map { "`\($0)`" }.joined(separator: ", ") + " column")
            }
            guard let code = areaCode ?? site.config.areaCode else {
                throw ImportProblem("say which area to keep: --area E06000032, or `area_code: E06000032` in site.yml")
            }
            let names = [FingertipsExport.england: site.config.nationalComparator, code: geography]
            return try TidyTable.from(export, area: code, sex: sex, names: names, regionName: site.config.regionalComparator)
        }
    }

    /// In `plansite changes`' words; a new indicator's figures are all new.
    private func changes(from old: Indicator?, to new: Indicator, site: Site) -> [String] {
        let before =
            old
            ?? {
                var empty = new
                empty.series = []
                empty.comparators = []
                empty.updated = nil  // so the new figures are not taken for figures under an old date
                return empty
            }()
        let facts = IndicatorFacts(before, site).changes(to: IndicatorFacts(new, site))
        return ["\(new.title):"] + (facts.isEmpty ? ["- no figure changes"] : facts.map { "- " + $0 })
    }

    private func write(_ text: String, to display: String, outcome: inout Outcome) throws {
        let file = contentFolder.appendingPathComponent(csvRelative)
        if FileManager.default.fileExists(atPath: file.path) && !force {
            outcome.lines.append("Not written: \(display) exists. Run again with --force to replace it with these figures.")
            return
        }
        try Data(text.utf8).write(to: file, options: .atomic)
        outcome.wrote = true
        outcome.lines.append("Wrote \(display).")
    }
}
