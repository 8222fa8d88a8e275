import Diagnostics
import Testing
@testable import Site

/// `FrontMatter.outline`: every field of a lesson's header reaches the site's outline hash, unambiguously.
struct FrontMatterOutlineTests {
    let base = FrontMatter(title: "T", summary: "S", date: "2026-01-02", order: 3, draft: false, readingTime: 4,
                           layout: "lesson", layoutLocation: SourceLocation(file: "content/m/t.md", line: 7, column: 9))

    @Test func everyFieldChangesTheOutline() {
        var changed: [FrontMatter] = []
        var f = base; f.title = "U"; changed.append(f)
        f = base; f.summary = ""; changed.append(f)
        f = base; f.date = nil; changed.append(f)
        f = base; f.order = nil; changed.append(f)
        f = base; f.draft = true; changed.append(f)
        f = base; f.readingTime = 5; changed.append(f)
        f = base; f.layout = nil; changed.append(f)
        f = base; f.layoutLocation?.line = 8; changed.append(f)
        // One case per stored property: a field added to FrontMatter must be added to `outline` and here.
        #expect(changed.count == Mirror(reflecting: base).children.count)
        let outlines = Set(changed.map(\.outline) + [base.outline])
        #expect(outlines.count == changed.count + 1)
    }

    @Test func aNewlineInsideAValueDoesNotReadAsAnotherField() {
        var a = base, b = base
        a.title = "T\nsummary 1:S"
        a.summary = ""
        b.title = "T"
        b.summary = "S"
        #expect(a.outline != b.outline)
    }
}
