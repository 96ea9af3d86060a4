import Foundation
import Testing

/// The folders of PlanSiteKit are layers (docs/architecture.md): a file may use what its own
/// folder and the folders below it declare, never what a folder above declares. A use that
/// points up is a dependency both ways, which is how `Rendering` and `Pipeline` once needed
/// each other; this test names the file and the type so the move is obvious.
@Suite struct LayerTests {
    /// Lowest first. Folders on one line are one layer and may use each other.
    static let layers: [[String]] = [
        ["Text", "Diagnostics"],
        ["Model"],
        ["Statistics"],
        ["Verdicts"],
        ["Support", "Markdown", "Loading"],
        ["References"],
        ["Assembly"],
        ["Templating"],
        ["Validation"],
        ["Charts"],
        ["Rendering"],
        ["Output"],
        ["Pipeline"],
        ["Changes", "Import", "Starter"],
    ]

    @Test func everyFolderIsALayer() throws {
        let folders = try Self.sourceFolders()
        #expect(Set(folders) == Set(Self.layers.joined()), "add the folder to `layers` here and to docs/architecture.md")
    }

    @Test func noFileUsesALayerAboveIts() throws {
        let level = Dictionary(uniqueKeysWithValues: Self.layers.enumerated().flatMap { index, folders in folders.map { ($0, index) } })
        var owner: [String: String] = [:]
        var files: [(folder: String, name: String, code: String)] = []
        for folder in try Self.sourceFolders() {
            let url = Self.kit.appendingPathComponent(folder)
            for name in try FileManager.default.contentsOfDirectory(atPath: url.path).sorted() where name.hasSuffix(".swift") {
                let code = Self.code(of: try String(contentsOf: url.appendingPathComponent(name), encoding: .utf8))
                files.append((folder, name, code))
                for type in Self.topLevelTypes(in: code) { owner[type] = owner[type] ?? folder }
            }
        }
        var upward: [String] = []
        for file in files {
            for type in Set(Self.typeNames(in: file.code)).sorted() {
                guard let home = owner[type], let to = level[home], let from = level[file.folder], to > from else { continue }
                upward.append("\(file.folder)/\(file.name) uses \(type), declared in \(home)/, a layer above")
            }
        }
        #expect(upward.isEmpty, "\(upward.count) uses point up:\n\(upward.joined(separator: "\n"))")
    }

    // MARK: Reading the sources

    static let kit = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../Sources/PlanSiteKit").standardizedFileURL

    static func sourceFolders() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: kit.path).filter { name in
            var isFolder: ObjCBool = false
            return FileManager.default.fileExists(atPath: kit.appendingPathComponent(name).path, isDirectory: &isFolder)
                && isFolder.boolValue
        }.sorted()
    }

    /// The code without comments and string literals, whose words name no type.
    static func code(of source: String) -> String {
        var kept = ""
        for line in source.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.drop { $0 == " " }
            if trimmed.hasPrefix("//") {
                kept += "\n"
                continue
            }
            var inString = false
            var previous: Character = " "
            for character in line {
                if character == "\"" && previous != "\\" { inString.toggle() }
                if !inString && character == "/" && previous == "/" {
                    kept.removeLast()
                    break
                }
                if !inString { kept.append(character) }
                previous = character
            }
            kept += "\n"
        }
        return kept
    }

    /// Types declared at the top of a file: nested names (`Row`, `CodingKeys`) are their type's own.
    static func topLevelTypes(in code: String) -> [String] {
        let kinds: Set<Substring> = ["struct", "enum", "class", "protocol", "actor", "typealias"]
        let modifiers: Set<Substring> = ["public", "internal", "final", "indirect", "fileprivate", "private"]
        return code.split(separator: "\n").compactMap { line in
            guard let first = line.first, first.isLetter else { return nil }
            let words = line.split(whereSeparator: { $0 == " " || $0 == ":" || $0 == "<" || $0 == "{" || $0 == "=" })
            guard let kind = words.firstIndex(where: { kinds.contains($0) }),
                words[..<kind].allSatisfy({ modifiers.contains($0) || $0.hasPrefix("@") }), kind + 1 < words.count
            else { return nil }
            return String(words[kind + 1])
        }
    }

    static func typeNames(in code: String) -> [String] {
        var names: [String] = []
        var current = ""
        for character in code + " " {
            if character.isLetter || character.isNumber || character == "_" {
                current.append(character)
            } else {
                if let first = current.first, first.isUppercase { names.append(current) }
                current = ""
            }
        }
        return names
    }
}
