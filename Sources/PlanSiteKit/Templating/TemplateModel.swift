import Mustache

/// A value a template reads, typed: a page, or a record inside one (a tile, a table row).
/// Each type declares its keys once, in `keys`; swift-mustache asks `child(named:)`, which
/// reads the declared table (no reflection, no dictionaries of `Any`), and the key
/// reference (`docs/template-keys.md`) and the template-key lint read the same table.
protocol TemplateModel: MustacheParent, Sendable {
    static var keys: TemplateKeys<Self> { get }
}

extension TemplateModel {
    public func child(named name: String) -> Any? {
        Self.keys.value(named: name, of: self)
    }
}

/// What swift-mustache is handed for a record too large to sit inside an `Any`: a reference.
/// It asks `as? MustacheParent` of each record on its stack for every name it looks up,
/// and that cast copies a value, field by field; a reference is copied with one retain.
final class TemplateObject<Model: TemplateModel>: MustacheParent {
    let model: Model

    init(_ model: Model) { self.model = model }

    func child(named name: String) -> Any? {
        Model.keys.value(named: name, of: model)
    }
}

extension TemplateModel {
    /// The record as swift-mustache should hold it: itself when it fits inside an `Any`
    /// (three words: a `TextCell`), else in a `TemplateObject`.
    var forTemplate: Any {
        MemoryLayout<Self>.size <= MemoryLayout<(Int, Int, Int)>.size ? self : TemplateObject(self)
    }
}

/// What a template gets for an optional value that is missing: it renders like a missing
/// key (nothing, a `{{#section}}` skipped, a `{{^section}}` shown), but, unlike a key the
/// record does not have, Mustache does not look further out for the name. `{{#summary}}`
/// inside `{{#outcomes}}` must not find the page's own summary when an outcome has none.
struct TemplateAbsent: MustacheCustomRepresentation, Sendable {
    var representation: Any? { nil }
}

/// Text as templates get it. It renders itself, so swift-mustache finds what to print with
/// one cast (`MustacheCustomRenderable`) instead of trying template, lambda and optional
/// before printing through `String(describing:)`; it is escaped the same way.
struct TemplateString: MustacheCustomRenderable, MustacheParent, MustacheTransformable, Sendable {
    let text: String

    var renderText: String { text }
    var isNull: Bool { false }

    /// Text has no keys: inside `{{#summary}}…{{/summary}}` names are looked up further out.
    func child(named name: String) -> Any? { nil }

    /// `{{uppercased(title)}}` and the other string transforms, as for a `String`.
    func transform(_ name: String) -> Any? { text.transform(name) }
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
    let read: @Sendable (Model) -> Any

    private init(_ name: String, _ meaning: String, _ kind: TemplateValueKind, optional: Bool, read: @escaping @Sendable (Model) -> Any) {
        info = TemplateKeyInfo(name: name, meaning: meaning, kind: kind, optional: optional)
        self.read = read
    }

    /// A missing value as templates see it.
    private static func orAbsent(_ value: Any?) -> Any {
        value ?? TemplateAbsent()
    }

    static func text(_ name: String, _ meaning: String, _ get: @escaping @Sendable (Model) -> String) -> Self {
        Self(name, meaning, .text, optional: false) { TemplateString(text: get($0)) }
    }

    /// Text that some pages lack: nil is absent.
    static func text(_ name: String, _ meaning: String, _ get: @escaping @Sendable (Model) -> String?) -> Self {
        Self(name, meaning, .text, optional: true) { orAbsent(get($0).map(TemplateString.init)) }
    }

    static func html(_ name: String, _ meaning: String, _ get: @escaping @Sendable (Model) -> String) -> Self {
        Self(name, meaning, .html, optional: false) { TemplateString(text: get($0)) }
    }

    static func html(_ name: String, _ meaning: String, _ get: @escaping @Sendable (Model) -> String?) -> Self {
        Self(name, meaning, .html, optional: true) { orAbsent(get($0).map(TemplateString.init)) }
    }

    static func flag(_ name: String, _ meaning: String, _ get: @escaping @Sendable (Model) -> Bool) -> Self {
        Self(name, meaning, .flag, optional: false) { get($0) }
    }

    static func record<Record: TemplateModel>(_ name: String, _ meaning: String, _ get: @escaping @Sendable (Model) -> Record) -> Self {
        Self(name, meaning, .record(.of(Record.self)), optional: false) { get($0).forTemplate }
    }

    static func record<Record: TemplateModel>(_ name: String, _ meaning: String, _ get: @escaping @Sendable (Model) -> Record?) -> Self {
        Self(name, meaning, .record(.of(Record.self)), optional: true) { orAbsent(get($0)?.forTemplate) }
    }

    /// A record whose keys are not declared here but read at run time (the word file's
    /// entries): the lint leaves the names below it to the record's own check.
    static func entries(_ name: String, _ meaning: String, _ get: @escaping @Sendable (Model) -> (any MustacheParent & Sendable)?) -> Self {
        Self(name, meaning, .record(TemplateKeyList { [] }), optional: true) { orAbsent(get($0)) }
    }

    static func list<Record: TemplateModel>(_ name: String, _ meaning: String, _ get: @escaping @Sendable (Model) -> [Record]) -> Self {
        // An array, so that swift-mustache's list transforms (`first`, `count`…) still apply.
        Self(name, meaning, .list(.of(Record.self)), optional: false) { get($0).map(\.forTemplate) }
    }
}

/// A record whose keys a type shows as its own: a commitment's status fields, on its
/// page, its card on the home page and its row at a glance.
struct TemplatePart<Model>: Sendable {
    let keys: TemplateKeyList
    /// Asks the part for a name: `{ $0.status.child(named: $1) }` reads the part in place.
    let lookup: @Sendable (Model, String) -> Any?

    init<Part: TemplateModel>(_ type: Part.Type, lookup: @escaping @Sendable (Model, String) -> Any?) {
        keys = .of(Part.self)
        self.lookup = lookup
    }
}

/// The declared keys of `Model`, looked up by name when a template is rendered.
struct TemplateKeys<Model>: Sendable {
    let own: [TemplateKey<Model>]
    let parts: [TemplatePart<Model>]
    /// Each own key's length and first and last bytes, in `own`'s order: swift-mustache asks
    /// every record on its stack for each name until one has it, so most questions are
    /// answered "no", and a scan of these numbers says so sooner than hashing the name.
    private let signatures: [UInt32]

    init(_ own: [TemplateKey<Model>], including parts: [TemplatePart<Model>] = []) {
        self.own = own
        self.parts = parts
        signatures = own.map { Self.signature($0.info.name) }
        var names: Set<String> = []
        for key in own {
            precondition(names.insert(key.info.name).inserted, "\(Model.self) declares `\(key.info.name)` twice")
        }
    }

    private static func signature(_ name: String) -> UInt32 {
        let utf8 = name.utf8
        return UInt32(truncatingIfNeeded: utf8.count) << 16 | UInt32(utf8.first ?? 0) << 8 | UInt32(utf8.last ?? 0)
    }

    /// Every key, the parts' after the type's own.
    var info: [TemplateKeyInfo] {
        own.map(\.info) + parts.flatMap(\.keys.keys)
    }

    /// nil for a name the type does not declare: Mustache then looks in the enclosing records.
    func value(named name: String, of model: Model) -> Any? {
        let signature = Self.signature(name)
        for position in signatures.indices where signatures[position] == signature && own[position].info.name == name {
            return own[position].read(model)
        }
        for part in parts {
            if let value = part.lookup(model, name) { return value }
        }
        return nil
    }
}
