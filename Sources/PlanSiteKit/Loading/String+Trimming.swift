import Foundation

extension String {
    /// `trimmingCharacters(in:)` for the two whitespace sets, without bridging to NSString:
    /// almost every YAML value starts and ends with a visible ASCII character and is returned
    /// as it is, and the rest (notes end in a line break) lose their ends scalar by scalar, as
    /// NSString trims them. Bridging each value cost 8% of a 1,000-indicator build.
    /// The set is made only when needed: making `.whitespaces` costs more than the check.
    func trimmed(_ set: @autoclosure () -> CharacterSet) -> String {
        guard let first = utf8.first, let last = utf8.last else { return self }
        let visible: ClosedRange<UInt8> = 0x21...0x7E
        if visible.contains(first) && visible.contains(last) { return self }
        let set = set()
        let scalars = unicodeScalars
        guard let start = scalars.firstIndex(where: { !set.contains($0) }),
            let end = scalars.lastIndex(where: { !set.contains($0) })
        else { return "" }
        return String(scalars[start...end])
    }
}
