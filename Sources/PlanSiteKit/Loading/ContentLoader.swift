import Foundation

/// Reads `content/` into a `Site`, collecting every problem it meets on the way.
public struct ContentLoader {
    /// The content folder's files, on disk or in memory; their display prefix (`content/`)
    /// names files in messages as staff see them.
    public var files: any SourceFiles
    public var includeDrafts: Bool
    /// Read and parse files on every core (the default); tests compare with a serial run.
    public var parallel = true
    /// Files whose text is unchanged since the last load reuse what it made (`plansite serve`).
    public var cache: BuildCache?

    public init(contentFolder: URL, displayPrefix: String = "content/", includeDrafts: Bool = false) {
        self.init(files: DiskFiles(root: contentFolder, displayPrefix: displayPrefix), includeDrafts: includeDrafts)
    }

    public init(files: any SourceFiles, includeDrafts: Bool = false) {
        self.files = files
        self.includeDrafts = includeDrafts
    }

    public struct Result: Sendable {
        public var site: Site?
        public var diagnostics: [Diagnostic]
        public var sources: SourceCache
    }

    public func load() -> Result {
        var context = LoadContext(reader: files)
        context.cache = cache
        let config = context.loadConfig()
        let priority = context.loadPage("priority.md", kind: .priority)
        let outcomes = context.loadCollection("outcomes", kind: .outcome, parallel: parallel)
        let commitments = context.loadCollection("commitments", kind: .commitment, parallel: parallel)
        let siblings = context.loadCollection("priorities", kind: .sibling, parallel: parallel)
        let pages = context.loadCollection("pages", kind: .page, parallel: parallel)
        let comparators =
            config.map { [$0.nationalComparator] + ($0.regionalComparator.map { [$0] } ?? []) }
            ?? ["England"]
        let indicatorFiles = context.reader.files(in: "indicators", withExtension: "yml")
        context.diagnostics += yamlSpellings(beside: indicatorFiles, reader: context.reader)
        let indicators = context.loadEach(indicatorFiles, parallel: parallel, companion: LoadContext.spreadsheet(of:)) {
            $0.loadIndicator($1, comparators: comparators)
        }.compactMap { $0 }
        let images = files.publishedFiles(in: "images", problems: &context.diagnostics)
        // Published at their own address, an SVG runs in the site's origin: it may hold nothing that runs.
        for image in images where image.lowercased().hasSuffix(".svg") {
            guard let text = context.readText("images/" + image) else { continue }
            let path = context.reader.displayPath("images/" + image)
            context.diagnostics += SVGImageCheck(path: path, text: text).check()
        }
        var site: Site?
        if let config, let priority {
            let keep = { (page: ContentPage) in includeDrafts || !page.draft }
            site = Site(
                config: config, priority: priority, outcomes: outcomes.filter(keep), commitments: commitments.filter(keep),
                siblings: siblings.filter(keep), pages: pages.filter(keep), indicators: indicators, imageFiles: images)
            site?.unreadableIndicatorIDs = context.unreadableIndicatorIDs
            site?.unreadableTargets = context.unreadableTargets
        }
        return Result(site: site, diagnostics: context.diagnostics, sources: context.sources)
    }

    /// Only `.yml` is read: an updated copy saved as `.yaml` would leave the old figures published.
    private func yamlSpellings(beside files: [String], reader: any SourceFiles) -> [Diagnostic] {
        reader.files(in: "indicators", withExtension: "yaml").map { other in
            let yml = String(other.dropLast(5)) + ".yml"
            let name = LoadContext.fileName(yml)
            let message =
                files.contains(yml)
                ? "\(name) is beside this file and only .yml files are read, so these figures are not published; "
                    + "keep one file: copy what is new into \(name) and delete this one"
                : "indicator files end in .yml, so this one is not read; rename it \(name)"
            return .error(SourceLocation(path: reader.displayPath(other)), message)
        }
    }
}

/// The mutable state of one load: what has been read and what went wrong.
struct LoadContext: Sendable {
    var reader: any SourceFiles
    var diagnostics: [Diagnostic] = []
    var sources = SourceCache()
    var unreadableIndicatorIDs: Set<String> = []
    var unreadableTargets: Set<String> = []
    var cache: BuildCache?
    /// The file `loadEach` has already read for this context (text, or nil with its problems), so it is not read twice.
    var preread: (relative: String, text: String?, problems: [Diagnostic])?

    mutating func readText(_ relative: String) -> String? {
        let text: String?
        if let preread, preread.relative == relative {
            text = preread.text
            diagnostics += preread.problems
        } else {
            text = reader.read(relative, problems: &diagnostics)
        }
        if let text { sources.record(text, for: reader.displayPath(relative)) }
        return text
    }

    mutating func parseYAML(_ text: String, path: String, lineOffset: Int = 0) -> YAMLDocument? {
        YAMLDocument.parse(text, path: path, lineOffset: lineOffset, problems: &diagnostics)
    }

