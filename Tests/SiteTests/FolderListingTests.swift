import Foundation
import Testing
@testable import Site

@Suite("FolderListing: relative paths of what lies below a folder")
struct FolderListingTests {
    @Test("a name that begins with a combining mark is listed relative, like any other; links are listed, not followed")
    func combiningMarkAndLinks() throws {
        let fm = FileManager.default
        let folder = try Self.folder(holding: ["\u{0320}", "a/x.txt", "a/\u{0301}b/y.txt"])
        defer { try? fm.removeItem(atPath: folder) }
        try fm.createSymbolicLink(atPath: folder + "/link", withDestinationPath: folder + "/a")
        // FileManager.enumerator(atPath:) returns the first name as a full path; FolderListing does not.
        #expect(FolderListing.entries(under: folder) == ["a/x.txt", "a/\u{0301}b/y.txt", "link", "\u{0320}"].sorted())
        #expect(FolderListing.entries(under: folder + "/missing").isEmpty)
    }

    @Test("paths are sorted by their UTF-8 bytes, a folder's files after a sibling name that sorts before its slash")
    func byteOrder() throws {
        let folder = try Self.folder(holding: ["a/b", "a-b", "a.b", "é", "z", "A", "ab"])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let expected = ["A", "a-b", "a.b", "a/b", "ab", "z", "é"]
        #expect(FolderListing.entries(under: folder) == expected)
        #expect(expected.sorted(by: FolderListing.precedes) == expected)
        #expect(!FolderListing.precedes("a", "a") && FolderListing.precedes("", "a") && !FolderListing.precedes("ab", "a"))
    }

    /// A new temporary folder holding a file at each of `paths` (its bytes, its path), folders made as needed.
    static func folder(holding paths: [String]) throws -> String {
        let fm = FileManager.default
        let folder = (NSTemporaryDirectory() as NSString).appendingPathComponent("sitegen-listing-\(UUID().uuidString)")
        for path in paths {
            // The parent found by bytes: a name may begin with a combining mark, which NSString's path methods join to
            // the slash before it.
            let parent = path.utf8.lastIndex(of: UInt8(ascii: "/")).map { String(path[..<$0]) } ?? ""
            try fm.createDirectory(atPath: folder + "/" + parent, withIntermediateDirectories: true)
            #expect(fm.createFile(atPath: folder + "/" + path, contents: Data(path.utf8)))
        }
        return folder
    }
}
