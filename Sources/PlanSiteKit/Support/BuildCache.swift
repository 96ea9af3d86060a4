import Foundation

/// What one build can hand the next, so `plansite serve` redoes only what a save changed.
/// Every entry is keyed by the text it was made from and is reused only when that text, and
/// everything else its result depends on, is the same: a build with a cache gives exactly the
/// files and diagnostics a fresh build gives (`IncrementalBuildTests`). `build` uses none.
public final class BuildCache: @unchecked Sendable {
    private let lock = NSLock()
    private var loaded: [String: (text: String, value: Any)] = [:]
    private var markdown: [MarkdownKey: (rendered: RenderedMarkdown, answers: MarkdownAnswers, used: Int)] = [:]
    /// Results that depend on nothing but their key (the text lints of one body, one indicator's
    /// downloads): reused while builds still ask for them, dropped one build after they are not.
    private var memos: [AnyHashable: (value: Any, used: Int)] = [:]
    /// Counts `finishBuild` calls. Each entry notes the count when it was last asked for, and
    /// `finishBuild` drops those not asked for since the last one: no key is hashed again for it
    /// (sets of used keys, and dictionaries filtered by them, hashed every body and indicator
    /// twice more per save, 9% of a rebuild).
    private var generation = 0

    public init() {}

    /// What loading the file made last time, if it had exactly this text.
    func loaded<T>(_ key: String, text: String, as: T.Type) -> T? {
        lock.withLock {
            guard let entry = loaded[key], entry.text == text else { return nil }
            return entry.value as? T
        }
    }

    func storeLoaded(_ key: String, text: String, value: Any) {
        lock.withLock { loaded[key] = (text, value) }
    }

    struct MarkdownKey: Hashable {
        var text: String
        var path: String
        var firstLine: Int
        var origin: LinkOrigin
        var allowRawHTML: Bool
        var footnoteBackLabel: String?
    }

    /// What rendering a body asked of the rest of the site: where each link goes, and what
    /// each text with a `{{indicator.field}}` reference became.
    struct MarkdownAnswers {
        var links: [(url: String, href: String)] = []
        var figures: [(text: String, figure: String)] = []
    }

    /// The body rendered before, if every link in it still resolves to the same address
    /// (a page added or removed elsewhere changes where links go) and every figure it
    /// quotes is still the same (an indicator's file changed).
    func markdown(_ key: MarkdownKey, href: (String) -> String, figures: (String) -> String) -> RenderedMarkdown? {
        guard
            let entry = lock.withLock({ () -> (rendered: RenderedMarkdown, answers: MarkdownAnswers, used: Int)? in
                guard let index = markdown.index(forKey: key) else { return nil }
                markdown.values[index].used = generation
                return markdown.values[index]
            })
        else { return nil }
        let current =
            entry.answers.links.allSatisfy { href($0.url) == $0.href }
            && entry.answers.figures.allSatisfy { figures($0.text) == $0.figure }
        return current ? entry.rendered : nil
    }

    func storeMarkdown(_ key: MarkdownKey, _ rendered: RenderedMarkdown, answers: MarkdownAnswers) {
        lock.withLock { markdown[key] = (rendered, answers, generation) }
    }

    /// What `make` gave for this key in an earlier build, or what it makes now, kept for the
    /// next build when `keep` says so. The key must hold everything the result depends on.
    func reuse<Key: Hashable & Sendable, Value>(
        _ key: Key, keepIf keep: (Value) -> Bool = { _ in true },
        _ make: () -> Value
    ) -> Value {
        let key = AnyHashable(key)
        if let earlier = lock.withLock({ () -> Any? in
            guard let index = memos.index(forKey: key) else { return nil }
            memos.values[index].used = generation
            return memos.values[index].value
        }) as? Value {
            return earlier
        }
        let value = make()
        if keep(value) { lock.withLock { memos[key] = (value, generation) } }
        return value
    }

    /// Called after each build's assemble stage: bodies no page has any more (an edited one's
    /// old text) are dropped, and so are results neither the last validate nor this assemble asked for.
    func finishBuild() {
        lock.withLock {
            // Usually nothing or one edited body is stale: removed one by one, the rest stay where they are.
            let current = generation
            for key in markdown.compactMap({ $0.value.used < current ? $0.key : nil }) { markdown.removeValue(forKey: key) }
            for key in memos.compactMap({ $0.value.used < current ? $0.key : nil }) { memos.removeValue(forKey: key) }
            generation += 1
        }
    }
}
