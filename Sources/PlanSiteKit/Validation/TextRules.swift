import Foundation

/// Wording rules for link text and alt text, shared by Markdown, front matter and templates.
enum TextRules {
    /// Link text that does not say where the link goes, once lower-cased and trimmed.
    static let vagueLinkTexts: Set<String> = [
        "click here", "here", "find out more", "read more", "more", "learn more", "click", "link", "this link",
        "this page", "more information", "more info", "see more", "see here", "go", "details",
    ]

    static func normalised(_ text: String) -> String {
        let words = text.lowercased().split(whereSeparator: { $0.isWhitespace })
        return words.joined(separator: " ").trimmingCharacters(in: CharacterSet(charactersIn: " .,:;!?…\"'“”‘’()[]→»>"))
    }

    static func linkTextProblem(_ text: String, url: String) -> String? {
        let plain = normalised(text)
        if plain.isEmpty {
            return "link has no text; say where it goes"
        }
        if vagueLinkTexts.contains(plain) {
            return
                "link text \"\(text.trimmingCharacters(in: .whitespaces))\" does not say where it goes; name the page or document it leads to"
        }
        if isBareURL(plain) || plain == normalised(url) && !url.lowercased().hasPrefix("mailto:") {
            return "link text is a bare web address; describe where it goes instead"
        }
        return nil
    }

    private static func isBareURL(_ text: String) -> Bool {
        (text.hasPrefix("http://") || text.hasPrefix("https://") || text.hasPrefix("www.")) && !text.contains(" ")
    }

    private static let vaguePhrases = ["image of", "picture of", "photo of", "photograph of", "graphic of", "an image", "a picture"]
    private static let vagueAlts: Set<String> = ["image", "picture", "photo", "photograph", "graphic", "logo", "icon", "img", "banner"]
    static let maximumAltLength = 150

    /// nil when the alt text is fine; an error when it is missing, a warning when it is poor.
    static func altTextProblem(_ alt: String) -> (Diagnostic.Severity, String)? {
        let plain = normalised(alt)
        if plain.isEmpty {
            return (.error, "image has no alt text; describe what it shows: ![what it shows](…)")
        }
        if let phrase = vaguePhrases.first(where: { plain.contains($0) }) {
            return (
                .warning,
                "alt text \"\(alt.prefix(60))\" says \"\(phrase)\": screen readers already announce an image; describe what it shows"
            )
        }
        let range = NSRange(plain.startIndex..., in: plain)
        if Patterns.altTextFileWords.firstMatch(in: plain, range: range) != nil {
            return (.warning, "alt text \"\(alt.prefix(60))\" names a file or file type; describe what the image shows")
        }
        if vagueAlts.contains(plain) {
            return (.warning, "alt text \"\(alt)\" is too vague; describe what the image shows")
        }
        if alt.count > maximumAltLength {
            return (
                .warning, "alt text is \(alt.count) characters; keep it under \(maximumAltLength) and put longer descriptions in the text"
            )
        }
        return nil
    }
}
