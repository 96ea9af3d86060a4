import Foundation
import Testing

@testable import PlanSiteKit

/// docs/template-keys.md must list exactly the keys each kind of page declares.
@Suite struct TemplateKeyReferenceTests {
    @Test func referenceMatchesTheDeclaredKeys() throws {
        let generated = TemplateKeyReference.markdown()
        let file = TestPaths.packageRoot.appendingPathComponent("docs/template-keys.md")
        let recording = ProcessInfo.processInfo.environment["PLANSITE_RECORD"] == "1"
        guard !recording, let written = try? String(contentsOf: file, encoding: .utf8) else {
            try generated.write(to: file, atomically: true, encoding: .utf8)
            Issue.record("wrote \(file.path); check it and run again")
            return
        }
        #expect(
            written == generated, "docs/template-keys.md is out of date: PLANSITE_RECORD=1 swift test --filter TemplateKeyReferenceTests")
    }
}
