import Diagnostics
import Foundation
import Testing
@testable import Site

/// The atomic swap of the output folder, and what happens to the staging folders killed builds leave.
/// Each test has a folder of its own, removed after it (a class: Swift Testing makes one per test and ends it after).
@Suite final class OutputWriterTests {
    let parent: String
    var output: String { (parent as NSString).appendingPathComponent("public") }

    init() throws {
        parent = NSTemporaryDirectory() + "sitegen-writer-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(atPath: parent)
    }

    func tree(_ text: String) -> OutputTree {
        var tree = OutputTree()
        tree.add("index.html", text)
        tree.add("a/b.css", "b")
        return tree
    }

    /// A writer that keeps the replaced site (`keepPrevious`), after two writes of the same tree: the second leaves
    /// the first's site kept, at the returned path.
    func keptSiteWriter() throws -> (OutputWriter, kept: String) {
        let kept = parent + "/cache/previous"
        let writer = OutputWriter(output: output, displayOutput: "public", keepPrevious: kept)
        try writer.write(tree("one"))
        try writer.write(tree("one"))
        #expect(OutputGuard.hasMarker(kept))
        return (writer, kept)
    }

    func entries() throws -> [String] { try FileManager.default.contentsOfDirectory(atPath: parent).sorted() }

    /// The id of a process that has already exited.
    func exitedProcessID() throws -> pid_t {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/true")
        try process.run()
        process.waitUntilExit()
        return process.processIdentifier
    }

    @Test func replacesTheSiteAndLeavesNoStagingFolder() throws {
        let writer = OutputWriter(output: output, displayOutput: "public")
        try writer.write(tree("one"))
        try writer.write(tree("two"))
        #expect(try entries() == ["public"])
        #expect(try String(contentsOfFile: output + "/index.html", encoding: .utf8) == "two")
        #expect(FileManager.default.fileExists(atPath: output + "/a/b.css"))
    }

    /// The folders of a deep tree are made a level at a time, on every core; written over a kept site, whose folders
    /// are used as they are, the same tree comes out, and one the new tree no longer needs is gone.
    @Test func foldersAreMadeOrRecycledAtEveryDepth() throws {
        func deep(_ text: String, extra: Bool) -> OutputTree {
            var tree = OutputTree()
            tree.add("index.html", text)
            for module in 0..<6 {
                for lesson in 0..<7 { tree.add("m\(module)/l\(lesson)/index.html", "\(text) \(module) \(lesson)") }
                tree.add("m\(module)/a/b/c/d.txt", text)
            }
            if extra { tree.add("gone/x/y.txt", text) }
            return tree
        }
        let kept = parent + "/cache/previous"
        let writer = OutputWriter(output: output, displayOutput: "public", keepPrevious: kept)
        for (text, extra) in [("one", true), ("one", true), ("two", false)] {
            let tree = deep(text, extra: extra)
            try writer.write(tree)
            let written = FolderListing.entries(under: output).filter { $0 != OutputGuard.markerName }.sorted()
            #expect(written == tree.files.keys.sorted())
            #expect(try String(contentsOfFile: output + "/m5/l6/index.html", encoding: .utf8) == "\(text) 5 6")
        }
        #expect(!FileManager.default.fileExists(atPath: output + "/gone"))
        // Nothing beside the output and the cache: no staging folder left, no folder made outside them.
        #expect(try entries() == ["cache", "public"])
    }

    /// A file where the tree needs a folder fails the write, and the site it would have replaced stays.
    @Test func aFileWhereAFolderGoesFailsTheWrite() throws {
        let kept = parent + "/cache/previous"
        let writer = OutputWriter(output: output, displayOutput: "public", keepPrevious: kept)
        var first = OutputTree()
        first.add("index.html", "one")
        first.add("m/l", "a file named as the folder below")
        try writer.write(first)
        try writer.write(first)
        var second = OutputTree()
        second.add("index.html", "two")
        second.add("m/l/index.html", "x")
        second.reused = ["m/l"]
        #expect(throws: Diagnostic.self) { try writer.write(second) }
        #expect(try String(contentsOfFile: output + "/index.html", encoding: .utf8) == "one")
    }

