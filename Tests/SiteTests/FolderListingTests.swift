import Foundation
import Testing
@testable import Site

@Suite("FolderListing: relative paths of what lies below a folder")
struct FolderListingTests {
    @Test("a name that begins with a combining mark is listed relative, like any other; links are listed, not followed")
    func combiningMarkAndLinks() throws {
        let fm = FileManager.default
        let folder = (NSTemporaryDirectory() as NSString).appendingPathComponent("sitegen-listing-\(UUID().uuidString)")
        defer { try? fm.removeItem(atPath: folder) }
        try fm.createDirectory(atPath: folder + "/a/\u{0301}b", withIntermediateDirectories: true)
        for name in ["\u{0320}", "a/x.txt", "a/\u{0301}b/y.txt"] {
            #expect(fm.createFile(atPath: folder + "/" + name, contents: Data(name.utf8)))
        }
        try fm.createSymbolicLink(atPath: folder + "/link", withDestinationPath: folder + "/a")
        // FileManager.enumerator(atPath:) returns the first name as a full path; FolderListing does not.
        #expect(FolderListing.entries(under: folder) == ["a/x.txt", "a/\u{0301}b/y.txt", "link", "\u{0320}"].sorted())
        #expect(FolderListing.entries(under: folder + "/missing").isEmpty)
    }

    @Test("paths are sorted by their UTF-8 bytes, a folder's files after a sibling name that sorts before its slash")
    func byteOrder() throws {
        let fm = FileManager.default
        let folder = (NSTemporaryDirectory() as NSString).appendingPathComponent("sitegen-listing-\(UUID().uuidString)")
        defer { try? fm.removeItem(atPath: folder) }
        try fm.createDirectory(atPath: folder + "/a", withIntermediateDirectories: true)
        for name in ["a/b", "a-b", "a.b", "é", "z", "A", "ab"] {
            #expect(fm.createFile(atPath: folder + "/" + name, contents: Data()))
        }
        let expected = ["A", "a-b", "a.b", "a/b", "ab", "z", "é"]
        #expect(FolderListing.entries(under: folder) == expected)
        #expect(expected.sorted(by: FolderListing.precedes) == expected)
        #expect(!FolderListing.precedes("a", "a") && FolderListing.precedes("", "a") && !FolderListing.precedes("ab", "a"))
    }
}
