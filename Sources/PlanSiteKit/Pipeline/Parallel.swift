import Dispatch

/// Per-file and per-page work on every core. Results keep the input's order, so
/// output and diagnostics are the same as a serial run's, byte for byte.
public enum Parallel {
    /// `false` runs everything on the calling thread: tests compare the two.
    public static func map<Element: Sendable, Result>(_ items: [Element], enabled: Bool = true,
                                                       _ transform: @Sendable (Element) -> Result) -> [Result] {
        guard enabled, items.count > 1 else { return items.map(transform) }
        var results = [Result?](repeating: nil, count: items.count)
        results.withUnsafeMutableBufferPointer { slots in
            let slots = UncheckedSendable(slots)
            // Chunks of several items: one dispatch per page would cost more than small pages take.
            let chunk = max(1, items.count / 64)
            let chunks = (items.count + chunk - 1) / chunk
            DispatchQueue.concurrentPerform(iterations: chunks) { part in
                for index in (part * chunk)..<min(items.count, (part + 1) * chunk) {
                    slots.value[index] = transform(items[index])
                }
            }
        }
        return results.map { $0! }
    }
}

extension Parallel {
    /// Two independent pieces of work at once (one may be serial inside, such as Markdown).
    public static func both<A, B>(enabled: Bool = true, _ first: @Sendable () -> A, _ second: @Sendable () -> B) -> (A, B) {
        guard enabled else { return (first(), second()) }
        var a: A?, b: B?
        withUnsafeMutablePointer(to: &a) { pa in
            withUnsafeMutablePointer(to: &b) { pb in
                let slots = UncheckedSendable((pa, pb))
                DispatchQueue.concurrentPerform(iterations: 2) { index in
                    if index == 0 { slots.value.0.pointee = first() } else { slots.value.1.pointee = second() }
                }
            }
        }
        return (a!, b!)
    }
}

/// Each slot is written by exactly one worker, and read only after all have finished.
private struct UncheckedSendable<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
