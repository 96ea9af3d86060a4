import Foundation

public struct BuildOptions: Sendable {
    public var contentFolder: URL
    public var templatesFolder: URL
    public var outputFolder: URL
    public var baseURL: String?
    public var includeDrafts = false
    public var strict = false
    /// Per-file and per-page work on every core; `false` gives the same output from one thread.
    public var parallel = true
    /// Path prefixes diagnostics print, so they name files as the user typed them.
    public var contentDisplay = "content/"
    public var templatesDisplay = "templates/"
    /// The browser audit's results (`audit.py --results`), shown in the accessibility statement.
    public var auditResults: URL?
    public var auditResultsDisplay = ""
    /// The one clock of the build (`--today`): every check and page that depends on the date
    /// reads it, so a test can pin it and no result changes as the calendar moves.
    public var today = CalendarDate(Date())
    /// The Pagefind program a build runs when site.yml turns `full_text_search` on; found from
    /// the environment (PLANSITE_PAGEFIND, or the PATH), nil when there is none.
    public var pagefind: String? = FullTextSearch.program()
    /// Results kept between builds (`plansite serve`); nil builds everything from scratch.
    public var cache: BuildCache?
    /// Pages are filled in when asked for (`DeferredPages`), not all at once: `plansite serve`
    /// shows one page at a time, so a save need not wait for the other thousand.
    public var deferPages = false

    /// Content and templates held in memory instead of read from their folders: a test's small
    /// site written inline. Their display prefixes replace `contentDisplay` and `templatesDisplay`.
    public var inMemory: (content: MemoryFiles, templates: MemoryFiles)?

    /// The one seam through which the build reads its sources.
    var contentFiles: any SourceFiles {
        inMemory?.content ?? DiskFiles(root: contentFolder, displayPrefix: contentDisplay)
    }
    var templateFiles: any SourceFiles {
        inMemory?.templates ?? DiskFiles(root: templatesFolder, displayPrefix: templatesDisplay)
    }

    public init(contentFolder: URL, templatesFolder: URL, outputFolder: URL) {
        self.contentFolder = contentFolder
        self.templatesFolder = templatesFolder
        self.outputFolder = outputFolder
    }
}

public struct BuildSummary: Sendable {
    public var pages: Int
    public var indicators: Int
    public var files: Int
    public var seconds: Double

    /// The one line `build` prints.
    public var line: String {
        let indicatorWord = indicators == 1 ? "indicator" : "indicators"
        return "Built \(pages) pages and \(indicators) \(indicatorWord) (\(files) files) in \(String(format: "%.2f", seconds)) s"
    }
}

/// What a run produced: the files (when there were no errors) and every diagnostic.
public struct PipelineResult: Sendable {
    /// With `deferPages`, every file but the pages, which are in `deferred`. After `build`,
    /// which writes each file as it is made, every path with empty contents.
    public var files: [OutputFile]?
    public var deferred: DeferredPages?
    public var report: DiagnosticReport
    public var sources: SourceCache
    public var site: Site?
}

/// The build as a list of named stages run in order, each once:
/// load → assemble → validate → render → write. `check` stops after validate.
public struct BuildPipeline {
    public var options: BuildOptions
    /// Called as each stage starts: (stage number, stage count, name).
    public var onStep: (Int, Int, String) -> Void = { _, _, _ in }

    public init(options: BuildOptions) {
        self.options = options
    }

    public enum Stage: Int, CaseIterable, Sendable {
        case load = 1
        case assemble, validate, render, write

        public var name: String {
            switch self {
            case .load: "Load"
            case .assemble: "Assemble"
            case .validate: "Validate"
            case .render: "Render"
            case .write: "Write"
            }
        }
    }

    /// Reports a stage starting, with what it works on when that is known ("Validate: 17 Markdown files, 26 indicators").
    private func step(_ stage: Stage, _ detail: String = "") {
        onStep(stage.rawValue, Stage.allCases.count, stage.name + (detail.isEmpty ? "" : ": " + detail))
    }