    @Test func removesStagingFoldersOfProcessesThatAreGone() throws {
        let fm = FileManager.default
        let dead = try exitedProcessID()
        let alive = ProcessInfo.processInfo.processIdentifier
        // What a build killed while writing leaves, what one killed while removing the previous site
        // leaves, and a build of this process that is still running (it must be kept).
        let killedWhileWriting = ".public-staging-\(dead)-1700000000000"
        let killedWhileRemoving = ".public-staging-\(dead)-1700000000001-previous"
        let running = ".public-staging-\(alive)-1700000000002"
        for name in [killedWhileWriting, killedWhileRemoving, running] {
            try fm.createDirectory(atPath: parent + "/" + name + "/sub", withIntermediateDirectories: true)
            #expect(fm.createFile(atPath: parent + "/" + name + "/sub/page.html", contents: Data("x".utf8)))
            // A staging folder gets the marker before anything else.
            #expect(fm.createFile(atPath: parent + "/" + name + "/" + OutputGuard.markerName, contents: Data(OutputGuard.markerText.utf8)))
        }
        try OutputWriter(output: output, displayOutput: "public").write(tree("new"))
        #expect(try entries() == [running, "public"])
    }

    @Test func refusesTreePathsThatLeaveTheFolder() throws {
        // A `/` joined with a combining mark into one Character still separates names: `../\u{301}x` leaves the folder.
        for bad in ["../escape.html", "/etc/x", "a//b", "a/./b", "", "a/../../b", OutputGuard.markerName, "a\0b", "../\u{301}escape", "a/./\u{301}b"] {
            var tree = tree("x")
            tree.add(bad, "bad")
            #expect(throws: Diagnostic.self) { try OutputWriter(output: output, displayOutput: "public").write(tree) }
        }
        #expect(try entries() == [])
    }

    @Test func refusesToReplaceAFolderItDidNotWrite() throws {
        try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
        #expect(FileManager.default.createFile(atPath: output + "/mine.txt", contents: Data("mine".utf8)))
        #expect(throws: Diagnostic.self) { try OutputWriter(output: output, displayOutput: "public").write(tree("new")) }
        #expect(try entries() == ["public"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: output) == ["mine.txt"])
        try OutputWriter(output: output, displayOutput: "public", replaceOutput: true).write(tree("new"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: output).sorted() == [OutputGuard.markerName, "a", "index.html"])
    }

    /// A full write whose bytes the current site already holds links them instead of writing them, and keeps the
    /// replaced site (which then shares those files) for the next write to recycle; one that shares less than
    /// half of its files removes the replaced site. The site a write replaces is never written into.
    @Test func aFullWriteLinksUnchangedBytesAndKeepsTheReplacedSiteOnlyWhenItSharesMost() throws {
        let kept = parent + "/cache/previous"
        let writer = OutputWriter(output: output, displayOutput: "public", keepPrevious: kept)
        func inode(_ path: String) -> ino_t? {
            var info = stat()
            return lstat(path, &info) == 0 ? info.st_ino : nil
        }
        try writer.write(tree("one"))
        let css = inode(output + "/a/b.css"), page = inode(output + "/index.html")
        try writer.write(tree("one"))
        #expect(inode(output + "/a/b.css") == css)
        #expect(inode(output + "/index.html") == page)
        #expect(OutputGuard.hasMarker(kept), "the replaced site shares every file: kept")
        #expect(inode(kept + "/index.html") == page)
        // Half the files change: the kept site is recycled, the changed page written anew, the replaced site kept.
        try writer.write(tree("two"))
        #expect(try String(contentsOfFile: output + "/index.html", encoding: .utf8) == "two")
        #expect(try String(contentsOfFile: kept + "/index.html", encoding: .utf8) == "one")
        #expect(inode(output + "/a/b.css") == css)
        // Every file changes: nothing is shared, and the replaced site is removed.
        var other = OutputTree()
        other.add("index.html", "three")
        other.add("a/b.css", "c")
        try writer.write(other)
        #expect(!FileManager.default.fileExists(atPath: kept))
        #expect(try String(contentsOfFile: output + "/a/b.css", encoding: .utf8) == "c")
        #expect(try entries() == ["cache", "public"])
    }

    /// A folder sitegen did not write, replaced under `replaceOutput`, is removed even when the new site links most
    /// of its files: it is never moved into the cache as the next write's staging folder.
    @Test func aReplacedForeignFolderIsNeverKept() throws {
        let kept = parent + "/cache/previous"
        try FileManager.default.createDirectory(atPath: output + "/a", withIntermediateDirectories: true)
        try Data("one".utf8).write(to: URL(fileURLWithPath: output + "/index.html"))
        try Data("b".utf8).write(to: URL(fileURLWithPath: output + "/a/b.css"))
        let writer = OutputWriter(output: output, displayOutput: "public", replaceOutput: true, keepPrevious: kept)
        try writer.write(tree("one"))
        #expect(OutputGuard.hasMarker(output))
        #expect(!FileManager.default.fileExists(atPath: kept))
        #expect(try entries() == ["public"])
    }

