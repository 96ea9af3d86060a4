import Foundation

/// Notices edits by polling file modification times: portable, needs no inotify or
/// FSEvents, and a few hundred small files cost almost nothing to stat every 250 ms.
struct SourceWatcher: Sendable {
    var folders: [URL]
    var interval: Duration = .milliseconds(250)

    /// A value that changes whenever a file is added, removed, renamed, or rewritten.
    struct Fingerprint: Equatable, Sendable {
        var entries: [String: [Double]]
    }

    func fingerprint() -> Fingerprint {
        var entries: [String: [Double]] = [:]
        let keys: [URLResourceKey] = [.contentModificationDateKey, .fileSizeKey, .isRegularFileKey]
        for folder in folders {
            let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: keys)
            while let url = walker?.nextObject() as? URL {
                guard let values = try? url.resourceValues(forKeys: Set(keys)), values.isRegularFile == true else { continue }
                let modified = values.contentModificationDate?.timeIntervalSince1970 ?? 0
                // Size as well as time: two saves within the clock's resolution still differ in size.
                entries[url.path] = [modified, Double(values.fileSize ?? 0)]
            }
        }
        return Fingerprint(entries: entries)
    }

    /// Calls `onChange` after each change, until the task is cancelled. A change made while
    /// `onChange` runs is seen on the next poll, so the last edit is always built.
    func watch(from start: Fingerprint, onChange: @Sendable () async -> Void) async {
        var last = start
        while !Task.isCancelled {
            try? await Task.sleep(for: interval)
            let now = fingerprint()
            if now != last {
                last = now
                await onChange()
            }
        }
    }
}
