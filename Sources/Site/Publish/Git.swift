import Diagnostics
import Foundation

/// The git command line, run in one repository: what `sitegen publish --branch` drives. Only
/// plumbing that leaves the author's working tree, index and checked-out branch alone is used by
/// the publisher; every call that fails becomes an `error:` with git's own words.
struct Git {
    /// A folder inside the repository's working tree (git finds the repository from it).
    var folder: String
    /// Added to the environment of every call (the publisher's temporary `GIT_INDEX_FILE`).
    var environment: [String: String] = [:]

    /// Runs `git arguments…`; throws with git's message when it exits non-zero.
    @discardableResult
    func run(_ arguments: [String], input: Data? = nil) throws(Diagnostic) -> String {
        let result = try attempt(arguments, input: input)
        guard result.status == 0 else {
            let said = result.errors.trimmingCharacters(in: .whitespacesAndNewlines)
            throw Diagnostic.error(at: nil, "git \(arguments.first ?? "") failed\(said.isEmpty ? " (status \(result.status))" : ": \(said)")")
        }
        return result.output
    }

    /// Runs `git arguments…` and returns its result whatever the status (for questions whose
    /// answer is the status, such as `rev-parse --verify`).
    func attempt(_ arguments: [String], input: Data? = nil) throws(Diagnostic) -> ExternalProcess.Result {
        let result: ExternalProcess.Result
        do {
            // No prompt for credentials: a push that needs them fails with git's message instead of hanging.
            result = try ExternalProcess.run(["git"] + arguments, in: folder, input: input,
                                             environment: environment.merging(["GIT_TERMINAL_PROMPT": "0"]) { given, _ in given })
        } catch {
            throw Diagnostic.error(at: nil, "cannot run git in \(folder): \(error.localizedDescription)")
        }
        if result.status == 127, result.errors.contains("git") {   // /usr/bin/env found no git
            throw Diagnostic.error(at: nil, "git is not installed: install it (Debian: apt-get install git) to publish to a branch")
        }
        return result
    }

    /// The first line of what `git arguments…` prints, or nil when it fails.
    func line(_ arguments: [String]) throws(Diagnostic) -> String? {
        let result = try attempt(arguments)
        guard result.status == 0 else { return nil }
        let first = result.output.split(separator: "\n").first.map(String.init) ?? ""
        return first.isEmpty ? nil : first
    }
}
