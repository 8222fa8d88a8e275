import Diagnostics
import Foundation
import Testing
@testable import Site

/// Where the front matter ends and the body begins: the body is the text after the closing `---`
/// byte for byte, and its first line's number in the file is known.
@Suite struct FrontMatterSplitTests {
    func split(_ text: String) throws(Diagnostic) -> (title: String, body: String, offset: Int) {
        let (frontMatter, body, offset) = try FrontMatter.split(text, file: "content/m/l.md")
        return (frontMatter.title, body, offset)
    }

    @Test func bodyIsTheRestOfTheFileAsWritten() throws {
        let result = try split("---\ntitle: T\nsummary: S\n---\n\n# Head\n\ntext  \n\n\n")
        #expect(result.title == "T")
        #expect(result.body == "\n# Head\n\ntext  \n\n\n")
        #expect(result.offset == 4)   // the body's first line is line 5
    }

    @Test func closingLineMayEndTheFileOrCarrySpaces() throws {
        #expect(try split("---\ntitle: T\n---").body == "")
        #expect(try split("---\ntitle: T\n---\n").body == "")
        let spaced = try split("--- \ntitle: T\n  ---  \nbody")
        #expect(spaced.body == "body")
        #expect(spaced.offset == 3)
    }

    /// A fence line's white space is trimmed as `CharacterSet.whitespaces` trims it: spaces and tabs (read from
    /// bytes on an ASCII line), and on any other line Unicode's space separators too; a carriage return is not white space.
    @Test func fenceLinesAreTrimmedOfSpacesTabsAndOtherSpaceSeparators() throws {
        #expect(try split("---\t\ntitle: T\n\t--- \t\nbody").body == "body")
        #expect(try split("---\u{A0}\ntitle: T\n\u{2003}---\nbody").body == "body")
        #expect(throws: Diagnostic.self) { try split("---\r\ntitle: T\n---\nbody") }
        #expect(throws: Diagnostic.self) { try split("-- -\ntitle: T\n---\nbody") }
    }

    @Test func aDashLineInTheBodyIsNotTheFrontMatter() throws {
        let result = try split("---\ntitle: T\n---\nabove\n---\nbelow\n")
        #expect(result.body == "above\n---\nbelow\n")
    }

    @Test func emptyFrontMatterAsksForATitle() {
        #expect(throws: Diagnostic.self) { try split("---\n---\nbody\n") }
        do {
            _ = try split("---\n---\nbody\n")
        } catch {
            #expect(error.description == "content/m/l.md:2:1: error: front matter needs a 'title'")
        }
    }

    @Test func missingOrUnclosedFrontMatter() {
        for (text, message) in [
            ("title: T\n", "content/m/l.md:1:1: error: missing front matter: start the file with a '---' line, then at least 'title: …', then '---'"),
            ("", "content/m/l.md:1:1: error: missing front matter: start the file with a '---' line, then at least 'title: …', then '---'"),
            ("---\ntitle: T\n", "content/m/l.md:1:1: error: front matter is not closed: add a '---' line after its last key"),
            ("---", "content/m/l.md:1:1: error: front matter is not closed: add a '---' line after its last key"),
        ] {
            do {
                _ = try split(text)
                Issue.record("\(text.debugDescription) was accepted")
            } catch {
                #expect(error.description == message)
            }
        }
    }

    /// A lesson file is split from its bytes (`FrontMatter.split(utf8:)`), without its text as one string: the
    /// same header, body and line offset as the text's split, and the same message where that has a problem.
    @Test func aFileSplitFromItsBytesIsSplitAsItsText() throws {
        func viaBytes(_ bytes: [UInt8]) -> Result<(String, String, Int), Diagnostic> {
            Result { () throws(Diagnostic) -> (String, String, Int) in
                let lesson = try ContentLoader.lesson(from: Data(bytes), slug: "l", module: "m", sourcePath: "content/m/l.md", absolutePath: "/x")
                return (lesson.frontMatter.title, lesson.body, lesson.bodyLineOffset)
            }
        }
        for text in ["---\ntitle: T\nsummary: S\n---\n\n# Head\n\ntext  \n\n\n", "---\ntitle: T\n---", "---\ntitle: T\n---\n",
                     "--- \ntitle: Café\n  ---  \nbody ☕", "---\u{A0}\ntitle: T\n\u{2003}---\nbody", "---\ntitle: T\n---\nabove\n---\nbelow\n",
                     "title: T\n", "", "---\ntitle: T\n", "---", "---\n---\nbody\n", "-- -\ntitle: T\n---\nbody"] {
            let expected = Result { () throws(Diagnostic) -> (String, String, Int) in try split(text) }
            switch (viaBytes(Array(text.utf8)), expected) {
            case (.success(let got), .success(let want)):
                #expect(got == want, "\(text.debugDescription)")
            case (.failure(let got), .failure(let want)):
                #expect(got.description == want.description, "\(text.debugDescription)")
            default:
                Issue.record("\(text.debugDescription): bytes and text disagree")
            }
        }
        let invalid = Array("---\ntitle: T\n---\nbody ".utf8) + [0xC3, 0x28]
        for bytes in [invalid, [0xFF] + Array("---\ntitle: T\n---\n".utf8), Array("---\ntitle: \u{FF}".utf8).dropLast() + Array("\n---\n".utf8)] {
            guard case .failure(let error) = viaBytes(bytes) else { Issue.record("\(bytes) was accepted"); continue }
            #expect(error.description == "content/m/l.md:1:1: error: the file is not valid UTF-8: save it as UTF-8")
        }
        // A byte-order mark goes the way of the text.
        let marked = try ContentLoader.lesson(from: Data([0xEF, 0xBB, 0xBF] + Array("---\ntitle: T\n---\nbody".utf8)), slug: "l", module: "m",
                                              sourcePath: "content/m/l.md", absolutePath: "/x")
        #expect(marked.body == "body")
    }

    @Test func windowsLineEndingsAreReadAsNewlines() throws {
        let data = Data("---\r\ntitle: T\r\n---\r\nline one\r\nline two\r\n".utf8)
        let lesson = try ContentLoader.lesson(from: data, slug: "l", module: "m", sourcePath: "content/m/l.md", absolutePath: "/x")
        #expect(lesson.frontMatter.title == "T")
        #expect(lesson.body == "line one\nline two\n")
        #expect(lesson.bodyLineOffset == 3)
    }
}
