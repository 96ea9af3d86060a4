import Foundation

/// Wording rules for link text and alt text, shared by Markdown, front matter and templates.
enum TextRules {
    /// Link text that does not say where the link goes, once lower-cased and trimmed.
    static let vagueLinkTexts: Set<String> = [
        "click here", "here", "find out more", "read more", "more", "learn more", "click", "link", "this link",
        "this page", "more information", "more info", "see more", "see here", "go", "details",
    ]

    /// The text lower-cased, its white space runs made one space, and the punctuation around it trimmed.
    static func normalised(_ text: String) -> String {
        text.utf8.allSatisfy({ $0 < 0x80 }) ? asciiNormalised(text) : characterNormalised(text)
    }

    /// `normalised(_:)` for any text, on its Characters.
    static func characterNormalised(_ text: String) -> String {
        let words = text.lowercased().split(whereSeparator: { $0.isWhitespace })
        return words.joined(separator: " ").trimmingCharacters(in: trimmed)
    }

    private static let trimmed = CharacterSet(charactersIn: " .,:;!?…\"'“”‘’()[]→»>")

    /// `normalised(_:)` for ASCII text, on its bytes (splitting, joining and Foundation's trimming were
    /// 1.5% of a build): white space is tab to carriage return and the space, as `Character.isWhitespace` has it.
    static func asciiNormalised(_ text: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var spaceBefore = false
        for byte in text.utf8 {
            if byte == UInt8(ascii: " ") || (0x09...0x0D).contains(byte) {
                spaceBefore = !bytes.isEmpty
                continue
            }
            if spaceBefore { bytes.append(UInt8(ascii: " ")) }
            spaceBefore = false
            bytes.append((0x41...0x5A).contains(byte) ? byte | 0x20 : byte)
        }
        let isTrimmed = { (byte: UInt8) in " .,:;!?\"'()[]>".utf8.contains(byte) }
        guard let first = bytes.firstIndex(where: { !isTrimmed($0) }), let last = bytes.lastIndex(where: { !isTrimmed($0) }) else {
            return ""
        }
        return String(decoding: bytes[first...last], as: UTF8.self)
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
        // Without a space byte there is no space (a quick test before Foundation's `contains`).
        (text.hasPrefix("http://") || text.hasPrefix("https://") || text.hasPrefix("www."))
            && !(text.utf8.contains(UInt8(ascii: " ")) && text.contains(" "))
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