    /// Loads, assembles and validates, then renders unless `through` is `.validate`; writes nothing.
    public func run(through last: Stage = .render) -> PipelineResult {
        // Without a writer nothing is written, so nothing can throw.
        (try? run(through: last, writingTo: nil)) ?? PipelineResult(files: nil, report: DiagnosticReport(), sources: SourceCache())
    }

    /// `run`, and with a writer, each page written into its staging folder as soon as it is
    /// filled in (`build`): the finished pages are never all in memory, and the write
    /// overlaps the render. The session is returned unfinished, for `build` to swap in.
    private func run(through last: Stage, writingTo writer: StreamingWrite?) throws -> PipelineResult {
        var report = DiagnosticReport()
        var sources = SourceCache()
        step(.load, "content and templates")
        var loader = ContentLoader(files: options.contentFiles, includeDrafts: options.includeDrafts)
        loader.parallel = options.parallel
        loader.cache = options.cache
        let loaded = loader.load()
        report.append(contentsOf: loaded.diagnostics)
        sources.merge(loaded.sources)
        var templateProblems: [Diagnostic] = []
        let library = TemplateLibrary.read(
            from: options.templateFiles, required: PageKinds.all.map(\.template), problems: &templateProblems)
        report.append(contentsOf: templateProblems)
        sources.merge(library.sourceCache)
        let templates = templateProblems.isEmpty ? library : nil

        guard var site = loaded.site else {
            return PipelineResult(files: nil, report: report, sources: sources, site: nil)
        }
        if let baseURL = options.baseURL { site.config.baseURL = baseURL.hasSuffix("/") ? baseURL : baseURL + "/" }
        var wordProblems: [Diagnostic] = []
        site.words = WordFile.load(
            from: options.templateFiles, language: site.config.language,
            languageLocation: site.config.languageLocation ?? SourceLocation(path: options.contentDisplay + "site.yml"),
            problems: &wordProblems, sources: &sources)
        report.append(contentsOf: wordProblems)
        let contentIsComplete = !report.hasErrors
        if let url = options.auditResults {
            var problems: [Diagnostic] = []
            site.auditResults = AuditResults.read(
                from: url, displayPath: options.auditResultsDisplay.isEmpty ? url.path : options.auditResultsDisplay,
                today: options.today, problems: &problems)
            report.append(contentsOf: problems)
        }
        step(.assemble, "\(site.allPages.count + site.siblings.count) Markdown files, \(site.indicators.count) indicators")
        var assembly = SiteAssembly.assemble(
            site, contentIsComplete: contentIsComplete,
            parallel: options.parallel, cache: options.cache,
            spillDownloads: writer.map { target in { target.spill($0) } })
        options.cache?.finishBuild()

        step(.validate, "\(site.allPages.count + site.siblings.count) Markdown files, \(site.indicators.count) indicators")
        report.append(contentsOf: validate(assembly, templates: templates, sources: sources, contentIsComplete: contentIsComplete))
        if writer != nil, site.config.fullTextSearch, options.pagefind == nil {
            report.append(.error(site.config.fullTextSearchLocation ?? .wholeBuild, FullTextSearch.missingProgram))
        }
        if options.strict { report = report.escalatingWarnings() }
        guard last == .render, let templates, contentIsComplete, !report.hasErrors else {
            return PipelineResult(files: nil, report: report, sources: sources, site: site)
        }
        // Each trend chart as a file of its own, before the pages, which link to it with its size.
        // Drawn once, for the file and the page (the file's drawing is the page's wide one).
        let charts = TrendChartFile.drawn(of: assembly.site, parallel: options.parallel)
        assembly.downloads += charts.map(\.file)
        var renderer = SiteRenderer(assembly: assembly, templates: templates)
        renderer.trendCharts = Dictionary(
            zip(assembly.site.indicators.map(\.id), charts.map(\.page)), uniquingKeysWith: { first, _ in first })
        if let writer {
            let pages = Route.pages(of: assembly.site).map(\.file)
            step(.render, "\(pages.count) pages")
            let result = try renderWriting(
                assembly, renderer, pages: pages, with: templates, to: writer, report: report, sources: sources)
            Teardown.inBackground((renderer, assembly))
            return result
        }
        // The render stage holds the only copy of the page values, so each page's are freed
        // as soon as it is filled in, on the core that filled it, not all at the end: the
        // drawings now live in the pages' values only.
        var pages = renderer.pageContexts(parallel: options.parallel)
        renderer.trendCharts = [:]
        step(.render, "\(pages.count) pages")
        do {
            var deferred: DeferredPages?
            let files = try render(assembly, &pages, with: templates, deferring: &deferred)
            report.append(contentsOf: duplicatePaths(in: files + (deferred?.placeholders ?? [])))
            return PipelineResult(
                files: report.hasErrors ? nil : files, deferred: report.hasErrors ? nil : deferred,
                report: report, sources: sources, site: site)
        } catch {
            report.append(.error(.wholeBuild, "cannot read the assets or images to copy: \(error.localizedDescription)"))
            return PipelineResult(files: nil, report: report, sources: sources, site: site)
        }
    }

