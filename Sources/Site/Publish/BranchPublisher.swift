import Diagnostics
import Foundation

/// `sitegen publish --branch gh-pages`: commits a built site as the whole tree of a branch, one new
/// commit on top of the branch's history, for hosts that serve a branch (GitHub Pages, Codeberg
/// Pages, GitLab through CI). It works with git plumbing only: the files are hashed into the object
/// store, listed in a temporary index (`GIT_INDEX_FILE`), written as a tree and committed with
/// `commit-tree`, and the branch is moved with `update-ref` (compare-and-swap on its old tip). The
/// author's working tree, index and checked-out branch are never touched. A `.nojekyll` file is added
/// (GitHub Pages would otherwise drop files starting with `_`), and `CNAME` when a custom domain is
/// given. When the tree equals the branch's, nothing is committed.
public struct BranchPublisher {
    /// The project root: a folder inside the repository's working tree.
    public var root: String
    public var branch: String
    /// Pushed to after the commit when given; its branch is fetched first, so a publish from a fresh
    /// clone continues the published history.
    public var remote: String?
    public var message: String?
    /// A custom domain for GitHub Pages, written as `CNAME`.
    public var cname: String?

    public init(root: String, branch: String, remote: String? = nil, message: String? = nil, cname: String? = nil) {
        self.root = root
        self.branch = branch
        self.remote = remote
        self.message = message
        self.cname = cname
    }

    /// What a publish did.
    public struct Outcome: Sendable, Equatable {
        /// The branch's tip after publishing (a new commit, or the old tip when nothing changed).
        public var commit: String
        /// False when the branch already held exactly this site.
        public var committed: Bool
        public var pushed: Bool
        /// Files in the published tree (the site's, `.nojekyll` and `CNAME`).
        public var files: Int
    }

    var git: Git { Git(folder: root) }
    var ref: String { "refs/heads/\(branch)" }

    /// Refuses, before anything is built, what cannot be published: no git repository, a branch name
    /// git rejects, the branch that is checked out here, and uncommitted changes to `sources` (the
    /// content, templates and config the site is built from), which would publish a site no commit
    /// can rebuild — unless `allowDirty`.
    public func check(sources: [String], allowDirty: Bool) throws(Diagnostic) {
        guard try git.line(["rev-parse", "--is-inside-work-tree"]) == "true" else {
            throw Diagnostic.error(at: nil, "publish --branch needs a git repository, and \(root) is not inside one: run 'git init' and commit the sources, or copy the built folder with 'sitegen publish --to DIR'")
        }
        guard try git.attempt(["check-ref-format", "--branch", branch]).status == 0, !branch.hasPrefix("-") else {
            throw Diagnostic.error(at: nil, "'\(branch)' is not a valid branch name")
        }
        if let current = try git.line(["symbolic-ref", "--quiet", "--short", "HEAD"]), current == branch {
            throw Diagnostic.error(at: nil, "'\(branch)' is the branch checked out here: publishing replaces its whole tree with the built site; check out the branch with your sources, or publish to another branch")
        }
        guard !allowDirty else { return }
        let top = try git.run(["rev-parse", "--show-toplevel"]).trimmingCharacters(in: .newlines)
        let inside = sources.filter { $0 == top || $0.hasPrefix(top + "/") }
        guard !inside.isEmpty else { return }
        let status = try git.run(["status", "--porcelain=v1", "--untracked-files=all", "--"] + inside)
        let changed = status.split(separator: "\n").map { String($0.dropFirst(3)) }.sorted()
        if !changed.isEmpty {
            let shown = changed.prefix(5).joined(separator: ", ") + (changed.count > 5 ? " and \(changed.count - 5) more" : "")
            throw Diagnostic.error(at: nil, "the site's sources have uncommitted changes (\(shown)): commit them first, so the published site matches a commit, or pass --allow-dirty")
        }
    }

