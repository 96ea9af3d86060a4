import Dispatch

/// Per-file and per-page work on every core. Results keep the input's order, so
/// output and diagnostics are the same as a serial run's, byte for byte.
public enum Parallel {
    /// `false` runs everything on the calling thread: tests compare the two.
    public static func map<Element: Sendable, Result>(
        _ items: [Element], enabled: Bool = true,
        _ transform: @Sendable (Element) -> Result
    ) -> [Result] {
        var items = items
        return consume(&items, enabled: enabled, transform, emptying: { _ in })
    }
}

extension Parallel {
    /// `map`, emptying each item (with `empty`) as soon as it is transformed, so what it held
    /// is freed then, on the worker that used it, rather than all at once when the caller
    /// drops the list. Items go in chunks: one dispatch per page would cost more than small
    /// pages take.
    public static func consume<Element: Sendable, Result>(
        _ items: inout [Element], enabled: Bool = true,
        _ transform: @Sendable (Element) -> Result,
        emptying empty: @Sendable (inout Element) -> Void
    ) -> [Result] {
        let count = items.count
        var results = [Result?](repeating: nil, count: count)
        items.withUnsafeMutableBufferPointer { itemSlots in
            results.withUnsafeMutableBufferPointer { resultSlots in
                let slots = UncheckedSendable((itemSlots, resultSlots))
                let chunk = max(1, count / 64)
                // Takes the item out, leaves it emptied in the list, and transforms it.
                @Sendable func take(_ index: Int) {
                    let item = slots.value.0[index]
                    empty(&slots.value.0[index])
                    slots.value.1[index] = transform(item)
                }
                guard enabled, count > 1 else {
                    for index in 0..<count { take(index) }
                    return
                }
                DispatchQueue.concurrentPerform(iterations: (count + chunk - 1) / chunk) { part in
                    for index in (part * chunk)..<min(count, (part + 1) * chunk) { take(index) }
                }
            }
        }
        return results.map { $0! }
    }

    /// Two independent pieces of work at once. A `map` inside either runs on one core: libdispatch
    /// runs a `concurrentPerform` nested in another serially. Reading the templates beside the
    /// content this way put the whole content load on one core (0.62 s against 0.53 s at 1,000
    /// indicators), and running the second piece on a thread of its own, so the maps inside the
    /// first kept both cores, was slower still: three threads on two cores.
    public static func both<A, B>(enabled: Bool = true, _ first: @Sendable () -> A, _ second: @Sendable () -> B) -> (A, B) {
        guard enabled else { return (first(), second()) }
        var a: A?
        var b: B?
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
