import Foundation
import Testing

/// The one way the CLI tests run the `plansite` binary, as staff and CI do.
///
/// - The binary is the one built with these tests: it is looked for beside the running
///   test bundle, so `swift build --scratch-path .build-x --build-tests` then
///   `swift test --scratch-path .build-x --skip-build` runs `.build-x/…/debug/plansite`,
///   never a stale `.build/debug/plansite`. (Package.swift makes this test target depend
///   on the `plansite` executable, so building the tests builds it.)
/// - stdout and stderr go to files, not pipes, so a chatty run can never fill a pipe
///   and stall while the test waits for it to exit.
/// - GITHUB_ACTIONS is removed from the environment so the text does not depend on
///   where the tests run; `environment` adds or overrides variables for one run.
enum Plansite {
    struct Run: Sendable {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The package root, found from this file: Tests/PlanSiteCLITests/Support/Plansite.swift.
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    /// The repository's own templates: they are part of the product under test.
    static let templates = packageRoot.appendingPathComponent("templates")
    /// Fixture sites shared by the test targets (never the real `content/`).
    static let fixtures = packageRoot.appendingPathComponent("Tests/Fixtures")
    /// The Improving Wellbeing page as seeded, as a small complete site.
    static let seedSite = fixtures.appendingPathComponent("sites/seed-site/content")

    /// The `plansite` executable in the build folder that holds the running tests.
    static let binary: URL = {
        var folders: [URL] = []
        // Linux: the tests run as `<build>/debug/PlanSitePackageTests.xctest`, an executable.
        if let executable = Bundle.main.executableURL { folders.append(executable.resolvingSymlinksInPath().deletingLastPathComponent()) }
        folders.append(URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent())
        // macOS: a `.xctest` bundle loaded by a runner; the binary sits beside the bundle.
        for bundle in Bundle.allBundles where bundle.bundleURL.pathExtension == "xctest" {
            folders.append(bundle.bundleURL.deletingLastPathComponent())
        }
        folders.append(Bundle.main.bundleURL)
        let candidates = folders.map { $0.appendingPathComponent("plansite") }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[0]
    }()

    struct NotBuilt: Error, CustomStringConvertible {
        var description: String {
            "no plansite binary beside the test bundle (\(binary.path)); build with `swift build --build-tests`"
        }
    }

    /// Runs `plansite arguments…` in `folder` to completion.
    /// A run still going after `hangGuard` seconds is stopped and reported as a hang: no content
    /// may make plansite run forever, and a test that waits forever says nothing.
    static func run(
        _ arguments: [String], in folder: URL, environment: [String: String] = [:],
        hangGuard: TimeInterval = 60
    ) throws -> Run {
        guard FileManager.default.isExecutableFile(atPath: binary.path) else { throw NotBuilt() }
        return try launch(binary, arguments, in: folder, environment: environment, hangGuard: hangGuard)
    }

    /// Runs a shell command in `folder`, with `$PLANSITE` naming the binary under test.
    static func shell(_ command: String, in folder: URL, environment: [String: String] = [:]) throws -> Run {
        guard FileManager.default.isExecutableFile(atPath: binary.path) else { throw NotBuilt() }
        return try launch(
            URL(fileURLWithPath: "/bin/sh"), ["-c", command], in: folder,
            environment: environment.merging(["PLANSITE": binary.path]) { _, new in new })
    }

    /// Runs `plansite arguments…` with a pseudo-terminal as its stdout (through `script`),
    /// to see what a person at a terminal sees. stdout and stderr come back together.
    static func runInTerminal(_ arguments: [String], in folder: URL) throws -> Run {
        guard FileManager.default.isExecutableFile(atPath: binary.path) else { throw NotBuilt() }
        let command = ([binary.path] + arguments).map { "'\($0)'" }.joined(separator: " ")
        return try launch(URL(fileURLWithPath: "/usr/bin/script"), ["-qec", command, "/dev/null"], in: folder, environment: [:])
    }

    static var canRunInTerminal: Bool { FileManager.default.isExecutableFile(atPath: "/usr/bin/script") }

    private static func launch(
        _ executable: URL, _ arguments: [String], in folder: URL, environment extra: [String: String],
        hangGuard: TimeInterval = 60
    ) throws -> Run {
        let fileManager = FileManager.default
        // Outside `folder`, so the run's own output never shows up in a tree the test compares.
        let out = fileManager.temporaryDirectory.appendingPathComponent("plansite-stdout-\(UUID().uuidString)")
        let err = fileManager.temporaryDirectory.appendingPathComponent("plansite-stderr-\(UUID().uuidString)")
        defer {
            try? fileManager.removeItem(at: out)
            try? fileManager.removeItem(at: err)
        }
        _ = fileManager.createFile(atPath: out.path, contents: nil)
        _ = fileManager.createFile(atPath: err.path, contents: nil)
        let outHandle = try FileHandle(forWritingTo: out)
        let errHandle = try FileHandle(forWritingTo: err)

        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = folder
        var environment = ProcessInfo.processInfo.environment
        environment.removeValue(forKey: "GITHUB_ACTIONS")
        environment.merge(extra) { _, new in new }
        process.environment = environment
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = outHandle
        process.standardError = errHandle
        try process.run()
        let guardTimer = DispatchWorkItem { [process] in if process.isRunning { process.terminate() } }
        DispatchQueue.global().asyncAfter(deadline: .now() + hangGuard, execute: guardTimer)
        process.waitUntilExit()
        guardTimer.cancel()
        if process.terminationReason == .uncaughtSignal && process.terminationStatus == SIGTERM {
            Issue.record("plansite \(arguments.joined(separator: " ")) was still running after \(Int(hangGuard)) s: a hang")
        }
        try outHandle.close()
        try errHandle.close()
        return Run(
            status: process.terminationStatus,
            stdout: String(decoding: try Data(contentsOf: out), as: UTF8.self),
            stderr: String(decoding: try Data(contentsOf: err), as: UTF8.self))
    }

    // MARK: folders

    /// A new empty folder under the system temp folder; the caller removes it.
    static func scratch(_ name: String = #function) -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("plansite-cli-\(name.filter { $0.isLetter })-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// A new folder holding `content/` (a copy of `content`, by default the seed fixture
    /// site) and a copy of the repository's `templates/`; the caller removes it.
    static func copyOfSite(content: URL = seedSite, name: String = #function) throws -> URL {
        let folder = scratch(name)
        try FileManager.default.copyItem(at: content, to: folder.appendingPathComponent("content"))
        try FileManager.default.copyItem(at: templates, to: folder.appendingPathComponent("templates"))
        return folder
    }

    /// Every file below a folder, relative path → bytes.
    static func tree(_ folder: URL) -> [String: Data] {
        var tree: [String: Data] = [:]
        guard let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey]) else { return tree }
        for case let url as URL in walker where (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
            tree[String(url.standardizedFileURL.path.dropFirst(folder.standardizedFileURL.path.count + 1))] = try? Data(contentsOf: url)
        }
        return tree
    }
}
