import CYaml
import Yams

/// libyaml's events read straight into Yams's nodes, for the documents Yams reads without a
/// word: no anchor, alias or explicit tag, every key a scalar, no key twice in a mapping, one
/// document. Yams's own parser makes a class instance per event and a tag per node, converts
/// every scalar through Foundation and hashes whole nodes to look for repeated keys: a fifth of
/// loading. Anything this reader does not take (every syntax error among them) returns nil,
/// and the caller parses the text again with Yams, so every diagnostic is Yams's, as before.
///
/// The nodes are the ones Yams makes, field for field: the same strings, styles (a mapping's and
/// a sequence's style is `.any`, as Yams reads it from the end event), marks (line and column
/// from 1) and tags (a quoted or block scalar `str`, anything else implicit, resolving as Yams's
/// do). Nodes of one kind share one tag object: the readers never look at tags, and a shared
/// tag resolves to the name each of the nodes' own would.
enum YAMLEvents {
    enum Outcome {
        /// No document at all (an empty file, or only comments).
        case empty
        case root(Node)
    }

    static func parse(_ text: String, resolver: Resolver) -> Outcome? {
        guard markCastWorks else { return nil }
        var text = text
        text.makeContiguousUTF8()
        return text.utf8.withContiguousStorageIfAvailable { bytes in
            let reader = Reader(resolver: resolver)
            return reader.read(bytes)
        } ?? nil
    }

    /// Yams's `Mark` has no public initialiser; it is two `Int`s, line then column. Checked once:
    /// if its layout ever differs, every document goes the Yams way.
    private struct MarkLayout {
        let line: Int
        let column: Int
    }

    private static let markCastWorks: Bool = {
        guard MemoryLayout<Mark>.size == MemoryLayout<MarkLayout>.size,
            MemoryLayout<Mark>.alignment == MemoryLayout<MarkLayout>.alignment
        else { return false }
        let mark = unsafeBitCast(MarkLayout(line: 12, column: 34), to: Mark.self)
        return mark.line == 12 && mark.column == 34
    }()

    fileprivate static func mark(_ mark: yaml_mark_t) -> Mark {
        unsafeBitCast(MarkLayout(line: mark.line + 1, column: mark.column + 1), to: Mark.self)
    }

    private final class Reader {
        var parser = yaml_parser_t()
        var event = yaml_event_t()
        var hasEvent = false
        /// One tag of each kind per document (Yams makes one per node): a tag resolves to the same
        /// name for every node of its kind, and a document is read on one thread.
        let implicitScalar: Tag
        let quotedScalar: Tag
        let implicitMapping: Tag
        let implicitSequence: Tag

        init(resolver: Resolver) {
            implicitScalar = Tag(.implicit, resolver, .default)
            quotedScalar = Tag(.str, resolver, .default)
            implicitMapping = Tag(.implicit, resolver, .default)
            implicitSequence = Tag(.implicit, resolver, .default)
        }

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

        /// The node whose first event is the current one; after it, the current event is its last.
        private func node() -> Node? {
            switch event.type {
            case YAML_SCALAR_EVENT:
                return scalar()
            case YAML_SEQUENCE_START_EVENT:
                let start = event.data.sequence_start
                guard start.anchor == nil, start.implicit != 0 else { return nil }
                let mark = YAMLEvents.mark(event.start_mark)
                var items: [Node] = []
                while true {
                    guard next() else { return nil }
                    if event.type == YAML_SEQUENCE_END_EVENT { break }
                    guard let item = node() else { return nil }
                    items.append(item)
                }
                return .sequence(Node.Sequence(items, implicitSequence, .any, mark))
            case YAML_MAPPING_START_EVENT:
                let start = event.data.mapping_start
                guard start.anchor == nil, start.implicit != 0 else { return nil }
                let mark = YAMLEvents.mark(event.start_mark)
                var pairs: [(Node, Node)] = []
                var keys: [String] = []
                while true {
                    guard next() else { return nil }
                    if event.type == YAML_MAPPING_END_EVENT { break }
                    // Only text keys: Yams compares other keys as whole nodes.
                    guard event.type == YAML_SCALAR_EVENT, let key = scalar(), let name = key.string else { return nil }
                    guard next(), let value = node() else { return nil }
                    keys.append(name)
                    pairs.append((key, value))
                }
                guard !Self.repeats(keys) else { return nil }
                return .mapping(Node.Mapping(pairs, implicitMapping, .any, mark))
            default:
                // An alias (refused with its own message by the Yams path), or an event out of place.
                return nil
            }
        }

        private func scalar() -> Node? {
            let data = event.data.scalar
            guard data.anchor == nil, data.tag == nil, let style = Node.Scalar.Style(rawValue: numericCast(data.style.rawValue))
            else { return nil }
            let value = String(decoding: UnsafeBufferPointer(start: data.value, count: data.length), as: UTF8.self)
            let tag = data.quoted_implicit == 1 ? quotedScalar : implicitScalar
            return .scalar(Node.Scalar(value, tag, style, YAMLEvents.mark(event.start_mark)))
        }

        /// Whether a key comes twice (text keys all resolve to `str`, so Yams's node equality is string equality).
        private static func repeats(_ keys: [String]) -> Bool {
            if keys.count <= 8 {
                for index in keys.indices.dropFirst() where keys[..<index].contains(keys[index]) { return true }
                return false
            }
            var seen = Set<String>(minimumCapacity: keys.count)
            for key in keys where !seen.insert(key).inserted { return true }
            return false
        }
    }
}
