import Foundation

/// Every regular expression PlanSite uses, declared in one place.
///
/// Each is compiled once, the first time it is used. The patterns are constants, never user
/// input; one that cannot compile is a programming error, and `PatternsTests` compiles every
/// entry of `all`, so a broken pattern fails a test instead of silently switching a check off
/// (as `try?` did) or stopping a build (as `try!` would, in a user's hands).
enum Patterns {
    // MARK: Content lint

    /// `![…](…)` or `[…](…)` written in a body: ContentLint finds those cmark did not read as links.
    static let bracketedLink = compile(#"(!?)\[([^\]\n]*)\]\(([^)\n]*)\)"#)
    /// "the the": a word written twice in a row.
    static let repeatedWord = compile(#"\b(\p{L}{1,40})\s+\1\b"#, .caseInsensitive)
    /// Alt text that names a file ("chart.png", "image file").
    static let altTextFileWords = compile(#"(\.|\b)(png|jpe?g|gif|svg|webp|bmp|tiff?)\b|\bfile\b"#, .caseInsensitive)
    /// The start of a Markdown block a line may open with: heading, list item, quote or table row.
    static let markdownBlockStart = compile(#"^\s{0,3}(#{1,6}\s|[-*+]\s|\d{1,9}[.)]\s|>\s?|\|)"#)
    /// A run of capitals (an acronym), with an optional plural "s", not inside a word, address or code.
    static let acronym = compile(#"(?<![\p{L}\p{N}\-./@])([A-Z]{2,})s?(?![\p{L}\p{N}\-]|\.[\p{L}])"#)

    // MARK: Templates

    /// A link in a template, with its text.
    static let templateAnchor = compile(#"<a\b[^>]{0,2000}>(.{0,500}?)</a>"#, [.caseInsensitive, .dotMatchesLineSeparators])
    /// Any HTML tag, to read a link's text without its markup.
    static let htmlTag = compile(#"<[^>]*>"#)

    // MARK: Figures and periods

    /// A figure reference, loose on purpose ("{{ Life-Expectancy.Latest }}") so a near miss is reported, not shown as written.
    static let figureReference = compile(#"\{\{\s*([A-Za-z0-9_-]+)\.([A-Za-z0-9_]+)\s*\}\}"#)
    /// A number written in text: "1,234", "12.5".
    static let writtenNumber = compile(#"(?<![\d.,\-/])(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?(?![\d]|[.,/\-]\d)"#)
    /// A link to an indicator's page or file: "indicators/rough-sleeping/", "../indicators/x.yml".
    static let indicatorLink = compile(#"(?:^|/)indicators/([a-z0-9-]+)(?:/|\.yml)"#)
    /// A year, optionally followed by a two-digit end year: "2019", "2019-21", "2011/12".
    static let year = compile(#"(?<!\d)((?:19|20)\d\d)(?:[-/](\d\d))?(?!\d)"#)

    // MARK: `changes`

    /// A Markdown link or image, whose text is what a reader sees.
    static let markdownLink = compile(#"!?\[([^\]]*)\]\([^)]*\)"#)
    /// A list, heading or numbered-item mark at the start of a line.
    static let markdownLineMark = compile(#"(?m)^[ \t]*(#+|[-*]|\d+\.)[ \t]"#)
    /// Trailing zeros after a decimal point ("12.50" → "12.5", "3.0" → "3").
    static let trailingZeros = compile(#"\.?0+$"#)

    /// Every pattern above, by name, with a text it must match: the test compiles and tries each.
    static var all: [(name: String, regex: () -> NSRegularExpression, example: String)] {
        [
            ("bracketedLink", { bracketedLink }, "![a photo](my photo.jpg)"),
            ("repeatedWord", { repeatedWord }, "the the"),
            ("altTextFileWords", { altTextFileWords }, "IMG_2041.JPG"),
            ("markdownBlockStart", { markdownBlockStart }, "## Heading"),
            ("acronym", { acronym }, "the ONS figures"),
            ("templateAnchor", { templateAnchor }, "<a href=\"x\">Find out more</a>"),
            ("htmlTag", { htmlTag }, "<span>"),
            ("figureReference", { figureReference }, "{{ life-expectancy.latest }}"),
            ("writtenNumber", { writtenNumber }, "1,234 homes"),
            ("indicatorLink", { indicatorLink }, "../indicators/rough-sleeping/"),
            ("year", { year }, "2019-21"),
            ("markdownLink", { markdownLink }, "[text](https://example.org)"),
            ("markdownLineMark", { markdownLineMark }, "- item"),
            ("trailingZeros", { trailingZeros }, "12.500000"),
        ]
    }

    private static func compile(_ pattern: String, _ options: NSRegularExpression.Options = []) -> NSRegularExpression {
        try! NSRegularExpression(pattern: pattern, options: options)
    }
}

/// Byte-level reading for the lints' fast paths. A Substring's bytes read one at a time through
/// its UTF-8 view cost 10 to 30 instructions each, more than the reading itself: they are read
/// from the string's own storage when it has some (as native Swift strings do), and each
/// buffer is read or copied inside the closure only, never kept.
extension StringProtocol {
    /// The text's UTF-8 in an array.
    var utf8Bytes: [UInt8] {
        utf8.withContiguousStorageIfAvailable { Array($0) } ?? Array(utf8)
    }

    /// Whether every byte is ASCII.
    var isASCII: Bool { allBytes { $0 < 0x80 } }

    /// Whether each byte is one Character: ASCII without a carriage return (which joins a line feed).
    var isPlainASCII: Bool { allBytes { $0 < 0x80 && $0 != UInt8(ascii: "\r") } }

    func allBytes(_ test: (UInt8) -> Bool) -> Bool {
        utf8.withContiguousStorageIfAvailable { $0.allSatisfy(test) } ?? utf8.allSatisfy(test)
    }

    /// Whether the text's UTF-8 has `first` right before `second`: a quick test that lets most text skip
    /// an exact one (an expression, or Foundation's `contains`, which bridges to NSString).
    func hasBytes(_ first: UInt8, _ second: UInt8) -> Bool {
        func find(in bytes: some Collection<UInt8>) -> Bool {
            var previous: UInt8?
            for byte in bytes {
                if byte == second, previous == first { return true }
                previous = byte
            }
            return false
        }
        return utf8.withContiguousStorageIfAvailable { find(in: $0) } ?? find(in: utf8)
    }
}
