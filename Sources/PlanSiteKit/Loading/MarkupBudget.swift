/// A ceiling on how much Markdown structure one body may hold. Memory grows with the pieces
/// cmark and the checks make, not with the bytes: 4 MB of `*a* _b_` took 929 MB, a 4 MB
/// table 490 MB. No page of a plan comes near the ceiling; a file that does is refused before
/// it is parsed, so a build stays well under 200 MB whatever a file holds (docs/robustness.md).
enum MarkupBudget {
    static let maximumMarks = 100_000

    /// The problem with `body`, or nil: counts the bytes that can open a Markdown structure
    /// (emphasis, links, images, code, HTML, table cells, headings) and line breaks.
    static func problem(_ body: String) -> String? {
        // Over the UTF-8 bytes in place: every page body and every indicator's notes are counted.
        var body = body
        let marks = body.withUTF8 { bytes in
            var marks = 0
            for byte in bytes {
                switch byte {
                case UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "`"),
                    UInt8(ascii: "<"), UInt8(ascii: "|"), UInt8(ascii: "#"), UInt8(ascii: "!"), 0x0A:
                    marks += 1
                default: continue
                }
            }
            return marks
        }
        guard marks > maximumMarks else { return nil }
        return "this text has \(marks) Markdown marks and line breaks (emphasis, links, table cells, headings); "
            + "a page may have at most \(maximumMarks): split it into several pages"
    }
}
