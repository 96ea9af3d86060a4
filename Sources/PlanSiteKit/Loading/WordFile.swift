import Foundation

/// Reads `templates/words/<language>.yml` and holds it to `WordKey`: every key the generator
/// asks for is there, each with exactly the placeholders it is given, and plural forms where
/// the key counts something. Every problem is reported, at its line and column.
///
/// The file is a YAML mapping of key to text, or of key to plural forms:
///
///     skip_link: Skip to main content
///     yearly_figures:
///       one: "{count} yearly figure"
///       other: "{count} yearly figures"
public enum WordFile {
    /// "words/en-GB.yml" inside the templates folder.
    public static func relativePath(for language: String) -> String { "words/\(language).yml" }

    /// The words for `language`, or `Words.empty` (with an error) when its file is missing or
    /// unreadable. `languageLocation` is where `language:` is written, for a missing file.
    public static func load(
        from templates: any SourceFiles, language: String, languageLocation: SourceLocation,
        problems: inout [Diagnostic], sources: inout SourceCache
    ) -> Words {
        let displayPrefix = templates.displayPrefix
        let path = displayPrefix + relativePath(for: language)
        guard !language.isEmpty, language.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") })
        else {
            problems.append(
                .error(
                    languageLocation,
                    "`language` must be a language tag such as en-GB or cy, found \"\(language.prefix(40))\"; "
                        + "it names the word file \(displayPrefix)words/<language>.yml"))
            return .empty
        }
        guard templates.exists(relativePath(for: language)) else {
            let shipped = templates.files(in: "words", withExtension: "yml").map { String($0.dropFirst("words/".count).dropLast(4)) }
            let choice = shipped.isEmpty ? "" : ", or set `language` to one that has a file (\(shipped.joined(separator: ", ")))"
            problems.append(
                .error(
                    languageLocation,
                    "`language: \(language)` needs the word file \(path), which does not exist; copy "
                        + "\(displayPrefix)words/en-GB.yml to \(path) and translate each entry\(choice)"))
            return .empty
        }
        guard let text = templates.read(relativePath(for: language), problems: &problems) else { return .empty }
        sources.record(text, for: path)
        let (words, found) = parse(text, language: language, path: path)
        problems += found
        problems += check(words)
        return words
    }

    /// The entries of a word file's text; problems of its form (not YAML, not a mapping, a
    /// value that is no text, a plural form CLDR does not name).
    public static func parse(_ text: String, language: String, path: String) -> (Words, [Diagnostic]) {
        var problems: [Diagnostic] = []
        guard let document = YAMLDocument.parse(text, path: path, problems: &problems) else {
            return (Words(language: language, entries: [:], path: path), problems)
        }
        guard case .mapping(let mapping)? = document.root?.content else {
            problems.append(
                .error(
                    SourceLocation(path: path),
                    "a word file is a list of `key: text` lines; this one is \(document.root == nil ? "empty" : "not")"))
            return (Words(language: language, entries: [:], path: path), problems)
        }
        var entries: [String: WordEntry] = [:]
        for pair in mapping.pairs {
            let (keyNode, value) = (pair.key, pair.value)
            let key = keyNode.string ?? ""
            let keyLocation = document.location(of: keyNode)
            if let earlier = entries[key]?.location {
                problems.append(.error(keyLocation, "`\(key)` is written twice (first on line \(earlier.line)); keep one"))
                continue
            }
            var entry = WordEntry(forms: [:], location: keyLocation)
            switch value.content {
            case .scalar:
                entry.forms[.other] = read(value, in: document, into: &entry, problems: &problems)
            case .mapping(let forms):
                entry.isPlural = true
                for form in forms.pairs {
                    let (formNode, formValue) = (form.key, form.value)
                    let name = formNode.string ?? ""
                    guard let category = PluralCategory(rawValue: name) else {
                        let names = PluralCategory.allCases.map(\.rawValue).joined(separator: ", ")
                        problems.append(
                            .error(document.location(of: formNode), "`\(name)` is not a plural form; the forms are \(names) (CLDR)"))
                        continue
                    }
                    guard case .scalar = formValue.content else {
                        problems.append(.error(document.location(of: formValue), "the `\(name)` form of `\(key)` must be a text"))
                        continue
                    }
                    entry.forms[category] = read(formValue, in: document, into: &entry, problems: &problems)
                }
                if entry.forms[.other] == nil {
                    problems.append(
                        .error(keyLocation, "`\(key)` has plural forms but no `other:`, the form every language uses; add it"))
                }
            default:
                problems.append(.error(document.location(of: value), "`\(key)` must be a text, or plural forms (`one:`, `other:`…)"))
                continue
            }
            entries[key] = entry
        }
        return (Words(language: language, entries: entries, path: path), problems)
    }

