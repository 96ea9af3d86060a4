import Foundation

extension String {
    /// `trimmingCharacters(in:)` for the two whitespace sets, without bridging to NSString
    /// when there is nothing to trim: almost every YAML value starts and ends with a visible
    /// ASCII character, and bridging each one cost 8% of a 1,000-indicator build.
    func trimmed(_ set: CharacterSet) -> String {
        guard let first = utf8.first, let last = utf8.last else { return self }
        let visible: ClosedRange<UInt8> = 0x21...0x7E
        if visible.contains(first) && visible.contains(last) { return self }
        return trimmingCharacters(in: set)
    }
}
