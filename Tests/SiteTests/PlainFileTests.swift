import Foundation
import Testing
@testable import Site

/// Files written in place (the output's staging folder, cache files): whole bytes, a shorter text
/// replacing a longer one, the mode `FileManager.createFile` gives, and an error for a missing folder.
@Suite struct PlainFileTests {
    let folder = NSTemporaryDirectory() + "sitegen-plain-\(UUID().uuidString)"

    @Test func writesTheBytesAndReplacesALongerFile() throws {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/page.html"
        let long = [UInt8](repeating: 0x61, count: 300_000)
        try PlainFile.write(long, to: path)
        #expect(FileManager.default.contents(atPath: path) == Data(long))
        try PlainFile.write(Data("short".utf8), to: path)
        #expect(FileManager.default.contents(atPath: path) == Data("short".utf8))
        let reference = folder + "/reference.html"
        #expect(FileManager.default.createFile(atPath: reference, contents: Data("x".utf8)))
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == (try FileManager.default.attributesOfItem(atPath: reference)[.posixPermissions] as? Int))
    }

    @Test func aSymbolicLinkIsAnErrorAndWhatItPointsToIsUntouched() throws {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let outside = folder + "/outside.txt", link = folder + "/page.html"
        try Data("the author's".utf8).write(to: URL(fileURLWithPath: outside))
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: outside)
        #expect(throws: POSIXError.self) { try PlainFile.write(Data("page".utf8), to: link) }
        #expect(FileManager.default.contents(atPath: outside) == Data("the author's".utf8))
    }

    @Test func aMissingFolderIsAnError() {
        #expect(throws: POSIXError.self) { try PlainFile.write([1, 2, 3], to: folder + "/missing/page.html") }
    }
}
