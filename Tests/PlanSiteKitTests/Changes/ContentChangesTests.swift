import Foundation
import Testing

@testable import PlanSiteKit

@Suite("What changed between two versions of the content")
struct ContentChangesTests {
    static let old = TestBuild.real.site!

    func changed(_ edit: (inout Site) -> Void) -> ContentChanges {
        var new = Self.old
        edit(&new)
        return ContentChanges.compare(old: Self.old, new: new)
    }

    func index(_ site: Site, _ id: String) -> Int { site.indicators.firstIndex { $0.id == id }! }

    @Test func identicalVersionsSayNothingChanged() {
        let changes = ContentChanges.compare(old: Self.old, new: Self.old)
        #expect(changes.isEmpty)
        #expect(changes.text() == ContentChanges.nothingChanged + "\n")
        #expect(changes.markdown() == "### What changed in the figures\n\n" + ContentChanges.nothingChanged + "\n")
    }

    @Test func newPeriodsRevisionsAndRemovedPeriodsAreListed() {
        let changes = changed { site in
            let i = index(site, "housing-completions")
            site.indicators[i].series[0].value = 235
            site.indicators[i].series.append(Observation(period: "2021-22", value: 300))
            site.indicators[i].series.append(Observation(period: "2022-23", value: nil, note: "not yet published"))
            site.indicators[index(site, "drug-poisoning-deaths")].series.removeFirst()
        }
        #expect(changes.sections.count == 2)
        #expect(
            changes.sections.first { $0.title.contains("housing-completions") }?.facts == [
                "2001-02 revised: 260 dwellings → 235 dwellings", "new figure for 2021-22: 300 dwellings",
                "new figure for 2022-23: no value (not yet published)",
            ])
        #expect(
            changes.sections.first { $0.title.contains("(drug-poisoning-deaths)") }?.facts == ["figure for 1993 removed (was 8 deaths)"])
    }

    @Test func updateDatesAreListedAndNewFiguresUnderAnOldDateAreCaught() {
        let at = SourceLocation(path: "content/indicators/x.yml", line: 1, column: 1)
        var before = Self.old
        let i = index(before, "housing-completions")
        before.indicators[i].updated = Located(value: "2026-11-03", location: at)
        var after = before
        after.indicators[i].updated = Located(value: "2026-12-01", location: at)
        after.indicators[i].nextUpdate = Located(value: "2027-11-20", location: at)
        #expect(
            ContentChanges.compare(old: before, new: after).sections.map(\.facts) == [
                ["figures updated: 3 November 2026 → 1 December 2026", "next update due: not given → 20 November 2027"]
            ])

        // A new figure, but `updated` left as it was: the page would say the figures are older than they are.
        var stale = before
        stale.indicators[i].series.append(Observation(period: "2025-26", value: 300))
        #expect(
            ContentChanges.compare(old: before, new: stale).sections.map(\.facts) == [
                [
                    "new figure for 2025-26: 300 dwellings",
                    "the figures changed, but `updated` still says 3 November 2026: write the day you updated them",
                ]
            ])
    }

    @Test func aFlippedComparisonAndAChangedTargetAreSaidInWords() {
        let changes = changed { site in
            let i = index(site, "rough-sleeping-rate")
            let last = site.indicators[i].comparators[0].series.count - 1
            site.indicators[i].comparators[0].series[last].value = 9.0
            let j = index(site, "housing-completions")
            site.indicators[j].target?.value = 450
        }
        #expect(
            changes.sections.map(\.facts) == [
                ["target: 425 dwellings by 2027-28 (425 new homes a year) → 450 dwellings by 2027-28 (425 new homes a year)"],
                [
                    "England 2022 revised: 5.4 per 100,000 people → 9.0 per 100,000 people",
                    "comparison: similar to England → better than England",
                ],
            ])
    }

    @Test func indicatorsAddedAndRemoved() {
        let changes = changed { site in
            var added = site.indicators[index(site, "housing-completions")]
            added.id = "housing-starts"
            added.title = "Homes started"
            site.indicators.append(added)
            site.indicators.remove(at: index(site, "low-happiness"))
        }
        #expect(changes.sections.count == 2)
        #expect(changes.sections.first { $0.title.contains("housing-starts") }?.facts == ["added: latest figure 280 dwellings in 2020-21"])
        #expect(
            changes.sections.first { $0.title.contains("low-happiness") }?.facts.first?.hasPrefix("removed (was latest figure 9.5%") == true
        )
    }

    @Test func commitmentStatusesAndTargetsThatChanged() {
        let changes = changed { site in
            let i = site.commitments.firstIndex { $0.slug == "family-hubs" }!
            site.commitments[i].status = .atRisk
            let j = site.commitments.firstIndex { $0.slug == "new-and-affordable-homes" }!
            site.commitments[j].targets[0].value = 450
        }
        #expect(
            changes.sections == [
                .init(title: "Commitment: Family Hubs", facts: ["status: Achieved → At risk"]),
                .init(
                    title: "Commitment: New and affordable homes",
                    facts: [
                        "target added: 425 new homes a year: 450 for housing-completions by 2027-28",
                        "target removed: 425 new homes a year: 425 for housing-completions by 2027-28",
                    ]),
            ])
        #expect(changes.text().hasSuffix("\n3 changes to 2 commitments.\n"))
    }

    @Test func flipsOfDirectionAndOfTheRegionalComparisonAreSaid() {
        let changes = changed { site in
            let i = index(site, "happiness-mean-score")
            for (offset, value) in [6.0, 6.5, 7.0, 7.5, 8.0].enumerated() {
                let k = site.indicators[i].series.count - 5 + offset
                (site.indicators[i].series[k].value, site.indicators[i].series[k].lowerCI) = (value, value - 0.05)
                site.indicators[i].series[k].upperCI = value + 0.05
            }
            let j = index(site, "life-satisfaction-mean-score")
            let region = site.indicators[j].comparators.firstIndex { $0.geography == "East of England" }!
            site.indicators[j].comparators[region].series[site.indicators[j].comparators[region].series.count - 1].value = 7.6
        }
        let happiness = changes.sections.first { $0.title.contains("(happiness-mean-score)") }?.facts ?? []
        #expect(happiness.contains { $0.hasPrefix("direction of travel: ") && $0.hasSuffix(" → improving") })
        #expect(happiness.contains { $0.hasPrefix("regional comparison: ") && $0.hasSuffix(" → better than East of England") })
        let satisfaction = changes.sections.first { $0.title.contains("(life-satisfaction-mean-score)") }?.facts ?? []
        #expect(satisfaction.last == "regional comparison: similar to East of England → worse than East of England")
    }

    @Test func rewordedTextAndAChangedAssessmentAreSaid() {
        let changes = changed { site in
            let i = site.outcomes.firstIndex { $0.slug == "safer-community" }!
            site.outcomes[i].body = site.outcomes[i].body.replacingOccurrences(
                of: "fewer than three in every four", with: "about two in three")
            let j = site.commitments.firstIndex { $0.slug == "family-hubs" }!
            site.commitments[j].assessment?.by = "the Children's Services team"
            site.commitments[j].assessment?.reason = "Both hubs are open."
        }
        #expect(
            changes.sections == [
                .init(
                    title: "Outcome: A safer community",
                    facts: [
                        "text reworded: … board heard that [-fewer than three in every four-] {+about two in three+} incidents are reported …"
                    ]),
                .init(
                    title: "Commitment: Family Hubs",
                    facts: [
                        "assessed by: the Corporate Performance team → the Children's Services team",
                        "reason reworded: {+Both hubs are open.+}",
                    ]),
            ])
        #expect(changes.text().hasSuffix("\n3 changes to 1 outcome and 1 commitment.\n"))
    }

    @Test func markdownEscapesContentText() {
        #expect(ContentChanges.escaped("a *b* <script> [x](y)") == "a \\*b\\* \\<script\\> \\[x\\](y)")
    }
}
