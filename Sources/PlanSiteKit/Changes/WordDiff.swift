/// A short word-by-word difference between two versions of a text, as a person signing off
/// a change reads it: each changed stretch with a few words either side,
/// "… aims for [-425-] {+450+} new homes …".
struct WordDiff {
    var old: [Substring]
    var new: [Substring]
    /// Words of unchanged text shown either side of a change.
    var context = 3
    /// Above this many word pairs the texts are compared only by their common start and end
    /// (one stretch), so a rewritten long page cannot make the comparison slow.
    static let largestTable = 2_000_000

    init(_ old: String, _ new: String) {
        self.old = old.split(whereSeparator: \.isWhitespace)
        self.new = new.split(whereSeparator: \.isWhitespace)
    }

    /// One edit: removed words, added words, at a place in each text.
    struct Hunk {
        var oldRange: Range<Int>
        var newRange: Range<Int>
    }

    /// Nil when the words are the same (spacing aside).
    var text: String? {
        let hunks = self.hunks()
        guard !hunks.isEmpty else { return nil }
        return hunks.enumerated().map { describe($1, first: $0 == 0) }.joined(separator: " ")
    }

    /// The edit with its context; "…" marks words left out (once between two edits).
    private func describe(_ hunk: Hunk, first: Bool) -> String {
        let before = old[max(0, hunk.oldRange.lowerBound - context)..<hunk.oldRange.lowerBound]
        let after = old[hunk.oldRange.upperBound..<min(old.count, hunk.oldRange.upperBound + context)]
        var parts: [String] = [first && hunk.oldRange.lowerBound - before.count > 0 ? "…" : ""] + before.map(String.init)
        if !hunk.oldRange.isEmpty { parts.append("[-" + old[hunk.oldRange].joined(separator: " ") + "-]") }
        if !hunk.newRange.isEmpty { parts.append("{+" + new[hunk.newRange].joined(separator: " ") + "+}") }
        parts += after.map(String.init)
        if hunk.oldRange.upperBound + after.count < old.count { parts.append("…") }
        return parts.filter { !$0.isEmpty }.joined(separator: " ")
    }

    /// The edits, from the longest common subsequence of the words between a common start and end.
    func hunks() -> [Hunk] {
        var start = 0
        while start < old.count, start < new.count, old[start] == new[start] { start += 1 }
        var (oldEnd, newEnd) = (old.count, new.count)
        while oldEnd > start, newEnd > start, old[oldEnd - 1] == new[newEnd - 1] {
            oldEnd -= 1
            newEnd -= 1
        }
        guard start < oldEnd || start < newEnd else { return [] }
        guard (oldEnd - start) * (newEnd - start) <= Self.largestTable else {
            return [Hunk(oldRange: start..<oldEnd, newRange: start..<newEnd)]
        }
        return merged(
            matches(Array(old[start..<oldEnd]), Array(new[start..<newEnd])), offset: start,
            oldCount: oldEnd - start, newCount: newEnd - start)
    }

    /// Pairs of equal words (old index, new index) on a longest common subsequence.
    private func matches(_ a: [Substring], _ b: [Substring]) -> [(Int, Int)] {
        var table = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in stride(from: a.count - 1, through: 0, by: -1) {
            for j in stride(from: b.count - 1, through: 0, by: -1) {
                table[i][j] = a[i] == b[j] ? table[i + 1][j + 1] + 1 : max(table[i + 1][j], table[i][j + 1])
            }
        }
        var pairs: [(Int, Int)] = []
        var (i, j) = (0, 0)
        while i < a.count, j < b.count {
            if a[i] == b[j] {
                pairs.append((i, j))
                i += 1
                j += 1
            } else if table[i + 1][j] >= table[i][j + 1] {
                i += 1
            } else {
                j += 1
            }
        }
        return pairs
    }

    /// The gaps between matched words are the edits; edits fewer than `context` words apart join.
    private func merged(_ pairs: [(Int, Int)], offset: Int, oldCount: Int, newCount: Int) -> [Hunk] {
        var hunks: [Hunk] = []
        var (i, j) = (0, 0)
        for (a, b) in pairs + [(oldCount, newCount)] {
            if a > i || b > j {
                let hunk = Hunk(oldRange: offset + i..<offset + a, newRange: offset + j..<offset + b)
                if let last = hunks.last, hunk.oldRange.lowerBound - last.oldRange.upperBound < context {
                    hunks[hunks.count - 1] = Hunk(
                        oldRange: last.oldRange.lowerBound..<hunk.oldRange.upperBound,
                        newRange: last.newRange.lowerBound..<hunk.newRange.upperBound)
                } else {
                    hunks.append(hunk)
                }
            }
            (i, j) = (a + 1, b + 1)
        }
        return hunks
    }
}
