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
    /// With `deferPages`, every file but the pages, which are in `deferred`.
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
        let library = TemplateLibrary.read(from: options.templateFiles, problems: &templateProblems)
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
            site, templates: templates, contentIsComplete: contentIsComplete,
            parallel: options.parallel, cache: options.cache)
        options.cache?.finishBuild()

        step(.validate, "\(site.allPages.count + site.siblings.count) Markdown files, \(site.indicators.count) indicators")
        report.append(contentsOf: validate(assembly, templates: templates, sources: sources, contentIsComplete: contentIsComplete))
        if options.strict { report = report.escalatingWarnings() }
        guard last == .render, let templates, var pages = assembly.pages, !report.hasErrors else {
            return PipelineResult(files: nil, report: report, sources: sources, site: site)
        }
        // The render stage holds the only copy of the page values, so each page's are freed
        // as soon as it is filled in, on the core that filled it, not all at the end.
        assembly.pages = nil

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
                pagesBuilt: assembly.pages?.count, today: options.today
            ).check()
        }
        return problems
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
        if let baseURL = options.baseURL, LinkRules.classify(baseURL) != .web {
            throw EnvironmentError("--base-url must be an absolute address starting with https://, found \"\(baseURL.prefix(60))\"")
        }
        let result = run()
        guard let files = result.files else { return (result, nil) }
        step(.write, "\(files.count) files")
        try SiteWriter(output: options.outputFolder, parallel: options.parallel).write(files)
        let summary = BuildSummary(
            pages: files.filter(\.isPage).count, indicators: result.site?.indicators.count ?? 0,
            files: files.count, seconds: Date().timeIntervalSince(start))
        return (result, summary)
    }

    private func duplicatePaths(in files: [OutputFile]) -> [Diagnostic] {
        var seen = Set<String>()
        return files.compactMap { file in
            seen.insert(file.path).inserted
                ? nil
                : .error(.wholeBuild, "two files would be written to \(file.path); rename one of them")
        }
    }
}
