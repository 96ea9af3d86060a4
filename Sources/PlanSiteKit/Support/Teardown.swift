import Dispatch

/// Frees what a build no longer needs on another thread. A built site's model is tens of
/// thousands of small objects (every indicator's figures, rendered Markdown, presenters), and
/// freeing them one by one where they went out of scope kept one core busy at the end of a
/// build while the other waited; `plansite serve` frees them all the same, just not in its way.
public enum Teardown {
    /// Holds a reference to `value` and drops it on a background thread a moment later, once the
    /// caller's own references (its locals, released as it returns) are gone, so the last
    /// release, which frees, is the background's. Dropped at once, the background's release often
    /// came first and the caller still freed everything (0.1 s at the end of a 10,000-indicator
    /// build). A process that ends first does not wait for it, and frees nothing one by one.
    public static func inBackground<Value>(_ value: consuming Value) {
        let box = Box(value)
        DispatchQueue.global(qos: .utility).asyncAfter(deadline: .now() + .milliseconds(100)) { box.value = nil }
    }

    /// Each box is emptied by exactly one closure, after its creator has let go of it.
    private final class Box<Held>: @unchecked Sendable {
        var value: Held?
        init(_ value: consuming Held) { self.value = value }
    }
}
