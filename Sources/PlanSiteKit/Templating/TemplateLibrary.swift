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
    private var library = MustacheLibrary()

    /// Every page kind the build renders needs its template.
    public static let requiredTemplates = ["home", "outcome", "commitment", "page", "indicator", "indicators", "not-found"]

    public static func load(from folder: URL, displayPrefix: String = "templates/") -> (TemplateLibrary?, [Diagnostic]) {
        let (library, diagnostics) = read(from: folder, displayPrefix: displayPrefix)
        return (diagnostics.isEmpty ? library : nil, diagnostics)
    }

    /// Like `load`, but returns what was read even when there are errors, so a
    /// report can quote the lines of a broken template.
    public static func read(from folder: URL, displayPrefix: String = "templates/") -> (TemplateLibrary, [Diagnostic]) {
        var result = TemplateLibrary()
        result.displayPrefix = displayPrefix
        var diagnostics: [Diagnostic] = []
        let reader = TextFileReader(root: folder, displayPrefix: displayPrefix)
        for relative in templateFiles(in: folder) {
            let path = displayPrefix + relative
            let name = String(relative.dropLast(".mustache".count))
            switch reader.read(relative) {
            case .failure(let diagnostic):
                diagnostics.append(diagnostic)
            case .success(let text):
                result.sources[name] = text
                result.sourceCache.record(text, for: path)
                do {
                    result.library.register(try MustacheTemplate(string: text), named: name)
                } catch let error as MustacheTemplate.ParserError {
                    let location = SourceLocation(path: path, line: error.context.lineNumber, column: error.context.columnNumber)
                    diagnostics.append(.error(location, "template syntax: \(describe(error.error))"))
                } catch {
                    diagnostics.append(.error(SourceLocation(path: path), "template syntax: \(error)"))
                }
            }
        }
        for name in requiredTemplates where result.sources[name] == nil {
            diagnostics.append(.error(SourceLocation(path: displayPrefix + name + ".mustache"), "missing template: the build needs \(name).mustache"))
        }
        return (result, diagnostics)
    }

    public func render(_ context: [String: Any], with name: String) -> String {
        library.render(context, withTemplate: name) ?? ""
    }

    private static func templateFiles(in folder: URL) -> [String] {
        guard let walker = FileManager.default.enumerator(atPath: folder.path) else { return [] }
        return walker.compactMap { $0 as? String }.filter { $0.hasSuffix(".mustache") }.sorted()
    }

    private static func describe(_ error: Error) -> String {
        switch error {
        case MustacheTemplate.Error.sectionCloseNameIncorrect: "a section is closed with the wrong name ({{/name}} must match its {{#name}})"
        case MustacheTemplate.Error.unfinishedName: "a tag is not closed; every {{ needs its }}"
        case MustacheTemplate.Error.expectedSectionEnd: "a section is opened but never closed; add its {{/name}}"
        case MustacheTemplate.Error.invalidSetDelimiter: "invalid set-delimiter tag"
        default: "\(error)"
        }
    }
}
