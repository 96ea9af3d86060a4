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
    /// after adding to `problems` why it cannot be read.
    func read(_ relative: String, problems: inout [Diagnostic]) -> String? {
        let location = SourceLocation(path: displayPath(relative))
        let path = root.appendingPathComponent(relative).path
        // One stat and one read (FileManager's attributes, exists and contents calls took 3% of a build).
        var info = stat()
        guard stat(path, &info) == 0 else {
            problems.append(.error(location, "cannot read this file; check that it exists and can be read"))
            return nil
        }
        if Int(info.st_size) > Self.maximumBytes {
            problems.append(.error(location, "file is too large (\(Int(info.st_size) / 1_048_576) MB); content files must be under \(Self.maximumBytes / 1_048_576) MB"))
            return nil
        }
        if info.st_mode & S_IFMT == S_IFDIR {
            problems.append(.error(location, "this is a folder, not a file; rename it so it does not end in .\((relative as NSString).pathExtension)"))
            return nil
        }
        guard let data = Self.contents(of: path, size: Int(info.st_size)) else {
            problems.append(.error(location, "cannot read this file; check that it exists and can be read"))
            return nil
        }
        return Self.decode(data, at: location, problems: &problems)
    }

    /// The whole file, read to its end (it may have grown since `stat`).
    private static func contents(of path: String, size: Int) -> Data? {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var data = Data(count: max(size, 0) + 1)
        var filled = 0
        while true {
            if filled == data.count { data.count *= 2 }
            let count = data.withUnsafeMutableBytes { buffer in
                Glibc.read(descriptor, buffer.baseAddress! + filled, buffer.count - filled)
            }
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
            problems.append(.error(SourceLocation(path: location.path, line: line), "file contains binary data (a zero byte); save it as UTF-8 text"))
            return nil
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            let line = firstInvalidUTF8Line(bytes)
            problems.append(.error(SourceLocation(path: location.path, line: line), "file is not valid UTF-8 text; save it with UTF-8 encoding"))
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
