import ArgumentParser
import Diagnostics
import Foundation
import Site

extension SitegenCommand {
    /// `sitegen publish`: build, then commit the site to a branch (`--branch`) or copy it into a
    /// deploy folder (`--to`).
    struct Publish: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "publish",
            abstract: "Build the site, then commit it as the whole tree of a branch (--branch) or copy it into a deploy folder (--to).",
            discussion: """
            --branch gh-pages commits the built site on top of that branch's history with git plumbing: your \
            working tree, index and checked-out branch are not touched. It refuses outside a git repository, \
            when the branch is checked out, and when content, templates or the config have uncommitted changes.
            --to DIR makes DIR hold exactly the built site: only changed files are written (each replaced in one \
            rename), stale files are removed. It refuses what a build refuses as its output folder (--replace-output as there).
            """
        )

        @OptionGroup var options: SiteOptions

        @Option(help: "Commit the built site as the whole tree of this branch, e.g. gh-pages.")
        var branch: String?

        @Option(help: "With --branch: push the branch to this remote after committing, e.g. origin.")
        var remote: String?

        @Option(help: "With --branch: the commit message (default: 'Publish site from <commit> (<subject>)').")
        var message: String?

        @Option(help: "With --branch: a custom domain for GitHub Pages, written as CNAME.")
        var cname: String?

        @Flag(name: .customLong("allow-dirty"), help: "With --branch: publish even when content, templates or the config have uncommitted changes.")
        var allowDirty = false

        @Option(help: "Copy the built site into this deploy folder (relative to --root): only changed files are written, stale files removed.")
        var to: String?

        func validate() throws {
            guard (branch == nil) != (to == nil) else {
                throw ValidationError("give either --branch BRANCH (commit the site to a git branch) or --to DIR (copy it into a folder)")
            }
            if to != nil, remote != nil || message != nil || cname != nil || allowDirty {
                throw ValidationError("--remote, --message, --cname and --allow-dirty go with --branch, not --to")
            }
            if let cname, cname.isEmpty || cname.contains(where: { $0.isWhitespace || $0 == "/" }) {
                throw ValidationError("--cname takes a bare domain such as example.org, not '\(cname)'")
            }
        }

        func run() throws {
            let paths = options.paths
            do {
                if let branch {
                    let publisher = BranchPublisher(root: paths.root, branch: branch, remote: remote, message: message, cname: cname)
                    try publisher.check(sources: [paths.content, paths.templates, paths.config], allowDirty: allowDirty)
                    try build(paths)
                    let outcome = try publisher.publish(site: paths.output)
                    let short = String(outcome.commit.prefix(7))
                    let pushed = outcome.pushed ? "; pushed to \(remote ?? "")" : ""
                    if outcome.committed {
                        Terminal.status("published \(outcome.files) files to \(branch) as \(short)\(pushed)")
                    } else {
                        Terminal.status("\(branch) already holds this site (\(short)): nothing to commit\(pushed)")
                    }
                }
                if let to {
                    let publisher = FolderPublisher(site: paths.output, destination: paths.absolute(to))
                    try publisher.check(paths: paths, replaceOutput: options.replaceOutput)
                    try build(paths)
                    let outcome = try publisher.publish()
                    Terminal.status("published \(paths.display(paths.output)) to \(to): \(outcome.written.count) written, \(outcome.removed.count) removed, \(outcome.unchanged) unchanged")
                }
            } catch let error as Diagnostic {
                Terminal.report(DiagnosticList([error]), what: "publish", consequence: "")
                throw ExitCode.failure
            }
        }

        /// Builds the site as `sitegen build` would; a failed build stops the publish.
        private func build(_ paths: BuildPaths) throws {
            let verbose = options.verbose
            let builder = SiteBuilder(paths: paths, options: options.buildOptions,
                                      log: { line in if verbose { Terminal.status(line) } })
            do {
                let report = try builder.build()
                Terminal.status(report.upToDate ? "\(paths.display(paths.output)) is up to date" : "built \(report.pages) pages into \(paths.display(paths.output))")
            } catch {
                Terminal.report(error, what: "build", consequence: "; nothing was published")
                throw ExitCode.failure
            }
        }
    }
}