    /// A recycled file that is a hard link to a file outside the output (planted in the kept site) is unlinked, never
    /// written through: the outside file keeps its bytes and inode.
    @Test func aRecycledHardLinkToAnOutsideFileIsNeverWrittenThrough() throws {
        let (writer, kept) = try keptSiteWriter()
        let outside = parent + "/outside.txt"
        try Data("precious".utf8).write(to: URL(fileURLWithPath: outside))
        var before = stat()
        _ = lstat(outside, &before)
        try FileManager.default.removeItem(atPath: kept + "/index.html")
        #expect(link(outside, kept + "/index.html") == 0)
        try writer.write(tree("two"))
        #expect(try String(contentsOfFile: outside, encoding: .utf8) == "precious")
        var after = stat()
        _ = lstat(outside, &after)
        #expect(after.st_ino == before.st_ino && after.st_size == before.st_size)
        #expect(try String(contentsOfFile: output + "/index.html", encoding: .utf8) == "two")
    }

    /// An incremental write given the current output's listing (`currentFiles`, as a build passes it) recycles by
    /// the kept site's inode numbers alone: a reused file that is the current output's very file stays, one that is
    /// another file (planted, same bytes) is replaced by a link to the current output's, and the new site is the same.
    @Test func recyclingByTheCurrentListingKeepsOnlyTheCurrentOutputsOwnFiles() throws {
        let kept = parent + "/cache/previous"
        func inode(_ path: String) -> ino_t? {
            var info = stat()
            return lstat(path, &info) == 0 ? info.st_ino : nil
        }
        var writer = OutputWriter(output: output, displayOutput: "public", keepPrevious: kept)
        var three = tree("one")
        three.add("c/d.js", "d")
        try writer.write(three)
        try writer.write(three)
        let css = inode(output + "/a/b.css"), script = inode(output + "/c/d.js")
        #expect(inode(kept + "/a/b.css") == css && inode(kept + "/c/d.js") == script)
        try FileManager.default.removeItem(atPath: kept + "/c/d.js")
        try Data("d".utf8).write(to: URL(fileURLWithPath: kept + "/c/d.js"))
        #expect(inode(kept + "/c/d.js") != script)
        writer.currentFiles = Dictionary(FolderListing.walk(output).entries.compactMap { entry in entry.info.map { (entry.path, $0) } },
                                         uniquingKeysWith: { first, _ in first })
        var edit = OutputTree()
        edit.add("index.html", "two")
        edit.reused = ["a/b.css", "c/d.js"]
        try writer.write(edit)
        #expect(try String(contentsOfFile: output + "/index.html", encoding: .utf8) == "two")
        #expect(inode(output + "/a/b.css") == css, "the current output's file, kept in the recycled site")
        #expect(inode(output + "/c/d.js") == script, "the planted file replaced by the current output's")
        #expect(try String(contentsOfFile: output + "/c/d.js", encoding: .utf8) == "d")
        #expect(FolderListing.entries(under: output).sorted() == [OutputGuard.markerName, "a/b.css", "c/d.js", "index.html"].sorted())
    }

    /// A build claims the kept site while its pages render (`claim`): the claimed folder is the write's staging
    /// folder, and a claim the build does not write (it failed) goes back where the site was kept, whole; a claim
    /// with a refused tree goes back too, and the output is untouched.
    @Test func aClaimIsWrittenOrGivenBack() throws {
        let (writer, kept) = try keptSiteWriter()
        let before = FolderListing.entries(under: kept)
        // Kept long ago: the claim makes the folder's times now, so that no other build's cleanup takes it for stale.
        var old = [timespec(tv_sec: 1_000_000_000, tv_nsec: 0), timespec(tv_sec: 1_000_000_000, tv_nsec: 0)]
        #expect(utimensat(AT_FDCWD, kept, &old, 0) == 0)
        let claim = writer.claim()
        let modified = try #require(try FileManager.default.attributesOfItem(atPath: claim.staging)[.modificationDate] as? Date)
        #expect(Date().timeIntervalSince(modified) < 600)
        #expect(claim.listing != nil && !FileManager.default.fileExists(atPath: kept))
        #expect(FileManager.default.fileExists(atPath: claim.staging + "/index.html"))
        writer.release(claim)
        #expect(FolderListing.entries(under: kept) == before && !FileManager.default.fileExists(atPath: claim.staging))
        // A refused tree gives the claim back.
        var refused = tree("two")
        refused.add("../escape", "x")
        let second = writer.claim()
        #expect(throws: Diagnostic.self) { try writer.write(refused, claimed: second) }
        #expect(FolderListing.entries(under: kept) == before && !FileManager.default.fileExists(atPath: second.staging))
        #expect(try String(contentsOfFile: output + "/index.html", encoding: .utf8) == "one")
        // Written: the claimed folder becomes the site, nothing is left behind.
        try writer.write(tree("three"), claimed: writer.claim())
        #expect(try String(contentsOfFile: output + "/index.html", encoding: .utf8) == "three")
        #expect(try entries().filter { $0.contains("staging") }.isEmpty)
        // Nothing kept: a claim without a listing, and the write starts from an empty folder.
        let bare = OutputWriter(output: output, displayOutput: "public", keepPrevious: parent + "/cache/none")
        let empty = bare.claim()
        #expect(empty.listing == nil)
        try bare.write(tree("four"), claimed: empty)
        #expect(try String(contentsOfFile: output + "/index.html", encoding: .utf8) == "four")
    }

