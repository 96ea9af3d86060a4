import Foundation

/// Writes a built site so that readers only ever see a complete one: every file
/// goes to a staging folder beside the output, which is swapped in at the end.
/// A failed build leaves the previous output exactly as it was.
public struct SiteWriter {
    public var output: URL
    /// Marks a folder as one PlanSite built, so it is the only kind it will replace.
    public static let marker = ".plansite-build"

    /// Write files on every core (folders are made first, in order).
    public var parallel: Bool

    public init(output: URL, parallel: Bool = true) {
        self.output = output.standardizedFileURL
        self.parallel = parallel
    }

    public func write(_ files: [OutputFile]) throws {
        try OutputFolderPolicy.check(output: output)
        try checkReplaceable()
        let fileManager = FileManager.default
        let parent = output.deletingLastPathComponent()
        // A fresh name each time, created without `withIntermediateDirectories`, so it
        // fails rather than adopt (and later delete) a folder that is already there.
        let staging = sibling("staging")
        try fileManager.createDirectory(at: parent, withIntermediateDirectories: true)
        try fileManager.createDirectory(at: staging, withIntermediateDirectories: false)
        do {
            let urls = try files.map { try Self.destination(of: $0.path, in: staging) }
            for folder in Set(urls.map { $0.deletingLastPathComponent().path }).sorted() {
                try fileManager.createDirectory(atPath: folder, withIntermediateDirectories: true)
            }
            let failures = Parallel.map(Array(zip(files, urls)), enabled: parallel) { file, url in
                Result { try Self.writeFile(file.contents, to: url) }
            }
            for case .failure(let error) in failures { throw error }
            try Data("Built by PlanSite. This folder is replaced on every build.\n".utf8).write(to: staging.appendingPathComponent(Self.marker))
            try swapIn(staging)
        } catch {
            try? fileManager.removeItem(at: staging)
            throw error
        }
    }

    /// A plain write. Foundation's `Data.write` syncs every file to disk, which took most of
    /// the build's time on a 2,000-file site; the whole folder is swapped in by one rename,
    /// so readers still never see a half-written site.
    static func writeFile(_ data: Data, to url: URL) throws {
        let descriptor = open(url.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw writeError(url) }
        defer { close(descriptor) }
        try data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
            var offset = 0
            while offset < buffer.count {
                let written = Foundation.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw writeError(url)
                }
                offset += written
            }
        }
    }

    private static func writeError(_ url: URL) -> EnvironmentError {
        EnvironmentError("cannot write \(url.path): \(String(cString: strerror(errno)))")
    }

    /// Refuses paths that would escape the output folder ("../", absolute paths).
    static func destination(of path: String, in folder: URL) throws -> URL {
        let parts = path.split(separator: "/")
        guard !path.hasPrefix("/"), !parts.isEmpty, !parts.contains(where: { $0 == ".." || $0 == "." }) else {
            throw EnvironmentError("refusing to write \(path): outside the output folder")
        }
        return folder.appendingPathComponent(path)
    }

    /// The output may be replaced only if it is missing, empty, or a previous PlanSite build.
    func checkReplaceable() throws {
        let fileManager = FileManager.default
        var isFolder: ObjCBool = false
        guard fileManager.fileExists(atPath: output.path, isDirectory: &isFolder) else { return }
        guard isFolder.boolValue else { throw EnvironmentError("output \(output.path) is a file, not a folder") }
        let contents = (try? fileManager.contentsOfDirectory(atPath: output.path)) ?? []
        if !contents.isEmpty && !contents.contains(Self.marker) {
            throw EnvironmentError("output folder \(output.path) was not made by PlanSite and is not empty; refusing to replace it. Choose another --output or empty it")
        }
    }

    private func swapIn(_ staging: URL) throws {
        let fileManager = FileManager.default
        let previous = sibling("previous")
        if fileManager.fileExists(atPath: output.path) {
            try fileManager.moveItem(at: output, to: previous)
        }
        do {
            try fileManager.moveItem(at: staging, to: output)
        } catch {
            try? fileManager.moveItem(at: previous, to: output)
            throw error
        }
        try? fileManager.removeItem(at: previous)
    }

    /// `.site.staging-<unique>` beside the output: never an existing folder.
    private func sibling(_ role: String) -> URL {
        output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).\(role)-\(UUID().uuidString)")
    }
}
