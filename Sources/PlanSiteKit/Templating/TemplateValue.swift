import Foundation

/// A value as a template sees it, typed: what `TemplateRenderer` reads from a page's key
/// tables. No `Any`: each case says what the value is, so rendering switches on it instead
/// of asking a value, cast after cast, what it might be.
enum TemplateValue: Sendable {
    /// Text: escaped by `{{key}}`, as it is in `{{{key}}}` (markup made by PlanSite).
    case text(String)
    /// `true` or `false`, for `{{#key}}` and `{{^key}}`.
    case flag(Bool)
    /// A number (only from a transform: `{{count(items)}}`).
    case number(Int)
    /// A record: a page, a tile, a table row.
    case record(any TemplateModel)
    /// A list of values, each rendered in turn by `{{#key}}…{{/key}}`.
    case list([TemplateValue])
    /// An optional value that is missing: rendered as nothing, and, unlike a name the record does
    /// not declare, not looked for further out. `{{#summary}}` inside `{{#outcomes}}` must not
    /// find the page's own summary when an outcome has none.
    case absent
    /// The word file's entries (`{{words.key}}`), boxed: held inline, `Words` made every
    /// `TemplateValue` five fields wide, and a lookup copies values several times.
    case words(TemplateWords)
    /// A word entry with placeholders: a lambda, rendered as the Mustache text `Words.template`
    /// makes of it (its placeholders read the page's values, its `{{$slot}}` blocks the section's).
    case wordEntry([WordEntry.Piece])

    /// The value a missing optional becomes.
    static func optional(_ value: TemplateValue?) -> TemplateValue { value ?? .absent }

    /// The value named `name` (its symbol `symbol`) of this value, when it is on the context stack;
    /// nil when it has no such name (the lookup goes on further out).
    func child(symbol: Int, named name: String) -> TemplateValue? {
        switch self {
        case .record(let record): record.templateValue(symbol: symbol, named: name)
        case .words(let box): box.words.templateValue(named: name)
        case .text, .flag, .number, .list, .absent, .wordEntry: nil
        }
    }

    /// `{{upper(name)}}`: the transforms swift-mustache gave templates, for the values templates get.
    func transformed(_ name: String) -> TemplateValue? {
        switch self {
        case .text(let text):
            switch name {
            case "empty": .flag(text.isEmpty)
            case "capitalized": .text(text.capitalized)
            case "lowercased": .text(text.lowercased())
            case "uppercased": .text(text.uppercased())
            case "reversed": .text(String(text.reversed()))
            default: nil
            }
        case .list(let items):
            switch name {
            case "first": items.first
            case "last": items.last
            case "reversed": .list(items.reversed())
            case "count": .number(items.count)
            case "empty": .flag(items.isEmpty)
            default: nil
            }
        case .number(let number):
            switch name {
            case "equalzero": .flag(number == 0)
            case "plusone": .number(number + 1)
            case "minusone": .number(number - 1)
            case "even": .flag(number & 1 == 0)
            case "odd": .flag(number & 1 == 1)
            default: nil
            }
        case .flag, .record, .absent, .words, .wordEntry: nil
        }
    }
}

/// Names in templates as small numbers: each distinct name a key table declares or a template
/// uses gets one, so a record finds a name's key by indexing an array, not by comparing text.
enum TemplateSymbols {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var numbers: [String: Int] = [:]

    /// The number of `name`, the same for every caller for the life of the process.
    static func number(of name: String) -> Int {
        lock.lock()
        defer { lock.unlock() }
        if let number = numbers[name] { return number }
        let number = numbers.count
        numbers[name] = number
        return number
    }
}

// MARK: - Words

/// The word file as a template value: one reference, made once per build (`SiteLayout`), so
/// that copying a `TemplateValue` copies one pointer, not the word file's fields.
final class TemplateWords: Sendable {
    let words: Words
    init(_ words: Words) { self.words = words }
}

extension Words {
    /// `{{words.key}}`: the entry as text when it has no placeholders, else as a lambda
    /// (`Words.template`); nil for a key the word file does not have.
    func templateValue(named name: String) -> TemplateValue? {
        if let text = plainTexts[name] { return .text(text) }
        guard let entry = entries[name] else { return nil }
        return .wordEntry(entry.form(.other))
    }
}
