import Foundation

/// Full-text search for the finder, when `full_text_search: true` is in site.yml: Pagefind
/// (pagefind.app, a single program) reads the written indicator pages and writes its index
/// and script into the site's `pagefind/` folder, which the finder's script asks as one types.
/// Only the indicator pages are indexed, and only their `main`, so the words every page
/// repeats (the navigation, the footer) match nothing.
public enum FullTextSearch {
    /// Names the Pagefind program to run; without it, `pagefind` is looked for on the PATH.
    public static let programVariable = "PLANSITE_PAGEFIND"

    /// The Pagefind program to run, or nil when there is none.
    public static func program(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        if let named = environment[programVariable], !named.isEmpty {
            return FileManager.default.isExecutableFile(atPath: named) ? named : nil
        }
        for folder in (environment["PATH"] ?? "").split(separator: ":") where !folder.isEmpty {
            let candidate = String(folder) + "/pagefind"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// What a build says when search is on and no program is found.
    public static let missingProgram =
        "`full_text_search` is on, but the Pagefind program was not found: run `make site`, which installs it, "
        + "or install it with `pip install pagefind-bin` and set \(programVariable) to the `pagefind` file it installs "
        + "(or put it on the PATH); or write `full_text_search: false`"

    /// Indexes the indicator pages of the site in `folder` (the staging folder, before it is swapped in).
    static func index(siteFolder folder: String, program: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = [
            "--site", folder, "--output-subdir", String(Route.fullTextSearchFolder.dropLast()),
            "--glob", Route.indicator(id: "*").file, "--root-selector", "main", "--silent",
        ]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = errors
        do {
            try process.run()
        } catch {
            throw EnvironmentError("cannot run Pagefind (\(program)) for `full_text_search`: \(error.localizedDescription)")
        }
        let said = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let message = String(decoding: said, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            throw EnvironmentError(
                "Pagefind (\(program)) could not index the site for `full_text_search` (exit \(process.terminationStatus))"
                    + (message.isEmpty ? "" : ": \(message.prefix(2000))"))
        }
        // Pagefind also writes its ready-made search interfaces (about 0.6 MB); the finder uses
        // only its search script, so they are not published.
        let bundle = URL(fileURLWithPath: folder).appendingPathComponent(Route.fullTextSearchFolder)
        for file in (try? FileManager.default.contentsOfDirectory(atPath: bundle.path)) ?? []
        where unusedInterfaces.contains(where: file.hasPrefix) {
            try FileManager.default.removeItem(at: bundle.appendingPathComponent(file))
        }
    }

    /// The files of Pagefind's own search interfaces, by the start of their names.
    private static let unusedInterfaces = ["pagefind-ui.", "pagefind-component-ui.", "pagefind-modular-ui.", "pagefind-highlight."]
}
