import Yams

/// One YAML value as the readers see it: its text or items, its style and where it starts.
/// Built straight from libyaml's events (`YAMLEvents`), or from Yams's tree for the few files
/// that take Yams's way. Yams's `Node` carries a tag object, an optional mark and a weak anchor,
/// and each copy of one retains all of them; this holds only what the readers look at.
struct YAMLNode {
    enum Content {
        case scalar(Scalar)
        case sequence([YAMLNode])
        case mapping(Mapping)
    }

    struct Scalar {
        var string: String
        var style: Style
        /// The value's tag is `str`, as every untagged value's is (the basic resolver types nothing).
        /// False only for an explicit other tag (`!!int 1`), which Yams does not match to a text key.
        var isText = true
    }

    /// libyaml's scalar styles, numbered as libyaml and Yams number them.
    enum Style: UInt32 {
        case any = 0
        case plain, singleQuoted, doubleQuoted, literal, folded
    }

    struct Mapping {
        var pairs: [Pair]
        /// Yams reads a mapping with a `!!value` key as that value's text (`Node.string`): kept
        /// so that a file with such a tag reads as it did.
        var valueKeyText: String?
    }

    struct Pair {
        /// The key's text ("" for a key that is a list or a mapping), as messages and look-ups use it.
        var name: String
        var key: YAMLNode
        var value: YAMLNode
    }

    var content: Content
    /// From 1; the column counts characters, as libyaml does.
    var line: Int
    var column: Int

    var scalar: Scalar? {
        if case .scalar(let scalar) = content { return scalar }
        return nil
    }

    /// The text of a scalar, as Yams's `Node.string` gives it; nil for a list or a mapping.
    var string: String? {
        switch content {
        case .scalar(let scalar): scalar.string
        case .mapping(let mapping): mapping.valueKeyText
        case .sequence: nil
        }
    }

    /// The value of a mapping's text key, as Yams's `node["key"]` finds it (the last such key).
    subscript(key: String) -> YAMLNode? {
        guard case .mapping(let mapping) = content else { return nil }
        return mapping.pairs.last { pair in
            guard case .scalar(let scalar) = pair.key.content else { return false }
            return scalar.isText && scalar.string == key
        }?.value
    }

    var isNull: Bool {
        guard case .scalar(let scalar) = content, scalar.style == .plain else { return false }
        switch scalar.string {
        case "", "~", "null", "Null", "NULL": return true
        default: return false
        }
    }

    /// YAML 1.1's words for true and false, written plainly (`"yes"` in quotes is text).
    /// Read here rather than by Yams's tag rules, which run a regular expression on every value.
    var flag: Bool? {
        guard case .scalar(let scalar) = content, scalar.style == .plain else { return nil }
        switch scalar.string {
        case "true", "True", "TRUE", "yes", "Yes", "YES", "on", "On", "ON": return true
        case "false", "False", "FALSE", "no", "No", "NO", "off", "Off", "OFF": return false
        default: return nil
        }
    }

    var kindDescription: String {
        switch content {
        case .scalar(let scalar): "\"\(scalar.string.prefix(40))\""
        case .sequence: "a list"
        case .mapping: "a set of key: value lines"
        }
    }
}

extension YAMLNode {
    /// Yams's tree, for a document the event reader leaves to Yams. Called once its anchors are
    /// refused, so there is no alias in it; one would read as an empty text.
    init(_ node: Node) {
        let mark = node.mark
        line = mark?.line ?? 1
        column = mark?.column ?? 1
        switch node {
        case .scalar(let scalar):
            content = .scalar(
                Scalar(
                    string: scalar.string, style: Style(rawValue: scalar.style.rawValue) ?? .any,
                    isText: node.tag.description == Tag.Name.str.rawValue))
        case .sequence(let items):
            content = .sequence(items.map(YAMLNode.init))
        case .mapping(let mapping):
            content = .mapping(
                Mapping(
                    pairs: mapping.map { Pair(name: $0.key.string ?? "", key: YAMLNode($0.key), value: YAMLNode($0.value)) },
                    valueKeyText: node.string))
        case .alias:
            content = .scalar(Scalar(string: "", style: .any))
        }
    }
}
