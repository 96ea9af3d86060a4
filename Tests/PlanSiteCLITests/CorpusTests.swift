import Foundation
import Testing

/// Malformed inputs, each a folder under Corpus/ holding only what differs from
/// Corpus/_base (a small valid site; the templates are the repository's own).
/// Each asserts the exact stderr (`expected.txt`), the exit code (`exit-code`) and
/// that a previous site/ is left as it was. `args` holds the command (default `check`);
/// `delete` lists base files to remove; `excerpt` lines (`out/some/page.html needle`) add
/// to the golden each built file's lines that hold the needle; `show-stdout` adds standard output;
/// `special` lists files git cannot hold, made at run time: `link PATH TARGET` (a symbolic link;
/// `$ROOT` in TARGET is the case's folder), `fifo PATH`, and `bad-name FOLDER` (an image named
/// with a byte that is not UTF-8: `photo-\xFF.png`). A missing golden is recorded and the test
/// fails on purpose; PLANSITE_RECORD=1 re-records.
@Suite struct CorpusTests {
    static let corpus = Plansite.packageRoot.appendingPathComponent("Tests/PlanSiteCLITests/Corpus")
    static let controlFiles: Set<String> = ["args", "delete", "excerpt", "expected.txt", "exit-code", "show-stdout", "special"]

    static var cases: [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: corpus.path)) ?? []
        return names.filter { !$0.hasPrefix("_") && !$0.hasPrefix(".") }.sorted()
    }

    @Test func corpusIsLargeEnough() {
        #expect(Self.cases.count >= 30)
    }

    @Test(arguments: cases)
    func malformedInput(_ name: String) throws {
        let caseFolder = Self.corpus.appendingPathComponent(name)
        let site = try CorpusSite(case: caseFolder)
        defer { site.remove() }
        let before = try site.previousBuild()
        let args = (try? String(contentsOf: caseFolder.appendingPathComponent("args"), encoding: .utf8)) ?? "check"
        let outcome = try Plansite.run(args.split(whereSeparator: \.isWhitespace).map(String.init), in: site.root)
        var stderr = outcome.stderr.replacingOccurrences(of: site.root.path, with: "$ROOT") + site.excerpts(caseFolder)
        if FileManager.default.fileExists(atPath: caseFolder.appendingPathComponent("show-stdout").path) {
            stderr += "--- stdout\n" + outcome.stdout
        }
        try Golden.compare(stderr, file: caseFolder.appendingPathComponent("expected.txt"))
        try Golden.compare("\(outcome.status)\n", file: caseFolder.appendingPathComponent("exit-code"))
        #expect(try site.previousBuild() == before, "site/ changed")
        #expect(outcome.status != 0 || !stderr.isEmpty, "a corpus case must report something")
    }
}

/// A throwaway copy of the base site with one case's files laid over it.
struct CorpusSite {
    let root: URL

    init(case caseFolder: URL) throws {
        let fileManager = FileManager.default
        root = fileManager.temporaryDirectory.appendingPathComponent("plansite-corpus-\(caseFolder.lastPathComponent)-\(UUID().uuidString)")
        try fileManager.createDirectory(at: root, withIntermediateDirectories: true)
        try fileManager.copyItem(at: CorpusTests.corpus.appendingPathComponent("_base/content"), to: root.appendingPathComponent("content"))
        try fileManager.copyItem(at: Plansite.templates, to: root.appendingPathComponent("templates"))
        for name in try fileManager.contentsOfDirectory(atPath: caseFolder.path) where !CorpusTests.controlFiles.contains(name) {
            try Self.overlay(caseFolder.appendingPathComponent(name), onto: root.appendingPathComponent(name))
        }
        let deletions = (try? String(contentsOf: caseFolder.appendingPathComponent("delete"), encoding: .utf8)) ?? ""
        for path in deletions.split(separator: "\n") { try fileManager.removeItem(at: root.appendingPathComponent(String(path))) }
        try makeSpecialFiles(caseFolder.appendingPathComponent("special"))
        // A previous build, which no failed run may touch.
        let site = root.appendingPathComponent("site")
        try fileManager.createDirectory(at: site, withIntermediateDirectories: true)
        try Data("Built by PlanSite.\n".utf8).write(to: site.appendingPathComponent(".plansite-build"))
        try Data("<p>previous build</p>\n".utf8).write(to: site.appendingPathComponent("index.html"))
    }

