import Foundation
import Testing
@testable import Site

/// How the writer puts one file into its staging folder: bytes the current output already holds are linked,
/// bytes the recycled folder already holds are kept, a recycled file no other name shares is written in
/// place, and nothing the current output holds is ever written into.
@Suite struct StagedFileTests {
    let folder = NSTemporaryDirectory() + "sitegen-staged-\(UUID().uuidString)"
    var staged: String { folder + "/staging/page.html" }
    var current: String { folder + "/public/page.html" }

    init() throws {
        for name in ["staging", "public"] {
            try FileManager.default.createDirectory(atPath: folder + "/" + name, withIntermediateDirectories: true)
        }
    }

    func inode(_ path: String) -> ino_t? {
        var info = stat()
        return lstat(path, &info) == 0 ? info.st_ino : nil
    }

    func contents(_ path: String) -> String? {
        FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) }
    }

    @Test func bytesTheCurrentOutputHoldsAreLinked() throws {
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try PlainFile.write(Array("same".utf8), to: current)
        #expect(try StagedFile.place(Array("same".utf8), at: staged, current: current) == .linked)
        #expect(inode(staged) == inode(current))
        #expect(try StagedFile.place(Array("same".utf8), at: staged, current: current) == .linked, "already the current file")
    }

    @Test func otherBytesAreWrittenToANewFileAndTheCurrentOutputIsUntouched() throws {
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try PlainFile.write(Array("old page".utf8), to: current)
        // The recycled folder's file is the current output's file (a hard link): it must not be written through.
        #expect(link(current, staged) == 0)
        #expect(try StagedFile.place(Array("new page".utf8), at: staged, current: current) == .created)
        #expect(contents(current) == "old page")
        #expect(contents(staged) == "new page")
        #expect(inode(staged) != inode(current))
    }

    @Test func aRecycledFileOfItsOwnIsKeptOrWrittenInPlace() throws {
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try PlainFile.write(Array("a longer old page".utf8), to: staged)
        let before = inode(staged)
        #expect(try StagedFile.place(Array("a longer old page".utf8), at: staged, current: current) == .kept)
        #expect(try StagedFile.place(Array("new".utf8), at: staged, current: current) == .rewritten)
        #expect(inode(staged) == before)
        #expect(contents(staged) == "new")
        // When the current output holds the bytes, the recycled file gives way to a link to it.
        try PlainFile.write(Array("shared".utf8), to: current)
        #expect(try StagedFile.place(Array("shared".utf8), at: staged, current: current) == .linked)
        #expect(inode(staged) == inode(current))
    }

    @Test func aRecycledFileSharedWithAnotherNameIsNeverWrittenThrough() throws {
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let elsewhere = folder + "/elsewhere.txt"
        try PlainFile.write(Array("the author's".utf8), to: elsewhere)
        #expect(link(elsewhere, staged) == 0)
        // Even with equal bytes a planted hard link is not kept: the site would share a file with the author's.
        #expect(try StagedFile.place(Array("the author's".utf8), at: staged, current: current) == .created)
        #expect(try StagedFile.place(Array("page".utf8), at: staged, current: current) == .rewritten)
        #expect(contents(elsewhere) == "the author's")
        try FileManager.default.removeItem(atPath: staged)
        try FileManager.default.createSymbolicLink(atPath: staged, withDestinationPath: elsewhere)
        #expect(try StagedFile.place(Array("page".utf8), at: staged, current: current) == .created)
        #expect(contents(elsewhere) == "the author's")
        #expect(contents(staged) == "page")
    }

    @Test func holdsComparesSizeAndEveryByte() throws {
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let big = [UInt8]((0..<200_000).map { UInt8(truncatingIfNeeded: $0 &* 7) })
        try PlainFile.write(big, to: current)
        #expect(StagedFile.holds(current, big))
        var changed = big
        changed[150_000] ^= 1
        #expect(!StagedFile.holds(current, changed))
        #expect(!StagedFile.holds(current, Array(big.dropLast())))
        #expect(!StagedFile.holds(current, big + [0]))
        #expect(!StagedFile.holds(folder + "/missing", []))
        try PlainFile.write([UInt8](), to: current)
        #expect(StagedFile.holds(current, []))
    }
}
