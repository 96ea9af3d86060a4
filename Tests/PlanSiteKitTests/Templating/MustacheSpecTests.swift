import Testing

@testable import PlanSiteKit

/// A record for these tests: a hash of names to values, the shape the Mustache spec's data has.
/// (Pages declare their keys in tables; the renderer only asks a record for a name.)
private struct Hash: TemplateModel {
    var values: [String: TemplateValue]
    static let keys = TemplateKeys<Self>([])
    func templateValue(symbol: Int, named name: String) -> TemplateValue? { values[name] }
}

private func hash(_ values: [String: TemplateValue]) -> TemplateValue { .record(Hash(values: values)) }

/// `template` rendered with `data`, with `partials` by name.
private func render(_ template: String, _ data: [String: TemplateValue] = [:], partials: [String: String] = [:]) throws -> String {
    var trees = try partials.mapValues { try MustacheParser.parse($0) }
    trees["t"] = try MustacheParser.parse(template)
    return TemplateRenderer(templates: trees).render(Hash(values: data), with: "t")
}

/// The cases of the Mustache specification (github.com/mustache/spec, specs/*.json) that apply to
/// PlanSite's values (text, flags, records and lists; no numbers or lambdas from data), each as the
/// spec states it: template, data and expected output.
@Suite("Mustache spec") struct MustacheSpecTests {
    // MARK: interpolation.json

