import Foundation

/// Reads typed fields out of one YAML mapping, reporting each missing or
/// mistyped field at its own position and carrying on, so one run shows every problem.
final class FieldReader {
    let document: YAMLDocument
    let node: YAMLNode
    /// The mapping's pairs, each with its key's text (empty when `node` is not a mapping).
    let pairs: [YAMLNode.Pair]
    private(set) var diagnostics: [Diagnostic] = []
    /// Name used in messages for the thing being read ("indicator", "front matter", …).
    let subject: String

    init(_ node: YAMLNode, in document: YAMLDocument, subject: String) {
        self.document = document
        self.node = node
        self.subject = subject
        if case .mapping(let mapping) = node.content {
            pairs = mapping.pairs
        } else {
            pairs = []
            diagnostics.append(.error(document.location(of: node), "\(subject) must be a set of `key: value` lines"))
        }
    }

    var location: SourceLocation { document.location(of: node) }

    func location(of node: YAMLNode) -> SourceLocation { document.location(of: node) }

    /// The first value of `key`, unless null. Found by position, so only that value is copied.
    func value(_ key: String) -> YAMLNode? {
        guard let index = pairs.firstIndex(where: { $0.name == key }) else { return nil }
        let node = pairs[index].value
        return node.isNull ? nil : node
    }

    /// More problems than anyone reads from one file are not kept: a file of 200,000 wrong
    /// entries made 200,000 diagnostics, and the memory to hold them (the report prints 50).
    static let maximumDiagnostics = 500

    func report(_ diagnostic: Diagnostic) {
        if diagnostics.count < Self.maximumDiagnostics { diagnostics.append(diagnostic) }
    }

    func error(_ node: YAMLNode, _ message: String) { report(.error(location(of: node), message)) }

    func missing(_ key: String) { report(.error(location, "\(subject) is missing required field `\(key)`")) }

    func string(_ key: String, required: Bool = false) -> String? {
        guard let node = value(key) else {
            if required { missing(key) }
            return nil
        }
        guard case .scalar(let scalar) = node.content else {
            error(node, "`\(key)` must be text, found \(node.kindDescription)")
            return nil
        }
        let text = scalar.string.trimmed(.whitespacesAndNewlines)
        if required && text.isEmpty { error(node, "`\(key)` must not be empty") }
        return text
    }

    /// A date field as written (`2025-03-31`), when it is a real day in the one documented form;
    /// `01/12/2019` or `2025-06-31` is an error that names the form.
    func date(_ key: String, required: Bool = false) -> String? {
        guard let text = string(key, required: required), let node = value(key) else { return nil }
        guard CalendarDate(iso: text) != nil else {
            error(node, "`\(key)` must be a real date written \(CalendarDate.form); found \"\(text.prefix(40))\"")
            return nil
        }
        return text
    }

    func number(_ key: String, required: Bool = false) -> Double? {
        guard let node = value(key) else {
            if required { missing(key) }
            return nil
        }
        return number(node, named: key)
    }

    /// A finite number written as a plain YAML number; "n/a", "12%" or ".nan" are errors.
    func number(_ node: YAMLNode, named key: String) -> Double? {
        guard case .scalar(let scalar) = node.content else {
            error(node, "`\(key)` must be a number, found \(node.kindDescription)")
            return nil
        }
        let text = scalar.string.trimmed(.whitespaces)
        if text.hasThousandsSeparators {
            error(
                node,
                "`\(key)` is written \(text) with a thousands separator; write \(text.replacingOccurrences(of: ",", with: "")), without the comma"
            )
            return nil
        }
        guard scalar.style == .plain, text.isPlainDecimal, let number = Double(text) else {
            error(node, "`\(key)` must be a number, found \"\(text.prefix(40))\"")
            return nil
        }
        if let problem = Self.sizeProblem(number, written: text) {
            error(node, "`\(key)` is \(text.prefix(40)), \(problem)")
            return nil
        }
        return number
    }

