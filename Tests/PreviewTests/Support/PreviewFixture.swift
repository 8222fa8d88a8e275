import Foundation
import Preview
import Site
import Testing
import TestSupport

/// The `basic` site fixture of SiteTests copied into a temporary folder with the real templates,
/// plus a running preview session on a free port.
final class PreviewFixture: ProjectFolder, @unchecked Sendable {
    let root: String
    let paths: BuildPaths
    private var task: Task<Void, any Error>?
    private let events = EventLog()

    init() throws {
        let fm = FileManager.default
        root = (NSTemporaryDirectory() as NSString).appendingPathComponent("sitegen-preview-\(UUID().uuidString)")
        try fm.createDirectory(atPath: root, withIntermediateDirectories: true)
        let source = "\(Repository.root)/Tests/SiteTests/Fixtures/basic"
        for item in try fm.contentsOfDirectory(atPath: source) {
            try fm.copyItem(atPath: "\(source)/\(item)", toPath: "\(root)/\(item)")
        }
        try fm.copyItem(atPath: "\(Repository.root)/templates", toPath: "\(root)/templates")
        paths = BuildPaths(root: root)
    }

    deinit {
        task?.cancel()
        try? FileManager.default.removeItem(atPath: root)
    }

    var rebuilder: SiteRebuilder { SiteRebuilder(paths: paths, options: BuildOptions()) }

    /// Starts `serve` on port 0 and returns the bound port once it listens.
    func serve(basePath: String = "/courses/ml/", poll: Duration = .milliseconds(50)) async throws -> Int {
        let session = PreviewSession(rebuilder: rebuilder, host: "127.0.0.1", port: 0, basePath: basePath, pollInterval: poll)
        let events = self.events
        task = Task { try await session.run { event in await events.append(event) } }
        // Generous: on a loaded 2-core machine the parallel test suite can hold the cooperative pool for a while.
        let deadline = Date().addingTimeInterval(120)
        while Date() < deadline {
            if let port = await events.port { return port }
            try await Task.sleep(for: .milliseconds(20))
        }
        throw RawHTTP.Failure.timeout
    }

    /// Stops the session and waits for it to end.
    func stop() async throws {
        task?.cancel()
        _ = await task?.result
        task = nil
    }

    /// Build outcomes after the first, in order.
    var rebuilds: [BuildOutcome] { get async { await events.rebuilds } }
}

/// What a session reported, kept for the test to inspect.
actor EventLog {
    private(set) var port: Int?
    private(set) var rebuilds: [BuildOutcome] = []
    private var first = true

    func append(_ event: PreviewSession.Event) {
        switch event {
        case .listening(_, let port): self.port = port
        case .rebuilt(let outcome, _):
            if first { first = false } else { rebuilds.append(outcome) }
        }
    }
}
