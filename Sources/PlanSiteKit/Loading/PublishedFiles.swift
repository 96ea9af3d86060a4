import Foundation

/// The files of a folder copied to the site unchanged (`content/images/`, `templates/assets/`):
/// regular files whose names are text, not hidden, not symbolic links. The one rule for both
/// folders: the build copies exactly the files listed here (SVG drawings are checked by SVGImageCheck).
struct PublishedFiles {
    var folder: URL
    var displayPrefix: String

    /// Relative paths, sorted; every file that cannot be published is a problem named here.
    func list(problems: inout [Diagnostic]) -> [String] {
        var files: [String] = []
        walk([], files: &files, problems: &problems)
        return files.sorted()
    }

    /// Read with readdir, on bytes: Foundation turns a name that is not UTF-8 into one that
    /// names no file, and the copy then failed with "the file doesn't exist".
    private func walk(_ parents: [String], files: inout [String], problems: inout [Diagnostic]) {
        let path = ([folder.path] + parents).joined(separator: "/")
        guard let directory = opendir(path) else { return }
        defer { closedir(directory) }
        while let entry = readdir(directory) {
            let bytes = withUnsafeBytes(of: entry.pointee.d_name) { Array($0.prefix { $0 != 0 }) }
            guard bytes.first != UInt8(ascii: ".") else { continue }  // ".", "..", and hidden files
            guard let name = String(validating: bytes, as: UTF8.self) else {
                let shown = (parents + [FileName.shown(bytes)]).joined(separator: "/")
                problems.append(
                    .error(
                        SourceLocation(path: displayPrefix + shown),
                        "this file's name is not valid UTF-8 text, so no address can name it; "
                            + "rename it with letters, digits and hyphens"
                    ))
                continue
            }
            var status = stat()
            guard lstat(path + "/" + name, &status) == 0 else { continue }
            switch status.st_mode & S_IFMT {
            case S_IFDIR: walk(parents + [name], files: &files, problems: &problems)
            // Symbolic links are not copied: one could publish any file of the building machine.
            case S_IFREG: files.append((parents + [name]).joined(separator: "/"))
            default: continue
            }
        }
    }
}
