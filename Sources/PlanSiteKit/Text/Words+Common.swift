/// Entries many sentences share: dates, lists, a figure with its unit and period.
extension Words {
    /// "March", from 1 to 12.
    public func month(_ number: Int) -> String {
        guard let key = WordKey(rawValue: "month_\(number)") else { return String(number) }
        return self(key)
    }

    /// "31 March 2024".
    public func date(year: Int, month: Int, day: Int) -> String {
        self(.date, ["day": String(day), "month": self.month(month), "year": String(year)])
    }

    /// "a", "a and b", "a, b and c".
    public func list(_ items: [String]) -> String {
        guard var text = items.first else { return "" }
        for (offset, item) in items.dropFirst().enumerated() {
            text =
                offset == items.count - 2 ? self(.listAnd, ["list": text, "last": item]) : self(.listComma, ["list": text, "next": item])
        }
        return text
    }

    /// "a", "a or b", "a or b or c".
    public func orList(_ items: [String]) -> String {
        guard var text = items.first else { return "" }
        for item in items.dropFirst() { text = self(.listOr, ["list": text, "next": item]) }
        return text
    }

    /// "a, b, c": a plain series, with no "and".
    public func commaList(_ items: [String]) -> String {
        guard var text = items.first else { return "" }
        for item in items.dropFirst() { text = self(.listComma, ["list": text, "next": item]) }
        return text
    }

    /// "Ward A (no data)": a name or period with the note written beside it, when there is one.
    public func withNote(_ text: String, _ note: String?) -> String {
        note.map { self(.withNote, ["text": text, "note": $0]) } ?? text
    }

    /// "78.1 in 2020", "932 on 31 December 2025".
    public func figure(_ figure: String, at period: String) -> String {
        self(.figureWhen, ["figure": figure, "when": PeriodText.phrase(period, self)])
    }

    /// "2018 to 2022".
    public func span(_ from: String, _ to: String) -> String { self(.periodSpan, ["from": from, "to": to]) }
}

/// The first letter in capitals: "Improving" at the start of a sentence.
func capitalised(_ text: String) -> String { text.prefix(1).uppercased() + text.dropFirst() }
