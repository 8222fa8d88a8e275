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

/// `LessonFolder.locate`: a lesson's file resolved with one `lstat` when it is named plainly and is no link, and the
/// same path `BuildPaths.resolved` gives the joined path in every case.
@Suite struct LessonFolderTests {
    @Test func locatesFilesAsTheJoinedPathResolves() throws {
        let folder = NSTemporaryDirectory() + "sitegen-lesson-folder-\(UUID().uuidString)"
        let fm = FileManager.default
        defer { try? fm.removeItem(atPath: folder) }
        try fm.createDirectory(atPath: folder + "/content/real/sub", withIntermediateDirectories: true)
        try fm.createDirectory(atPath: folder + "/outside", withIntermediateDirectories: true)
        for file in ["content/real/train.py", "content/real/sub/data.py", "outside/secret.py"] {
            try PlainFile.write(Array("x = 1\n".utf8), to: folder + "/" + file)
        }
        // The lesson's folder reached through a link, a file that links outside, one that links inside, a folder.
        try fm.createSymbolicLink(atPath: folder + "/content/linked", withDestinationPath: folder + "/content/real")
        try fm.createSymbolicLink(atPath: folder + "/content/real/escape.py", withDestinationPath: folder + "/outside/secret.py")
        try fm.createSymbolicLink(atPath: folder + "/content/real/alias.py", withDestinationPath: "train.py")
        for lessonFolder in ["content/real", "content/linked"] {
            let lesson = LessonFolder(of: folder + "/" + lessonFolder + "/lesson.md", contentRoot: folder + "/content")
            #expect(lesson.contentRoot == BuildPaths.resolved(folder + "/content"))
            for file in ["train.py", "escape.py", "alias.py", "missing.py", "sub", "sub/data.py", "../real/train.py", ".", "..",
                         "~train.py", "sub/../train.py"] {
                let (joined, resolved) = lesson.locate(file)
                #expect(joined == folder + "/" + lessonFolder + "/" + file)
                #expect(resolved == BuildPaths.resolved(joined), "\(lessonFolder): \(file)")
            }
            #expect(lesson.locate("escape.py").resolved == BuildPaths.resolved(folder + "/outside/secret.py"))
        }
        #expect(LessonFolder.isPlainName("train.py") && LessonFolder.isPlainName(".hidden"))
        for name in ["", ".", "..", "a/b", "~x"] { #expect(!LessonFolder.isPlainName(name), "\(name)") }
    }
}
