import Diagnostics
import Foundation
import Site

/// `sitegen serve` as one value: build once, then serve the output folder and rebuild on every
/// change, pushing each outcome to open pages, until the task running `run` is cancelled.
public struct PreviewSession: Sendable {
    public var rebuilder: SiteRebuilder
    public var host: String
    public var port: Int
    /// Mount point of the site; by default the base path of the site's base URL.
    public var basePath: String
    public var hub: ReloadHub
    public var pollInterval: Duration

    public init(rebuilder: SiteRebuilder, host: String = Preview.defaultHost, port: Int = Preview.defaultPort,
                basePath: String, hub: ReloadHub = ReloadHub(), pollInterval: Duration = .milliseconds(100)) {
        self.rebuilder = rebuilder
        self.host = host
        self.port = port
        self.basePath = basePath
        self.hub = hub
        self.pollInterval = pollInterval
    }

    /// What the session tells its owner (the CLI prints these; tests wait for them).
    public enum Event: Sendable {
        /// The server accepts connections at this URL (the site's home page).
        case listening(url: String, port: Int)
        /// A build finished; `changed` is empty for the first one.
        case rebuilt(BuildOutcome, changed: [String])
    }

    /// Runs until cancelled. A failed first build still starts the server (with the overlay), so
    /// fixing the error is enough to see the site.
    /// An output folder that `OutputGuard` refuses stops the session before anything is built or
    /// served: it throws that refusal as a `DiagnosticList`.
    public func run(onEvent: @escaping @Sendable (Event) async -> Void) async throws {
        let paths = rebuilder.paths
        if let refusal = OutputGuard.check(output: paths.output, project: paths, replaceOutput: rebuilder.options.replaceOutput) {
            throw DiagnosticList([refusal])
        }
        let watcher = rebuilder.watcher(interval: pollInterval)
        let before = watcher.snapshot()
        let first = await rebuilder.build()
        await hub.publish(first)
        await onEvent(.rebuilt(first, changed: []))
        let server = PreviewServer(folder: OutputFolder(path: rebuilder.paths.output, basePath: basePath),
                                   host: host, port: port, hub: hub)
        let hub = self.hub
        defer { Task { await hub.close() } }
        try await withTaskCancellationHandler {
            try await serve(server: server, watcher: watcher, before: before, onEvent: onEvent)
        } onCancel: {
            // Ends open event streams at once, so no client keeps the server from stopping.
            Task { await hub.close() }
        }
    }

    private func serve(server: PreviewServer, watcher: PollingWatcher, before: PollingWatcher.Snapshot,
                       onEvent: @escaping @Sendable (Event) async -> Void) async throws {
        let hub = self.hub, rebuilder = self.rebuilder, host = self.host, basePath = self.basePath
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                try await server.run { port in
                    await onEvent(.listening(url: "http://\(Self.urlHost(host)):\(port)\(basePath)", port: port))
                }
            }
            group.addTask {
                await rebuilder.rebuildOnChange(watcher: watcher, from: before) { outcome, changed in
                    await hub.publish(outcome)
                    await onEvent(.rebuilt(outcome, changed: changed))
                }
            }
            defer { group.cancelAll() }
            // The server ends only with an error (a port in use) or on cancellation; either way, stop.
            try await group.next()
        }
    }

    static func urlHost(_ host: String) -> String {
        host.contains(":") && !host.hasPrefix("[") ? "[\(host)]" : host
    }
}
