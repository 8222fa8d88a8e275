import Foundation
import Testing
@testable import Site

/// The tag scan the template checks read (`TemplateTag.scan`): names, kinds and locations, columns counted in scalars.
@Suite struct TemplateTagScanTests {
    @Test func tagsWithTheirKindsAndLocations() {
        let tags = TemplateTag.scan("é {{ title }}\n  {{> partials/nav}}\n{{#lesson}}{{{ body }}}{{/lesson}}{{! note }}", file: "t")
        #expect(tags.map(\.name) == ["title", "partials/nav", "lesson", "body"])
        #expect(tags.map(\.kind) == [.variable, .partial, .variable, .variable])
        #expect(tags.map { [$0.location.line, $0.location.column] } == [[1, 3], [2, 3], [3, 1], [3, 12]])
        #expect(tags[1].indented && tags[1].enclosing == nil)
        #expect(tags[2].isSection && tags[3].printsRaw)
    }

    /// The trim is Foundation's `.whitespaces` for every scalar (more than Zs and the tab: U+200B too), at both ends only.
    @Test func whiteSpaceIsTrimmedAsFoundationTrimsIt() {
        for value in UInt32(0)...0x3100 where value < 0xD800 || value > 0xDFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let text = "\(Character(scalar))x\(Character(scalar))y\(Character(scalar))"
            #expect(TemplateTag.trimmingWhitespace(Substring(text)) == text.trimmingCharacters(in: .whitespaces), "U+\(String(value, radix: 16))")
        }
        #expect(TemplateTag.trimmingWhitespace(" \t\u{3000} ") == "")
        #expect(TemplateTag.trimmingWhitespace("\u{00A0}a b\t") == "a b")
        #expect(TemplateTag.trimmingWhitespace("\u{200B}x\u{FEFF}") == "x\u{FEFF}".trimmingCharacters(in: .whitespaces))
    }
}
