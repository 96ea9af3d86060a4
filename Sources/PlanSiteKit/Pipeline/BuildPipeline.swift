import Foundation

public struct BuildOptions: Sendable {
    public var contentFolder: URL
    public var templatesFolder: URL
    public var outputFolder: URL
    public var baseURL: String?
    public var includeDrafts = false
    public var strict = false
    /// Path prefixes diagnostics print, so they name files as the user typed them.
    public var contentDisplay = "content/"
    public var templatesDisplay = "templates/"

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
        "Built \(pages) pages and \(indicators) indicators (\(files) files) in \(String(format: "%.2f", seconds)) s"
    }
}

/// What a run produced: the files (when there were no errors) and every diagnostic.
public struct PipelineResult: Sendable {
    public var files: [OutputFile]?
    public var report: DiagnosticReport
    public var sources: SourceCache
    public var site: Site?
}

/// The build as a list of named steps run in order; `check` runs all but the last.
public struct BuildPipeline {
    public var options: BuildOptions
    /// Called as each step starts: (step number, step count, name).
    public var onStep: (Int, Int, String) -> Void = { _, _, _ in }

    public init(options: BuildOptions) {
        self.options = options
    }

    public static let stepNames = ["Load content", "Load templates", "Validate", "Render pages", "Write data and assets", "Write site"]

    /// Reports step `number` starting, with what it works on when that is known ("Validate: 17 Markdown files, 26 indicators").
    private func step(_ number: Int, _ detail: String = "") {
        onStep(number, Self.stepNames.count, Self.stepNames[number - 1] + (detail.isEmpty ? "" : ": " + detail))
    }

    /// Loads, validates and renders; writes nothing.
    public func run() -> PipelineResult {
        var report = DiagnosticReport()
        var sources = SourceCache()
        step(1)
        let loaded = ContentLoader(contentFolder: options.contentFolder, displayPrefix: options.contentDisplay,
                                   includeDrafts: options.includeDrafts).load()
        report.append(contentsOf: loaded.diagnostics)
        sources.merge(loaded.sources)

        step(2)
        let (library, templateProblems) = TemplateLibrary.read(from: options.templatesFolder, displayPrefix: options.templatesDisplay)
        report.append(contentsOf: templateProblems)
        sources.merge(library.sourceCache)
        let templates = templateProblems.isEmpty ? library : nil

        guard var site = loaded.site else {
            step(3)
            return finish(nil, report, sources, nil)
        }
        step(3, "\(site.allPages.count + site.siblings.count) Markdown files, \(site.indicators.count) indicators")
        if let baseURL = options.baseURL { site.config.baseURL = baseURL.hasSuffix("/") ? baseURL : baseURL + "/" }
        var validator = SiteValidator(site: site, templates: templates)
        validator.contentIsComplete = !report.hasErrors
        // The page contexts are made once: the template-key check reads them, then they are rendered.
        let renderer = templates.map { SiteRenderer(site: site, templates: $0) }
        let contexts = validator.contentIsComplete ? renderer?.pageContexts() : nil
        validator.pageContexts = contexts
        report.append(contentsOf: validator.check())
        if options.strict { report = report.escalatingWarnings() }
        guard let renderer, let contexts, !report.hasErrors else { return finish(nil, report, sources, site) }

        step(4)
        let pages = renderer.render(contexts)

        step(5, "\(pages.count) pages rendered")
        do {
            var files = pages + renderer.downloads
            files.append(SiteFiles.sitemap(pages: pages.filter { $0.path != "404.html" }, baseURL: site.config.baseURL))
            files.append(SiteFiles.robots(baseURL: site.config.baseURL))
            files += try SiteFiles.copies(of: options.templatesFolder.appendingPathComponent("assets"), to: "assets/")
            files += try SiteFiles.copies(of: options.contentFolder.appendingPathComponent("images"), to: "images/")
            report.append(contentsOf: duplicatePaths(in: files))
            return finish(report.hasErrors ? nil : files, report, sources, site)
        } catch {
            report.append(.error(SourceLocation(path: options.contentDisplay), "cannot read assets: \(error.localizedDescription)"))
            return finish(nil, report, sources, site)
        }
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
        step(6, "\(files.count) files")
        try SiteWriter(output: options.outputFolder).write(files)
        let summary = BuildSummary(pages: files.filter(\.isPage).count, indicators: result.site?.indicators.count ?? 0,
                                   files: files.count, seconds: Date().timeIntervalSince(start))
        return (result, summary)
    }

    private func finish(_ files: [OutputFile]?, _ report: DiagnosticReport, _ sources: SourceCache, _ site: Site?) -> PipelineResult {
        PipelineResult(files: files, report: report, sources: sources, site: site)
    }

    private func duplicatePaths(in files: [OutputFile]) -> [Diagnostic] {
        var seen = Set<String>()
        return files.compactMap { file in
            seen.insert(file.path).inserted ? nil
                : .error(SourceLocation(path: options.contentDisplay), "two files would be written to \(file.path); rename one of them")
        }
    }
}