    /// Commits the files of `site` (a built output folder) to the branch, and pushes when a remote is given.
    public func publish(site: String) throws(Diagnostic) -> Outcome {
        let files = try Self.files(in: site)
        let index = (NSTemporaryDirectory() as NSString).appendingPathComponent("sitegen-publish-index-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(atPath: index) }
        let staging = Git(folder: root, environment: ["GIT_INDEX_FILE": index])

        // Blobs for every file, byte for byte (no clean filters or line-ending conversion).
        let paths = files.map { (site as NSString).appendingPathComponent($0) }
        let hashes = paths.isEmpty ? [] : try staging.run(["hash-object", "-w", "--no-filters", "--stdin-paths"],
                                                          input: Data((paths.joined(separator: "\n") + "\n").utf8))
            .split(separator: "\n").map(String.init)
        guard hashes.count == files.count else {
            throw Diagnostic.error(at: nil, "git hash-object returned \(hashes.count) hashes for \(files.count) files of \(site)")
        }
        var entries = Array(zip(files, hashes))
        var extras = [(".nojekyll", "")]
        if let cname { extras.append(("CNAME", cname + "\n")) }
        for (name, text) in extras {
            entries.removeAll { $0.0 == name }
            let hash = try staging.run(["hash-object", "-w", "--stdin"], input: Data(text.utf8)).trimmingCharacters(in: .newlines)
            entries.append((name, hash))
        }
        let listing = entries.map { "100644 \($0.1)\t\($0.0)\u{0}" }.joined()
        try staging.run(["read-tree", "--empty"])
        try staging.run(["update-index", "-z", "--index-info"], input: Data(listing.utf8))
        let tree = try staging.run(["write-tree"]).trimmingCharacters(in: .newlines)

        let (parent, remoteTip) = try parentCommit()
        if let parent, try git.run(["rev-parse", "\(parent)^{tree}"]).trimmingCharacters(in: .newlines) == tree {
            if parent != (try git.line(["rev-parse", "--verify", "--quiet", "\(ref)^{commit}"])) {
                try git.run(["update-ref", "-m", "sitegen publish: catch up with \(remote ?? "")", ref, parent])
            }
            let pushed = try push(tip: parent, remoteTip: remoteTip)
            return Outcome(commit: parent, committed: false, pushed: pushed, files: entries.count)
        }
        var arguments = ["commit-tree", tree, "-m", try commitMessage()]
        if let parent { arguments += ["-p", parent] }
        let commit = try git.run(arguments).trimmingCharacters(in: .newlines)
        let old = try git.line(["rev-parse", "--verify", "--quiet", "\(ref)^{commit}"]) ?? ""
        try git.run(["update-ref", "-m", "sitegen publish", ref, commit, old])
        let pushed = try push(tip: commit, remoteTip: remoteTip)
        return Outcome(commit: commit, committed: true, pushed: pushed, files: entries.count)
    }

    /// The commit the new one goes on top of: the local branch, or the remote's when it is ahead (or
    /// the only one); and the remote's tip, if it has the branch.
    private func parentCommit() throws(Diagnostic) -> (parent: String?, remoteTip: String?) {
        let local = try git.line(["rev-parse", "--verify", "--quiet", "\(ref)^{commit}"])
        guard let remote else { return (local, nil) }
        let listed = try git.run(["ls-remote", "--heads", remote, ref])
        guard !listed.isEmpty else { return (local, nil) }
        try git.run(["fetch", "--quiet", "--no-tags", remote, ref])
        guard let fetched = try git.line(["rev-parse", "--verify", "--quiet", "FETCH_HEAD^{commit}"]) else { return (local, nil) }
        guard let local, local != fetched else { return (fetched, fetched) }
        if try git.attempt(["merge-base", "--is-ancestor", local, fetched]).status == 0 { return (fetched, fetched) }
        if try git.attempt(["merge-base", "--is-ancestor", fetched, local]).status == 0 { return (local, fetched) }
        throw Diagnostic.error(at: nil, "'\(branch)' here and on \(remote) have diverged: publish on top of one of them (e.g. 'git branch -f \(branch) \(remote)/\(branch)' after 'git fetch \(remote)'), then publish again")
    }

    private func push(tip: String, remoteTip: String?) throws(Diagnostic) -> Bool {
        guard let remote, tip != remoteTip else { return false }
        try git.run(["push", "--quiet", remote, "\(ref):\(ref)"])
        return true
    }

    /// The given message, or one naming the source commit: `Publish site from 1a2b3c4 (Add the momentum lesson)`.
    private func commitMessage() throws(Diagnostic) -> String {
        if let message, !message.isEmpty { return message }
        guard let head = try git.line(["log", "-1", "--format=%h %s", "HEAD"]) else { return "Publish site" }
        let (hash, subject) = (head.prefix { $0 != " " }, head.drop { $0 != " " }.dropFirst())
        return subject.isEmpty ? "Publish site from \(hash)" : "Publish site from \(hash) (\(subject))"
    }

    /// Every file under `folder`, as sorted `/`-separated relative paths.
    static func files(in folder: String) throws(Diagnostic) -> [String] {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
            throw Diagnostic.error(at: nil, "there is no built site at \(folder)")
        }
        let files = BuildFingerprint.files(under: folder).map { String($0.dropFirst(folder.count + 1)) }
        if let odd = files.first(where: { $0.contains("\n") }) {
            throw Diagnostic.error(at: nil, "cannot publish \(folder)/\(odd): a file name with a line break")
        }
        return files
    }
}