    /// Loads each file with a context of its own, on every core, then takes in what each
    /// found in file order: the same site and diagnostics as one file after another.
    /// `companion` names a second file whose text is part of what a file gives (an indicator's spreadsheet).
    mutating func loadEach<T: Sendable>(
        _ files: [String], parallel: Bool, companion: (@Sendable (String) -> String)? = nil,
        _ load: @Sendable (inout LoadContext, String) -> T
    ) -> [T] {
        let reader = reader
        let cache = cache
        let loaded = Parallel.map(files, enabled: parallel) { relative in
            var own = LoadContext(reader: reader)
            guard let cache else { return (load(&own, relative), own) }
            // Keyed by what the file says now: an unchanged file gives what it gave last time.
            var problems: [Diagnostic] = []
            let text = reader.read(relative, problems: &problems)
            let key = "\(T.self) " + relative
            var ignored: [Diagnostic] = []
            let other = companion.flatMap { reader.read($0(relative), problems: &ignored) }
            let keyText = text.map { $0 + (other.map { "\u{0}" + $0 } ?? "") }
            if let keyText, let reused = cache.loaded(key, text: keyText, as: (T, LoadContext).self) { return reused }
            own.preread = (relative, text, problems)
            let value = load(&own, relative)
            own.preread = nil
            if let keyText { cache.storeLoaded(key, text: keyText, value: (value, own)) }
            return (value, own)
        }
        for (_, own) in loaded { absorb(own) }
        return loaded.map(\.0)
    }

    private mutating func absorb(_ other: LoadContext) {
        diagnostics += other.diagnostics
        sources.merge(other.sources)
        unreadableIndicatorIDs.formUnion(other.unreadableIndicatorIDs)
        unreadableTargets.formUnion(other.unreadableTargets)
    }

    mutating func loadCollection(_ folder: String, kind: PageKind, parallel: Bool) -> [ContentPage] {
        loadEach(reader.files(in: folder, withExtension: "md"), parallel: parallel) { context, relative in
            let page = context.loadPage(relative, kind: kind)
            if page == nil {
                let slug = String(Self.fileName(relative).dropLast(3))
                if let route = Route(kind: kind, slug: slug) { context.unreadableTargets.insert(route.path) }
            }
            return page
        }
        .compactMap { $0 }
        .sorted { ($0.order, $0.slug) < ($1.order, $1.slug) }
    }

    mutating func loadPage(_ relative: String, kind: PageKind) -> ContentPage? {
        let path = reader.displayPath(relative)
        guard reader.exists(relative) else {
            diagnostics.append(.error(SourceLocation(path: path), "missing file: every site needs \(relative)"))
            return nil
        }
        guard let text = readText(relative) else { return nil }
        guard let parts = FrontMatter.split(text) else {
            diagnostics.append(
                .error(SourceLocation(path: path), "front matter opened with `---` is never closed; add a `---` line after it"))
            return nil
        }
        if let problem = MarkupBudget.problem(parts.body) {
            diagnostics.append(.error(SourceLocation(path: path, line: parts.bodyFirstLine), problem))
            return nil
        }
        let slug = String(Self.fileName(relative).dropLast(3))
        var document: YAMLDocument?
        if let yaml = parts.yaml {
            guard let parsed = parseYAML(yaml, path: path, lineOffset: parts.yamlLineOffset) else { return nil }
            document = parsed
        }
        let pageReader = PageReader(
            path: path, sourceFile: relative, slug: slug, kind: kind, document: document, body: parts.body,
            bodyFirstLine: parts.bodyFirstLine)
        return pageReader.read(problems: &diagnostics)
    }

    mutating func loadConfig() -> SiteConfig? {
        let path = reader.displayPath("site.yml")
        guard reader.exists("site.yml") else {
            diagnostics.append(.error(SourceLocation(path: path), "missing file: every site needs site.yml with its title and settings"))
            return nil
        }
        guard let text = readText("site.yml"), let document = parseYAML(text, path: path) else { return nil }
        return SiteConfigReader(document: document).read(problems: &diagnostics)
    }

    mutating func loadIndicator(_ relative: String, comparators: [String]) -> Indicator? {
        let path = reader.displayPath(relative)
        let expectedID = String(Self.fileName(relative).dropLast(4))
        guard let text = readText(relative), let document = parseYAML(text, path: path) else {
            markUnreadable(expectedID)
            return nil
        }
        var reader = IndicatorReader(document: document, expectedID: expectedID, path: path, comparatorNames: comparators)
        let spreadsheet = Self.spreadsheet(of: relative)
        reader.hasTable = self.reader.exists(spreadsheet)
        reader.table = reader.hasTable ? loadTable(spreadsheet) : nil
        let indicator = reader.read(problems: &diagnostics)
        if let notes = indicator?.notes, let problem = MarkupBudget.problem(notes) {
            let at = SourceLocation(path: path, line: indicator?.notesFirstLine ?? 1)
            diagnostics.append(.error(at, "`notes`: " + problem))
            markUnreadable(expectedID)
            return nil
        }
        if indicator == nil { markUnreadable(expectedID) }
        return indicator
    }

    /// What follows the last `/` of a path that `files(in:)` gives (a folder, `/`, a name), found as
    /// NSString's `lastPathComponent` finds it (by Characters: a `/` with a combining mark after it is
    /// no separator), without bridging, which cost ~40,000 instructions a file.
    static func fileName(_ relative: String) -> String {
        guard let slash = relative.lastIndex(of: "/") else { return relative }
        return String(relative[relative.index(after: slash)...])
    }

    /// `indicators/<id>.csv` beside `indicators/<id>.yml`: the figures, kept in a spreadsheet.
    static func spreadsheet(of relative: String) -> String { String(relative.dropLast(4)) + ".csv" }

    private mutating func loadTable(_ relative: String) -> SpreadsheetTable? {
        guard let text = readText(relative) else { return nil }
        return SpreadsheetTable.read(text, path: reader.displayPath(relative), problems: &diagnostics)
    }

    private mutating func markUnreadable(_ id: String) {
        unreadableIndicatorIDs.insert(id)
        unreadableTargets.insert(Route.indicator(id: id).path)
    }
}
