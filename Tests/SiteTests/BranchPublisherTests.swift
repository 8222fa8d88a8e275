import Diagnostics
import Foundation
import Testing
@testable import Site

/// `sitegen publish --branch`: the built site becomes the whole tree of a branch, one commit per
/// publish that changes something, pushed to a (local, bare) remote, with the author's working tree,
/// index and checked-out branch untouched.
@Suite struct BranchPublisherTests {
    /// The basic fixture as a git repository on `main` with one commit (public/ and the cache
    /// ignored, as in a real project), and a bare repository beside it as its `origin`.
    struct Repository {
        let site: SiteTest
        var root: String { site.root }
        var remote: String { site.root + "-remote.git" }
        var git: Git { Git(folder: root) }

        init() throws {
            site = try SiteTest(fixture: "basic")
            try site.write(".gitignore", "/public/\n/.sitegen-cache/\n/.public-*\n")
            try git.run(["init", "--quiet", "--initial-branch=main"])
            try git.run(["config", "user.name", "Test Author"])
            try git.run(["config", "user.email", "author@example.org"])
            try git.run(["add", "--all"])
            try git.run(["commit", "--quiet", "-m", "Course sources"])
            try Git(folder: site.root + "/..").run(["init", "--quiet", "--bare", remote])
            try git.run(["remote", "add", "origin", remote])
        }

        func remove() {
            site.remove()
            try? FileManager.default.removeItem(atPath: remote)
        }

        /// What publishing must never change: HEAD, the checked-out branch, the index's entries and
        /// the working tree's status.
        func authorState() throws -> [String] {
            [try git.run(["rev-parse", "HEAD"]), try git.run(["symbolic-ref", "HEAD"]),
             try git.run(["ls-files", "--stage"]), try git.run(["status", "--porcelain=v1", "--untracked-files=all"])]
        }

        /// Builds, then publishes to gh-pages (and origin).
        @discardableResult
        func publish(remote: String? = "origin", cname: String? = nil) throws -> BranchPublisher.Outcome {
            let publisher = BranchPublisher(root: root, branch: "gh-pages", remote: remote, cname: cname)
            try publisher.check(sources: [site.paths.content, site.paths.templates, site.paths.config], allowDirty: false)
            try site.build()
            return try publisher.publish(site: site.paths.output)
        }

        /// Path → blob hash of every file on a branch, in `repository`.
        func tree(_ branch: String, in repository: Git) throws -> [String: String] {
            var files: [String: String] = [:]
            for line in try repository.run(["ls-tree", "-r", "--full-tree", branch]).split(separator: "\n") {
                let parts = line.split(separator: "\t", maxSplits: 1)
                files[String(parts[1])] = String(parts[0].split(separator: " ")[2])
            }
            return files
        }

        /// Path → blob hash of every file of the built site, as git would store it.
        func builtFiles() throws -> [String: String] {
            var files: [String: String] = [:]
            for path in try BranchPublisher.files(in: site.paths.output) {
                files[path] = try git.run(["hash-object", "--no-filters", "\(site.paths.output)/\(path)"]).trimmingCharacters(in: .newlines)
            }
            return files
        }
    }

    @Test func theBranchHoldsExactlyTheBuiltSiteAndGrowsByOneCommitPerChange() throws {
        let repo = try Repository()
        defer { repo.remove() }
        let before = try repo.authorState()
        let first = try repo.publish()
        #expect(first.committed && first.pushed)
        #expect(try repo.authorState() == before)

        var expected = try repo.builtFiles()
        expected[".nojekyll"] = try repo.git.run(["hash-object", "--stdin"], input: Data()).trimmingCharacters(in: .newlines)
        #expect(expected.keys.contains("intro/first/index.html") && expected.keys.contains("feed.xml"))
        #expect(try repo.tree("gh-pages", in: repo.git) == expected)
        let remote = Git(folder: repo.remote)
        #expect(try remote.run(["rev-parse", "gh-pages"]).trimmingCharacters(in: .newlines) == first.commit)
        #expect(try repo.tree("gh-pages", in: remote) == expected)
        #expect(try repo.git.run(["rev-list", "--count", "gh-pages"]) == "1\n")
        let head = try repo.git.run(["rev-parse", "--short", "main"]).trimmingCharacters(in: .newlines)
        #expect(try repo.git.run(["log", "-1", "--format=%s", "gh-pages"]) == "Publish site from \(head) (Course sources)\n")

        // Nothing changed: no commit, nothing pushed.
        let again = try repo.publish()
        #expect(!again.committed && !again.pushed && again.commit == first.commit)
        #expect(try repo.git.run(["rev-list", "--count", "gh-pages"]) == "1\n")

        // A lesson edit, committed: one more commit, on top of the first, pushed.
        try repo.site.write("content/intro/second.md", try repo.site.read("content/intro/second.md") + "\nA new paragraph.\n")
        try repo.git.run(["commit", "--quiet", "-am", "Edit the second lesson"])
        let editedState = try repo.authorState()
        let second = try repo.publish()
        #expect(second.committed && second.pushed)
        #expect(try repo.authorState() == editedState)
        #expect(try repo.git.run(["rev-list", "--count", "gh-pages"]) == "2\n")
        #expect(try repo.git.run(["rev-parse", "gh-pages^"]).trimmingCharacters(in: .newlines) == first.commit)
        #expect(try remote.run(["rev-parse", "gh-pages"]).trimmingCharacters(in: .newlines) == second.commit)
        let changed = try repo.git.run(["diff", "--name-only", first.commit, second.commit]).split(separator: "\n")
        // The page, the lesson as a notebook, and the search index (which holds the new paragraph).
        #expect(changed == ["assets/search-index.js", "intro/second/index.html", "intro/second/second.ipynb"])
    }