    /// Figures are kept well inside what a Double holds exactly enough to publish: 1e308 broke the
    /// chart's scale, 2.8e20 the target's progress, and 1e-400 was published as 0.
    static let largest = 1e15, smallest = 1e-12

    static func sizeProblem(_ number: Double, written text: String) -> String? {
        if !number.isFinite || abs(number) >= largest {
            return "too large to be a figure: a number must be under 1,000,000,000,000,000 either side of zero"
        }
        let mantissa = text.utf8.prefix { $0 != UInt8(ascii: "e") && $0 != UInt8(ascii: "E") }
        let writtenZero = !mantissa.contains { $0 >= UInt8(ascii: "1") && $0 <= UInt8(ascii: "9") }
        if (number == 0 && !writtenZero) || (number != 0 && abs(number) < smallest) {
            return "too close to zero to be stored (it would be published as 0); write 0 if the figure is zero"
        }
        return nil
    }

    func integer(_ key: String, in range: ClosedRange<Int>) -> Int? {
        guard let node = value(key), let number = number(node, named: key) else { return nil }
        guard number == number.rounded(), let integer = Int(exactly: number), range.contains(integer) else {
            error(node, "`\(key)` must be a whole number from \(range.lowerBound) to \(range.upperBound)")
            return nil
        }
        return integer
    }

    func bool(_ key: String) -> Bool? {
        guard let node = value(key) else { return nil }
        guard let flag = node.flag else {
            error(node, "`\(key)` must be true or false")
            return nil
        }
        return flag
    }

    func sequence(_ key: String) -> [YAMLNode]? {
        guard let node = value(key) else { return nil }
        guard case .sequence(let items) = node.content else {
            error(node, "`\(key)` must be a list")
            return nil
        }
        return items
    }

    /// Reads a nested mapping with its own reader; its problems join this reader's.
    func nested<T>(_ node: YAMLNode, subject: String, _ read: (FieldReader) -> T) -> T {
        let reader = FieldReader(node, in: document, subject: subject)
        let result = read(reader)
        diagnostics += reader.diagnostics.prefix(max(0, Self.maximumDiagnostics - diagnostics.count))
        return result
    }

    /// How strictly `checkUnknownKeys` treats a key it does not know.
    enum UnknownKeys {
        /// Inside an observation, comparator entry, target or link every key is known: any other one
        /// means a figure or address would be dropped, so it is an error.
        case error
        /// At the top of a file a near miss of a known key is a typo (error, with "did you mean");
        /// anything else may be a note for colleagues, so it is a warning.
        case errorIfNearMiss
    }

    /// One `key: value` with an unknown key is probably a typo: say so rather than ignore it.
    func checkUnknownKeys(allowed: Set<String>, _ strictness: UnknownKeys) {
        var index = 0
        while index < pairs.count {
            let pair = pairs[index]
            defer { index += 1 }
            guard !allowed.contains(pair.name) else { continue }
            if let groups = thousandsGroups(after: index - 1), groups.count > 0, allowed.contains(pairs[index - 1].name) {
                reportThousandsSeparator(pairs[index - 1], groups: groups)
                index += groups.count - 1
                continue
            }
            let suggestion = allowed.min { ($0.editDistance(to: pair.name), $0) < ($1.editDistance(to: pair.name), $1) }
            let nearMiss = suggestion.map { $0.editDistance(to: pair.name) <= (pair.name.count >= 5 ? 2 : 1) } ?? false
            var message = "unknown field `\(pair.name)` in \(subject)"
            if nearMiss, let suggestion { message += "; did you mean `\(suggestion)`?" }
            let location = location(of: pair.key)
            report(strictness == .error || nearMiss ? .error(location, message) : .warning(location, message))
        }
    }

