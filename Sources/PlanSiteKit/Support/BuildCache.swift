import Foundation

/// What one build can hand the next, so `plansite serve` redoes only what a save changed.
/// Every entry is keyed by the text it was made from and is reused only when that text, and
/// everything else its result depends on, is the same: a build with a cache gives exactly the
/// files and diagnostics a fresh build gives (`IncrementalBuildTests`). `build` uses none.
public final class BuildCache: @unchecked Sendable {
    private let lock = NSLock()
    private var loaded: [String: (text: String, value: Any)] = [:]
    private var markdown: [MarkdownKey: (rendered: RenderedMarkdown, answers: MarkdownAnswers)] = [:]
    /// Markdown entries looked up or stored by the build running now; the rest are dropped after it.
    private var usedMarkdown: Set<MarkdownKey> = []
    /// Results that depend on nothing but their key (the text lints of one body, one indicator's
    /// downloads): reused while builds still ask for them, dropped one build after they are not.
    private var memos: [AnyHashable: Any] = [:]
    private var usedMemos: Set<AnyHashable> = []

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
            let entry = lock.withLock({ () -> (rendered: RenderedMarkdown, answers: MarkdownAnswers)? in
                usedMarkdown.insert(key)
                return markdown[key]
            })
        else { return nil }
        let current =
            entry.answers.links.allSatisfy { href($0.url) == $0.href }
            && entry.answers.figures.allSatisfy { figures($0.text) == $0.figure }
        return current ? entry.rendered : nil
    }

    func storeMarkdown(_ key: MarkdownKey, _ rendered: RenderedMarkdown, answers: MarkdownAnswers) {
        lock.withLock {
            markdown[key] = (rendered, answers)
            usedMarkdown.insert(key)
        }
    }

    /// What `make` gave for this key in an earlier build, or what it makes now, kept for the
    /// next build when `keep` says so. The key must hold everything the result depends on.
    func reuse<Key: Hashable & Sendable, Value>(
        _ key: Key, keepIf keep: (Value) -> Bool = { _ in true },
        _ make: () -> Value
    ) -> Value {
        let key = AnyHashable(key)
        if let earlier = lock.withLock({ () -> Any? in
            usedMemos.insert(key)
            return memos[key]
        }) as? Value {
            return earlier
        }
        let value = make()
        if keep(value) { lock.withLock { memos[key] = value } }
        return value
    }

    /// Called after each build's assemble stage: bodies no page has any more (an edited one's
    /// old text) are dropped, and so are results neither the last validate nor this assemble asked for.
    func finishBuild() {
        lock.withLock {
            markdown = markdown.filter { usedMarkdown.contains($0.key) }
            usedMarkdown = []
            memos = memos.filter { usedMemos.contains($0.key) }
            usedMemos = []
        }
    }
}
