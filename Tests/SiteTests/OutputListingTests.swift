import Foundation
import Testing
@testable import Site

/// The output folder's listing in the build record (`BuildFingerprint`): its lines, and the byte comparison every
/// build makes against a walk of the folder instead of making the lines again.
@Suite struct OutputListingTests {
    @Test func decimalsAreTheBytesStringInterpolationWrites() {
        for number in [0, 7, 9, 10, 11, 99, 100, 101, 4_096, 123_456_789, -1, -10, -305, Int.max, Int.min] {
            var bytes: [UInt8] = [UInt8(ascii: "x")]
            bytes.appendDecimal(number)
            #expect(String(decoding: bytes, as: UTF8.self) == "x\(number)")
        }
    }

    @Test func aRecordedListingMatchesItsFolderUntilAFileChanges() throws {
        let fm = FileManager.default
        let folder = (NSTemporaryDirectory() as NSString).appendingPathComponent("sitegen-output-listing-\(UUID().uuidString)")
        defer { try? fm.removeItem(atPath: folder) }
        try fm.createDirectory(atPath: folder + "/lesson", withIntermediateDirectories: true)
        for (name, text) in [("index.html", "home"), ("lesson/index.html", "a lesson"), ("lesson/é script.py", "print(1)\n")] {
            #expect(fm.createFile(atPath: folder + "/" + name, contents: Data(text.utf8)))
        }
        // A link to a file is listed as that file; links to a folder or to nothing are no file.
        try fm.createSymbolicLink(atPath: folder + "/copy.html", withDestinationPath: folder + "/index.html")
        try fm.createSymbolicLink(atPath: folder + "/folder-link", withDestinationPath: folder + "/lesson")
        try fm.createSymbolicLink(atPath: folder + "/nowhere", withDestinationPath: folder + "/missing")
        let entries = FolderListing.walk(folder).entries
        let recorded = BuildFingerprint.listing(entries, in: folder)
        #expect(recorded.map { String($0.prefix { $0 != " " }) } == ["copy.html", "index.html", "lesson/index.html", "lesson/é"])
        #expect(recorded[0].hasSuffix(BuildFingerprint.identity(folder + "/index.html")!))
        #expect(BuildFingerprint.listing(recorded, matches: entries, in: folder))
        // A line more, a line less, or one changed (a size or a time) is no match.
        #expect(!BuildFingerprint.listing(recorded + ["extra.html 1 0.0"], matches: entries, in: folder))
        #expect(!BuildFingerprint.listing(Array(recorded.dropLast()), matches: entries, in: folder))
        #expect(!BuildFingerprint.listing([], matches: entries, in: folder))
        var changed = recorded
        changed[2] = changed[2].replacingOccurrences(of: "lesson/index.html 8 ", with: "lesson/index.html 9 ")
        #expect(changed != recorded)
        #expect(!BuildFingerprint.listing(changed, matches: entries, in: folder))
        #expect(fm.createFile(atPath: folder + "/lesson/index.html", contents: Data("a lesson, edited".utf8)))
        #expect(!BuildFingerprint.listing(recorded, matches: FolderListing.walk(folder).entries, in: folder))
    }
}
