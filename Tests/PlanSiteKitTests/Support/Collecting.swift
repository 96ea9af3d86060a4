@testable import PlanSiteKit

/// What a reader returned and the problems it added, for tests that look at one call.
struct Collected<Value> {
    var value: Value?
    var problems: [Diagnostic]

    /// The first problem, when the call gave no value.
    var failure: Diagnostic? { value == nil ? problems.first : nil }

    struct NoValue: Error { var problems: [Diagnostic] }

    func get() throws -> Value {
        guard let value else { throw NoValue(problems: problems) }
        return value
    }
}

/// Runs a reader that adds its problems to an array, as every loader does.
func collecting<Value>(_ read: (inout [Diagnostic]) -> Value?) -> Collected<Value> {
    var problems: [Diagnostic] = []
    let value = read(&problems)
    return Collected(value: value, problems: problems)
}
