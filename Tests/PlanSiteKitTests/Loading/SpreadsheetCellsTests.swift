import Testing

@testable import PlanSiteKit

/// What spreadsheets do to typed periods, read back as the documented dates (docs/content-format.md).
@Suite struct SpreadsheetCellsTests {
    @Test func dateSerialsAndDayFirstDatesAreTheDaysASpreadsheetShows() {
        // 43281 is 30 June 2018 in Excel and LibreOffice (days from 30 December 1899).
        #expect(PeriodCells.spreadsheetDate("43281")?.description == "2018-06-30")
        #expect(PeriodCells.spreadsheetDate("30/06/2018")?.description == "2018-06-30")
        #expect(PeriodCells.spreadsheetDate("31/06/2018") == nil, "no such day")
        #expect(PeriodCells.spreadsheetDate("2018") == nil)
    }

    @Test func aMonthAndTwoDigitYearIsADateASpreadsheetMade() {
        #expect(PeriodCells.looksLikeASpreadsheetDate("Jun-18"))
        #expect(!PeriodCells.looksLikeASpreadsheetDate("2018-19"))
    }

    @Test func cellNamesAreTheSpreadsheetsOwn() {
        let row = SpreadsheetTable.Row(cells: [], number: 5, line: 5, columns: [])
        #expect(SpreadsheetTable.cellName(row: row, column: 2) == "C5")
        #expect(SpreadsheetTable.cellName(row: row, column: 27) == "AB5")
        #expect(XLSXSheet.columnIndex("AB5") == 27)
        #expect(XLSXSheet.columnIndex("ZZZZZZZZZZZZZZZZZZZZ1") >= 0, "an absurd reference is held, not overflowed")
    }
}
