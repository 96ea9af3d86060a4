import Foundation

/// The one way the build reads what it is built from (`content/`, `templates/`): every stage
/// after loading works on what was read here and touches no file. `DiskFiles` reads a folder;
/// `MemoryFiles` holds a small site written inline, so tests build one without a disk.
public protocol SourceFiles: Sendable {
    /// Path prefix diagnostics print, e.g. `content/`.
    var displayPrefix: String { get }
    /// The file's text (byte-order mark removed, CRLF made LF), or nil after adding to
    /// `problems` why it cannot be read.
    func read(_ relative: String, problems: inout [Diagnostic]) -> String?
    func exists(_ relative: String) -> Bool
    /// Visible files directly in `folder` with the extension, as "folder/name", sorted.
    func files(in folder: String, withExtension ext: String) -> [String]
    /// Every file below `folder` the site may publish, relative to `folder`, sorted: regular,
    /// not hidden, not inside a hidden folder, not a link; any other is a problem named here.
    func publishedFiles(in folder: String, problems: inout [Diagnostic]) -> [String]
    /// A published file's bytes, for the copy into the site.
    func bytes(_ relative: String) throws -> Data
}

extension SourceFiles {
    public func displayPath(_ relative: String) -> String { displayPrefix + relative }
}

/// A folder on disk, read with the guards of `TextFileReader` and `PublishedFiles`.
public struct DiskFiles: SourceFiles {
    public var root: URL
    public var displayPrefix: String

    public init(root: URL, displayPrefix: String) {
        self.root = root
        self.displayPrefix = displayPrefix
    }

    private var reader: TextFileReader { TextFileReader(root: root, displayPrefix: displayPrefix) }

    public func read(_ relative: String, problems: inout [Diagnostic]) -> String? {
        reader.read(relative, problems: &problems)
    }

    public func exists(_ relative: String) -> Bool {
        FileManager.default.fileExists(atPath: root.appendingPathComponent(relative).path)
    }

    public func files(in folder: String, withExtension ext: String) -> [String] {
        reader.files(in: folder, withExtension: ext)
    }

    public func publishedFiles(in folder: String, problems: inout [Diagnostic]) -> [String] {
        let prefix = folder.isEmpty ? "" : folder + "/"
        return PublishedFiles(folder: root.appendingPathComponent(folder), displayPrefix: displayPrefix + prefix)
            .list(problems: &problems)
    }

    public func bytes(_ relative: String) throws -> Data {
        try Data(contentsOf: root.appendingPathComponent(relative))
    }
}

/// A site held in memory, by path relative to its folder ("site.yml", "indicators/x.yml").
public struct MemoryFiles: SourceFiles {
    public var files: [String: Data]
    public var displayPrefix: String

    public init(_ texts: [String: String], displayPrefix: String) {
        self.files = texts.mapValues { Data($0.utf8) }
        self.displayPrefix = displayPrefix
    }

    public func read(_ relative: String, problems: inout [Diagnostic]) -> String? {
        guard let data = files[relative] else {
            problems.append(
                .error(SourceLocation(path: displayPath(relative)), "cannot read this file; check that it exists and can be read"))
            return nil
        }
        return TextFileReader.decode(data, at: SourceLocation(path: displayPath(relative)), problems: &problems)
    }

    public func exists(_ relative: String) -> Bool {
        files[relative] != nil || files.keys.contains { $0.hasPrefix(relative + "/") }
    }

    public func files(in folder: String, withExtension ext: String) -> [String] {
        files.keys.filter { path in
            let name = path.dropFirst(folder.count + 1)
            return path.hasPrefix(folder + "/") && !name.contains("/") && !name.hasPrefix(".") && name.hasSuffix("." + ext)
        }.sorted()
    }

    public func publishedFiles(in folder: String, problems: inout [Diagnostic]) -> [String] {
        let prefix = folder.isEmpty ? "" : folder + "/"
        return files.keys.filter { $0.hasPrefix(prefix) }.map { String($0.dropFirst(prefix.count)) }
            .filter { !$0.split(separator: "/").contains { $0.hasPrefix(".") } }.sorted()
    }

    public func bytes(_ relative: String) throws -> Data {
        guard let data = files[relative] else { throw CocoaError(.fileNoSuchFile) }
        return data
    }
}
