import Foundation
import Testing

@testable import PlanSiteKit

/// Writes seeded inputs and PlanSite's answers for each statistical method to a JSON file,
/// which Tests/statistics/test_reference.py checks against scipy, statsmodels and numpy
/// (`make statistics`, after the Swift tests). A file, not a hidden `plansite` subcommand:
/// the methods stay out of the product's command line, and the Python side reads plain data.
/// PLANSITE_STATISTICS_REFERENCE names the file (default .build/statistics-reference.json).
@Suite("Statistics reference export")
struct StatisticsReferenceExport {
    static let perMethod = 250

    struct Interval: Codable {
        var count: Double
        var denominator: Double?
        var lower: Double
        var upper: Double
    }
    struct Quantile: Codable {
        var p: Double
        var df: Double
        var quantile: Double
    }
    struct Trend: Codable {
        var values: [Double]?
        var lower: [Double]?
        var upper: [Double]?
        var counts: [Double]?
        var denominators: [Double]?
        var slope: Double
        var chiSquared: Double
        var slopeKeepsSign: Bool
    }
    struct Reference: Codable {
        var wilson: [Interval] = [], exactPoisson: [Interval] = [], byar: [Interval] = []
        var chiSquared: [Quantile] = [], weightedTrend: [Trend] = [], proportionsTrend: [Trend] = []
    }

    static var file: URL {
        ProcessInfo.processInfo.environment["PLANSITE_STATISTICS_REFERENCE"].map { URL(fileURLWithPath: $0) }
            ?? TestPaths.packageRoot.appendingPathComponent(".build/statistics-reference.json")
    }

    @Test func writesEveryMethodsAnswersOnSeededInputs() throws {
        var random = SeededRandom(seed: 20_261_206)
        var reference = Reference()
        for index in 0..<Self.perMethod {
            reference.wilson.append(try Self.wilson(&random, small: index % 2 == 0))
            let count = index < 12 ? Double(index) : Double(random.integer(0...10_000))
            let exact = try #require(IntervalMethods.exactPoisson(count: count))
            reference.exactPoisson.append(Interval(count: count, lower: exact.lower, upper: exact.upper))
            let events = index < 12 ? Double(10 + index) : Double(random.integer(10...10_000))
            let byar = try #require(IntervalMethods.byar(count: events))
            reference.byar.append(Interval(count: events, lower: byar.lower, upper: byar.upper))
            let p = random.unit() * 0.998 + 0.001
            let df = Double(random.integer(1...20_002))
            reference.chiSquared.append(Quantile(p: p, df: df, quantile: ChiSquared.quantile(p, degreesOfFreedom: df)))
            reference.weightedTrend.append(try Self.weightedTrend(&random))
            reference.proportionsTrend.append(try Self.proportionsTrend(&random, small: index % 2 == 0))
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        try FileManager.default.createDirectory(
            at: Self.file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try encoder.encode(reference).write(to: Self.file)
        #expect(
            reference.weightedTrend.contains { $0.chiSquared > TrendTest.threshold && $0.slopeKeepsSign },
            "some significant")
        #expect(reference.weightedTrend.contains { $0.chiSquared <= TrendTest.threshold }, "some not")
    }

    static func wilson(_ random: inout SeededRandom, small: Bool) throws -> Interval {
        let denominator = small ? Double(random.integer(1...200)) : random.logUniform(200, 5e7).rounded()
        let count = Double(random.integer(0...Int(min(denominator, 10_000))))
        let interval = try #require(IntervalMethods.wilson(count: count, denominator: denominator))
        return Interval(count: count, denominator: denominator, lower: interval.lower, upper: interval.upper)
    }

    /// Five yearly values on a random line plus noise, each with a random interval width.
    static func weightedTrend(_ random: inout SeededRandom) throws -> Trend {
        let level = random.logUniform(1, 1000)
        let slope = (random.unit() - 0.5) * level * 0.1
        var values: [Double] = []
        var lower: [Double] = []
        var upper: [Double] = []
        for t in 1...TrendTest.points {
            let half = level * random.logUniform(0.005, 0.3)
            let value = level + slope * Double(t) + (random.unit() - 0.5) * half
            values.append(value)
            lower.append(value - half * random.logUniform(0.5, 1.5))
            upper.append(value + half)
        }
        let points = zip(values, zip(lower, upper)).map {
            TrendTest.Point(value: $0, interval: ConfidenceInterval(lower: $1.0, upper: $1.1))
        }
        let result = try #require(TrendTest.weightedSlope(points))
        return Trend(
            values: values, lower: lower, upper: upper, slope: result.slope, chiSquared: result.chiSquared,
            slopeKeepsSign: result.slopeKeepsSign)
    }

    /// Five years of counts out of denominators, small (tens) or large (millions).
    static func proportionsTrend(_ random: inout SeededRandom, small: Bool) throws -> Trend {
        let share = random.logUniform(0.01, 0.6)
        let drift = (random.unit() - 0.5) * 0.2
        var counts: [Double] = []
        var denominators: [Double] = []
        for t in 1...TrendTest.points {
            let denominator = (small ? random.logUniform(20, 2000) : random.logUniform(2e4, 5e7)).rounded()
            let p = min(0.95, share * (1 + drift * Double(t)) * random.logUniform(0.9, 1.1))
            counts.append(min(denominator - 1, max(1, (denominator * p).rounded())))
            denominators.append(denominator)
        }
        let result = try #require(TrendTest.proportions(counts: counts, denominators: denominators))
        return Trend(
            counts: counts, denominators: denominators, slope: result.slope, chiSquared: result.chiSquared,
            slopeKeepsSign: result.slopeKeepsSign)
    }
}
