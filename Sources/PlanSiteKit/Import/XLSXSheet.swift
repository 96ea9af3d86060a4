import Foundation
import XMLCoder
import ZIPFoundation

/// The cells of an .xlsx workbook's first sheet, as text, row by row: an .xlsx file is a ZIP of XML
/// parts (ECMA-376): the sheet's cells in `xl/worksheets/sheet1.xml`, their text in `xl/sharedStrings.xml`.
/// Numbers are given as the sheet stores them; a date is a day count, which the period checks read.
enum XLSXSheet {
    static func cells(of file: URL) throws -> [[String]] {
        let archive: Archive
        do { archive = try Archive(url: file, accessMode: .read) } catch {
            throw ImportProblem(
                "\(file.lastPathComponent) is not an .xlsx workbook (it is not a ZIP file); "
                    + "save it from the spreadsheet as .xlsx or CSV")
        }
        let strings = try part("xl/sharedStrings.xml", of: archive).map { try XMLDecoder().decode(SharedStrings.self, from: $0) }
        guard let sheetData = try part("xl/worksheets/sheet1.xml", of: archive) else {
            throw ImportProblem("\(file.lastPathComponent) has no first sheet (xl/worksheets/sheet1.xml)")
        }
        let sheet = try XMLDecoder().decode(Worksheet.self, from: sheetData)
        let texts = strings?.items.map(\.text) ?? []
        var rows: [[String]] = []
        for row in sheet.sheetData.rows {
            // Empty rows are left out of the file: keep each row at its number, so cell names stay true
            // (no further than a spreadsheet goes: 1,048,576 rows of 16,384 columns).
            while rows.count + 1 < min(row.number ?? rows.count + 1, 1_048_576) { rows.append([]) }
            var cells: [String] = []
            for cell in row.cells {
                let column = min(cell.reference.map(columnIndex) ?? cells.count, 16_383)
                while cells.count < column { cells.append("") }
                cells.append(cell.text(shared: texts))
            }
            rows.append(cells)
        }
        return rows
    }

    private static func part(_ path: String, of archive: Archive) throws -> Data? {
        guard let entry = archive[path] else { return nil }
        var data = Data()
        _ = try archive.extract(entry, consumer: { data.append($0) })
        return data
    }

    /// "C5" is column 2 (from 0).
    static func columnIndex(_ reference: String) -> Int {
        let letters = reference.prefix { $0.isASCII && $0.isLetter }.uppercased().prefix(3)
        return max(0, letters.unicodeScalars.reduce(0) { $0 * 26 + Int($1.value) - 64 } - 1)
    }

    private struct Worksheet: Decodable {
        var sheetData: SheetData
    }

    private struct SheetData: Decodable {
        var rows: [Row]
        enum CodingKeys: String, CodingKey {
            case rows = "row"
        }
        init(from decoder: Decoder) throws {
            rows = try decoder.container(keyedBy: CodingKeys.self).decodeIfPresent([Row].self, forKey: .rows) ?? []
        }
    }

    private struct Row: Decodable {
        var number: Int?
        var cells: [Cell]
        enum CodingKeys: String, CodingKey {
            case number = "r"
            case cells = "c"
        }
        init(from decoder: Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            number = try container.decodeIfPresent(Int.self, forKey: .number)
            cells = try container.decodeIfPresent([Cell].self, forKey: .cells) ?? []
        }
    }

    private struct Cell: Decodable {
        var reference: String?
        var type: String?
        var value: String?
        var inline: RichText?
        enum CodingKeys: String, CodingKey {
            case reference = "r"
            case type = "t"
            case value = "v"
            case inline = "is"
        }

        func text(shared: [String]) -> String {
            switch type {
            case "s": return Int(value ?? "").flatMap { shared.indices.contains($0) ? shared[$0] : nil } ?? ""
            case "inlineStr": return inline?.text ?? ""
            default: return value ?? ""
            }
        }
    }

    private struct SharedStrings: Decodable {
        var items: [RichText]
        enum CodingKeys: String, CodingKey {
            case items = "si"
        }
        init(from decoder: Decoder) throws {
            items = try decoder.container(keyedBy: CodingKeys.self).decodeIfPresent([RichText].self, forKey: .items) ?? []
        }
    }

    /// `<si><t>text</t></si>`, or runs of formatted text `<si><r><t>…</t></r>…</si>`.
    private struct RichText: Decodable {
        var text: String
        enum CodingKeys: String, CodingKey {
            case plain = "t"
            case runs = "r"
        }
        struct Run: Decodable { var t: Text? }
        struct Text: Decodable {
            var value: String
            enum CodingKeys: String, CodingKey {
                case value = ""
            }
        }
        init(from decoder: Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            let plain = try container.decodeIfPresent(Text.self, forKey: .plain)?.value
            let runs = try container.decodeIfPresent([Run].self, forKey: .runs) ?? []
            text = plain ?? runs.compactMap { $0.t?.value }.joined()
        }
    }
}