    @Test func aFreshCloneContinuesThePublishedHistory() throws {
        let repo = try Repository()
        defer { repo.remove() }
        let first = try repo.publish()
        // The local branch is gone (a fresh clone, a CI machine): the remote's is fetched and built on.
        try repo.git.run(["branch", "--quiet", "-D", "gh-pages"])
        try repo.site.write("content/intro/first.md", try repo.site.read("content/intro/first.md") + "\nMore.\n")
        try repo.git.run(["commit", "--quiet", "-am", "Edit"])
        let second = try repo.publish()
        #expect(second.committed && second.pushed)
        #expect(try repo.git.run(["rev-parse", "gh-pages^"]).trimmingCharacters(in: .newlines) == first.commit)
    }

    @Test func cnameAndNoRemote() throws {
        let repo = try Repository()
        defer { repo.remove() }
        let outcome = try repo.publish(remote: nil, cname: "courses.example.org")
        #expect(outcome.committed && !outcome.pushed)
        #expect(try repo.git.run(["show", "gh-pages:CNAME"]) == "courses.example.org\n")
        #expect(try Git(folder: repo.remote).attempt(["rev-parse", "--verify", "--quiet", "gh-pages"]).status != 0)
    }

    @Test func refusesOutsideARepositoryOnTheCheckedOutBranchAndWithUncommittedSources() throws {
        let plain = try SiteTest(fixture: "basic")
        defer { plain.remove() }
        let sources = [plain.paths.content, plain.paths.templates, plain.paths.config]
        #expect(throws: Diagnostic.error(at: nil, "publish --branch needs a git repository, and \(plain.root) is not inside one: run 'git init' and commit the sources, or copy the built folder with 'sitegen publish --to DIR'")) {
            try BranchPublisher(root: plain.root, branch: "gh-pages").check(sources: sources, allowDirty: false)
        }

        let repo = try Repository()
        defer { repo.remove() }
        let repoSources = [repo.site.paths.content, repo.site.paths.templates, repo.site.paths.config]
        #expect(throws: Diagnostic.error(at: nil, "'main' is the branch checked out here: publishing replaces its whole tree with the built site; check out the branch with your sources, or publish to another branch")) {
            try BranchPublisher(root: repo.root, branch: "main").check(sources: repoSources, allowDirty: true)
        }
        #expect(throws: Diagnostic.error(at: nil, "'bad..name' is not a valid branch name")) {
            try BranchPublisher(root: repo.root, branch: "bad..name").check(sources: repoSources, allowDirty: true)
        }
        try repo.site.write("content/intro/new.md", "---\ntitle: New\n---\nText.\n")
        try repo.site.write("sitegen.yml", try repo.site.read("sitegen.yml") + "\n")
        let state = try repo.authorState()
        #expect(throws: Diagnostic.error(at: nil, "the site's sources have uncommitted changes (content/intro/new.md, sitegen.yml): commit them first, so the published site matches a commit, or pass --allow-dirty")) {
            try BranchPublisher(root: repo.root, branch: "gh-pages").check(sources: repoSources, allowDirty: false)
        }
        try BranchPublisher(root: repo.root, branch: "gh-pages").check(sources: repoSources, allowDirty: true)
        #expect(try repo.authorState() == state)
        #expect(try repo.git.attempt(["rev-parse", "--verify", "--quiet", "gh-pages"]).status != 0)
    }
}