    /// One text's pieces, with each placeholder's place in the file.
    private static func read(
        _ node: YAMLNode, in document: YAMLDocument, into entry: inout WordEntry, problems: inout [Diagnostic]
    ) -> [WordEntry.Piece] {
        let text = node.string ?? ""
        let start = document.location(of: node)
        let quoted = node.scalar.map { $0.style == .singleQuoted || $0.style == .doubleQuoted } ?? false
        let singleLine = node.scalar.map { $0.style != .literal && $0.style != .folded } ?? true
        if text.contains("{{") || text.contains("}}") {
            problems.append(.error(start, "`{{` and `}}` are Mustache tags, not words; a placeholder is written {name}"))
        }
        let (pieces, offsets) = WordEntry.pieces(of: text)
        for (name, offset) in offsets where entry.placeholderLocations[name] == nil {
            var location = start
            if singleLine, !text.contains("\n") { location.column += offset + (quoted ? 1 : 0) }
            entry.placeholderLocations[name] = location
        }
        return pieces
    }

    /// Holds the words to every `WordKey`: a missing key, a missing placeholder, a placeholder
    /// the generator does not give, plural forms where nothing is counted. The language's
    /// plural forms missing from a counted entry are a warning: `other` stands in for them.
    public static func check(_ words: Words) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        let file = SourceLocation(path: words.path)
        for key in WordKey.allCases {
            guard let entry = words.entries[key.rawValue] else {
                problems.append(.error(file, "`\(key.rawValue)` is missing: add it, as \(key.rawValue): \(key.example)"))
                continue
            }
            let location = entry.location ?? file
            let given = Set(key.placeholders)
            for name in entry.placeholders where !given.contains(name) {
                let takes = key.placeholders.isEmpty ? "takes no placeholders" : "takes only \(key.placeholderList)"
                problems.append(
                    .error(
                        entry.placeholderLocations[name] ?? location,
                        "`{\(name)}` is not a placeholder of `\(key.rawValue)`, which \(takes); it would show as written"))
            }
            for category in PluralCategory.allCases {
                guard let pieces = entry.forms[category] else { continue }
                let named = Set(pieces.compactMap { if case .placeholder(let name) = $0 { name } else { nil } })
                for name in key.placeholders where !named.contains(name) && !(name == key.count && entry.isPlural && category != .other) {
                    let form = entry.isPlural ? "the `\(category.rawValue)` form of " : ""
                    problems.append(
                        .error(
                            location,
                            "\(form)`\(key.rawValue)` has no `{\(name)}`; the generator fills it in, so the text needs it (\(key.placeholderList))"
                        ))
                }
            }
            if entry.isPlural && key.count == nil {
                problems.append(.error(location, "`\(key.rawValue)` counts nothing, so it takes one text, not plural forms"))
            } else if entry.isPlural {
                let missing = words.plural.categories.filter { entry.forms[$0] == nil }
                if !missing.isEmpty {
                    problems.append(
                        .warning(
                            location,
                            "`\(key.rawValue)` has no \(missing.map { "`\($0.rawValue)`" }.joined(separator: ", ")) form, which "
                                + "\(words.language) uses (CLDR); the `other` form is shown instead"))
                }
            }
        }
        return problems
    }
}
