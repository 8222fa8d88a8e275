import Testing
@testable import Site

/// The names the template checker accepts are the keys of every dictionary a page context holds, however
/// deep and in whatever kind of list.
@Suite struct TemplateContextNamesTests {
    static var context: [String: Any] { [
        "site": ["title": "T"] as [String: Any],
        "nav": [["url": "a", "lessons": [["current": true]] as [[String: Any]]]] as [[String: Any]],
        "mixed": ["text", 3, ["inner": ["deep": 1] as [String: Any]] as [String: Any]] as [Any],
        "empty": [[String: Any]](),
        "leaf": "x",
    ] }

    @Test func keysOfNestedDictionariesAndListsAreNames() {
        var names = ContextNames(Self.context)
        let all = names.all()
        #expect(all == ["current", "deep", "empty", "inner", "leaf", "lessons", "mixed", "nav", "site", "title", "url"])
        var none = ContextNames([String: Any]())
        let nothing = none.all()
        #expect(nothing == [])
    }

    /// Asked name by name, the answer is the same whatever was asked before, and the full list after questions
    /// is the full list.
    @Test func questionsFindDeepNamesAndRefuseMissingOnes() {
        var names = ContextNames(Self.context, adding: ["sub"])
        let answers = ["site", "deep", "current", "sub", "missing", "missing"].map { names.contains($0) }
        #expect(answers == [true, true, true, true, false, false])
        names.insert("content")
        let content = names.contains("content")
        #expect(content)
        let all = names.all()
        #expect(all == ["content", "current", "deep", "empty", "inner", "leaf", "lessons", "mixed", "nav", "site",
                                "sub", "title", "url"])
    }
}
