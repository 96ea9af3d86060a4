import Foundation

/// The colour tokens of `templates/assets/site.css` checked by the WCAG contrast formula
/// before any browser runs, so a council that changes its colours hears at once, at the
/// token's line, which pair no longer reads (the browser audit checks the built pages later).
///
/// Tokens are the custom properties of the top-level `:root` block (the light scheme) and of
/// `:root` inside `@media (prefers-color-scheme: dark)` (the dark scheme, falling back to the
/// light value for a token it does not set). Only `#rgb` and `#rrggbb` values are read.
struct ThemeContrast {
    var css: String
    var path: String

    /// A foreground token on a background token, and the contrast it needs.
    struct Pair {
        var foreground: String, background: String, needs: Double, what: String
        /// Another token that meets the need in the foreground's place.
        var or: String? = nil
    }

    /// The pairs the default theme's pages use. Text meets AAA (7:1), as the site promises and
    /// the audit checks; focus rings, borders and chart lines meet 3:1 (WCAG 1.4.11).
    static let pairs: [Pair] = [
        Pair(foreground: "text", background: "background", needs: 7, what: "body text"),
        Pair(foreground: "text", background: "surface", needs: 7, what: "text on panels"),
        Pair(foreground: "muted", background: "background", needs: 7, what: "secondary text"),
        Pair(foreground: "muted", background: "surface", needs: 7, what: "secondary text on panels"),
        Pair(foreground: "link", background: "background", needs: 7, what: "links"),
        Pair(foreground: "link", background: "surface", needs: 7, what: "links on panels"),
        Pair(foreground: "link-visited", background: "background", needs: 7, what: "visited links"),
        Pair(foreground: "link-visited", background: "surface", needs: 7, what: "visited links on panels"),
        Pair(foreground: "brand-text", background: "brand", needs: 7, what: "the header's text"),
        Pair(foreground: "focus-text", background: "focus", needs: 7, what: "focused links"),
        // A focused link is drawn in --focus with a bar of --focus-text under it: on a light page
        // the bar shows it, on a dark one the fill does. One of the two must stand out.
        Pair(foreground: "focus", background: "background", needs: 3, what: "the focus highlight", or: "focus-text"),
        Pair(foreground: "better", background: "better-bg", needs: 7, what: "\"better\" tags"),
        Pair(foreground: "worse", background: "worse-bg", needs: 7, what: "\"worse\" tags"),
        Pair(foreground: "similar", background: "similar-bg", needs: 7, what: "\"similar\" tags"),
        Pair(foreground: "border", background: "background", needs: 3, what: "borders"),
        Pair(foreground: "chart-area", background: "background", needs: 3, what: "the area's chart line"),
        Pair(foreground: "chart-national", background: "background", needs: 3, what: "the national chart line"),
        Pair(foreground: "chart-regional", background: "background", needs: 3, what: "the regional chart line"),
        Pair(foreground: "chart-target", background: "background", needs: 3, what: "target lines and bars"),
    ]

    struct Token {
        var colour: RGB, location: SourceLocation
    }

    func problems() -> [Diagnostic] {
        let (light, dark) = tokens()
        guard !light.isEmpty else { return [] }
        var problems: [Diagnostic] = []
        for (scheme, tokens) in [("light", light), ("dark", light.merging(dark) { $1 })] {
            for pair in Self.pairs {
                guard let fg = tokens[pair.foreground], let bg = tokens[pair.background] else { continue }
                let ratio = RGB.contrast(fg.colour, bg.colour)
                guard Self.fails(ratio, pair.needs) else { continue }
                if let other = pair.or.flatMap({ tokens[$0] }), !Self.fails(RGB.contrast(other.colour, bg.colour), pair.needs) { continue }
                // Point at whichever of the two the dark scheme set, else at the foreground.
                let at = scheme == "dark" && dark[pair.foreground] == nil ? (dark[pair.background] ?? fg).location : fg.location
                problems.append(
                    .error(
                        at,
                        "in the \(scheme) colour scheme, --\(pair.foreground) (\(fg.colour.hex)) on "
                            + "--\(pair.background) (\(bg.colour.hex)) has a contrast of \(Self.ratioText(ratio)):1, and "
                            + "\(Self.ratioText(pair.needs)):1 is needed for \(pair.what) (WCAG \(pair.needs >= 7 ? "1.4.6" : "1.4.11")). "
                            + "Make one darker or lighter (a contrast checker gives the ratio as you change it)"))
            }
        }
        return problems
    }

