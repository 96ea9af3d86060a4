/// A value a template reads, typed: a page, or a record inside one (a tile, a table row).
/// Each type declares its keys once, in `keys`; `TemplateRenderer` reads the declared table
/// (no reflection, no dictionaries of `Any`), and the key reference (`docs/template-keys.md`)
/// and the template-key lint read the same table.
protocol TemplateModel: Sendable {
    static var keys: TemplateKeys<Self> { get }
    /// The value of the key `name`, whose number is `symbol` (`TemplateSymbols`); nil when the type
    /// does not declare it.
    func templateValue(symbol: Int, named name: String) -> TemplateValue?
}

extension TemplateModel {
    public func templateValue(symbol: Int, named name: String) -> TemplateValue? {
        Self.keys.value(symbol: symbol, named: name, of: self)
    }

    /// The value of the key `name` (a `TemplateValue`), or nil when the type does not declare it:
    /// a name looked up by its text, as tests ask (rendering asks by number, `templateValue(symbol:named:)`).
    public func child(named name: String) -> Any? {
        Self.keys.value(named: name, of: self)
    }
}

/// What a key holds, for the key reference and the lint.
enum TemplateValueKind: Sendable {
    /// Escaped text, `{{key}}`.
    case text
    /// Markup made by PlanSite (rendered Markdown, an SVG chart), `{{{key}}}`.
    case html
    /// `true` or `false`, for `{{#key}}…{{/key}}` and `{{^key}}…{{/key}}`.
    case flag
    /// A record: `{{key.name}}`, or `{{#key}}{{name}}{{/key}}`.
    case record(TemplateKeyList)
    /// A list of records: `{{#key}}{{name}}{{/key}}` repeats for each.
    case list(TemplateKeyList)
}

/// One key as the reference and the lint see it, whatever type declared it.
struct TemplateKeyInfo: Sendable {
    var name: String
    var meaning: String
    var kind: TemplateValueKind
    /// Whether the value may be absent on some pages (wrap it in `{{#key}}…{{/key}}`).
    var optional: Bool
}

/// The keys of one type, type-erased: its own, then those of the parts it includes.
/// A closure, so that a type's keys can name a record type declared after it.
struct TemplateKeyList: Sendable {
    private let make: @Sendable () -> [TemplateKeyInfo]
    init(_ make: @escaping @Sendable () -> [TemplateKeyInfo]) { self.make = make }
    var keys: [TemplateKeyInfo] { make() }

    static func of<Model: TemplateModel>(_ type: Model.Type) -> TemplateKeyList {
        TemplateKeyList { Model.keys.info }
    }
}

/// One declared key of `Model`: its name, what it means to a template author, what it
/// holds, and how it is read.
struct TemplateKey<Model>: Sendable {
    let info: TemplateKeyInfo
    let read: @Sendable (Model) -> TemplateValue

    private init(
        _ name: String, _ meaning: String, _ kind: TemplateValueKind, optional: Bool, read: @escaping @Sendable (Model) -> TemplateValue
    ) {
        info = TemplateKeyInfo(name: name, meaning: meaning, kind: kind, optional: optional)
        self.read = read
    }

    /// A missing value as templates see it.
    private static func orAbsent(_ value: TemplateValue?) -> TemplateValue {
        value ?? .absent
    }

    static func text(_ name: String, _ meaning: String, _ get: @escaping @Sendable (Model) -> String) -> Self {
        Self(name, meaning, .text, optional: false) { .text(get($0)) }
    }

    /// Text that some pages lack: nil is absent.
    static func text(_ name: String, _ meaning: String, _ get: @escaping @Sendable (Model) -> String?) -> Self {
        Self(name, meaning, .text, optional: true) { orAbsent(get($0).map(TemplateValue.text)) }
    }

    static func html(_ name: String, _ meaning: String, _ get: @escaping @Sendable (Model) -> String) -> Self {
        Self(name, meaning, .html, optional: false) { .text(get($0)) }
    }

    static func html(_ name: String, _ meaning: String, _ get: @escaping @Sendable (Model) -> String?) -> Self {
        Self(name, meaning, .html, optional: true) { orAbsent(get($0).map(TemplateValue.text)) }
    }

