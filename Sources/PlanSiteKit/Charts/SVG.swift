/// Helpers for drawing SVG; text is escaped by `Markup.escape`.
enum SVG {
    /// Coordinates with at most one decimal, so output is short and byte-stable.
    static func number(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }
}
