import Testing

@testable import PlanSiteKit

@Suite("A short word diff of reworded text")
struct WordDiffTests {
    @Test func sameWordsSayNothing() {
        #expect(WordDiff("Luton aims  for 425\nhomes.", "Luton aims for 425 homes.").text == nil)
    }

    @Test func aChangedWordIsShownWithThreeWordsEitherSide() {
        let old = "The council's strategy aims for at least 425 new homes each year by 2027."
        let new = "The council's strategy aims for at least 450 new homes each year by 2027."
        #expect(WordDiff(old, new).text == "… for at least [-425-] {+450+} new homes each …")
    }

    @Test func editsFarApartAreShownApartAndNearOnesTogether() {
        let old = "one two three four five six seven eight nine ten eleven twelve"
        #expect(
            WordDiff(old, "one TWO three four five six seven eight nine ten ELEVEN twelve").text
                == "one [-two-] {+TWO+} three four five … eight nine ten [-eleven-] {+ELEVEN+} twelve")
        #expect(
            WordDiff(old, "one TWO three FOUR five six seven eight nine ten eleven twelve").text
                == "one [-two three four-] {+TWO three FOUR+} five six seven …")
    }

    @Test func addedAndRemovedText() {
        #expect(WordDiff("", "A new outcome.").text == "{+A new outcome.+}")
        #expect(WordDiff("Keep this. Drop this.", "Keep this.").text == "Keep this. [-Drop this.-]")
    }

    @Test func aLongRewriteIsOneStretchNotASlowComparison() {
        let old = (0..<3_000).map { "a\($0)" }.joined(separator: " ")
        let new = (0..<3_000).map { "b\($0)" }.joined(separator: " ")
        let hunks = WordDiff(old, new).hunks()
        #expect(hunks.count == 1)
        #expect(hunks.first?.oldRange == 0..<3_000)
    }

    @Test func pageTextIsComparedAsReadNotAsMarkdown() {
        #expect(
            PageFacts.plainText("See the [Family Hubs commitment](/commitments/family-hubs/).\n\n- **One** item\n1. Two, since 1993. Three")
                == "See the Family Hubs commitment.\n\nOne item\nTwo, since 1993. Three")
    }
}