    static func flag(_ name: String, _ meaning: String, _ get: @escaping @Sendable (Model) -> Bool) -> Self {
        Self(name, meaning, .flag, optional: false) { .flag(get($0)) }
    }

    static func record<Record: TemplateModel>(_ name: String, _ meaning: String, _ get: @escaping @Sendable (Model) -> Record) -> Self {
        Self(name, meaning, .record(.of(Record.self)), optional: false) { .record(get($0)) }
    }

    static func record<Record: TemplateModel>(_ name: String, _ meaning: String, _ get: @escaping @Sendable (Model) -> Record?) -> Self {
        Self(name, meaning, .record(.of(Record.self)), optional: true) { orAbsent(get($0).map(TemplateValue.record)) }
    }

    /// A record whose keys are not declared here but read at run time (the word file's
    /// entries): the lint leaves the names below it to the record's own check.
    static func entries(_ name: String, _ meaning: String, _ get: @escaping @Sendable (Model) -> TemplateWords?) -> Self {
        Self(name, meaning, .record(TemplateKeyList { [] }), optional: true) { orAbsent(get($0).map(TemplateValue.words)) }
    }

    static func list<Record: TemplateModel>(_ name: String, _ meaning: String, _ get: @escaping @Sendable (Model) -> [Record]) -> Self {
        Self(name, meaning, .list(.of(Record.self)), optional: false) { .list(get($0).map { .record($0) }) }
    }
}

/// A record whose keys a type shows as its own: a commitment's status fields, on its
/// page, its card on the home page and its row at a glance.
struct TemplatePart<Model>: Sendable {
    let keys: TemplateKeyList
    /// Asks the part for a name by its number and text: `{ $0.status.templateValue(symbol: $1, named: $2) }`
    /// reads the part in place (nil when the part does not declare the name). By number, like a
    /// type's own keys: every layout key a page reads goes through here.
    let lookup: @Sendable (Model, Int, String) -> TemplateValue?

    init<Part: TemplateModel>(_ type: Part.Type, lookup: @escaping @Sendable (Model, Int, String) -> TemplateValue?) {
        keys = .of(Part.self)
        self.lookup = lookup
    }
}

/// The declared keys of `Model`, looked up by name when a template is rendered.
struct TemplateKeys<Model>: Sendable {
    let own: [TemplateKey<Model>]
    let parts: [TemplatePart<Model>]
    /// Indexed by a name's number (`TemplateSymbols`): the position in `own` of the key of that
    /// name, or -1. A template's names are numbered when it is parsed, so a lookup is an index.
    private let positions: [Int32]
    /// `own`'s readers and `parts`' lookups, apart: a lookup copies out one closure, not a whole key.
    private let reads: [@Sendable (Model) -> TemplateValue]
    private let partLookups: [@Sendable (Model, Int, String) -> TemplateValue?]

    init(_ own: [TemplateKey<Model>], including parts: [TemplatePart<Model>] = []) {
        self.own = own
        self.parts = parts
        reads = own.map(\.read)
        partLookups = parts.map(\.lookup)
        var names: Set<String> = []
        for key in own {
            precondition(names.insert(key.info.name).inserted, "\(Model.self) declares `\(key.info.name)` twice")
        }
        let symbols = own.map { TemplateSymbols.number(of: $0.info.name) }
        var positions = [Int32](repeating: -1, count: (symbols.max() ?? -1) + 1)
        for (position, symbol) in symbols.enumerated() { positions[symbol] = Int32(position) }
        self.positions = positions
    }

    /// Every key, the parts' after the type's own.
    var info: [TemplateKeyInfo] {
        own.map(\.info) + parts.flatMap(\.keys.keys)
    }

    /// nil for a name the type does not declare: the renderer then looks in the enclosing records.
    func value(symbol: Int, named name: String, of model: Model) -> TemplateValue? {
        if symbol < positions.count {
            let position = Int(positions[symbol])
            if position >= 0 { return reads[position](model) }
        }
        for lookup in partLookups {
            if let value = lookup(model, symbol, name) { return value }
        }
        return nil
    }

    /// nil for a name the type does not declare.
    func value(named name: String, of model: Model) -> TemplateValue? {
        value(symbol: TemplateSymbols.number(of: name), named: name, of: model)
    }
}
