import Testing

@testable import PlanSiteKit

@Suite("Numbers in en-GB form")
struct NumberFormatTests {
    @Test(arguments: [
        (1_234_567.891, 2, "1,234,567.89"), (4134, 0, "4,134"), (0.9440524694425121, 2, "0.94"), (7, 1, "7.0"),
        (999.96, 1, "1,000.0"), (-1234, 0, "−1,234"), (-0.01, 1, "0.0"), (27, 0, "27"), (100_000, 0, "100,000"),
        (9.25, 1, "9.3"), (0.945, 2, "0.95"), (2.5, 0, "3"), (1e-7, 2, "0.00"), (262.8, 1, "262.8"),
    ])
    func format(value: Double, decimals: Int, text: String) {
        #expect(NumberFormat.format(value, decimals: decimals) == text)
    }

    @Test func unitsAreWrittenAsReadersExpect() {
        #expect(NumberFormat.withUnit(57.7, decimals: 1, unit: "%") == "57.7%")
        #expect(NumberFormat.withUnit(1078, decimals: 0, unit: "households") == "1,078 households")
        #expect(NumberFormat.withUnit(12, decimals: 0, unit: "count") == "12")
    }

    /// The digit-by-digit rounding gives exactly what Decimal arithmetic gives, on values
    /// as the content writes them (few decimals) and as the sources store them (many).
    @Test func digitRoundingAgreesWithDecimalRounding() {
        var generator = SystemRandomNumberGenerator()
        var values: [Double] = [0, 0.5, 9.25, 0.945, 2.5, 99.995, 999.96, 1e-7, 123456789.125, 0.9440524694425121, 81.98, 56.9]
        for _ in 0..<5000 {
            let scale = [1.0, 10, 100, 1000, 100_000][Int.random(in: 0..<5, using: &generator)]
            values.append((Double.random(in: 0..<1, using: &generator) * scale * 1000).rounded() / 1000)
            values.append(Double.random(in: 0..<scale, using: &generator))
            // Whole numbers, which take their own path, up to the largest it takes.
            values.append(
                (Double.random(in: 0..<1, using: &generator) * scale * [1, 1e5, 1e10][Int.random(in: 0..<3, using: &generator)]).rounded())
        }
        values += [1, 10, 100, 999_999_999_999_999, 1e15, 1e16, -0.0]
        for value in values {
            for decimals in 0...6 {
                #expect(
                    NumberFormat.rounded(value, decimals: decimals) == NumberFormat.decimalRounded(value, decimals: decimals),
                    "\(value) to \(decimals)")
            }
        }
    }
}