    private func validate(_ assembly: SiteAssembly, templates: TemplateLibrary?, sources: SourceCache, contentIsComplete: Bool)
        -> [Diagnostic]
    {
        var validator = SiteValidator(assembly: assembly, templates: templates)
        validator.sources = sources
        validator.pageKeys = PageKinds.all
        validator.contentIsComplete = contentIsComplete
        validator.parallel = options.parallel
        validator.cache = options.cache
        validator.today = options.today
        var problems = validator.check()
        if let results = assembly.site.auditResults {
            problems += AuditResultsLint(
                results: results, lastReviewed: assembly.site.config.lastReviewed,
                pagesBuilt: contentIsComplete ? Route.pages(of: assembly.site).count : nil, today: options.today
            ).check()
        }
        return problems
    }

    /// The render stage of `build`: every path is known before any page is made (pages,
    /// open data, sitemap, robots.txt, copies), so the duplicate check and the writer's checks
    /// come first; then each page's values are made, filled in and written at once, on the
    /// core that made them, and only its path is kept. `pages` are the pages' paths, in
    /// `Route.pages` order, the order `eachPage` makes them in.
    private func renderWriting(
        _ assembly: SiteAssembly, _ renderer: SiteRenderer, pages: [String], with templates: TemplateLibrary,
        to target: StreamingWrite, report: DiagnosticReport, sources: SourceCache
    ) throws -> PipelineResult {
        var report = report
        let site = assembly.site
        var others: [OutputFile]
        do {
            let baseURL = site.config.baseURL
            let pagePaths = pages.map { OutputFile(path: $0, contents: Data()) }
            others = assembly.downloads
            others.append(SiteFiles.sitemap(pages: pagePaths.filter { $0.path != "404.html" }, baseURL: baseURL))
            others.append(SiteFiles.robots(baseURL: baseURL))
            others += try SiteFiles.copies(of: Array(templates.assetFiles), from: options.templateFiles)
            others += try SiteFiles.copies(of: site.imageFiles.map { Route.imagesFolder + $0 }, from: options.contentFiles)
        } catch {
            report.append(.error(.wholeBuild, "cannot read the assets or images to copy: \(error.localizedDescription)"))
            return PipelineResult(files: nil, report: report, sources: sources, site: site)
        }
        let paths = pages + others.map(\.path)
        report.append(contentsOf: duplicatePaths(in: paths))
        guard !report.hasErrors else { return PipelineResult(files: nil, report: report, sources: sources, site: site) }
        let session: SiteWriter.Session
        if let early = target.session {
            try early.prepare(paths: paths)
            session = early
        } else {
            session = try target.writer.begin(paths: paths)
            target.session = session
        }
        do {
            let written = renderer.eachPage(parallel: options.parallel) { page in
                let file = page.filled(with: templates)
                return Result { try session.write(file) }.map { OutputFile(path: file.path, contents: Data()) }
            }
            var files: [OutputFile] = []
            files.reserveCapacity(written.count + others.count)
            for result in written { files.append(try result.get()) }
            step(.write, "\(files.count + others.count) files")
            try session.write(others)
            files += others.map { OutputFile(path: $0.path, contents: Data()) }
            return PipelineResult(files: files, report: report, sources: sources, site: site)
        } catch {
            session.abandon()
            target.session = nil
            throw error
        }
    }

