import Foundation
import Testing
import Yams

@testable import PlanSiteKit

/// The event reader must give what the readers would see of Yams's tree (strings, styles, marks,
/// whether a value is text, kinds) for every document it takes, and take none that Yams would
/// refuse or read another way.
@Suite struct YAMLEventsTests {
    static func yams(_ text: String) throws -> Node? {
        let parser = try Parser(yaml: text, resolver: YAMLDocument.resolver, encoding: .utf8)
        return try parser.singleRoot()
    }

    /// A description of every field the readers can see, node by node.
    static func describe(_ node: Node?) -> String {
        guard let node else { return "none" }
        let mark = node.mark.map { "\($0.line):\($0.column)" } ?? "-"
        switch node {
        case .scalar(let scalar):
            let isText = node.tag.description == Tag.Name.str.rawValue
            return "s(\(scalar.string.debugDescription) \(scalar.style) text:\(isText) @\(mark))"
        case .sequence(let sequence):
            let items: [String] = sequence.map { describe($0) }
            return "q(@\(mark) [\(items.joined(separator: ", "))])"
        case .mapping(let mapping):
            let pairs: [String] = mapping.map {
                "\(($0.key.string ?? "").debugDescription)=" + describe($0.key) + ": " + describe($0.value)
            }
            return "m(\(node.string.debugDescription) @\(mark) {\(pairs.joined(separator: ", "))})"
        case .alias:
            return "alias"
        }
    }

    static func describe(_ node: YAMLNode?) -> String {
        guard let node else { return "none" }
        let mark = "\(node.line):\(node.column)"
        switch node.content {
        case .scalar(let scalar):
            return "s(\(scalar.string.debugDescription) \(scalar.style) text:\(scalar.isText) @\(mark))"
        case .sequence(let items):
            return "q(@\(mark) [\(items.map { describe($0) }.joined(separator: ", "))])"
        case .mapping(let mapping):
            let pairs = mapping.pairs.map { "\($0.name.debugDescription)=" + describe($0.key) + ": " + describe($0.value) }
            return "m(\(node.string.debugDescription) @\(mark) {\(pairs.joined(separator: ", "))})"
        }
    }

    static func check(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let expected = try describe(yams(text))
        switch YAMLEvents.parse(text) {
        case .empty: #expect(expected == "none", sourceLocation: sourceLocation)
        case .root(let root): #expect(describe(root) == expected, sourceLocation: sourceLocation)
        case nil: Issue.record("not taken: \(text.prefix(60))", sourceLocation: sourceLocation)
        }
    }

    @Test func everyFixtureAndContentFileReadsAsYamsReadsIt() throws {
        var count = 0
        for folder in [
            TestPaths.realContent, TestPaths.fixtures, TestPaths.corpusBase, TestPaths.packageRoot.appendingPathComponent("content"),
        ] {
            guard let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil) else { continue }
            for case let url as URL in walker where ["yml", "yaml", "md"].contains(url.pathExtension) {
                guard var text = try? String(contentsOf: url, encoding: .utf8) else { continue }
                if url.pathExtension == "md" {
                    guard let parts = FrontMatter.split(text), let yaml = parts.yaml else { continue }
                    text = yaml
                }
                guard let expected = try? Self.yams(text) else {
                    #expect(YAMLEvents.parse(text) == nil, "\(url.path) is an error for Yams")
                    continue
                }
                switch YAMLEvents.parse(text) {
                case .empty: #expect(expected == nil, "\(url.path)")
                case .root(let root): #expect(Self.describe(root) == Self.describe(expected), "\(url.path)")
                case nil: break  // anchors, tags or other keys: read by Yams
                }
                count += 1
            }
        }
        #expect(count > 100)
    }

    @Test func shapesAndStyles() throws {
        try Self.check("")
        try Self.check("# only a comment\n")
        try Self.check("---\n")
        try Self.check("a: 1\nb: \"two\"\nc: 'three'\nd: ~\ne:\nf: null\n")
        try Self.check("notes: |\n  ### Heading\n\n  Text é ü 中文 😀\nfolded: >\n  one\n  two\n")
        try Self.check("series:\n  - { period: \"2020\", value: 1.5, lower_ci: 1, upper_ci: 2 }\n  - { period: 2021, value: 1,768 }\n")
        try Self.check("list: [a, \"b\", 'c', [d, e], {f: g}]\nnested:\n  deeper:\n    - x\n    -\n      y: z\n")
        try Self.check("\"quoted key\": 1\n'single': 2\nplain key: 3\n")
        try Self.check("a: \"\\u00e9 \\x41 \\t tab\"\n")
        try Self.check("- 1\n- two\n- - 3\n  - 4\n")
        try Self.check("scalar at the top")
        try Self.check("\"a\\0b\": \"nul \\0 inside\"\n")
        try Self.check("key:    spaced value   \nother: \"  padded  \"\n")
        try Self.check("a: 1\r\nb: 2\r\n")
        try Self.check("é: 1\ne\u{301}x: 2\n")
    }

    @Test func leavesToYamsWhatYamsRefusesOrReadsAnotherWay() {
        let refused = [
            "a: 1\na: 2\n",  // a key twice
            "é: 1\ne\u{301}: 2\n",  // the same key, once composed and once not: Swift strings are equal
            "a: &x 1\nb: *x\n",  // anchors and aliases
            "a: !!str 1\n",  // an explicit tag
            "a: !custom {b: 1}\n",
            "? [a, b]\n: c\n",  // a key that is a list
            "{a: 1}: b\n",
            "a: 1\n---\nb: 2\n",  // two documents
            "a: [1, 2\n",  // syntax errors
            "a: \"open\n",
            "\ta: 1\n",
            "a: 1\n b: 2\n",
            "a: b: c\n",
        ]
        for text in refused {
            #expect(YAMLEvents.parse(text) == nil, "\(text.debugDescription)")
        }
        let manyKeys = (0..<20).map { "k\($0): \($0)" } + ["k7: again"]
        #expect(YAMLEvents.parse(manyKeys.joined(separator: "\n")) == nil)
    }

    /// A document with tags is read by Yams and its tree converted: what the readers see is Yams's.
    @Test func yamsTreesConvertToWhatTheReadersSee() throws {
        for text in [
            "a: !!str 1\nb: !!int 2\nc: !custom {d: 1}\n", "? [a, b]\n: c\nd: e\n", "!!int category: 1\ncategory: 2\n",
            "x: {!!value k: v, other: w}\n", "- !!float 1.5\n- ! plain\n- !!seq [a]\n",
        ] {
            var problems: [Diagnostic] = []
            let document = try #require(YAMLDocument.parse(text, path: "x.yml", problems: &problems), "\(text.debugDescription)")
            #expect(problems.isEmpty)
            #expect(Self.describe(document.root) == Self.describe(try Self.yams(text)), "\(text.debugDescription)")
            let key = try #require(try Self.yams(text))["category"]
            #expect(Self.describe(document.root?["category"]) == Self.describe(key), "\(text.debugDescription)")
        }
    }
}
