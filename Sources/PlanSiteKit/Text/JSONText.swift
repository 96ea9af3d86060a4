/// JSON written byte for byte as Foundation's `JSONEncoder` writes it with
/// `[.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]`: two spaces a level,
/// `"key" : value`, keys in the order of their UTF-8 bytes, an empty list or object on three lines,
/// numbers in Swift's shortest form without a trailing ".0". The open-data JSON is
/// written this way because encoding it through `Codable` was 4% of a build;
/// `DataDownloadsJSONTests` checks it against `JSONEncoder` on the real site and on
/// seeded values (strings with every control character, numbers of every size).
///
/// It is written straight into UTF-8 bytes as the caller walks its data, with no tree of values
/// in between (building and sorting one was 6% of a build). So the caller writes each object's
/// keys in their UTF-8 order, which for fixed keys is the order written in the code; debug
/// builds (the tests) check that order.
struct JSONText {
    private(set) var bytes: [UInt8] = []
    /// How deep the group being written is.
    private var depth: Int
    /// Whether the group being written has no member yet.
    private var isEmpty = true
    #if DEBUG
        /// The last key written in the object being written, to check the keys' order.
        private var previousKey: [UInt8]?
    #endif

    /// A document, or (`depth` > 0) a value set that many levels deep in one: every line indented that much more.
    init(depth: Int = 0, reservingCapacity capacity: Int = 0) {
        self.depth = depth
        bytes.reserveCapacity(capacity)
        bytes += repeatElement(UInt8(ascii: " "), count: 2 * depth)
    }

    /// An object; `members` writes each member with `key` then its value.
    mutating func object(_ members: (inout JSONText) -> Void) {
        #if DEBUG
            let outerKey = previousKey
            previousKey = nil
            defer { previousKey = outerKey }
        #endif
        group(open: UInt8(ascii: "{"), close: UInt8(ascii: "}"), members)
    }

    /// A list; `items` writes each item with `item` then its value.
    mutating func list(_ items: (inout JSONText) -> Void) {
        group(open: UInt8(ascii: "["), close: UInt8(ascii: "]"), items)
    }

    /// Each element of `elements` as an item of a list, written by `write`.
    mutating func list<Elements: Sequence>(_ elements: Elements, _ write: (inout JSONText, Elements.Element) -> Void) {
        list { json in
            for element in elements {
                json.item()
                write(&json, element)
            }
        }
    }

    /// The next member's key, which must not sort before the one before it.
    mutating func key(_ name: StaticString) {
        name.withUTF8Buffer { name in
            beginMember(key: name)
            bytes.append(UInt8(ascii: "\""))
            bytes += name
        }
        bytes += Self.keyEnd
    }

    /// A key read from the data, such as a comparator's name: escaped as a string is.
    mutating func key(string name: String) {
        beginMember(key: name.utf8)
        string(name)
        bytes += Self.keyEnd[1...]
    }

    /// The start of the next item of a list.
    mutating func item() { beginMember(key: EmptyCollection()) }

    mutating func string(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        // The bytes read from a buffer, not through the String: this is most of the open data's text.
        var text = text
        text.withUTF8 { utf8 in
            // Most texts need no escape: appended whole, not a byte at a time.
            guard utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) else {
                bytes += utf8
                return
            }
            for byte in utf8 {
                switch byte {
                case UInt8(ascii: "\""): bytes += "\\\"".utf8
                case UInt8(ascii: "\\"): bytes += "\\\\".utf8
                case 0x08: bytes += "\\b".utf8
                case 0x09: bytes += "\\t".utf8
                case 0x0A: bytes += "\\n".utf8
                case 0x0C: bytes += "\\f".utf8
                case 0x0D: bytes += "\\r".utf8
                case 0x00..<0x20:
                    bytes += "\\u00".utf8
                    bytes += [Self.hex[Int(byte >> 4)], Self.hex[Int(byte & 0x0F)]]
                default: bytes.append(byte)
                }
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    mutating func number(_ value: Double) {
        // A whole number of no more than 15 digits is written as Swift writes it, less its ".0".
        if value == value.rounded(), abs(value) < 1e15, value != 0 || value.sign == .plus {
            integer(Int(value))
            return
        }
        var text = value.description
        if text.hasSuffix(".0") { text.removeLast(2) }
        bytes += text.utf8
    }

    /// `value`, or `null` when it is absent.
    mutating func number(orNull value: Double?) {
        if let value { number(value) } else { null() }
    }

    mutating func integer(_ value: Int) { bytes.appendDecimal(value) }

    mutating func bool(_ value: Bool) { bytes += (value ? "true" : "false").utf8 }

    mutating func null() { bytes += "null".utf8 }

    var string: String { String(decoding: bytes, as: UTF8.self) }

    /// JSONEncoder sorts keys by their UTF-8 bytes, not by `String`'s order (which is Unicode's
    /// canonical order: "e\u{301}" sorts as "é" there): the order to write keys read from the data in.
    static func precedes(_ a: String, _ b: String) -> Bool { a.utf8.lexicographicallyPrecedes(b.utf8) }

    private mutating func beginMember<Key: Collection<UInt8>>(key: Key) {
        #if DEBUG
            if !(key.isEmpty) {
                assert(previousKey.map { !key.lexicographicallyPrecedes($0) } ?? true, "JSON keys out of order")
                previousKey = Array(key)
            }
        #endif
        // The comma after the member before, a line break, the indent: one slice of `breaks`.
        appendBreak(from: isEmpty ? 1 : 0)
        isEmpty = false
    }

    private mutating func group(open: UInt8, close: UInt8, _ members: (inout JSONText) -> Void) {
        bytes.append(open)
        let outerIsEmpty = isEmpty
        isEmpty = true
        depth += 1
        members(&self)
        depth -= 1
        // An empty group is written on three lines: its opening, a blank line, its close.
        if isEmpty { bytes.append(0x0A) }
        appendBreak(from: 1)
        bytes.append(close)
        isEmpty = outerIsEmpty
    }

    /// `breaks` from `start` (0 for a comma first, 1 for the line break) to the indent of `depth`.
    private mutating func appendBreak(from start: Int) {
        let end = 2 + 2 * depth
        if end <= Self.breaks.count {
            bytes += Self.breaks[start..<end]
        } else {
            bytes += Self.breaks[start...]
            bytes += repeatElement(UInt8(ascii: " "), count: end - Self.breaks.count)
        }
    }

    /// A comma, a line break and the indent of 31 levels.
    private static let breaks = Array(",\n".utf8) + Array(repeating: UInt8(ascii: " "), count: 62)
    /// What follows a key: its closing quote and the separator.
    private static let keyEnd = Array("\" : ".utf8)
    private static let hex = Array("0123456789abcdef".utf8)
}

extension [UInt8] {
    /// `value` in decimal digits, as `String(value)` writes it.
    mutating func appendDecimal(_ value: Int) {
        if value < 0 { append(UInt8(ascii: "-")) }
        appendDecimal(digitsOf: value.magnitude)
    }

    mutating func appendDecimal(digitsOf value: UInt) {
        if value >= 10 { appendDecimal(digitsOf: value / 10) }
        append(UInt8(ascii: "0") + UInt8(value % 10))
    }
}
