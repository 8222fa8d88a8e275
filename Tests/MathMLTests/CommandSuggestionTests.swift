import Testing
@testable import MathML

@Suite struct CommandSuggestionTests {
    func distance(_ a: String, _ b: String) -> Int {
        CommandSuggestion.editDistance(Array(a.unicodeScalars), Array(b.unicodeScalars))
    }

    @Test func editDistance() {
        #expect(distance("frac", "frac") == 0)
        #expect(distance("fracc", "frac") == 1)
        #expect(distance("alpah", "alpha") == 1)
        #expect(distance("kitten", "sitting") == 3)
        #expect(distance("", "abc") == 3)
    }

    @Test func closestWithinTwoEdits() {
        #expect(CommandSuggestion.closest(to: "lamda", among: ["lambda", "Lambda", "alpha"]) == "lambda")
        #expect(CommandSuggestion.closest(to: "xyzzy", among: ["lambda", "alpha"]) == nil)
    }
}
