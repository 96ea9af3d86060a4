import Foundation

@testable import PlanSiteKit

/// The open-data JSON through Foundation's `JSONEncoder`: the reference the hand-written
/// `DataDownloads.json()` must equal byte for byte. Only the tests use it.
extension DataDownloads {
    struct JSONIndicator: Encodable {
        var id, title, unit, geography, polarity, provenance: String
        var decimals: Int
        var series: [JSONObservation]
        var comparators: [String: [JSONObservation]]
        var target: JSONTarget?
        var source: JSONSource
        var breakdowns: [JSONBreakdown]
    }
    struct JSONBreakdown: Encodable {
        var dimension, period: String
        var title: String?
        var ordered: Bool
        var categories: [JSONCategory]
        var overall, national: JSONObservation?
    }
    struct JSONCategory: Encodable {
        var category: String
        var value, lowerCI, upperCI: Double?
        var note: String?

        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(category, forKey: .category)
            try container.encode(value, forKey: .value)
            try container.encodeIfPresent(lowerCI, forKey: .lowerCI)
            try container.encodeIfPresent(upperCI, forKey: .upperCI)
            try container.encodeIfPresent(note, forKey: .note)
        }
        enum CodingKeys: String, CodingKey {
            case category, value, note
            case lowerCI = "lower_ci"
            case upperCI = "upper_ci"
        }
    }
    struct JSONTarget: Encodable {
        var value: Double
        var by, label: String
    }
    struct JSONObservation: Encodable {
        var period: String
        var value, lowerCI, upperCI: Double?
        var note: String?

        // A missing value is written as null, not left out, so every observation has the same keys.
        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(period, forKey: .period)
            try container.encode(value, forKey: .value)
            try container.encodeIfPresent(lowerCI, forKey: .lowerCI)
            try container.encodeIfPresent(upperCI, forKey: .upperCI)
            try container.encodeIfPresent(note, forKey: .note)
        }
        enum CodingKeys: String, CodingKey {
            case period, value, note
            case lowerCI = "lower_ci"
            case upperCI = "upper_ci"
        }
    }
    struct JSONSource: Encodable {
        var publisher, title: String
        var url, licence: String?
    }

    /// The whole list through one encoder: what `json()` must equal.
    func jsonEncodedWhole() -> String {
        Self.encoded(["indicators": site.indicators.map(Self.jsonIndicator)])
    }

    static func jsonIndicator(_ indicator: Indicator) -> JSONIndicator {
        let observations = { (list: [Observation]) in
            list.map { JSONObservation(period: $0.period, value: $0.value, lowerCI: $0.lowerCI, upperCI: $0.upperCI, note: $0.note) }
        }
        return JSONIndicator(
            id: indicator.id, title: indicator.title, unit: indicator.unit, geography: indicator.geography,
            polarity: indicator.polarity.rawValue, provenance: indicator.provenance.rawValue,
            decimals: indicator.decimals,
            series: observations(indicator.series),
            comparators: Dictionary(uniqueKeysWithValues: indicator.comparators.map { ($0.geography, observations($0.series)) }),
            target: indicator.target.map { JSONTarget(value: $0.value, by: $0.by, label: $0.label) },
            source: JSONSource(
                publisher: indicator.source.publisher, title: indicator.source.title,
                url: indicator.source.url, licence: indicator.source.licence),
            breakdowns: indicator.breakdowns.map { breakdown in
                JSONBreakdown(
                    dimension: breakdown.dimension, period: breakdown.period, title: breakdown.title,
                    ordered: breakdown.ordered,
                    categories: breakdown.categories.map {
                        JSONCategory(category: $0.category, value: $0.value, lowerCI: $0.lowerCI, upperCI: $0.upperCI, note: $0.note)
                    },
                    overall: breakdown.overall.flatMap { observations([$0]).first },
                    national: breakdown.national.flatMap { observations([$0]).first })
            })
    }

    /// Pretty, sorted, one newline at the end.
    static func encoded<T: Encodable>(_ value: T) -> String {
        String(decoding: encodedData(value), as: UTF8.self) + "\n"
    }

    static func encodedData<T: Encodable>(_ value: T) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(value)) ?? Data("{}".utf8)
    }
}
