import Testing
@testable import Site

/// The names the template checker accepts are the keys of every dictionary a page context holds, however
/// deep and in whatever kind of list.
@Suite struct TemplateContextNamesTests {
    @Test func keysOfNestedDictionariesAndListsAreNames() {
        let context: [String: Any] = [
            "site": ["title": "T"] as [String: Any],
            "nav": [["url": "a", "lessons": [["current": true]] as [[String: Any]]]] as [[String: Any]],
            "mixed": ["text", 3, ["inner": ["deep": 1] as [String: Any]] as [String: Any]] as [Any],
            "empty": [[String: Any]](),
            "leaf": "x",
        ]
        #expect(TemplateSet.contextNames(context)
                == ["site", "title", "nav", "url", "lessons", "current", "mixed", "inner", "deep", "empty", "leaf"])
        #expect(TemplateSet.contextNames([String: Any]()) == [])
    }
}