    /// A claim for an output folder the writer may not replace (not empty, no marker) touches nothing: not the kept
    /// site, not a staging folder a killed build left beside the output, not the output; the write then refuses.
    @Test func aClaimForAFolderItMayNotReplaceTouchesNothing() throws {
        let fm = FileManager.default
        let (writer, kept) = try keptSiteWriter()
        let keptBefore = FolderListing.entries(under: kept)
        try fm.removeItem(atPath: output)
        try fm.createDirectory(atPath: output, withIntermediateDirectories: true)
        #expect(fm.createFile(atPath: output + "/mine.txt", contents: Data("mine".utf8)))
        let leftover = ".public-staging-\(try exitedProcessID())-1700000000000"
        try fm.createDirectory(atPath: parent + "/" + leftover, withIntermediateDirectories: true)
        #expect(fm.createFile(atPath: parent + "/" + leftover + "/" + OutputGuard.markerName, contents: Data(OutputGuard.markerText.utf8)))
        let before = try entries()
        let claim = writer.claim()
        #expect(claim.listing == nil)
        #expect(try entries() == before)
        #expect(FolderListing.entries(under: kept) == keptBefore)
        #expect(throws: Diagnostic.self) { try writer.write(tree("two"), claimed: claim) }
        #expect(try entries() == before)
        #expect(FolderListing.entries(under: kept) == keptBefore)
        #expect(try fm.contentsOfDirectory(atPath: output) == ["mine.txt"])
    }

    /// A file whose bytes are still being made (`OutputTree.pending`, an edit's search index) is written with the
    /// others once they are there, replacing the current output's version; the tree then holds its bytes.
    @Test func aPendingFileIsWrittenOnceItsBytesAreThere() throws {
        let writer = OutputWriter(output: output, displayOutput: "public", keepPrevious: parent + "/cache/previous")
        var first = tree("one")
        first.add("assets/index.js", later: Background { Array("old".utf8) })
        try writer.write(first)
        var second = tree("one")
        second.add("assets/index.js", later: Background {
            usleep(20_000)
            return Array("new".utf8)
        })
        #expect(second.files["assets/index.js"] == [])
        // Bytes added later for a pending path replace the pending ones.
        var replaced = tree("one")
        replaced.add("x.js", later: Background { Array("pending".utf8) })
        replaced.add("x.js", "added")
        #expect(replaced.pending.isEmpty && replaced["x.js"] == "added")
        try writer.write(second)
        #expect(try String(contentsOfFile: output + "/assets/index.js", encoding: .utf8) == "new")
        second.finishPending()
        #expect(second["assets/index.js"] == "new" && second.pending.isEmpty)
    }

    @Test func onlyRelativePathsWithoutDotPartsAreWritten() {
        for path in ["index.html", "a/b.css", "a/.hidden", "a/.../b", "a..b/c", "...", "a/b."] {
            #expect(OutputWriter.isSafe(path), "\(path)")
        }
        for path in ["", "/a", "a/", "a//b", ".", "..", "a/./b", "a/../b", "a/..", "./a", OutputGuard.markerName, "a\u{0}b"] {
            #expect(!OutputWriter.isSafe(path), "\(path.debugDescription)")
        }
    }

    @Test func readsTheOwnerFromTheFolderName() {
        let prefix = ".public-staging-"
        #expect(OutputWriter.ownerProcess(stagingName: ".public-staging-4242-1700000000000", prefix: prefix) == 4242)
        #expect(OutputWriter.ownerProcess(stagingName: ".public-staging-4242-1700000000000-previous", prefix: prefix) == 4242)
        #expect(OutputWriter.ownerProcess(stagingName: ".public-staging-x-1", prefix: prefix) == nil)
        #expect(OutputWriter.processIsRunning(ProcessInfo.processInfo.processIdentifier))
    }
}
