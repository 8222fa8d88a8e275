import Diagnostics
import Foundation
import Testing
@testable import Site
import TestSupport

/// A fixture site copied into a fresh temporary folder, built with the repository's real templates,
/// with helpers to edit files and read the output (in the spirit of mdBook's `BookTest`).
struct SiteTest: ProjectFolder {
    let root: String
    let options: BuildOptions

    init(fixture: String, options: BuildOptions = BuildOptions()) throws {
        let source = "\(Repository.root)/Tests/SiteTests/Fixtures/\(fixture)"
        try self.init(copying: try FileManager.default.contentsOfDirectory(atPath: source), from: source, options: options)
        if !FileManager.default.fileExists(atPath: "\(root)/templates") {
            try FileManager.default.copyItem(atPath: "\(Repository.root)/templates", toPath: "\(root)/templates")
        }
    }

    /// The bundled course itself (the repository's sitegen.yml, content/ and templates/), in a fresh folder.
    static func bundled(options: BuildOptions = BuildOptions()) throws -> SiteTest {
        try SiteTest(copying: ["sitegen.yml", "content", "templates"], from: Repository.root, options: options)
    }

    /// This site's sources (config, content/, templates/) as they are now, in a fresh folder with no
    /// output and no cache: what a clean build of the same sources writes.
    func cleanCopy() throws -> SiteTest {
        try SiteTest(copying: ["sitegen.yml", "content", "templates"], from: root, options: options)
    }

    private init(copying items: [String], from source: String, options: BuildOptions) throws {
        root = (NSTemporaryDirectory() as NSString).appendingPathComponent("sitegen-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        for item in items {
            try FileManager.default.copyItem(atPath: "\(source)/\(item)", toPath: "\(root)/\(item)")
        }
        self.options = options
    }

    var paths: BuildPaths { BuildPaths(root: root) }

    var builder: SiteBuilder { SiteBuilder(paths: paths, options: options) }

    @discardableResult
    func build() throws -> SiteBuilder.Report { try builder.build() }

    /// Builds and returns the diagnostics of a build that must fail.
    func buildFailure(sourceLocation: Testing.SourceLocation = #_sourceLocation) -> [Diagnostic] {
        do {
            try builder.build()
            Issue.record("the build succeeded but should have failed", sourceLocation: sourceLocation)
            return []
        } catch {
            return error.diagnostics
        }
    }

    func output(_ relative: String) throws -> String { try read("public/\(relative)") }

    /// Every file under public/ with its bytes, for comparing whole builds.
    func outputTree() throws -> [String: Data] {
        let base = "\(root)/public"
        var result: [String: Data] = [:]
        for case let relative as String in FileManager.default.enumerator(atPath: base) ?? NSArray().objectEnumerator() {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: "\(base)/\(relative)", isDirectory: &isDirectory), !isDirectory.boolValue {
                result[relative] = FileManager.default.contents(atPath: "\(base)/\(relative)")
            }
        }
        return result
    }

    func remove() { try? FileManager.default.removeItem(atPath: root) }

    /// Two output trees hold the same paths and the same bytes at each; every path that differs is recorded as
    /// "PATH differs from `reference`'s".
    static func expectSameOutput(_ tree: [String: Data], as expected: [String: Data], reference: String,
                                 sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        #expect(Set(tree.keys) == Set(expected.keys), sourceLocation: sourceLocation)
        for (path, bytes) in expected where tree[path] != bytes {
            Issue.record("\(path) differs from \(reference)'s", sourceLocation: sourceLocation)
        }
    }
}