    /// Symbolic links and named pipes: made here, as a pull request or a stray process would leave them.
    private func makeSpecialFiles(_ list: URL) throws {
        let text = (try? String(contentsOf: list, encoding: .utf8)) ?? ""
        for line in text.split(separator: "\n") {
            let words = line.split(separator: " ").map(String.init)
            let path = root.appendingPathComponent(words[1]).path
            if words[0] != "bad-name" { try? FileManager.default.removeItem(atPath: path) }
            switch words[0] {
            case "link":
                let target = words[2].replacingOccurrences(of: "$ROOT", with: root.path)
                try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: target)
            case "fifo":
                guard mkfifo(path, 0o644) == 0 else { throw CocoaError(.fileWriteUnknown) }
            case "bad-name":
                let name = Array((path + "/photo-").utf8) + [0xFF] + Array(".png".utf8) + [0]
                let descriptor = name.withUnsafeBufferPointer { creat($0.baseAddress!, 0o644) }
                guard descriptor >= 0 else { throw CocoaError(.fileWriteUnknown) }
                close(descriptor)
            default:
                Issue.record("unknown line in special: \(line)")
            }
        }
    }

    private static func overlay(_ source: URL, onto target: URL) throws {
        var isFolder: ObjCBool = false
        _ = FileManager.default.fileExists(atPath: source.path, isDirectory: &isFolder)
        if isFolder.boolValue {
            try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
            for name in try FileManager.default.contentsOfDirectory(atPath: source.path) {
                try overlay(source.appendingPathComponent(name), onto: target.appendingPathComponent(name))
            }
        } else {
            try? FileManager.default.removeItem(at: target)
            try FileManager.default.copyItem(at: source, to: target)
        }
    }

    /// For each `excerpt` line, the lines of that built file holding its needle, trimmed.
    func excerpts(_ caseFolder: URL) -> String {
        let wanted = (try? String(contentsOf: caseFolder.appendingPathComponent("excerpt"), encoding: .utf8)) ?? ""
        return wanted.split(separator: "\n").map { line in
            let parts = line.split(separator: " ", maxSplits: 1).map(String.init)
            let text = (try? String(contentsOf: root.appendingPathComponent(parts[0]), encoding: .utf8)) ?? "(no such file)"
            let found = text.split(whereSeparator: \.isNewline).flatMap { Self.mentions(of: parts.last!, in: String($0)) }
            return "--- \(line)\n" + found.map { $0 + "\n" }.joined()
        }.joined()
    }

    /// The line, trimmed; or in a long line (an inline SVG), each place the needle occurs and 200 characters on.
    static func mentions(of needle: String, in line: String) -> [String] {
        guard line.contains(needle) else { return [] }
        guard line.count > 400 else { return [line.trimmingCharacters(in: .whitespaces)] }
        return line.components(separatedBy: needle).dropFirst().map { "…" + needle + $0.prefix(200) + "…" }
    }

    /// Every file of site/ with its contents, to compare before and after.
    func previousBuild() throws -> [String: Data] {
        let site = root.appendingPathComponent("site")
        var files: [String: Data] = [:]
        for name in (FileManager.default.enumerator(atPath: site.path)?.allObjects as? [String]) ?? [] {
            files[name] = FileManager.default.contents(atPath: site.appendingPathComponent(name).path) ?? Data()
        }
        return files
    }

    func remove() { try? FileManager.default.removeItem(at: root) }
}

/// Golden files: a missing one is recorded and the test fails on purpose; a mismatch prints a line diff.
enum Golden {
    static var recording: Bool { ProcessInfo.processInfo.environment["PLANSITE_RECORD"] == "1" }

    static func compare(_ actual: String, file: URL, sourceLocation: SourceLocation = #_sourceLocation) throws {
        guard !recording, let expected = try? String(contentsOf: file, encoding: .utf8) else {
            try actual.write(to: file, atomically: true, encoding: .utf8)
            Issue.record("recorded \(file.path); check it and run again", sourceLocation: sourceLocation)
            return
        }
        if expected != actual {
            Issue.record(
                "\(file.lastPathComponent) differs (- expected, + actual):\n\(LineDiff.diff(expected, actual))",
                sourceLocation: sourceLocation)
        }
    }
}
