/// File names as a message can show them: a name is bytes, not always UTF-8 text.
enum FileName {
    /// The name with each byte that is not part of valid UTF-8, and each control character,
    /// written as `\xNN`, so an error can name a file whose name no editor shows.
    static func shown<Bytes: Collection>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        let bytes = Array(bytes)
        var text = ""
        var index = 0
        while index < bytes.count {
            let length = sequenceLength(bytes[index])
            if index + length <= bytes.count,
                let character = String(validating: bytes[index..<(index + length)], as: UTF8.self),
                !character.unicodeScalars.contains(where: { $0.properties.generalCategory == .control })
            {
                text += character
                index += length
            } else {
                text += "\\x" + String(bytes[index], radix: 16, uppercase: true).leftPadded(to: 2)
                index += 1
            }
        }
        return text
    }

    /// How many bytes a UTF-8 sequence starting with `lead` has (1 for a byte that starts none).
    private static func sequenceLength(_ lead: UInt8) -> Int {
        switch lead {
        case 0xC2...0xDF: 2
        case 0xE0...0xEF: 3
        case 0xF0...0xF4: 4
        default: 1
        }
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