    /// `{ value: 1,768 }` reads in YAML as `{ value: 1, 768: null }`: the figure would silently become 1.
    /// Returns the digit groups ("768", …) that follow a whole number at `index`, if that is what they look like.
    private func thousandsGroups(after index: Int) -> [String]? {
        guard index >= 0, case .scalar(let first) = pairs[index].value.content, first.style == .plain,
            (1...3).contains(first.string.count), first.string.isDigits
        else { return nil }
        return pairs[(index + 1)...].prefix { $0.name.count == 3 && $0.name.isDigits && $0.value.isNull }.map(\.name)
    }

    private func reportThousandsSeparator(_ owner: YAMLNode.Pair, groups: [String]) {
        let digits = owner.value.string ?? ""
        let written = ([digits] + groups).joined(separator: ",")
        let plain = digits + groups.joined()
        error(
            owner.value,
            "`\(owner.name)` is written \(written) with a thousands separator, which YAML reads as \(digits); write \(plain), without the comma"
        )
    }
}

extension String {
    /// A number as staff write one: `12`, `-3.5`, `.5`, `1e6`; not `0x1F`, `.inf`, `12%` or `1,768`.
    /// (Read byte by byte: a regular expression here cost a tenth of a large build.)
    /// (Over the UTF-8 bytes in place, by position: slicing the view cost more than the check.)
    var isPlainDecimal: Bool {
        var text = self
        return text.withUTF8 { bytes in
            var index = 0
            func skipSign() {
                if index < bytes.count, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") { index += 1 }
            }
            func digits() -> Int {
                let start = index
                while index < bytes.count, bytes[index].isDigit { index += 1 }
                return index - start
            }
            skipSign()
            let whole = digits()
            var fraction = 0
            if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
                index += 1
                fraction = digits()
            }
            guard whole + fraction > 0 else { return false }
            if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
                index += 1
                skipSign()
                guard digits() > 0 else { return false }
            }
            return index == bytes.count
        }
    }

    /// `1,768` or `-12,345.6`: groups of three digits after commas.
    var hasThousandsSeparators: Bool {
        // Most numbers have no comma at all: no need to look at their Characters.
        guard utf8.contains(UInt8(ascii: ",")) else { return false }
        var text = Substring(self)
        if text.hasPrefix("-") || text.hasPrefix("+") { text = text.dropFirst() }
        if let point = text.firstIndex(of: ".") {
            guard String(text[text.index(after: point)...]).isDigits else { return false }
            text = text[..<point]
        }
        let groups = text.split(separator: ",", omittingEmptySubsequences: false)
        return groups.count > 1 && (1...3).contains(groups[0].count) && String(groups[0]).isDigits
            && groups.dropFirst().allSatisfy { $0.count == 3 && String($0).isDigits }
    }

    /// Only the digits 0 to 9, at least one.
    var isDigits: Bool { !isEmpty && utf8.allSatisfy(\.isDigit) }

    /// Levenshtein distance, for "did you mean" suggestions on short keys.
    public func editDistance(to other: String) -> Int {
        // ASCII with no carriage return (which joins a line feed into one Character) has one Character
        // per byte, so its bytes give the same distance; arrays of Characters cost far more.
        func oneCharacterPerByte(_ text: String) -> Bool { text.utf8.allSatisfy { $0 < 0x80 && $0 != 0x0D } }
        if oneCharacterPerByte(self) && oneCharacterPerByte(other) { return Self.levenshtein(Array(utf8), Array(other.utf8)) }
        return Self.levenshtein(Array(self), Array(other))
    }

    private static func levenshtein<Element: Equatable>(_ a: [Element], _ b: [Element]) -> Int {
        if a.isEmpty || b.isEmpty { return Swift.max(a.count, b.count) }
        var previous = Array(0...b.count)
        var current = previous
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = Swift.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}

extension UInt8 {
    var isDigit: Bool { self >= UInt8(ascii: "0") && self <= UInt8(ascii: "9") }
}
