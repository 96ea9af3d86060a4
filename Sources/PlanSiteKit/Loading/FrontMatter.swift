/// Splits a Markdown file into its YAML front matter and its body.
struct FrontMatter {
    var yaml: String?
    /// Lines before the YAML (the opening `---`), to map YAML lines to file lines.
    var yamlLineOffset: Int
    var body: String
    /// File line on which the body starts.
    var bodyFirstLine: Int

    /// Returns nil when a `---` block is opened but never closed.
    static func split(_ text: String) -> FrontMatter? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.first?.trimmingCharacters(in: .whitespaces) == "---" else {
            return FrontMatter(yaml: nil, yamlLineOffset: 0, body: text, bodyFirstLine: 1)
        }
        guard let close = lines.dropFirst().firstIndex(where: { ["---", "..."].contains($0.trimmingCharacters(in: .whitespaces)) }) else {
            return nil
        }
        let yaml = lines[1..<close].joined(separator: "\n")
        let body = lines[(close + 1)...].joined(separator: "\n")
        return FrontMatter(yaml: yaml, yamlLineOffset: 1, body: body, bodyFirstLine: close + 2)
    }
}
