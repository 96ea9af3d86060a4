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
        /// libyaml's current event, which `next` deletes before parsing the next one (deleting
        /// the zeroed event it starts as, or that a failed parse leaves, does nothing).
        var event = yaml_event_t()

        deinit {
            yaml_event_delete(&event)
            yaml_parser_delete(&parser)
        }

        /// The next event, or nil on a syntax error. A copy, which the readers below look at as often as
        /// they like: each look at the class's own field is checked for exclusive access, a tenth of
        /// reading the events. Its text stays valid until the following call.
        private func next() -> yaml_event_t? {
            yaml_event_delete(&event)
            guard yaml_parser_parse(&parser, &event) == 1 else { return nil }
            return event
        }

        func read(_ bytes: UnsafeBufferPointer<UInt8>) -> Outcome? {
            guard yaml_parser_initialize(&parser) == 1 else { return nil }
            yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
            yaml_parser_set_input_string(&parser, bytes.baseAddress, bytes.count)
            guard next()?.type == YAML_STREAM_START_EVENT, let first = next() else { return nil }
            if first.type == YAML_STREAM_END_EVENT { return .empty }
            guard first.type == YAML_DOCUMENT_START_EVENT, let start = next(), let root = node(start),
                next()?.type == YAML_DOCUMENT_END_EVENT, next()?.type == YAML_STREAM_END_EVENT
            else { return nil }
            return .root(root)
        }

        /// The node whose first event is `event`; after it, the current event is its last.
        private func node(_ event: yaml_event_t) -> YAMLNode? {
            // Counted from 1, as Yams counts.
            let (line, column) = (event.start_mark.line + 1, event.start_mark.column + 1)
            switch event.type {
            case YAML_SCALAR_EVENT:
                return scalar(event).map { YAMLNode(content: .scalar($0), line: line, column: column) }
            case YAML_SEQUENCE_START_EVENT:
                let start = event.data.sequence_start
                guard start.anchor == nil, start.implicit != 0 else { return nil }
                var items: [YAMLNode] = []
                // Room for a short list at once: growing from empty reallocated three times by four items.
                items.reserveCapacity(4)
                while true {
                    guard let following = next() else { return nil }
                    if following.type == YAML_SEQUENCE_END_EVENT { break }
                    guard let item = node(following) else { return nil }
                    items.append(item)
                }
                return YAMLNode(content: .sequence(items), line: line, column: column)
            case YAML_MAPPING_START_EVENT:
                let start = event.data.mapping_start
                guard start.anchor == nil, start.implicit != 0 else { return nil }
                var pairs: [YAMLNode.Pair] = []
                pairs.reserveCapacity(4)  // an observation's `{ period, value, lower_ci, upper_ci }`
                while true {
                    guard let following = next() else { return nil }
                    if following.type == YAML_MAPPING_END_EVENT { break }
                    // Only text keys: Yams compares other keys as whole nodes.
                    guard following.type == YAML_SCALAR_EVENT, let key = node(following), let name = key.scalar?.string else {
                        return nil
                    }
                    guard let valueEvent = next(), let value = node(valueEvent) else { return nil }
                    pairs.append(YAMLNode.Pair(name: name, key: key, value: value))
                }
                guard !Self.repeats(pairs) else { return nil }
                return YAMLNode(content: .mapping(YAMLNode.Mapping(pairs: pairs)), line: line, column: column)
            default:
                // An alias (refused with its own message by the Yams path), or an event out of place.
                return nil
            }
        }

        private func scalar(_ event: yaml_event_t) -> YAMLNode.Scalar? {
            let data = event.data.scalar
            guard data.anchor == nil, data.tag == nil, let style = YAMLNode.Style(rawValue: numericCast(data.style.rawValue)) else {
                return nil
            }
            let value = String(decoding: UnsafeBufferPointer(start: data.value, count: data.length), as: UTF8.self)
            return YAMLNode.Scalar(string: value, style: style)
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
