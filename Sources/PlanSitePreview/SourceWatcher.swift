import Foundation

/// Notices edits by polling file modification times: portable, needs no inotify or
/// FSEvents, and a few thousand small files cost about 2 ms to stat every 100 ms.
/// On Linux an inotify descriptor, looked at every 10 ms (one non-blocking read), says
/// sooner that something was written, so a save is seen in about 20 ms rather than 50 to
/// 100, and the files are stat'ed only then (and once a second); the fingerprint still
/// decides whether anything changed.
struct SourceWatcher: Sendable {
    var folders: [URL]
    var interval: Duration = .milliseconds(100)
    /// How often the inotify descriptor is looked at between polls.
    var wakeCheck: Duration = .milliseconds(10)
    /// With inotify, the files are stat'ed when it says something changed, and otherwise only this
    /// often (in case an event was missed): a poll of 2,000 files every 100 ms competed with the rebuilds.
    var safetyPoll: Duration = .seconds(1)

    /// A value that changes whenever a file is added, removed, renamed, or rewritten.
    struct Fingerprint: Equatable, Sendable {
        var entries: [String: [Double]]
        /// Every folder walked, for the inotify watches.
        var folders: [String] = []

        static func == (a: Fingerprint, b: Fingerprint) -> Bool { a.entries == b.entries }
    }

    /// Walked with readdir and stat: FileManager's enumerator and resource values took about
    /// 60 ms of CPU for 2,000 files on every poll, a third of both cores while serving.
    func fingerprint() -> Fingerprint {
        var entries: [String: [Double]] = [:]
        var walked: [String] = []
        func walk(_ path: String) {
            guard let directory = opendir(path) else { return }
            defer { closedir(directory) }
            walked.append(path)
            while let entry = readdir(directory) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
                guard name != ".", name != ".." else { continue }
                let child = path + "/" + name
                if entry.pointee.d_type == UInt8(DT_DIR) {
                    walk(child)
                    continue
                }
                var info = stat()
                guard stat(child, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { continue }
                let modified = Double(info.st_mtim.tv_sec) + Double(info.st_mtim.tv_nsec) / 1e9
                // Size as well as time: two saves within the clock's resolution still differ in size.
                entries[child] = [modified, Double(info.st_size)]
            }
        }
        for folder in folders { walk(folder.path) }
        return Fingerprint(entries: entries, folders: walked)
    }

    /// Calls `onChange` after each change, until the task is cancelled. A change made while
    /// `onChange` runs is seen on the next poll, so the last edit is always built.
    func watch(from start: Fingerprint, onChange: @Sendable () async -> Void) async {
        let wakeUps = WakeUps()
        wakeUps?.watch(start.folders)
        var last = start
        while !Task.isCancelled {
            if let wakeUps {
                // Up to `safetyPoll`, cut short when inotify says a file was written; then until
                // the folder has been quiet for one check, so a save that truncates, or writes a
                // temporary file and renames it, is built once, whole, not half-written first.
                var waited = Duration.zero
                while waited < safetyPoll, !wakeUps.drain(), !Task.isCancelled {
                    try? await Task.sleep(for: wakeCheck)
                    waited += wakeCheck
                }
                if waited < safetyPoll {
                    var settling = Duration.zero
                    repeat {
                        try? await Task.sleep(for: wakeCheck)
                        settling += wakeCheck
                    } while wakeUps.drain() && settling < interval && !Task.isCancelled
                }
            } else {
                try? await Task.sleep(for: interval)
            }
            let now = fingerprint()
            if now != last {
                last = now
                wakeUps?.watch(now.folders)
                await onChange()
            }
        }
    }
}

/// An inotify descriptor watching folders for writes, creations, deletions and renames;
/// nil where there is no inotify (or it cannot be had), and the watcher just polls.
private final class WakeUps: @unchecked Sendable {
    #if os(Linux)
        private let descriptor: Int32
        private var buffer = [UInt8](repeating: 0, count: 16 * 1024)

        init?() {
            descriptor = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
            guard descriptor >= 0 else { return nil }
        }

        deinit { close(descriptor) }

        /// Watches each folder (again: adding a watch that is there is a no-op, and a folder made,
        /// or deleted and made again, since the last poll gets one).
        func watch(_ folders: [String]) {
            let events = UInt32(IN_CLOSE_WRITE | IN_MODIFY | IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO | IN_ATTRIB)
            for folder in folders { _ = inotify_add_watch(descriptor, folder, events) }
        }

        /// Whether anything happened since the last call (reading every pending event).
        func drain() -> Bool {
            var happened = false
            while true {
                let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress!, $0.count) }
                guard count > 0 else { break }
                happened = true
            }
            return happened
        }
    #else
        init?() { return nil }
        func watch(_ folders: [String]) {}
        func drain() -> Bool { false }
    #endif
}
