import Foundation
import Testing
@testable import PlanSiteKit

@Suite("Commitment statuses")
struct CommitmentStatusTests {
    static let path = "content/commitments/family-hubs.md"

    /// Checks the frozen real site with Family Hubs' status (and optionally site.yml) changed.
    func build(status: String, siteAddition: String = "") throws -> (PipelineResult, ScratchSite) {
        let scratch = try ScratchSite()
        let file = scratch.root.appendingPathComponent(Self.path)
        let text = try String(contentsOf: file, encoding: .utf8)
        try scratch.write(text.replacingOccurrences(of: #"status: [a-z-]+"#, with: "status: \(status)", options: .regularExpression), to: Self.path)
        if !siteAddition.isEmpty {
            let site = try String(contentsOf: scratch.root.appendingPathComponent("content/site.yml"), encoding: .utf8)
            try scratch.write(site + siteAddition, to: "content/site.yml")
        }
        return (scratch.check(), scratch)
    }

    @Test(arguments: [
        ("not-started", "not-started", "Not started"), ("on-track", "on-track", "On track"), ("at-risk", "at-risk", "At risk"),
        ("off-track", "off-track", "Off track"), ("achieved", "achieved", "Achieved"), ("in-progress", "on-track", "On track"),
    ])
    func eachStatusIsATagWhoseWordsCarryTheMeaning(written: String, cssClass: String, label: String) throws {
        let (result, scratch) = try build(status: written)
        defer { scratch.remove() }
        #expect(!result.report.hasErrors)
        let tag = "Status: <span class=\"status-tag status-\(cssClass)\">\(label)</span>"
        #expect(TestBuild.page("commitments/family-hubs/index.html", in: result)?.contains(tag) == true)
        #expect(TestBuild.page("index.html", in: result)?.contains(tag) == true)
        #expect(TestBuild.page("at-a-glance/index.html", in: result)?.contains("<span class=\"status-tag status-\(cssClass)\">\(label)</span>") == true)
    }

    @Test func siteYmlRelabelsAStatusEverywhere() throws {
        let (result, scratch) = try build(status: "at-risk", siteAddition: "status_labels: { at-risk: \"Needs attention\" }\n")
        defer { scratch.remove() }
        #expect(!result.report.hasErrors)
        for page in ["commitments/family-hubs/index.html", "index.html", "at-a-glance/index.html"] {
            #expect(TestBuild.page(page, in: result)?.contains("status-at-risk\">Needs attention</span>") == true, "\(page)")
        }
    }

    @Test func aLabelForNoStatusIsAnError() throws {
        let (result, scratch) = try build(status: "achieved", siteAddition: "status_labels: { at-risks: \"Needs attention\" }\n")
        defer { scratch.remove() }
        #expect(result.report.diagnostics.map(\.message) == ["unknown field `at-risks` in status_labels; did you mean `at-risk`?"])
    }

    @Test func aTypoIsAnErrorAtItsPositionListingTheValuesAndNamingTheNearest() throws {
        let (result, scratch) = try build(status: "on-trak")
        defer { scratch.remove() }
        let messages = result.report.diagnostics.map { "\($0.location): \($0.message)" }
        #expect(messages == ["\(Self.path):6:9: `status` must be one of not-started, on-track, at-risk, off-track, achieved (or in-progress, which means on-track), found \"on-trak\"; did you mean `on-track`?"])
        #expect(CommitmentStatus.nearest(to: "acheived") == "achieved")
        #expect(CommitmentStatus.nearest(to: "red") == nil, "nothing is near enough to suggest")
    }
}
