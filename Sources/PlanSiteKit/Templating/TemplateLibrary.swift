import Foundation
import Mustache

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
    private var library = MustacheLibrary()

    /// Every page kind the build renders needs its template.
    public static let requiredTemplates = ["home", "outcome", "commitment", "page", "indicator", "indicators", "at-a-glance", "not-found"]

    /// The templates, or nil when any has a problem; every problem found is added to `problems`.
    public static func load(from folder: URL, displayPrefix: String = "templates/", problems: inout [Diagnostic]) -> TemplateLibrary? {
        var found: [Diagnostic] = []
        let library = read(from: folder, displayPrefix: displayPrefix, problems: &found)
        problems += found
        return found.isEmpty ? library : nil
    }

    /// Like `load`, but returns what was read even when there are errors, so a
    /// report can quote the lines of a broken template.
    public static func read(from folder: URL, displayPrefix: String = "templates/", problems diagnostics: inout [Diagnostic])
        -> TemplateLibrary
    {
        read(from: DiskFiles(root: folder, displayPrefix: displayPrefix), problems: &diagnostics)
    }

    /// The templates and assets of `reader`'s folder, on disk or in memory.
    public static func read(from reader: any SourceFiles, problems diagnostics: inout [Diagnostic]) -> TemplateLibrary {
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
        let structure = structureProblems(in: result.sources, displayPrefix: displayPrefix)
        diagnostics += structure
        for (name, text) in result.sources.sorted(by: { $0.key < $1.key }) {
            // Too deep for the parser's recursion: already reported, not parsed.
            if TemplateTagScanner.tags(in: text).flatMap(tooDeep) != nil { continue }
            if let problem = result.register(text, named: name, path: displayPrefix + name + ".mustache") { diagnostics.append(problem) }
        }
        for name in requiredTemplates where result.sources[name] == nil {
            diagnostics.append(
                .error(SourceLocation(path: displayPrefix + name + ".mustache"), "missing template: the build needs \(name).mustache"))
        }
        return result
    }

    /// Put before every template when it is parsed, on a line of its own (so, as a standalone
    /// tag, it adds no text): `{{value}}` then escapes through `Markup.escape`. swift-mustache's
    /// default escaping cannot be replaced otherwise, and a partial starts again from the
    /// default, so every template, partials too, gets the line. Template files do not change.
    private static let escaping: String = {
        MustacheContentTypes.register(Markup.MustacheHTML(), named: Markup.MustacheHTML.name)
        return "{{% CONTENT_TYPE: \(Markup.MustacheHTML.name) }}\n"
    }()

    private mutating func register(_ text: String, named name: String, path: String) -> Diagnostic? {
        do {
            library.register(try MustacheTemplate(string: Self.escaping + text), named: name)
            return nil
        } catch let error as MustacheTemplate.ParserError {
            // The escaping line is line 1 of what was parsed: the file's lines are one further on.
            let location = SourceLocation(path: path, line: max(1, error.context.lineNumber - 1), column: error.context.columnNumber)
            return .error(location, "template syntax: \(Self.describe(error.error))")
        } catch {
            return .error(SourceLocation(path: path), "template syntax: \(error)")
        }
    }

    /// The template `name` filled with `values`, which it reads through their declared keys.
    func render(_ values: any TemplateModel, with name: String) -> String {
        library.render(values.forTemplate, withTemplate: name) ?? ""
    }

    private static func describe(_ error: Error) -> String {
        switch error {
        case MustacheTemplate.Error.sectionCloseNameIncorrect:
            "a section is closed with the wrong name ({{/name}} must match its {{#name}})"
        case MustacheTemplate.Error.unfinishedName: "a tag is not closed; every {{ needs its }}"
        case MustacheTemplate.Error.expectedSectionEnd: "a section is opened but never closed; add its {{/name}}"
        case MustacheTemplate.Error.invalidSetDelimiter: "invalid set-delimiter tag"
        case MustacheTemplate.Error.illegalTokenInsideInheritSection, MustacheTemplate.Error.textInsideInheritSection:
            "inside {{<layout}} … {{/layout}} only {{$block}} overrides may appear"
        case MustacheTemplate.Error.transformAppliedToInheritanceSection: "a transform cannot be applied to {{<layout}} or {{$block}}"
        case MustacheTemplate.Error.invalidConfigVariableSyntax, MustacheTemplate.Error.unrecognisedConfigVariable:
            "unrecognised {{% … }} configuration tag"
        default: "\(error)"
        }
    }
}
