import CSV

/// A CSV file as a spreadsheet saves it, read with CSV.swift, each cell with the place it was
/// written, so a problem is reported at its line and column and named as the spreadsheet names
/// the cell ("cell C5"). The text has already lost its byte-order mark and CRs (TextFileReader).
struct SpreadsheetTable {
    struct Row {
        var cells: [String]
        /// The spreadsheet's row number: the header is row 1.
        var number: Int
        /// The line of the file the row starts on, and the character column each cell starts at.
        var line: Int
        var columns: [Int]

        /// The cell in `column`, trimmed of spaces; "" past the end of a short row.
        func cell(_ column: Int) -> String {
            column < cells.count ? cells[column].trimmed(.whitespaces) : ""
        }
    }

    var path: String
    var header: Row
    var rows: [Row]

    /// The table, or nil (with a problem) when the file is empty or a quote is never closed.
    static func read(_ text: String, path: String, problems: inout [Diagnostic]) -> SpreadsheetTable? {
        guard let reader = try? CSVReader(string: text) else {
            problems.append(
                .error(SourceLocation(path: path), "the file could not be read as CSV; save it from the spreadsheet as CSV (UTF-8)"))
            return nil
        }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        var rows: [Row] = []
        var line = 1
        while let cells = reader.next() {
            let raw = line <= lines.count ? lines[line - 1] : ""
            rows.append(Row(cells: cells, number: rows.count + 1, line: line, columns: columns(of: cells, in: raw)))
            line += 1 + cells.reduce(0) { $0 + $1.filter { $0 == "\n" }.count }
        }
        // An odd number of quote marks: one opened a cell and the reader ran on to the end of the file.
        let spanning = rows.last { $0.cells.contains { $0.contains("\n") } }
        if text.filter({ $0 == "\"" }).count % 2 == 1, let open = spanning ?? rows.last {
            problems.append(
                .error(
                    SourceLocation(path: path, line: open.line),
                    "a quote mark \" opens a cell on this row and is "
                        + "never closed; close it, or delete the stray quote"))
            return nil
        }
        // A spreadsheet may save empty rows at the end (",,,," or nothing): they hold no figure.
        let filled = rows.filter { $0.cells.contains { !$0.trimmed(.whitespaces).isEmpty } }
        guard let header = filled.first else {
            problems.append(
                .error(SourceLocation(path: path), "the file is empty; its first row names the columns (see docs/content-format.md)"))
            return nil
        }
        return SpreadsheetTable(path: path, header: header, rows: Array(filled.dropFirst()))
    }

    /// Where each cell starts on its first line, counting the quotes a quoted cell was written with.
    private static func columns(of cells: [String], in raw: Substring) -> [Int] {
        let characters = Array(raw)
        var position = 0
        return cells.map { cell in
            let start = position
            let quoted = position < characters.count && characters[position] == "\""
            position += cell.count + 1 + (quoted ? 2 + cell.filter { $0 == "\"" }.count : 0)
            return start + 1
        }
    }

    func location(_ row: Row, _ column: Int) -> SourceLocation {
        SourceLocation(path: path, line: row.line, column: column < row.columns.count ? row.columns[column] : 1)
    }

    /// "C5", as a spreadsheet names the cell.
    static func cellName(row: Row, column: Int) -> String {
        var letters = ""
        var number = column + 1
        while number > 0 {
            letters = String(UnicodeScalar(UInt8(65 + (number - 1) % 26))) + letters
            number = (number - 1) / 26
        }
        return "\(letters)\(row.number)"
    }
}
