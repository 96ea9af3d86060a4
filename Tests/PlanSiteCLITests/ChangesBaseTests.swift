import Foundation
import Testing

/// `make changes` with no BASE: scripts/changes-base.sh finds what to compare with, in git
/// repositories made here (a bare "origin" and clones of it), as CI and staff have them.
@Suite("make changes: the base it compares with")
struct ChangesBaseTests {
    static let script = Plansite.packageRoot.appendingPathComponent("scripts/changes-base.sh").path
    /// No CI variables, no user or system git configuration, a fixed author.
    static let environment = [
        "GITHUB_BASE_REF": "", "CI_MERGE_REQUEST_DIFF_BASE_SHA": "", "GIT_CONFIG_GLOBAL": "/dev/null",
        "GIT_CONFIG_NOSYSTEM": "1", "GIT_AUTHOR_NAME": "Editor", "GIT_AUTHOR_EMAIL": "editor@example.org",
        "GIT_COMMITTER_NAME": "Editor", "GIT_COMMITTER_EMAIL": "editor@example.org",
    ]
    /// What `make changes` runs after finding the base.
    static let report =
        #"base=$(sh "$SCRIPT") && old=$(mktemp -d) && git archive "$base" content | tar -x -C "$old" && "$PLANSITE" changes "$old/content""#
    static let newPeriod =
        #"sed -i 's/  - { period: "2020-21", value: 280 }/&\n  - { period: "2021-22", value: 310 }/' content/indicators/housing-completions.yml"#

    /// A site under git with one commit on main, pushed to a bare `origin` that main tracks.
    func repository() throws -> URL {
        let folder = try Plansite.copyOfSite(content: ChangesCommandTests.real)
        try run(
            "git init -q -b main && git add -A && git commit -qm first && git init -q --bare -b main ../origin-$$ && "
                + "mv ../origin-$$ origin.git && echo origin.git > .gitignore && git add .gitignore && git commit -qm ignore && "
                + "git remote add origin \"$PWD/origin.git\" && git push -q -u origin main", in: folder)
        return folder
    }

    @discardableResult
    func run(_ command: String, in folder: URL, extra: [String: String] = [:], expectStatus: Int32 = 0) throws -> Plansite.Run {
        let env = Self.environment.merging(extra.merging(["SCRIPT": Self.script]) { _, new in new }) { _, new in new }
        let result = try Plansite.shell(command, in: folder, environment: env)
        #expect(result.status == expectStatus, "\(command)\n\(result.stderr)")
        return result
    }

    @Test func aCommitOnMainIsComparedWithTheCommitBeforeIt() throws {
        let folder = try repository()
        defer { try? FileManager.default.removeItem(at: folder) }
        try run(Self.newPeriod + " && git commit -qam 'New figure' && git push -q", in: folder)
        let result = try run(Self.report, in: folder)
        #expect(
            result.stderr.contains(
                "make changes: comparing with the commit before this one (this branch has no commits beyond origin/main)"))
        #expect(result.stdout.contains("new figure for 2021-22: 310 dwellings"), "\(result.stdout)")
        #expect(!result.stdout.contains("Nothing changed"))
    }

    @Test func uncommittedContentIsComparedWithTheLastCommit() throws {
        let folder = try repository()
        defer { try? FileManager.default.removeItem(at: folder) }
        try run(Self.newPeriod, in: folder)
        let result = try run(Self.report, in: folder)
        #expect(result.stderr.contains("comparing with the last commit"))
        #expect(result.stdout.contains("new figure for 2021-22: 310 dwellings"))
    }

    @Test func aBranchIsComparedWithWhereItLeftItsUpstream() throws {
        let folder = try repository()
        defer { try? FileManager.default.removeItem(at: folder) }
        try run(
            "git checkout -q -b update --track origin/main && " + Self.newPeriod + " && git commit -qam one && "
                + "git commit -q --allow-empty -m two", in: folder)
        let result = try run(Self.report, in: folder)
        #expect(result.stderr.contains("comparing with where this branch left origin/main"))
        #expect(result.stdout.contains("new figure for 2021-22: 310 dwellings"))
    }

    @Test func aPullRequestInAShallowCloneIsComparedWithItsBaseCommit() throws {
        let folder = try repository()
        defer { try? FileManager.default.removeItem(at: folder) }
        // What GitHub tests: a merge of the pull request into main, fetched one commit deep.
        try run(
            "git checkout -q -b update && " + Self.newPeriod + " && git commit -qam one && git checkout -q main && "
                + "git commit -q --allow-empty -m 'main moved on' && git merge -q --no-ff -m merge update && "
                + "git push -q origin HEAD:refs/heads/pull-merge main && "
                + "git clone -q --depth=1 --branch pull-merge \"file://$PWD/origin.git\" ci && cp -r templates ci/", in: folder)
        let ci = folder.appendingPathComponent("ci")
        let result = try run(Self.report, in: ci, extra: ["GITHUB_BASE_REF": "main"])
        #expect(result.stderr.contains("comparing with the pull request's base, main at"))
        #expect(result.stdout.contains("new figure for 2021-22: 310 dwellings"))
    }

    @Test func aOneCommitCloneIsDeepenedToReachThePreviousCommit() throws {
        let folder = try repository()
        defer { try? FileManager.default.removeItem(at: folder) }
        try run(
            Self.newPeriod + " && git commit -qam 'New figure' && git push -q && "
                + "git clone -q --depth=1 \"file://$PWD/origin.git\" ci && cp -r templates ci/", in: folder)
        let result = try run(Self.report, in: folder.appendingPathComponent("ci"))
        #expect(result.stdout.contains("new figure for 2021-22: 310 dwellings"), "\(result.stderr)")
    }

    @Test func noEarlierCommitIsAClearError() throws {
        let folder = try Plansite.copyOfSite(content: ChangesCommandTests.real)
        defer { try? FileManager.default.removeItem(at: folder) }
        try run("git init -q -b main && git add -A && git commit -qm first", in: folder)
        let result = try run("sh \"$SCRIPT\"", in: folder, expectStatus: 2)
        #expect(
            result.stderr
                == "make changes: HEAD is the first commit here (or the clone is too shallow): there is nothing to compare with; pass BASE=<git ref>\n"
        )
        #expect(result.stdout == "")
    }
}
