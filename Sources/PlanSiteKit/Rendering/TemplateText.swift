import Foundation

/// "Absent" has one meaning in what templates receive: optional text that is missing
/// or empty is NSNull. swift-mustache treats "" as true, so `{{#summary}}<p>…</p>{{/summary}}`
/// would print an empty paragraph for ""; NSNull renders like a missing key, and still
/// tells the template-key check that the key exists.
enum TemplateText {
    static func optional(_ text: String?) -> Any {
        guard let text, !text.isEmpty else { return NSNull() }
        return text
    }
}
