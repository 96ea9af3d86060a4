import Foundation

/// Reads content and template files as text, turning every way a file can be
/// unreadable into a diagnostic rather than a crash.
struct TextFileReader {
    /// Larger files are refused: no page or indicator needs this much text.
    static let maximumBytes = 4 * 1024 * 1024

    var root: URL
    /// Path prefix diagnostics print, e.g. `content/`.
    var displayPrefix: String

    func displayPath(_ relative: String) -> String { displayPrefix + relative }

    /// Returns the file's text with a byte-order mark removed and CRLF made LF, or nil
    /// after adding to `problems` why it cannot be read. Only a regular file inside `root` is
    /// read (a link may point within it), and never more than `maximumBytes` of it.
    func read(_ relative: String, problems: inout [Diagnostic]) -> String? {
        let location = SourceLocation(path: displayPath(relative))
        let path: String
        if let plain = Self.pathWithoutLinks(root.path, relative) {
            path = plain
        } else {
            path = root.appendingPathComponent(relative).path
            if let problem = linkProblem(path) {
                problems.append(.error(location, problem))
                return nil
            }
        }
        // Non-blocking, so a named pipe is looked at, not waited on; fstat then says what was opened.
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC)
        guard descriptor >= 0 else {
            problems.append(.error(location, "cannot read this file; check that it exists and can be read"))
            return nil
        }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else {
            problems.append(.error(location, "cannot read this file; check that it exists and can be read"))
            return nil
        }
        if let problem = kindProblem(info.st_mode, relative) ?? sizeProblem(Int(info.st_size)) {
            problems.append(.error(location, problem))
            return nil
        }
        // The size is checked again while reading: the file may grow, and stat is not the last word.
        guard let data = Self.contents(of: descriptor, size: Int(info.st_size)) else {
            problems.append(
                .error(
                    location,
                    sizeProblem(Self.maximumBytes + 1)
                        ?? "cannot read this file; check that it exists and can be read"))
            return nil
        }
        return Self.decode(data, at: location, problems: &problems)
    }

    /// Why a symbolic link (or a path through one) is not followed: it leads outside `root`,
    /// so a pull request could publish any file of the machine that builds the site.
    private func linkProblem(_ path: String) -> String? {
        guard let real = Self.realPath(path) else {
            var info = stat()
            guard lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFLNK else { return nil }
            return "this is a symbolic link to something that does not exist; replace it with the file itself"
        }
        guard let top = Self.realPath(root.path), real != top,
            !real.hasPrefix(top.hasSuffix("/") ? top : top + "/")
        else {
            return nil
        }
        return "this is a symbolic link to \(real), outside \(displayPrefix); "
            + "only files inside \(displayPrefix) are read: copy the file in instead of linking to it"
    }

    /// The file's path, `root` and `relative` joined, when every part of `relative` under `root`
    /// is there and none is a symbolic link: then the file's real path is inside the root and
    /// `linkProblem` has nothing to say. Two `lstat` calls for `indicators/x.yml`, where resolving
    /// both real paths took one per folder of the whole path and spelled each out (1% of a build).
    /// Nil when a part is missing, empty, `.`, `..` or a link. The parts are found on the UTF-8
    /// bytes and the path is joined by hand: a Character split and a URL per file cost more than
    /// the `lstat` calls.
    private static func pathWithoutLinks(_ root: String, _ relative: String) -> String? {
        var path = root
        let bytes = relative.utf8
        var partStart = bytes.startIndex
        while true {
            let partEnd = bytes[partStart...].firstIndex(of: UInt8(ascii: "/")) ?? bytes.endIndex
            let part = bytes[partStart..<partEnd]
            guard !part.isEmpty, !part.elementsEqual(".".utf8), !part.elementsEqual("..".utf8) else { return nil }
            path += "/"
            path += relative[partStart..<partEnd]
            var info = stat()
            guard lstat(path, &info) == 0, info.st_mode & S_IFMT != S_IFLNK else { return nil }
            guard partEnd < bytes.endIndex else { return path }
            partStart = bytes.index(after: partEnd)
        }
    }

    private static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return FileName.shown(UnsafeRawBufferPointer(start: resolved, count: strlen(resolved)))
    }

    /// Anything but a regular file is refused, by name: reading a device or a pipe never ends.
    private func kindProblem(_ mode: mode_t, _ relative: String) -> String? {
        switch mode & S_IFMT {
        case S_IFREG: return nil
        case S_IFDIR:
            return "this is a folder, not a file; rename it so it does not end in .\((relative as NSString).pathExtension)"
        case S_IFIFO: return "this is a named pipe (FIFO), not a file; remove it and save the text as an ordinary file"
        case S_IFSOCK: return "this is a socket, not a file; remove it and save the text as an ordinary file"
        case S_IFCHR, S_IFBLK: return "this is a device, not a file; remove it and save the text as an ordinary file"
        default: return "this is not an ordinary file; remove it and save the text as an ordinary file"
        }
    }

    private func sizeProblem(_ size: Int) -> String? {
        guard size > Self.maximumBytes else { return nil }
        return "file is too large (more than \(Self.maximumBytes / 1_048_576) MB); content files must be under "
            + "\(Self.maximumBytes / 1_048_576) MB"
    }

    /// The whole file, read to its end, or nil when it is unreadable or passes `maximumBytes`.
    private static func contents(of descriptor: Int32, size: Int) -> Data? {
        var data = Data(count: min(max(size, 0), maximumBytes) + 1)
        var filled = 0
        while true {
            if filled == data.count {
                guard data.count <= maximumBytes else { return nil }
                data.count = min(data.count * 2, maximumBytes + 1)
            }
            let count = data.withUnsafeMutableBytes { buffer in
                Glibc.read(descriptor, buffer.baseAddress! + filled, buffer.count - filled)
            }
            if count < 0 && errno == EINTR { continue }
            if count < 0 { return nil }
            if count == 0 { break }
            filled += count
        }
        data.count = filled
        return data
    }

    static func decode(_ data: Data, at location: SourceLocation, problems: inout [Diagnostic]) -> String? {
        var bytes = data
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        if let zero = firstIndex(of: 0, in: bytes) {
            let line = bytes[bytes.startIndex..<zero].filter { $0 == 0x0A }.count + 1
            problems.append(
                .error(SourceLocation(path: location.path, line: line), "file contains binary data (a zero byte); save it as UTF-8 text"))
            return nil
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            let line = firstInvalidUTF8Line(bytes)
            problems.append(
                .error(SourceLocation(path: location.path, line: line), "file is not valid UTF-8 text; save it with UTF-8 encoding"))
            return nil
        }
        guard firstIndex(of: 0x0D, in: bytes) != nil else { return text }
        return (text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n"))
    }

    /// `Data.firstIndex(of:)` through memchr: Data's own iterator took 2% of a build for this.
    private static func firstIndex(of byte: UInt8, in data: Data) -> Data.Index? {
        data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) -> Int? in
            guard let base = buffer.baseAddress, let found = memchr(base, Int32(byte), buffer.count) else { return nil }
            return base.distance(to: UnsafeRawPointer(found))
        }.map { data.startIndex + $0 }
    }

    private static func firstInvalidUTF8Line(_ bytes: Data) -> Int {
        var line = 1
        for chunk in bytes.split(separator: 0x0A, omittingEmptySubsequences: false) {
            if String(data: Data(chunk), encoding: .utf8) == nil { return line }
            line += 1
        }
        return line
    }

    /// Relative paths of regular files directly in `folder` with the extension, sorted.
    func files(in folder: String, withExtension ext: String) -> [String] {
        let url = root.appendingPathComponent(folder)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
        return names.filter { $0.hasSuffix("." + ext) && !$0.hasPrefix(".") }.sorted().map { folder + "/" + $0 }
    }
}
