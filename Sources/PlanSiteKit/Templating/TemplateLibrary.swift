import Foundation

/// The Mustache templates in `templates/`, loaded so that a syntax error in any
/// of them is reported with its file, line and column.
public struct TemplateLibrary: Sendable {
    /// Template name (path without `.mustache`) → its source, kept for lint.
    public private(set) var sources: [String: String] = [:]
    public private(set) var sourceCache = SourceCache()
    /// Path prefix diagnostics print for template files (`templates/`).
    public private(set) var displayPrefix = "templates/"
    /// `assets/site.css`, whose colour tokens `check` holds to the contrast the pages promise.
    public private(set) var stylesheet: String?
    /// Every file under `assets/` ("assets/logo.svg"), which templates and `logo:` may name.
    public private(set) var assetFiles: Set<String> = []
    /// Each template parsed, by name: what pages are rendered with.
    private var parsed: [String: MustacheTree] = [:]
    /// Each template's tags as `TemplateTagScanner` reads them, by name (nil: the template changes
    /// its delimiters), scanned once here for the structure checks and for whatever else walks them.
    private(set) var tags: [String: [TemplateTag]?] = [:]

    /// The templates, or nil when any has a problem; every problem found is added to `problems`.
    public static func load(
        from folder: URL, displayPrefix: String = "templates/", required: [String] = [], problems: inout [Diagnostic]
    ) -> TemplateLibrary? {
        var found: [Diagnostic] = []
        let library = read(from: folder, displayPrefix: displayPrefix, required: required, problems: &found)
        problems += found
        return found.isEmpty ? library : nil
    }

    /// Like `load`, but returns what was read even when there are errors, so a
    /// report can quote the lines of a broken template.
    public static func read(
        from folder: URL, displayPrefix: String = "templates/", required: [String] = [], problems diagnostics: inout [Diagnostic]
    )
        -> TemplateLibrary
    {
        read(from: DiskFiles(root: folder, displayPrefix: displayPrefix), required: required, problems: &diagnostics)
    }

    /// The templates and assets of `reader`'s folder, on disk or in memory.
    /// `required`: the templates the build renders pages with (rendering's page kinds); a missing one is an error.
    public static func read(from reader: any SourceFiles, required: [String] = [], problems diagnostics: inout [Diagnostic])
        -> TemplateLibrary
    {
        var result = TemplateLibrary()
        let displayPrefix = reader.displayPrefix
        result.displayPrefix = displayPrefix
        let files = reader.publishedFiles(in: "", problems: &diagnostics)
        for relative in files where relative.hasSuffix(".mustache") {
            if let text = reader.read(relative, problems: &diagnostics) {
                result.sources[String(relative.dropLast(".mustache".count))] = text
                result.sourceCache.record(text, for: displayPrefix + relative)
            }
        }
        result.assetFiles = Set(files.filter { $0.hasPrefix(Route.assetsFolder) })
        let stylesheet = Route.asset("site.css").path
        if result.assetFiles.contains(stylesheet), let css = reader.read(stylesheet, problems: &diagnostics) {
            result.stylesheet = css
            result.sourceCache.record(css, for: displayPrefix + stylesheet)
        }
        result.tags = result.sources.mapValues(TemplateTagScanner.tags(in:))
        diagnostics += structureProblems(in: result.sources, tags: result.tags, displayPrefix: displayPrefix)
        for (name, text) in result.sources.sorted(by: { $0.key < $1.key }) {
            // Too deep for the parser's recursion: already reported, not parsed.
            if (result.tags[name] ?? nil).flatMap(tooDeep) != nil { continue }
            if let problem = result.register(text, named: name, path: displayPrefix + name + ".mustache") { diagnostics.append(problem) }
        }
        for name in required where result.sources[name] == nil {
            diagnostics.append(
                .error(SourceLocation(path: displayPrefix + name + ".mustache"), "missing template: the build needs \(name).mustache"))
        }
        return result
    }

    private mutating func register(_ text: String, named name: String, path: String) -> Diagnostic? {
        do {
            parsed[name] = try MustacheParser.parse(text)
            return nil
        } catch {
            let location = SourceLocation(path: path, line: error.line, column: error.column)
            return .error(location, "template syntax: \(Self.describe(error.problem))")
        }
    }

    /// The template `name` filled with `values`, which it reads through their declared keys: the
    /// page's bytes, as they are written.
    func render(_ values: any TemplateModel, with name: String) -> Data {
        Data(TemplateRenderer(templates: parsed).bytes(values, with: name))
    }

    private static func describe(_ problem: MustacheSyntaxError.Problem) -> String {
        switch problem {
        case .sectionCloseNameIncorrect:
            "a section is closed with the wrong name ({{/name}} must match its {{#name}})"
        case .unfinishedName: "a tag is not closed; every {{ needs its }}"
        case .expectedSectionEnd: "a section is opened but never closed; add its {{/name}}"
        case .invalidSetDelimiter: "invalid set-delimiter tag"
        case .illegalTokenInsideInheritSection, .textInsideInheritSection:
            "inside {{<layout}} … {{/layout}} only {{$block}} overrides may appear"
        case .transformAppliedToInheritanceSection: "a transform cannot be applied to {{<layout}} or {{$block}}"
        case .invalidConfigVariableSyntax, .unrecognisedConfigVariable:
            "unrecognised {{% … }} configuration tag"
        case .overflow: "overflow"
        }
    }
}
