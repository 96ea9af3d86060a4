import CYaml

/// libyaml's events read straight into `YAMLNode`s, for the documents Yams reads without a
/// word: no anchor, alias or explicit tag, every key a scalar, no key twice in a mapping, one
/// document. Yams's own parser makes a class instance per event and a tag per node, converts
/// every scalar through Foundation and hashes whole nodes to look for repeated keys: a fifth of
/// loading. Anything this reader does not take (every syntax error among them) returns nil,
/// and the caller parses the text again with Yams, so every diagnostic is Yams's, as before.
///
/// The nodes hold what Yams's would, field for field: the same strings, styles and marks (line
/// and column from 1). Every scalar here is text, as Yams resolves an untagged scalar.
enum YAMLEvents {
    enum Outcome {
        /// No document at all (an empty file, or only comments).
        case empty
        case root(YAMLNode)
    }

    static func parse(_ text: String) -> Outcome? {
        var text = text
        text.makeContiguousUTF8()
        return text.utf8.withContiguousStorageIfAvailable { bytes in
            let reader = Reader()
            return reader.read(bytes)
        } ?? nil
    }

    private final class Reader {
        var parser = yaml_parser_t()
        var event = yaml_event_t()
        var hasEvent = false

        deinit {
            if hasEvent { yaml_event_delete(&event) }
            yaml_parser_delete(&parser)
        }

        /// The next event, or false on a syntax error.
        private func next() -> Bool {
            if hasEvent {
                yaml_event_delete(&event)
                hasEvent = false
            }
            guard yaml_parser_parse(&parser, &event) == 1 else { return false }
            hasEvent = true
            return true
        }

        func read(_ bytes: UnsafeBufferPointer<UInt8>) -> Outcome? {
            guard yaml_parser_initialize(&parser) == 1 else { return nil }
            yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
            yaml_parser_set_input_string(&parser, bytes.baseAddress, bytes.count)
            guard next(), event.type == YAML_STREAM_START_EVENT, next() else { return nil }
            if event.type == YAML_STREAM_END_EVENT { return .empty }
            guard event.type == YAML_DOCUMENT_START_EVENT, next(), let root = node(),
                next(), event.type == YAML_DOCUMENT_END_EVENT,
                next(), event.type == YAML_STREAM_END_EVENT
            else { return nil }
            return .root(root)
        }

        /// Where the current event starts, counted from 1 as Yams counts.
        private var line: Int { event.start_mark.line + 1 }
        private var column: Int { event.start_mark.column + 1 }

        /// The node whose first event is the current one; after it, the current event is its last.
        private func node() -> YAMLNode? {
            switch event.type {
            case YAML_SCALAR_EVENT:
                return scalar().map { YAMLNode(content: .scalar($0.scalar), line: $0.line, column: $0.column) }
            case YAML_SEQUENCE_START_EVENT:
                let start = event.data.sequence_start
                guard start.anchor == nil, start.implicit != 0 else { return nil }
                let (line, column) = (line, column)
                var items: [YAMLNode] = []
                while true {
                    guard next() else { return nil }
                    if event.type == YAML_SEQUENCE_END_EVENT { break }
                    guard let item = node() else { return nil }
                    items.append(item)
                }
                return YAMLNode(content: .sequence(items), line: line, column: column)
            case YAML_MAPPING_START_EVENT:
                let start = event.data.mapping_start
                guard start.anchor == nil, start.implicit != 0 else { return nil }
                let (line, column) = (line, column)
                var pairs: [YAMLNode.Pair] = []
                while true {
                    guard next() else { return nil }
                    if event.type == YAML_MAPPING_END_EVENT { break }
                    // Only text keys: Yams compares other keys as whole nodes.
                    guard event.type == YAML_SCALAR_EVENT, let key = scalar() else { return nil }
                    guard next(), let value = node() else { return nil }
                    pairs.append(
                        YAMLNode.Pair(
                            name: key.scalar.string, key: YAMLNode(content: .scalar(key.scalar), line: key.line, column: key.column),
                            value: value))
                }
                guard !Self.repeats(pairs) else { return nil }
                return YAMLNode(content: .mapping(YAMLNode.Mapping(pairs: pairs)), line: line, column: column)
            default:
                // An alias (refused with its own message by the Yams path), or an event out of place.
                return nil
            }
        }

        private func scalar() -> (scalar: YAMLNode.Scalar, line: Int, column: Int)? {
            let data = event.data.scalar
            guard data.anchor == nil, data.tag == nil, let style = YAMLNode.Style(rawValue: numericCast(data.style.rawValue)) else {
                return nil
            }
            let value = String(decoding: UnsafeBufferPointer(start: data.value, count: data.length), as: UTF8.self)
            return (YAMLNode.Scalar(string: value, style: style), line, column)
        }

        /// Whether a key comes twice (text keys all resolve to `str`, so Yams's node equality is string equality).
        private static func repeats(_ pairs: [YAMLNode.Pair]) -> Bool {
            if pairs.count <= 8 {
                for index in pairs.indices.dropFirst() where pairs[..<index].contains(where: { $0.name == pairs[index].name }) {
                    return true
                }
                return false
            }
            var seen = Set<String>(minimumCapacity: pairs.count)
            for pair in pairs where !seen.insert(pair.name).inserted { return true }
            return false
        }
    }
}
