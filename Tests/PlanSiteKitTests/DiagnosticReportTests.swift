import Testing
@testable import PlanSiteKit

@Suite struct DiagnosticReportTests {
    @Test func foldsDuplicates() {
        let d = Diagnostic.error(SourceLocation(path: "a.md", line: 2, column: 3), "bad")
        #expect(DiagnosticReport([d, d]).diagnostics.count == 1)
    }
}
