import Foundation

/// The keys each template receives, written out for template authors
/// (docs/template-keys.md). Made from the values the renderer really builds, so a
/// test can tell when the page is out of date.
public enum TemplateKeyReference {
    public static func markdown(for pages: [PageRender]) -> String {
        var keys: [String: [String: Set<String>]] = [:]  // template → key path → kinds
        for page in pages {
            collect(page.values, prefix: "", into: &keys[page.template, default: [:]])
        }
        var lines = [
            "# Keys each template receives",
            "",
            "Generated from the values the renderer builds for the test sites; `make test` fails",
            "when this page is out of date (re-record with `PLANSITE_RECORD=1 swift test --filter TemplateKeyReferenceTests`).",
            "Every page also receives the layout's keys (`page_title`, `navigation`, …), listed under each template.",
            "A key marked *absent* may be missing on some pages: wrap what uses it in `{{#key}}…{{/key}}`.",
            "`[]` marks a list; `list[].key` is a key of each item.",
        ]
        for template in keys.keys.sorted() {
            lines += ["", "## \(template).mustache", "", "| key | value |", "| --- | --- |"]
            for (path, kinds) in keys[template]!.sorted(by: { $0.key < $1.key }) {
                lines.append("| `\(path)` | \(kinds.sorted().joined(separator: ", ")) |")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func collect(_ values: [String: Any], prefix: String, into keys: inout [String: Set<String>]) {
        for (key, value) in values {
            let path = prefix + key
            // Strings, records and lists first: `is NSNull` asked of a dictionary bridges it to Foundation.
            switch value {
            case is String:
                keys[path, default: []].insert("text")
            case let record as [String: Any]:
                keys[path, default: []].insert("record")
                collect(record, prefix: path + ".", into: &keys)
            case let list as [[String: Any]]:
                keys[path, default: []].insert("list")
                for item in list { collect(item, prefix: path + "[].", into: &keys) }
            case let list as [Any]:
                keys[path, default: []].insert(list.isEmpty ? "list" : "list of text")
            case is NSNull:
                keys[path, default: []].insert("absent")
            case is Bool:
                keys[path, default: []].insert("true or false")
            case is Words:
                keys[path, default: []].insert("the word file's entries: `{{words.key}}` (docs/words.md)")
            case is Int, is Double:
                keys[path, default: []].insert("number")
            default:
                keys[path, default: []].insert(String(describing: type(of: value)))
            }
        }
    }
}