    /// Rounded down to two places, as the browser audit reports it, so both agree at the edge.
    static func fails(_ ratio: Double, _ needs: Double) -> Bool { (ratio * 100).rounded(.down) / 100 < needs }

    static func ratioText(_ value: Double) -> String {
        let hundredths = Int((value * 100).rounded(.down))
        return hundredths % 100 == 0 ? "\(hundredths / 100)" : "\(hundredths / 100).\(hundredths % 100 < 10 ? "0" : "")\(hundredths % 100)"
    }

    /// The light and dark schemes' tokens, each with where it is written.
    func tokens() -> (light: [String: Token], dark: [String: Token]) {
        var light: [String: Token] = [:]
        var dark: [String: Token] = [:]
        var depth = 0
        var inDarkMedia = false
        var inRoot = false
        var rootDepth = 0
        var lineNumber = 0
        for line in MarkdownRenderer.lines(of: css) {
            lineNumber += 1
            let text = String(line)
            // Only a line that starts (after spaces and tabs) with "@" or ":", or with a character that is not
            // ASCII (which trimming might remove), can open a block below: the rest skip Foundation's trimming.
            let opening = text.utf8.first { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\t") }
            if let opening, opening >= 0x80 || opening == UInt8(ascii: "@") || opening == UInt8(ascii: ":") {
                let trimmed = text.trimmingCharacters(in: .whitespaces)
                if trimmed.hasPrefix("@media") && trimmed.contains("prefers-color-scheme: dark") && depth == 0 { inDarkMedia = true }
                if trimmed.hasPrefix(":root") && trimmed.contains("{") && (depth == 0 || (inDarkMedia && depth == 1)) {
                    inRoot = true
                    rootDepth = depth
                }
            }
            if inRoot, let token = declaration(in: text, line: lineNumber) {
                if inDarkMedia { dark[token.name] = token.value } else { light[token.name] = token.value }
            }
            // The braces, found on bytes in ASCII (where no brace is part of a larger Character).
            let braces =
                text.utf8.allSatisfy({ $0 < 0x80 })
                ? text.utf8.filter { $0 == UInt8(ascii: "{") || $0 == UInt8(ascii: "}") }.map { Character(Unicode.Scalar($0)) }
                : text.filter { $0 == "{" || $0 == "}" }.map { $0 }
            for character in braces {
                if character == "{" { depth += 1 }
                if character == "}" {
                    depth -= 1
                    if inRoot && depth == rootDepth { inRoot = false }
                    if depth == 0 { inDarkMedia = false }
                }
            }
        }
        return (light, dark)
    }

    private func declaration(in line: String, line number: Int) -> (name: String, value: Token)? {
        guard let start = line.range(of: "--"), let colon = line.range(of: ":", range: start.upperBound..<line.endIndex) else { return nil }
        let name = String(line[start.upperBound..<colon.lowerBound]).trimmingCharacters(in: .whitespaces)
        let rest = line[colon.upperBound...].prefix { $0 != ";" }.trimmingCharacters(in: .whitespaces)
        guard let colour = RGB(hex: rest) else { return nil }
        let column = line.distance(from: line.startIndex, to: start.lowerBound) + 1
        return (name, Token(colour: colour, location: SourceLocation(path: path, line: number, column: column)))
    }
}

/// An sRGB colour, for the WCAG relative-luminance formula.
struct RGB: Equatable {
    var r: Int, g: Int, b: Int

    init?(hex text: String) {
        guard text.hasPrefix("#") else { return nil }
        var digits = String(text.dropFirst())
        if digits.count == 3 { digits = digits.map { "\($0)\($0)" }.joined() }
        guard digits.count == 6, let value = Int(digits, radix: 16) else { return nil }
        (r, g, b) = (value >> 16 & 0xff, value >> 8 & 0xff, value & 0xff)
    }

    var hex: String {
        "#" + [r, g, b].map { String($0, radix: 16) }.map { $0.count == 1 ? "0" + $0 : $0 }.joined()
    }

    /// WCAG 2.2's relative luminance (understanding 1.4.3, with its 0.04045 threshold).
    var luminance: Double {
        func channel(_ value: Int) -> Double {
            let c = Double(value) / 255
            return c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)
    }

    static func contrast(_ a: RGB, _ b: RGB) -> Double {
        let (l1, l2) = (max(a.luminance, b.luminance), min(a.luminance, b.luminance))
        return (l1 + 0.05) / (l2 + 0.05)
    }
}
