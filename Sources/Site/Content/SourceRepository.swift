/// The GitHub repository that holds a site's sources (`repository:` in sitegen.yml), and the links
/// built from it: "Edit this page" on GitHub and "Open in Colab" for a lesson's notebook.
public struct SourceRepository: Sendable, Equatable {
    public var owner: String
    public var name: String
    public var branch: String

    /// `https://github.com/owner/name` (a trailing `/` or `.git` is allowed); nil for anything else.
    public init?(url: String, branch: String) {
        var rest = Substring(url)
        guard rest.hasPrefix("https://github.com/") else { return nil }
        rest = rest.dropFirst("https://github.com/".count)
        if rest.hasSuffix("/") { rest = rest.dropLast() }
        if rest.hasSuffix(".git") { rest = rest.dropLast(4) }
        let parts = rest.split(separator: "/", omittingEmptySubsequences: false)
        let allowed = { (c: Character) in c.isASCII && (c.isLetter || c.isNumber || c == "-" || c == "_" || c == ".") }
        guard parts.count == 2, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(allowed) }),
              !branch.isEmpty, !branch.contains(" "), !branch.contains("..") else { return nil }
        owner = String(parts[0])
        name = String(parts[1])
        self.branch = branch
    }

    /// The page that edits `path` (relative to the repository root) on GitHub.
    public func editURL(_ path: String) -> String {
        "https://github.com/\(owner)/\(name)/edit/\(branch)/\(path)"
    }

    /// Colab opening the notebook at `path` in the repository (the built site, committed or published
    /// to that branch, holds it).
    public func colabURL(_ path: String) -> String {
        "https://colab.research.google.com/github/\(owner)/\(name)/blob/\(branch)/\(path)"
    }
}
