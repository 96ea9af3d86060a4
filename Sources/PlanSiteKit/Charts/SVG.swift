/// Helpers for drawing SVG; text is escaped by `Markup.escape`.
enum SVG {
    /// Coordinates with at most one decimal, so output is short and byte-stable.
    static func number(_ value: Double) -> String {
        var text = SVGText()
        text.append(number: value)
        return text.string
    }
}

/// SVG written by interpolation straight into UTF-8 bytes, for the charts: building them as
/// `String`s through Swift's default interpolation, a coordinate at a time, was a tenth of a build.
/// In its interpolations a `Double` is a coordinate, written as `SVG.number` writes it (at most one
/// decimal); an `Int` is written as it is; a `String` is written as it is, unless labelled `escaped:`
/// (then as `Markup.escape` writes it).
struct SVGText: ExpressibleByStringInterpolation {
    private(set) var bytes: [UInt8] = []

    init() {}

    init(stringLiteral literal: StaticString) {
        append(literal)
    }

    init(stringInterpolation: StringInterpolation) {
        bytes = stringInterpolation.text.bytes
    }

    var string: String { String(decoding: bytes, as: UTF8.self) }

    mutating func reserveCapacity(_ count: Int) { bytes.reserveCapacity(count) }

    static func += (text: inout SVGText, more: SVGText) { text.bytes += more.bytes }

    mutating func append(_ literal: StaticString) {
        literal.withUTF8Buffer { bytes += $0 }
    }

    mutating func append(text: String) { bytes += text.utf8 }

    mutating func append(escaped text: String) { Markup.escape(text, into: &bytes) }

    mutating func append(_ value: Int) { bytes.appendDecimal(value) }

    /// `value` rounded to tenths, without the decimal when it is whole: the text of
    /// `String(Int(rounded))` or `String(rounded)`, as Swift writes a Double held to one decimal.
    mutating func append(number value: Double) {
        // Held inside any drawing's reach, so a broken scale can never trap converting to Int.
        let tenths = value.isFinite ? Int((min(max(value, -1e6), 1e6) * 10).rounded()) : 0
        if tenths < 0 { bytes.append(UInt8(ascii: "-")) }
        bytes.appendDecimal(digitsOf: tenths.magnitude / 10)
        let tenth = tenths.magnitude % 10
        if tenth != 0 {
            bytes.append(UInt8(ascii: "."))
            bytes.append(UInt8(ascii: "0") + UInt8(tenth))
        }
    }

    struct StringInterpolation: StringInterpolationProtocol {
        fileprivate var text = SVGText()

        init(literalCapacity: Int, interpolationCount: Int) {
            text.reserveCapacity(literalCapacity + 8 * interpolationCount)
        }

        mutating func appendLiteral(_ literal: StaticString) { text.append(literal) }
        mutating func appendInterpolation(_ value: Double) { text.append(number: value) }
        mutating func appendInterpolation(_ value: Int) { text.append(value) }
        mutating func appendInterpolation(_ value: String) { text.append(text: value) }
        mutating func appendInterpolation(_ value: StaticString) { text.append(value) }
        mutating func appendInterpolation(escaped value: String) { text.append(escaped: value) }
        mutating func appendInterpolation(_ value: SVGText) { text += value }
    }
}
