import Foundation

/// The keys each template receives, written out for template authors
/// (docs/template-keys.md). Made from the keys each page type declares (`PageKinds`,
/// `PageLayout` and the records inside them): the same declarations rendering and the
/// template-key lint read, so a test can tell when the page is out of date.
public enum TemplateKeyReference {
    public static func markdown() -> String {
        var lines = [
            "# Keys each template receives",
            "",
            "Generated from the keys each kind of page declares (`Sources/PlanSiteKit/Rendering/PageModels.swift`,",
            "`PageLayout.swift` and the records beside them): rendering and `plansite check` read the same declarations.",
            "`make test` fails when this page is out of date (re-record with",
            "`PLANSITE_RECORD=1 swift test --filter TemplateKeyReferenceTests`).",
            "",
            "Every page receives the layout's keys (the first table) as well as its template's own.",
            "A value marked *or absent* may be missing on some pages: wrap what uses it in `{{#key}}…{{/key}}`.",
            "`[]` marks a list; `list[].key` is a key of each item. *HTML* is markup PlanSite made: write it as `{{{key}}}`.",
            "Inside a section or list, the keys around it can still be named.",
        ]
        lines += table("Every page: layout.mustache and its partials", keys: PageLayout.keys.info)
        for kind in PageKinds.all.sorted(by: { $0.template < $1.template }) {
            // The layout's keys are in the first table.
            let layout = Set(PageLayout.keys.info.map(\.name))
            lines += table("\(kind.template).mustache", keys: kind.keys.keys.filter { !layout.contains($0.name) })
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func table(_ heading: String, keys: [TemplateKeyInfo]) -> [String] {
        var lines = ["", "## \(heading)", "", "| key | value | meaning |", "| --- | --- | --- |"]
        func add(_ keys: [TemplateKeyInfo], prefix: String) {
            for key in keys {
                let path = prefix + key.name
                let meaning = key.meaning.replacingOccurrences(of: "|", with: "\\|")
                lines.append("| `\(path)` | \(describe(key.kind))\(key.optional ? " or absent" : "") | \(meaning) |")
                switch key.kind {
                case .record(let children): add(children.keys, prefix: path + ".")
                case .list(let children): add(children.keys, prefix: path + "[].")
                case .text, .html, .flag: break
                }
            }
        }
        add(keys, prefix: "")
        return lines
    }

    private static func describe(_ kind: TemplateValueKind) -> String {
        switch kind {
        case .text: "text"
        case .html: "HTML"
        case .flag: "true or false"
        case .record: "record"
        case .list: "list"
        }
    }
}
