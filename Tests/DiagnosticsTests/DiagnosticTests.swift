import Testing
@testable import Diagnostics

@Suite struct DiagnosticTests {
    @Test func printsInCompilerForm() {
        let d = Diagnostic.error(at: SourceLocation(file: "content/m/lesson.md", line: 3, column: 7), "bad thing")
        #expect(d.description == "content/m/lesson.md:3:7: error: bad thing")
        #expect(Diagnostic.warning(at: nil, "x").description == "warning: x")
    }

    @Test func listSortsByLocation() {
        let a = Diagnostic.error(at: SourceLocation(file: "b.md", line: 1, column: 1), "b")
        let b = Diagnostic.error(at: SourceLocation(file: "a.md", line: 9, column: 1), "a")
        let list = DiagnosticList([a, b])
        #expect(list.diagnostics.map(\.message) == ["a", "b"])
        #expect(list.description == "a.md:9:1: error: a\nb.md:1:1: error: b")
    }

    @Test func suggestsCloseNames() {
        #expect(DidYouMean.suggestion(for: "adamw", among: ["SGD", "Adam", "AdamW"]) == "AdamW")
        #expect(DidYouMean.suggestion(for: "Adm", among: ["SGD", "Adam", "AdamW"]) == "Adam")
        #expect(DidYouMean.suggestion(for: "RMSprop", among: ["SGD", "Adam", "AdamW"]) == nil)
        // Two 100 000-character names used to fill a 10¹⁰-cell table (80 GB: "failed to allocate").
        let long = String(repeating: "a", count: 100_000)
        #expect(DidYouMean.suggestion(for: long + "b", among: [long, "Adam"]) == nil)
        let limit = String(repeating: "a", count: DidYouMean.maxLength - 1)
        #expect(DidYouMean.suggestion(for: limit + "b", among: [limit + "c", "Adam"]) == limit + "c")
        #expect(DidYouMean.hint(for: "SDG", among: ["SGD"]) == " (did you mean 'SGD'?)")
        #expect(DidYouMean.suggestion(for: "titel", among: ["site", "title"]) == "title")
        #expect(DidYouMean.editDistance("titel", "title") == 1)
        #expect(DidYouMean.editDistance("kitten", "sitting") == 3)
    }
}
