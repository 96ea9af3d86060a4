import Dispatch

/// Frees what a build no longer needs on another thread. A built site's model is tens of
/// thousands of small objects (every indicator's figures, rendered Markdown, presenters), and
/// freeing them one by one where they went out of scope kept one core busy at the end of a
/// build while the other waited; `plansite serve` frees them all the same, just not in its way.
public enum Teardown {
    /// Takes the only reference to `value` (the caller passes it with `consume`) and drops it on
    /// a background thread. A process that ends first does not wait for it.
    public static func inBackground<Value>(_ value: consuming Value) {
        let box = Box(value)
        DispatchQueue.global(qos: .utility).async { box.value = nil }
    }

    /// Each box is emptied by exactly one closure, after its creator has let go of it.
    private final class Box<Held>: @unchecked Sendable {
        var value: Held?
        init(_ value: consuming Held) { self.value = value }
    }
}
