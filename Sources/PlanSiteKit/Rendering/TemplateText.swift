/// "Absent" has one meaning in what templates receive: optional text that is missing
/// or empty is nil, which templates see as absent (`TemplateValue.absent`). Mustache
/// treats "" as true, so `{{#summary}}<p>…</p>{{/summary}}` would print an empty
/// paragraph for "".
enum TemplateText {
    static func optional(_ text: String?) -> String? {
        guard let text, !text.isEmpty else { return nil }
        return text
    }
}
