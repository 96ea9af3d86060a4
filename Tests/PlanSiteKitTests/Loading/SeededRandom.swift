import Foundation

/// A small seeded generator (SplitMix64), so every fuzz run is reproducible:
/// a failure names its seed, and the same seed gives the same input.
struct SeededRandom: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }
    mutating func integer(_ range: ClosedRange<Int>) -> Int { range.lowerBound + Int(next() % UInt64(range.count)) }
    /// Spread evenly over orders of magnitude, so small and large both appear.
    mutating func logUniform(_ low: Double, _ high: Double) -> Double {
        exp(log(low) + unit() * (log(high) - log(low)))
    }

    /// Text built from pieces that matter to the parser under test, plus stray bytes.
    mutating func text(from pieces: [String], count: Int) -> String {
        var result = ""
        for _ in 0..<Int.random(in: 0...count, using: &self) {
            if Int.random(in: 0..<10, using: &self) == 0 {
                result.unicodeScalars.append(Unicode.Scalar(UInt8.random(in: 0...127, using: &self)))
            } else {
                result += pieces.randomElement(using: &self) ?? ""
            }
        }
        return result
    }

    /// `text` with a few random edits: pieces inserted, ranges deleted or repeated.
    mutating func mutate(_ text: String, with pieces: [String]) -> String {
        var characters = Array(text)
        for _ in 0..<Int.random(in: 1...4, using: &self) {
            let at = Int.random(in: 0...characters.count, using: &self)
            switch Int.random(in: 0..<3, using: &self) {
            case 0: characters.insert(contentsOf: Array(pieces.randomElement(using: &self) ?? ""), at: at)
            case 1: characters.removeSubrange(at..<min(characters.count, at + Int.random(in: 1...20, using: &self)))
            default:
                let end = min(characters.count, at + Int.random(in: 1...40, using: &self))
                characters.insert(contentsOf: characters[at..<end], at: at)
            }
        }
        return String(characters)
    }

    /// Random bytes, mostly ASCII, with BOMs, CR, NUL and invalid UTF-8 mixed in.
    mutating func bytes(count: Int) -> [UInt8] {
        let specials: [[UInt8]] = [[0xEF, 0xBB, 0xBF], [0x0D, 0x0A], [0x0D], [0x00], [0xFF], [0xC3], [0xE2, 0x80, 0x99], [0x09]]
        var result: [UInt8] = []
        for _ in 0..<Int.random(in: 0...count, using: &self) {
            if Int.random(in: 0..<6, using: &self) == 0 {
                result += specials.randomElement(using: &self) ?? []
            } else {
                result.append(UInt8.random(in: 0x20...0x7E, using: &self))
            }
        }
        return result
    }
}
