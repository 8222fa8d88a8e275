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

    /// The record reads back as it was saved, page keys and quotes included (a key may hold spaces and any letters);
    /// cut short, of an older format, a line of no kind, or not UTF-8, it is none.
    @Test func theRecordReadsBackAsSavedAndADamagedOneIsNone() throws {
        let root = (NSTemporaryDirectory() as NSString).appendingPathComponent("sitegen-fingerprint-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let paths = BuildPaths(root: root)
        let fingerprint = BuildFingerprint(
            inputs: "0123abcd", pages: 5, site: "feed", pageKeys: ["lesson intro/first.md": "d1", "lesson intro/a b é.md": "d2"],
            quotes: ["lesson intro/a b é.md": [QuotedBlock(lesson: "intro/first", block: "sgd-variants", digest: "c0ffee")]],
            output: ["index.html 10 1.5", "intro/a b é/index.html 20 2.25"])
        fingerprint.save(paths)
        let saved = try #require(PlainFile.read(BuildFingerprint.file(paths)))
        #expect(String(decoding: saved, as: UTF8.self) == """
            v5 0123abcd
            5
            feed
            page d2 lesson intro/a b é.md
            page d1 lesson intro/first.md
            quote c0ffee intro/first sgd-variants lesson intro/a b é.md
            file index.html 10 1.5
            file intro/a b é/index.html 20 2.25
            end
            """)
        #expect(BuildFingerprint.load(paths) == fingerprint)
        #expect(BuildFingerprint.parse(saved) == fingerprint)
        #expect(BuildFingerprint.parse(Array(saved.dropLast(4))) == nil, "cut before its end line")
        #expect(BuildFingerprint.parse(Array("v4 ".utf8) + saved.dropFirst(3)) == nil, "an older format")
        let text = String(decoding: saved, as: UTF8.self)
        #expect(BuildFingerprint.parse(Array(text.replacingOccurrences(of: "\nfile index.html", with: "\nfiles index.html").utf8)) == nil)
        var invalid = saved
        invalid[invalid.count / 2] = 0xFF
        #expect(BuildFingerprint.parse(invalid) == nil, "not UTF-8")
    }
}