    @Test func interpolation() throws {
        #expect(try render("Hello from {Mustache}!\n") == "Hello from {Mustache}!\n")
        #expect(try render("Hello, {{subject}}!\n", ["subject": .text("world")]) == "Hello, world!\n")
        let forbidden = ["forbidden": TemplateValue.text("& \" < >")]
        #expect(
            try render("These characters should be HTML escaped: {{forbidden}}\n", forbidden)
                == "These characters should be HTML escaped: &amp; &quot; &lt; &gt;\n")
        #expect(
            try render("These characters should not be HTML escaped: {{{forbidden}}}\n", forbidden)
                == "These characters should not be HTML escaped: & \" < >\n")
        #expect(
            try render("These characters should not be HTML escaped: {{&forbidden}}\n", forbidden)
                == "These characters should not be HTML escaped: & \" < >\n")
        #expect(try render("I ({{cannot}}) be seen!") == "I () be seen!")
        #expect(try render("I ({{{cannot}}}) be seen!") == "I () be seen!")
    }

    @Test func dottedNamesAndTheContextStack() throws {
        let person = ["person": hash(["name": .text("Joe")])]
        #expect(try render("\"{{person.name}}\" == \"{{#person}}{{name}}{{/person}}\"", person) == "\"Joe\" == \"Joe\"")
        #expect(try render("\"{{{person.name}}}\" == \"{{#person}}{{{name}}}{{/person}}\"", person) == "\"Joe\" == \"Joe\"")
        #expect(try render("\"{{&person.name}}\" == \"{{#person}}{{&name}}{{/person}}\"", person) == "\"Joe\" == \"Joe\"")
        let deep = ["a": hash(["b": hash(["c": hash(["d": hash(["e": hash(["name": .text("Phil")])])])])])]
        #expect(try render("\"{{a.b.c.d.e.name}}\" == \"Phil\"", deep) == "\"Phil\" == \"Phil\"")
        #expect(try render("\"{{a.b.c}}\" == \"\"", ["a": hash([:])]) == "\"\" == \"\"")
        // Broken chain resolution: the rest of a dotted name is looked up only inside what the first part found.
        let broken = ["a": hash(["b": hash([:])]), "c": hash(["name": .text("Jim")])]
        #expect(try render("\"{{a.b.c.name}}\" == \"\"", broken) == "\"\" == \"\"")
        // Initial resolution: the first part is looked up from the innermost record outwards.
        let initial = [
            "a": hash(["b": hash(["c": hash(["d": hash(["e": hash(["name": .text("Phil")])])])])]),
            "b": hash(["c": hash(["d": hash(["e": hash(["name": .text("Wrong")])])])]),
        ]
        #expect(try render("\"{{#a}}{{b.c.d.e.name}}{{/a}}\" == \"Phil\"", initial) == "\"Phil\" == \"Phil\"")
        // Context precedence: a found first part is not looked past.
        #expect(try render("{{#a}}{{b.c}}{{/a}}", ["a": hash(["b": hash([:])]), "b": hash(["c": .text("ERROR")])]) == "")
    }

    @Test func interpolationWhitespace() throws {
        let data = ["string": TemplateValue.text("---")]
        #expect(try render("| {{string}} |", data) == "| --- |")
        #expect(try render("| {{{string}}} |", data) == "| --- |")
        #expect(try render("  {{string}}\n", data) == "  ---\n")
        #expect(try render("  {{{string}}}\n", data) == "  ---\n")
        #expect(try render("|{{ string }}|", data) == "|---|")
        #expect(try render("|{{{ string }}}|", data) == "|---|")
        #expect(try render("|{{& string }}|", data) == "|---|")
    }

    // MARK: sections.json

    @Test func sections() throws {
        #expect(
            try render("\"{{#boolean}}This should be rendered.{{/boolean}}\"", ["boolean": .flag(true)]) == "\"This should be rendered.\"")
        #expect(try render("\"{{#boolean}}This should not be rendered.{{/boolean}}\"", ["boolean": .flag(false)]) == "\"\"")
        #expect(try render("\"{{#null}}This should not be rendered.{{/null}}\"", ["null": .absent]) == "\"\"")
        #expect(try render("\"{{#context}}Hi {{name}}.{{/context}}\"", ["context": hash(["name": .text("Joe")])]) == "\"Hi Joe.\"")
        let parents = [
            "a": TemplateValue.text("foo"), "b": .text("wrong"), "sec": hash(["b": .text("bar")]), "c": hash(["d": .text("baz")]),
        ]
        #expect(try render("\"{{#sec}}{{a}}, {{b}}, {{c.d}}{{/sec}}\"", parents) == "\"foo, bar, baz\"")
        #expect(try render("\"{{#foo}}{{.}} is {{foo}}{{/foo}}\"", ["foo": .text("bar")]) == "\"bar is bar\"")
        let list = ["list": TemplateValue.list([hash(["item": .text("1")]), hash(["item": .text("2")]), hash(["item": .text("3")])])]
        #expect(try render("\"{{#list}}{{item}}{{/list}}\"", list) == "\"123\"")
        #expect(try render("\"{{#list}}Yay lists!{{/list}}\"", ["list": .list([])]) == "\"\"")
        #expect(
            try render(
                "{{#bool}}\n* first\n{{/bool}}\n* {{two}}\n{{#bool}}\n* third\n{{/bool}}\n", ["bool": .flag(true), "two": .text("second")])
                == "* first\n* second\n* third\n")
        #expect(try render("| A {{#bool}}B {{#bool}}C{{/bool}} D{{/bool}} E |", ["bool": .flag(true)]) == "| A B C D E |")
        #expect(try render("| A {{#bool}}B {{#bool}}C{{/bool}} D{{/bool}} E |", ["bool": .flag(false)]) == "| A  E |")
        #expect(try render("[{{#missing}}Found key 'missing'!{{/missing}}]") == "[]")
        let letters = ["list": TemplateValue.list(["a", "b", "c", "d", "e"].map { .text($0) })]
        #expect(try render("\"{{#list}}({{.}}){{/list}}\"", letters) == "\"(a)(b)(c)(d)(e)\"")
        let marks = ["list": TemplateValue.list(["&", "\"", "<", ">"].map { .text($0) })]
        #expect(try render("\"{{#list}}({{.}}){{/list}}\"", marks) == "\"(&amp;)(&quot;)(&lt;)(&gt;)\"")
        #expect(try render("\"{{#list}}({{{.}}}){{/list}}\"", marks) == "\"(&)(\")(<)(>)\"")
        #expect(try render("\"{{#list}}({{&.}}){{/list}}\"", marks) == "\"(&)(\")(<)(>)\"")
        let dotted = ["a": hash(["b": hash(["c": .flag(true)])])]
        #expect(try render("\"{{#a.b.c}}Here{{/a.b.c}}\" == \"Here\"", dotted) == "\"Here\" == \"Here\"")
        #expect(try render("\"{{#a.b.c}}Here{{/a.b.c}}\" == \"\"", ["a": hash([:])]) == "\"\" == \"\"")
        let tops = [
            "tops": TemplateValue.list([
                hash([
                    "tname": hash(["upper": .text("A"), "lower": .text("a")]),
                    "middles": .list([
                        hash(["mname": .text("1"), "bottoms": .list([hash(["bname": .text("x")]), hash(["bname": .text("y")])])])
                    ]),
                ])
            ])
        ]
        #expect(
            try render(
                "{{#tops}}{{#middles}}{{tname.lower}}{{mname}}.{{#bottoms}}{{tname.upper}}{{mname}}{{bname}}.{{/bottoms}}{{/middles}}{{/tops}}",
                tops)
                == "a1.A1x.A1y.")
    }

    @Test func sectionWhitespace() throws {
        let yes = ["boolean": TemplateValue.flag(true)]
        #expect(try render(" | {{#boolean}}\t|\t{{/boolean}} | \n", yes) == " | \t|\t | \n")
        #expect(try render(" | {{#boolean}} {{! Important Whitespace }}\n {{/boolean}} | \n", yes) == " |  \n  | \n")
        #expect(try render(" {{#boolean}}YES{{/boolean}}\n {{#boolean}}GOOD{{/boolean}}\n", yes) == " YES\n GOOD\n")
        #expect(try render("| This Is\n{{#boolean}}\n|\n{{/boolean}}\n| A Line\n", yes) == "| This Is\n|\n| A Line\n")
        #expect(try render("| This Is\n  {{#boolean}}\n|\n  {{/boolean}}\n| A Line\n", yes) == "| This Is\n|\n| A Line\n")
        #expect(try render("|\r\n{{#boolean}}\r\n{{/boolean}}\r\n|", yes) == "|\r\n|")
        #expect(try render("  {{#boolean}}\n#{{/boolean}}\n/", yes) == "#\n/")
        #expect(try render("#{{#boolean}}\n/\n  {{/boolean}}", yes) == "#\n/\n")
        #expect(try render("|{{# boolean }}={{/ boolean }}|", yes) == "|=|")
    }

    // MARK: inverted.json

    @Test func invertedSections() throws {
        #expect(
            try render("\"{{^boolean}}This should be rendered.{{/boolean}}\"", ["boolean": .flag(false)]) == "\"This should be rendered.\"")
        #expect(try render("\"{{^boolean}}This should not be rendered.{{/boolean}}\"", ["boolean": .flag(true)]) == "\"\"")
        #expect(try render("\"{{^null}}This should be rendered.{{/null}}\"", ["null": .absent]) == "\"This should be rendered.\"")
        #expect(try render("\"{{^context}}Hi {{name}}.{{/context}}\"", ["context": hash(["name": .text("Joe")])]) == "\"\"")
        #expect(try render("\"{{^list}}{{n}}{{/list}}\"", ["list": .list([hash(["n": .text("1")])])]) == "\"\"")
        #expect(try render("\"{{^list}}Yay lists!{{/list}}\"", ["list": .list([])]) == "\"Yay lists!\"")
        #expect(
            try render(
                "{{^bool}}\n* first\n{{/bool}}\n* {{two}}\n{{^bool}}\n* third\n{{/bool}}\n", ["bool": .flag(false), "two": .text("second")])
                == "* first\n* second\n* third\n")
        #expect(try render("| A {{^bool}}B {{^bool}}C{{/bool}} D{{/bool}} E |", ["bool": .flag(false)]) == "| A B C D E |")
        #expect(try render("| A {{^bool}}B {{^bool}}C{{/bool}} D{{/bool}} E |", ["bool": .flag(true)]) == "| A  E |")
        #expect(try render("[{{^missing}}Found key 'missing'!{{/missing}}]") == "[Found key 'missing'!]")
        let dotted = ["a": hash(["b": hash(["c": .flag(true)])])]
        #expect(try render("\"{{^a.b.c}}Not Here{{/a.b.c}}\" == \"\"", dotted) == "\"\" == \"\"")
        #expect(try render("\"{{^a.b.c}}Not Here{{/a.b.c}}\" == \"Not Here\"", ["a": hash([:])]) == "\"Not Here\" == \"Not Here\"")
        let no = ["boolean": TemplateValue.flag(false)]
        #expect(try render(" | {{^boolean}}\t|\t{{/boolean}} | \n", no) == " | \t|\t | \n")
        #expect(try render("| This Is\n{{^boolean}}\n|\n{{/boolean}}\n| A Line\n", no) == "| This Is\n|\n| A Line\n")
        #expect(try render("|\r\n{{^boolean}}\r\n{{/boolean}}\r\n|", no) == "|\r\n|")
        #expect(try render("|{{^ boolean }}={{/ boolean }}|", no) == "|=|")
    }

    // MARK: comments.json

    @Test func comments() throws {
        #expect(try render("12345{{! Comment Block! }}67890") == "1234567890")
        #expect(try render("12345{{!\n  This is a\n  multi-line comment...\n}}67890\n") == "1234567890\n")
        #expect(try render("Begin.\n{{! Comment Block! }}\nEnd.\n") == "Begin.\nEnd.\n")
        #expect(try render("Begin.\n  {{! Indented Comment Block! }}\nEnd.\n") == "Begin.\nEnd.\n")
        #expect(try render("|\r\n{{! Standalone Comment }}\r\n|") == "|\r\n|")
        #expect(try render("  {{! I'm Still Standalone }}\n!") == "!")
        #expect(try render("!\n  {{! I'm Still Standalone }}") == "!\n")
        #expect(try render("Begin.\n{{!\nSomething's going on here...\n}}\nEnd.\n") == "Begin.\nEnd.\n")
        #expect(try render("  12 {{! 34 }}\n") == "  12 \n")
        #expect(try render("12345 {{! Comment Block! }} 67890") == "12345  67890")
    }

    // MARK: delimiters.json

    @Test func setDelimiters() throws {
        #expect(try render("{{=<% %>=}}(<%text%>)", ["text": .text("Hey!")]) == "(Hey!)")
        #expect(try render("({{=[ ]=}}[text])", ["text": .text("It worked!")]) == "(It worked!)")
        #expect(try render("({{=| |=}}|text|)", ["text": .text("It worked!")]) == "(It worked!)")
        let sections =
            "[\n{{#section}}\n  {{data}}\n  |data|\n{{/section}}\n\n{{= | | =}}\n|#section|\n  {{data}}\n  |data|\n|/section|\n]\n"
        #expect(
            try render(sections, ["section": .flag(true), "data": .text("I got interpolated.")])
                == "[\n  I got interpolated.\n  |data|\n\n  {{data}}\n  I got interpolated.\n]\n")
        #expect(try render("[ {{=<% %>=}} ]") == "[  ]")
        #expect(try render("| {{=@ @=}}\n|") == "| \n|")
        #expect(try render("Begin.\n{{=@ @=}}\nEnd.\n") == "Begin.\nEnd.\n")
        #expect(try render("Begin.\n  {{=@ @=}}\nEnd.\n") == "Begin.\nEnd.\n")
        #expect(try render("|\r\n{{= @ @ =}}\r\n|") == "|\r\n|")
        #expect(try render("  {{=@ @=}}\n=") == "=")
        #expect(try render("=\n  {{=@ @=}}") == "=\n")
        #expect(try render("|{{= @   @ =}}|") == "||")
    }

    // MARK: partials.json

    @Test func partials() throws {
        #expect(try render("\"{{>text}}\"", partials: ["text": "from partial"]) == "\"from partial\"")
        #expect(try render("\"{{>text}}\"") == "\"\"")
        #expect(try render("\"{{>partial}}\"", ["text": .text("content")], partials: ["partial": "*{{text}}*"]) == "\"*content*\"")
        let nodes = ["content": TemplateValue.text("X"), "nodes": .list([hash(["content": .text("Y"), "nodes": .list([])])])]
        #expect(try render("{{>node}}", nodes, partials: ["node": "{{content}}<{{#nodes}}{{>node}}{{/nodes}}>"]) == "X<Y<>>")
        #expect(try render("| {{>partial}} |", partials: ["partial": "\t|\t"]) == "| \t|\t |")
        #expect(try render("  {{data}}  {{> partial}}\n", ["data": .text("|")], partials: ["partial": ">\n>"]) == "  |  >\n>\n")
        #expect(try render("|\r\n{{>partial}}\r\n|", partials: ["partial": ">"]) == "|\r\n>|")
        #expect(try render("  {{>partial}}\n>", partials: ["partial": ">\n>"]) == "  >\n  >>")
        #expect(try render(">\n  {{>partial}}", partials: ["partial": ">\n>"]) == ">\n  >\n  >")
        #expect(
            try render("\\\n {{>partial}}\n/\n", ["content": .text("<\n->")], partials: ["partial": "|\n{{{content}}}\n|\n"])
                == "\\\n |\n <\n->\n |\n/\n")
        #expect(try render("|{{> partial }}|", ["boolean": .flag(true)], partials: ["partial": "[]"]) == "|[]|")
    }

    // MARK: ~inheritance.json (the parts PlanSite's layouts use)

    @Test func inheritance() throws {
        let parent = "<html>{{$title}}Default title{{/title}}|{{$main}}nothing{{/main}}</html>"
        #expect(
            try render("{{<parent}}{{$main}}Body{{/main}}{{/parent}}", partials: ["parent": parent]) == "<html>Default title|Body</html>")
        #expect(try render("{{<parent}}{{/parent}}", partials: ["parent": parent]) == "<html>Default title|nothing</html>")
        #expect(try render("{{$title}}Default{{/title}}") == "Default")
        // The outermost override wins.
        let middle = "{{<parent}}{{$title}}Middle{{/title}}{{/parent}}"
        #expect(
            try render("{{<middle}}{{$title}}Outer{{/title}}{{/middle}}", partials: ["parent": parent, "middle": middle])
                == "<html>Outer|nothing</html>")
    }

    // MARK: Syntax errors: where, as the template lint reports them

    @Test func syntaxErrorsSayWhatAndWhere() {
        func problem(_ text: String) -> (MustacheSyntaxError.Problem, Int, Int)? {
            do {
                _ = try MustacheParser.parse(text)
                return nil
            } catch {
                return (error.problem, error.line, error.column)
            }
        }
        #expect(problem("a\n{{#x}}b{{/y}}")?.0 == .sectionCloseNameIncorrect)
        #expect(problem("a\n{{#x}}b{{/y}}")?.1 == 2)
        // The column of the wrong name, after `{{/`.
        #expect(problem("a\n{{#x}}b{{/y}}")?.2 == 11)
        #expect(problem("{{#x}}\nopen").map { $0.0 } == .expectedSectionEnd)
        #expect(problem("{{name} and more").map { $0.0 } == .unfinishedName)
        // The text ends inside the tag.
        #expect(problem("{{name").map { $0.0 } == .overflow)
        #expect(problem("{{=<% =}}").map { $0.0 } == .invalidSetDelimiter)
        #expect(problem("{{% CONTENT_TYPE: PDF }}").map { $0.0 } == .unrecognisedConfigVariable)
        #expect(problem("{{<layout}}text{{/layout}}") == nil)
        #expect(problem("{{<layout}}{{name}}{{/layout}}").map { $0.0 } == .illegalTokenInsideInheritSection)
    }
}
