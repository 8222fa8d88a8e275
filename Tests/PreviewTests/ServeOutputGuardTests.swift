import Diagnostics
import Foundation
import Preview
import Site
import Testing

/// `serve` applies the output-folder rules before it builds or serves anything: the project root as
/// output is refused, and not one file of the project changes.
@Suite struct ServeOutputGuardTests {
    @Test func serveRefusesTheProjectRootAsOutput() async throws {
        let fixture = try PreviewFixture()
        try "my notes\n".write(toFile: fixture.root + "/notes.txt", atomically: true, encoding: .utf8)
        let before = listing(fixture.root)
        let paths = BuildPaths(root: fixture.root, output: ".")
        let session = PreviewSession(rebuilder: SiteRebuilder(paths: paths, options: BuildOptions()), port: 0, basePath: "/")
        do {
            try await session.run { _ in }
            Issue.record("serve started on the project root")
        } catch let refusal as DiagnosticList {
            #expect(refusal.diagnostics.first?.message.hasPrefix("the output folder \(fixture.root) (.) is the project root") == true)
        }
        #expect(listing(fixture.root) == before)
    }

    /// Every path under `folder` with its bytes.
    func listing(_ folder: String) -> [String: Data] {
        var result: [String: Data] = [:]
        for case let relative as String in FileManager.default.enumerator(atPath: folder) ?? NSArray().objectEnumerator() {
            result[relative] = FileManager.default.contents(atPath: folder + "/" + relative) ?? Data("folder".utf8)
        }
        return result
    }
}
