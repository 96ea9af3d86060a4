import Foundation

/// Writes a built site so that readers only ever see a complete one: every file goes
/// to a staging folder beside the output, which is swapped in at the end. A failed
/// build leaves the previous output exactly as it was.
///
/// The build before is kept beside the output (`.site.plansite-back`) and becomes the
/// next staging folder, so a rebuild rewrites only the files that changed and deletes
/// nothing in bulk: deleting a 2,000-file build took three times as long as writing it.
public struct SiteWriter {
    public var output: URL
    /// Marks a folder as one PlanSite built, so it is the only kind it will replace or reuse.
    public static let marker = ".plansite-build"
    /// Write files on every core (folders are made first, in order).
    public var parallel: Bool

    public init(output: URL, parallel: Bool = true) {
        self.output = output.standardizedFileURL
        self.parallel = parallel
    }

    /// The earlier build kept for reuse: `.site.plansite-back` beside `site`.
    public var backBuffer: URL {
        output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).plansite-back")
    }

    public func write(_ files: [OutputFile]) throws {
        let session = try begin(paths: files.map(\.path))
        do {
            try session.write(files)
            try session.finish()
        } catch {
            session.abandon()
            throw error
        }
    }

    /// A write in progress: the staging folder holds exactly the folders of `paths`, and no
    /// file that is not one of them. Files go in with `write` (from any thread, each path
    /// once), as they are made, so a build need not hold its pages in memory; `finish`
    /// swaps the site in, `abandon` gives the staging folder back (or deletes it) and leaves
    /// the output as it was.
    ///
    /// A session can also start before every path is known (`beginEarly`): files written then
    /// (`writeEarly`, the open data) go in first, and `prepare` readies the rest once the paths are known.
    public final class Session: @unchecked Sendable {
        let writer: SiteWriter
        let staging: URL
        let nested: [String]
        private let stagingPath: String
        /// The site being replaced, whose unchanged files the new one links to (`writeIfChanged`).
        private let outputPath: String
        /// Paths written by `writeEarly`: `write` skips them.
        private var early: Set<String> = []
        private(set) var isPrepared = false

        init(writer: SiteWriter, staging: URL, nested: [String]) {
            self.writer = writer
            self.staging = staging
            self.nested = nested
            stagingPath = staging.path
            outputPath = writer.output.path
        }

        /// Checks every path and readies the staging folder for exactly these (files that are
        /// not among them deleted, their folders made); what `writeEarly` wrote stays.
        func prepare(paths: [String]) throws {
            for path in paths { try SiteWriter.checkInside(path) }
            try writer.checkClashes(nested, with: paths)
            try SiteWriter.prepare(staging, for: paths)
            isPrepared = true
        }

        /// Writes one file (skipped when the staging copy already holds these bytes).
        public func write(_ file: OutputFile) throws {
            try SiteWriter.writeIfChanged(file.contents, to: stagingPath + "/" + file.path, live: outputPath + "/" + file.path)
        }

        /// Writes files on every core when the writer is parallel; those `writeEarly` wrote are left.
        public func write(_ files: [OutputFile]) throws {
            let files = early.isEmpty ? files : files.filter { !early.contains($0.path) }
            let failures = Parallel.map(files, enabled: writer.parallel) { file in Result { try self.write(file) } }
            for case .failure(let error) in failures { throw error }
        }

        /// Writes files before the staging folder is prepared, each over whatever the kept build has
        /// at its path, and gives them back read from the folder by memory mapping: the same bytes
        /// and sizes, but held by the file system's cache, not the build's memory, until read.
        func writeEarly(_ files: [OutputFile]) throws -> [OutputFile] {
            for file in files { try SiteWriter.checkInside(file.path) }
            var folders = Set<String>()
            for file in files {
                var folder = SiteWriter.parent(of: file.path)
                while let current = folder, folders.insert(current).inserted { folder = SiteWriter.parent(of: current) }
            }
            for folder in folders.sorted() { try SiteWriter.makeFolder(stagingPath + "/" + folder) }
            let stagingPath = stagingPath
            let outputPath = outputPath
            let written = Parallel.map(files, enabled: writer.parallel) { file in
                Result { () -> OutputFile in
                    let path = stagingPath + "/" + file.path
                    if SiteWriter.kind(of: path) == S_IFDIR { try FileManager.default.removeItem(atPath: path) }
                    try SiteWriter.writeIfChanged(file.contents, to: path, live: outputPath + "/" + file.path)
                    guard let mapped = SiteWriter.mapped(path, count: file.contents.count) else { return file }
                    return OutputFile(path: file.path, contents: mapped)
                }
            }
            let files = try written.map { try $0.get() }
            early.formUnion(files.map(\.path))
            return files
        }

        /// Carries the nested sites over, marks the folder as PlanSite's and swaps it in.
        public func finish() throws {
            try writer.carry(nested, into: staging)
            try Data("Built by PlanSite. This folder is replaced on every build.\n".utf8).write(
                to: staging.appendingPathComponent(SiteWriter.marker))
            try writer.swapIn(staging)
        }

        /// The staging folder was the kept build: it is given back under that name (a build that
        /// fails after writing the open data still leaves the next one a build to reuse), or deleted.
        public func abandon() {
            let back = writer.backBuffer
            if SiteWriter.kind(of: back.path) == nil, SiteWriter.isOurs(staging), rename(stagingPath, back.path) == 0 { return }
            try? FileManager.default.removeItem(at: staging)
        }
    }

    /// The file's first `count` bytes, mapped read-only (Foundation's `.alwaysMapped` reads files
    /// under a few pages into memory, which kept the 10,000 indicator CSVs, 60 MB, in the build's
    /// memory); nil when it cannot be mapped, and the caller keeps its own copy.
    static func mapped(_ path: String, count: Int) -> Data? {
        guard count > 0 else { return nil }
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, Int(status.st_size) == count else { return nil }
        guard let address = mmap(nil, count, PROT_READ, MAP_PRIVATE, descriptor, 0), address != MAP_FAILED else { return nil }
        return Data(bytesNoCopy: address, count: count, deallocator: .unmap)
    }

    /// Checks the output folder and every path, and readies a staging folder for exactly `paths`.
    public func begin(paths: [String]) throws -> Session {
        try OutputFolderPolicy.check(output: output)
        try checkReplaceable()
        for path in paths { try Self.checkInside(path) }
        let nested = try nestedSites(besides: paths)
        let session = try startSession(nested: nested)
        do {
            try session.prepare(paths: paths)
        } catch {
            try? FileManager.default.removeItem(at: session.staging)
            throw error
        }
        return session
    }

    /// A session begun before the paths are known, or nil when the output cannot be written now
    /// (`begin` says why, when the build gets there).
    func beginEarly() -> Session? {
        guard (try? OutputFolderPolicy.check(output: output)) != nil, (try? checkReplaceable()) != nil,
            let nested = try? nestedSites(besides: [])
        else { return nil }
        return try? startSession(nested: nested)
    }

    private func startSession(nested: [String]) throws -> Session {
        try FileManager.default.createDirectory(at: output.deletingLastPathComponent(), withIntermediateDirectories: true)
        return Session(writer: self, staging: try makeStaging(), nested: nested)
    }

    /// Folders inside the output that another PlanSite build wrote (each holds its own marker):
    /// a second priority built into `site/net-zero/`. The build never deletes what it did not
    /// write, so they are carried into the new output as they are; a build that would write
    /// into one is refused, naming both.
    private func nestedSites(besides paths: [String]) throws -> [String] {
        guard Self.kind(of: output.path) == S_IFDIR else { return [] }
        let suffix = "/" + Self.marker
        var sites: [String] = []
        // Sorted, an outer site comes before the sites inside it, which move with it.
        for path in Self.tree(of: output).files.filter({ $0.hasSuffix(suffix) }).sorted() {
            let site = String(path.dropLast(suffix.count))
            if !sites.contains(where: { site.hasPrefix($0 + "/") }) { sites.append(site) }
        }
        try checkClashes(sites, with: paths)
        return sites
    }

    /// A build that would write into a nested site is refused, naming both.
    fileprivate func checkClashes(_ sites: [String], with paths: [String]) throws {
        for site in sites {
            if let clash = paths.first(where: { $0 == site || $0.hasPrefix(site + "/") }) {
                throw EnvironmentError(
                    "\(output.path)/\(site) is a site another PlanSite build made, and this build would write "
                        + "\(clash) into it; build one of the two sites into another folder")
            }
        }
    }

    /// Moves the nested sites from the output into the staging folder, at the same places.
    fileprivate func carry(_ sites: [String], into staging: URL) throws {
        for site in sites {
            let target = staging.appendingPathComponent(site)
            try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try FileManager.default.moveItem(at: output.appendingPathComponent(site), to: target)
        }
    }

    /// The back buffer, renamed to a fresh name so no other build can take it meanwhile;
    /// or, when there is none of ours, a new empty folder.
    private func makeStaging() throws -> URL {
        let staging = sibling("staging")
        if Self.isOurs(backBuffer), (try? FileManager.default.moveItem(at: backBuffer, to: staging)) != nil {
            return staging
        }
        // Created without `withIntermediateDirectories`, so it fails rather than adopt a folder that is already there.
        try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: false)
        return staging
    }

    /// Readies `folder` for exactly `paths`: files and folders that are no longer part of the
    /// site deleted, the folders the paths need made. Files left in it are rewritten by `write`
    /// only where their bytes change.
    static func prepare(_ folder: URL, for paths: [String]) throws {
        let wanted = Set(paths + [marker])
        let existing = tree(of: folder)
        for path in existing.files where !wanted.contains(path) { unlink(folder.path + "/" + path) }
        let folders = Set(paths.compactMap { parent(of: $0) })
        var keptFolders = Set<String>()
        for path in folders {
            var folder: String? = path
            while let current = folder, keptFolders.insert(current).inserted { folder = parent(of: current) }
        }
        // Deepest first, by length in bytes (a Character count per comparison took 0.1 s at 10,000 indicators).
        // Only the folders to delete are sorted: on a rebuild there are none, where all 22,000 folders
        // of a 10,000-indicator site were sorted on one core while the other waited.
        let stale = existing.folders.filter { !keptFolders.contains($0) }
        for path in stale.sorted(by: { $0.utf8.count > $1.utf8.count }) {
            try? FileManager.default.removeItem(atPath: folder.path + "/" + path)
        }
        // Sorted, a folder comes after its parent, so one mkdir each is enough (FileManager's
        // intermediate-folder creation looked at every level of every one of 10,000 folders);
        // a folder the staging copy already has is left as it is.
        for path in keptFolders.subtracting(existing.folders).sorted() {
            let full = folder.path + "/" + path
            if mkdir(full, 0o755) != 0 {
                var status = stat()
                guard errno == EEXIST, lstat(full, &status) == 0, (status.st_mode & S_IFMT) == S_IFDIR else { throw writeError(full) }
            }
        }
    }

    /// A folder at `path`, made if missing; a file or link the kept build has there is replaced.
    fileprivate static func makeFolder(_ path: String) throws {
        if mkdir(path, 0o755) == 0 { return }
        guard errno == EEXIST else { throw writeError(path) }
        if kind(of: path) == S_IFDIR { return }
        unlink(path)
        guard mkdir(path, 0o755) == 0 else { throw writeError(path) }
    }

    /// "a/b/c.html" → "a/b"; nil at the top. (On the UTF-8 bytes: looking for a Character walked
    /// the path's grapheme clusters backwards, 13,000 instructions a path.)
    fileprivate static func parent(of path: String) -> String? {
        path.utf8.lastIndex(of: UInt8(ascii: "/")).map { String(path[..<$0]) }
    }

    /// Relative paths of the files and folders below `folder` (symbolic links count as files,
    /// and are not followed). Read with readdir: FileManager's enumerator asks every file
    /// for its attributes, which cost more than the whole write. The top two levels are read
    /// first, then the folders below them on every core: a site is a folder per page (22,000
    /// at 10,000 indicators), and read on one core the two walks of a build kept the other idle
    /// for 0.4 s. The order of the lists is not kept; callers sort or look up.
    private static func tree(of folder: URL) -> (files: [String], folders: [String]) {
        let root = folder.path
        /// The entries of one folder: (relative path, is a folder).
        @Sendable func entries(_ relative: String) -> [(path: String, isFolder: Bool)] {
            guard let directory = opendir(root + (relative.isEmpty ? "" : "/" + relative)) else { return [] }
            defer { closedir(directory) }
            var found: [(path: String, isFolder: Bool)] = []
            while let entry = readdir(directory) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
                guard name != ".", name != ".." else { continue }
                found.append((relative.isEmpty ? name : relative + "/" + name, entry.pointee.d_type == UInt8(DT_DIR)))
            }
            return found
        }
        @Sendable func walk(_ relative: String, into tree: inout (files: [String], folders: [String])) {
            for entry in entries(relative) {
                if entry.isFolder {
                    tree.folders.append(entry.path)
                    walk(entry.path, into: &tree)
                } else {
                    tree.files.append(entry.path)
                }
            }
        }
        var tree: (files: [String], folders: [String]) = ([], [])
        var deeper: [String] = []
        for top in entries("") {
            guard top.isFolder else {
                tree.files.append(top.path)
                continue
            }
            tree.folders.append(top.path)
            for entry in entries(top.path) {
                if entry.isFolder { deeper.append(entry.path) } else { tree.files.append(entry.path) }
            }
        }
        tree.folders += deeper
        for below in Parallel.map(
            deeper,
            { folder -> (files: [String], folders: [String]) in
                var below: (files: [String], folders: [String]) = ([], [])
                walk(folder, into: &below)
                return below
            })
        {
            tree.files += below.files
            tree.folders += below.folders
        }
        return tree
    }

    /// A plain write, skipped when the file already holds these bytes. (Foundation's
    /// `Data.write` syncs every file to disk, which took most of a large build's time;
    /// the whole folder is swapped in by rename, so readers never see a half-written site.)
    ///
    /// `live` is the same file in the site being replaced. When it holds these bytes, the staging
    /// copy becomes a second name for it (a hard link), and is not read: the kept build was last
    /// touched two builds ago, and these machines drop file pages not touched for about a minute,
    /// so reading it went to the disk (docs/performance.md, tenth session). Linked, the two builds
    /// share each unchanged file, which every build reads and so keeps in memory, and the file
    /// keeps its modification time. Nothing is ever written through a link (see below), so the live
    /// site is never changed.
    static func writeIfChanged(_ data: Data, to path: String, live: String? = nil) throws {
        if let live, let liveFile = fileHolding(data, at: live) {
            if identity(of: path) == liveFile { return }
            unlink(path)
            if link(live, path) == 0 { return }
        } else if fileHolding(data, at: path) != nil {
            return
        }
        unlink(path)  // a symbolic link or hard link left in the folder is replaced, never written through
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw writeError(path) }
        defer { close(descriptor) }
        try data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
            var offset = 0
            while offset < buffer.count {
                let written = Foundation.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw writeError(path)
                }
                offset += written
            }
        }
    }

    /// The file system's identity of a file (device and inode), to tell two names for one file.
    struct FileIdentity: Equatable {
        var device: UInt64
        var inode: UInt64
        init(_ status: stat) {
            device = UInt64(status.st_dev)
            inode = UInt64(status.st_ino)
        }
    }

    /// The regular file at `path` itself (a link is not followed), or nil.
    private static func identity(of path: String) -> FileIdentity? {
        var status = stat()
        guard lstat(path, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else { return nil }
        return FileIdentity(status)
    }

    /// The regular file at `path` when it holds exactly these bytes (a size check first, so a
    /// changed page is rarely read), else nil. Four system calls: FileManager's took six, on 21,000 files.
    private static func fileHolding(_ data: Data, at path: String) -> FileIdentity? {
        // Non-blocking, so a FIFO left in the folder is not waited on; anything but a regular file is replaced.
        let descriptor = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG, Int(status.st_size) == data.count else { return nil }
        let same = data.withUnsafeBytes { (new: UnsafeRawBufferPointer) -> Bool in
            guard new.count > 0 else { return true }
            let old = UnsafeMutableRawBufferPointer.allocate(byteCount: new.count, alignment: 16)
            defer { old.deallocate() }
            var filled = 0
            while filled < new.count {
                let count = read(descriptor, old.baseAddress! + filled, new.count - filled)
                if count < 0 && errno == EINTR { continue }
                guard count > 0 else { return false }
                filled += count
            }
            return memcmp(old.baseAddress!, new.baseAddress!, new.count) == 0
        }
        return same ? FileIdentity(status) : nil
    }

    private static func writeError(_ path: String) -> EnvironmentError {
        EnvironmentError("cannot write \(path): \(String(cString: strerror(errno)))")
    }

    /// Refuses paths that would escape the output folder ("../", absolute paths).
    /// On the UTF-8 bytes: `String.split` walks Characters, and every path of every build is checked.
    static func checkInside(_ path: String) throws {
        let parts = path.utf8.split(separator: UInt8(ascii: "/"))
        let isDots = { (part: Substring.UTF8View) in part.count <= 2 && part.allSatisfy { $0 == UInt8(ascii: ".") } }  // "." or ".."
        guard !path.hasPrefix("/"), !parts.isEmpty, !parts.contains(where: isDots) else {
            throw EnvironmentError("refusing to write \(path): outside the output folder")
        }
    }

    /// The output may be replaced only if it is missing, empty, or a previous PlanSite build.
    func checkReplaceable() throws {
        let fileManager = FileManager.default
        var isFolder: ObjCBool = false
        guard fileManager.fileExists(atPath: output.path, isDirectory: &isFolder) else { return }
        guard isFolder.boolValue else { throw EnvironmentError("output \(output.path) is a file, not a folder") }
        let contents = (try? fileManager.contentsOfDirectory(atPath: output.path)) ?? []
        if !contents.isEmpty && !contents.contains(Self.marker) {
            throw EnvironmentError(
                "output folder \(output.path) was not made by PlanSite and is not empty; refusing to replace it. Choose another --output or empty it"
            )
        }
    }

    /// A real folder holding our marker. Never a symbolic link: `.site.plansite-back` linking to
    /// another built folder would be written into, and that folder's other files deleted.
    fileprivate static func isOurs(_ folder: URL) -> Bool {
        kind(of: folder.path) == S_IFDIR && kind(of: folder.appendingPathComponent(marker).path) == S_IFREG
    }

    /// What is at `path` itself (a link is a link, not what it points to); nil when nothing is.
    static func kind(of path: String) -> mode_t? {
        var status = stat()
        return lstat(path, &status) == 0 ? status.st_mode & S_IFMT : nil
    }

    /// The new build goes in; the one it replaces becomes the back buffer.
    fileprivate func swapIn(_ staging: URL) throws {
        let fileManager = FileManager.default
        let hadOutput = Self.kind(of: output.path) != nil
        let back = backBuffer
        // Anything already at the back buffer's name (a link, a dangling link) is left alone.
        let previous = Self.kind(of: back.path) != nil ? sibling("previous") : back
        if hadOutput { try fileManager.moveItem(at: output, to: previous) }
        do {
            try fileManager.moveItem(at: staging, to: output)
        } catch {
            if hadOutput { try? fileManager.moveItem(at: previous, to: output) }
            throw error
        }
        // A back buffer name taken by a folder that is not ours: the replaced build is deleted instead.
        // (Paths, not URLs, are compared: a file URL gains a "/" once its folder exists.)
        if hadOutput && previous.path != back.path { try? fileManager.removeItem(at: previous) }
    }

    /// `.site.staging-<unique>` beside the output: never an existing folder.
    private func sibling(_ role: String) -> URL {
        output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).\(role)-\(UUID().uuidString)")
    }
}