    /// The pages, the open data, the sitemap and robots.txt, and the copied assets and images.
    private func render(
        _ assembly: SiteAssembly, _ pages: inout [PageRender], with templates: TemplateLibrary,
        deferring deferred: inout DeferredPages?
    ) throws -> [OutputFile] {
        var rendered: [OutputFile]
        if options.deferPages {
            deferred = DeferredPages(pages: pages, templates: templates)
            rendered = []
        } else {
            rendered = SiteRenderer(assembly: assembly, templates: templates).render(&pages, parallel: options.parallel)
        }
        var files = rendered + assembly.downloads
        let baseURL = assembly.site.config.baseURL
        let listed = options.deferPages ? deferred?.placeholders ?? [] : rendered
        files.append(SiteFiles.sitemap(pages: listed.filter { $0.path != Route.notFound.file }, baseURL: baseURL))
        files.append(SiteFiles.robots(baseURL: baseURL))
        files += try SiteFiles.copies(of: Array(templates.assetFiles), from: options.templateFiles)
        files += try SiteFiles.copies(of: assembly.site.imageFiles.map { Route.imagesFolder + $0 }, from: options.contentFiles)
        return files
    }

    /// Runs the pipeline and, only if there were no errors, swaps the new site in.
    public func build() throws -> (PipelineResult, BuildSummary?) {
        let start = Date()
        // Before any work: a refused output folder is a usage error (exit 2), whatever the content says.
        try OutputFolderPolicy.check(output: options.outputFolder, protecting: [options.contentFolder, options.templatesFolder])
        if let baseURL = options.baseURL, AddressKind(baseURL) != .web {
            throw EnvironmentError("--base-url must be an absolute address starting with https://, found \"\(baseURL.prefix(60))\"")
        }
        let target = StreamingWrite(writer: SiteWriter(output: options.outputFolder, parallel: options.parallel))
        let result: PipelineResult
        do {
            result = try run(through: .render, writingTo: target)
        } catch {
            target.session?.abandon()
            throw error
        }
        guard let files = result.files, let session = target.session, session.isPrepared else {
            // A build that failed after the open data went into the staging folder.
            target.session?.abandon()
            return (result, nil)
        }
        do {
            if result.site?.config.fullTextSearch == true, let program = options.pagefind {
                try FullTextSearch.index(siteFolder: session.staging.path, program: program)
            }
            try session.finish()
        } catch {
            session.abandon()
            throw error
        }
        let summary = BuildSummary(
            pages: files.filter(\.isPage).count, indicators: result.site?.indicators.count ?? 0,
            files: files.count, seconds: Date().timeIntervalSince(start))
        return (result, summary)
    }

    /// The writer `build` renders into, and the write it began (unfinished until `build` swaps it in).
    private final class StreamingWrite {
        let writer: SiteWriter
        var session: SiteWriter.Session?
        init(writer: SiteWriter) { self.writer = writer }

        /// The open data written into a staging folder begun now, and kept mapped from there;
        /// as it was when the output cannot be written yet (the render stage says why) or the write fails.
        func spill(_ downloads: [OutputFile]) -> [OutputFile] {
            guard session == nil, !downloads.isEmpty, let early = writer.beginEarly() else { return downloads }
            do {
                let mapped = try early.writeEarly(downloads)
                session = early
                return mapped
            } catch {
                early.abandon()
                return downloads
            }
        }
    }

    private func duplicatePaths(in files: [OutputFile]) -> [Diagnostic] {
        duplicatePaths(in: files.map(\.path))
    }

    private func duplicatePaths(in paths: [String]) -> [Diagnostic] {
        var seen = Set<String>()
        return paths.compactMap { path in
            seen.insert(path).inserted
                ? nil
                : .error(.wholeBuild, "two files would be written to \(path); rename one of them")
        }
    }
}
