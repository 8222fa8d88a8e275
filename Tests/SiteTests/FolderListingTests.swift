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
}
