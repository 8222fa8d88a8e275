import Foundation
import Testing
@testable import Site

/// `BuildPaths.resolved`: the real path of a path, through symbolic links, also when it does not exist yet; a
/// plain absolute path that exists is answered by `realpath` alone, any other as before.
@Suite struct BuildPathsTests {
    @Test func plainAndOtherPathsResolveAlike() throws {
        let folder = NSTemporaryDirectory() + "sitegen-paths-\(UUID().uuidString)"
        let fm = FileManager.default
        try fm.createDirectory(atPath: folder + "/real/sub", withIntermediateDirectories: true)
        defer { try? fm.removeItem(atPath: folder) }
        try fm.createSymbolicLink(atPath: folder + "/link", withDestinationPath: folder + "/real")
        let real = BuildPaths.resolved(folder + "/real/sub")
        #expect(BuildPaths.isPlainAbsolute(folder + "/link/sub"))
        #expect(BuildPaths.resolved(folder + "/link/sub") == real)
        #expect(BuildPaths.resolved(folder + "/link/./sub") == real)
        #expect(BuildPaths.resolved(folder + "/real/sub/../sub") == real)
        #expect(BuildPaths.resolved(folder + "/link/sub/not-yet.md") == real + "/not-yet.md")
        for path in ["", "relative", "/", "/a//b", "/a/./b", "/a/../b", "/a/~b", "/a/b/"] {
            #expect(!BuildPaths.isPlainAbsolute(path), "\(path)")
        }
    }
}
