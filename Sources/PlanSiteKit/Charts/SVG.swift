/// Helpers for drawing SVG; text is escaped by `Markup.escape`.
enum SVG {
    /// Coordinates with at most one decimal, so output is short and byte-stable.
    static func number(_ value: Double) -> String {
        // Held inside any drawing's reach, so a broken scale can never trap converting to Int.
        let rounded = value.isFinite ? (min(max(value, -1e6), 1e6) * 10).rounded() / 10 : 0
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }
}
