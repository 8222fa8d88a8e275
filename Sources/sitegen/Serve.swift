import ArgumentParser
import Diagnostics
import Foundation
import Preview
import Site

extension SitegenCommand {
    /// `sitegen serve`: build, serve the output folder, rebuild on change, reload open pages.
    struct Serve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "serve",
            abstract: "Build the site, serve it on a local port and rebuild and reload the browser on every change."
        )

        @OptionGroup var options: SiteOptions

        @Option(help: "Address to listen on.")
        var host: String = Preview.defaultHost

        @Option(help: "Port to listen on (0 picks a free one).")
        var port: Int = Preview.defaultPort

        @Option(help: "Make each error location in the preview open your editor: vscode, idea, or a URL pattern with {file}, {line} and {column}.")
        var editor: String?

        func validate() throws {
            guard (0...65535).contains(port) else {
                throw ValidationError("--port must be between 0 and 65535, not \(port)")
            }
        }

        func run() async throws {
            let paths = options.paths
            let verbose = options.verbose
            let rebuilder = SiteRebuilder(paths: paths, options: options.buildOptions,
                                          log: { line in if verbose { Terminal.status(line) } })
            var editorLink: EditorLink?
            if let editor {
                do {
                    editorLink = try EditorLink(editor, root: paths.root)
                } catch {
                    Terminal.status(error.description)
                    throw ExitCode.failure
                }
            }
            let session = PreviewSession(rebuilder: rebuilder, host: host, port: port, basePath: basePath(paths),
                                         hub: ReloadHub(editor: editorLink))
            let task = Task {
                try await session.run { event in
                    switch event {
                    case let .listening(url, _):
                        Terminal.status("serving \(paths.display(paths.output)) at \(url) (Ctrl-C stops)")
                    case let .rebuilt(outcome, changed):
                        if !changed.isEmpty {
                            let names = changed.prefix(3).map(paths.display).joined(separator: ", ")
                            Terminal.status("changed: \(names)\(changed.count > 3 ? " and \(changed.count - 3) more" : "")")
                        }
                        if case .failed(let list) = outcome { Terminal.status(list.description) }
                        Terminal.status(outcome.summary)
                    }
                }
            }
            let signals = StopSignals { task.cancel() }
            defer { signals.cancel() }
            do {
                try await task.value
            } catch is CancellationError {
            } catch let refusal as DiagnosticList {
                Terminal.report(refusal, what: "serve", consequence: "; nothing was written or served")
                throw ExitCode.failure
            } catch {
                Terminal.status("error: cannot serve on \(host):\(port): \(error)")
                throw ExitCode.failure
            }
            Terminal.status("stopped")
        }

        /// Where the site lives on the server: the base URL's path, so its links work as published.
        private func basePath(_ paths: BuildPaths) -> String {
            let configured = options.baseURL ?? (try? SiteConfig.load(path: paths.config, displayPath: paths.display(paths.config)))?.baseURL
            return SiteURLs(baseURL: configured ?? "/").basePath
        }
    }
}

/// SIGINT and SIGTERM call `stop` (once each) instead of killing the process, so the server closes
/// its connections and the command returns normally.
final class StopSignals {
    private let sources: [any DispatchSourceSignal]

    init(stop: @escaping @Sendable () -> Void) {
        sources = [SIGINT, SIGTERM].map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler(handler: stop)
            source.resume()
            return source
        }
    }

    func cancel() {
        for source in sources { source.cancel() }
    }
}
