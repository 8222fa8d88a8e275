import Testing
@testable import SyntaxHighlight

@Suite struct YAMLHighlightTests {
    @Test func keysValuesAndComments() throws {
        let code = "# config\nname: adamw\nlr: 1e-3\nflag: true\ntext: \"hi # not a comment\" # note\n"
        #expect(try html(code, "yaml") ==
            span("comment", "# config") + "\n" + span("key", "name") + span("punctuation", ":") + " "
            + span("string", "adamw") + "\n" + span("key", "lr") + span("punctuation", ":") + " "
            + span("number", "1e-3") + "\n" + span("key", "flag") + span("punctuation", ":") + " "
            + span("constant", "true") + "\n" + span("key", "text") + span("punctuation", ":") + " "
            + span("string", "&quot;hi # not a comment&quot;") + " " + span("comment", "# note") + "\n")
    }

    @Test func sequencesFlowCollectionsAndAnchors() throws {
        let code = "betas: [0.9, 0.999]\nruns:\n  - &base {a: 1}\n  - *base\n"
        #expect(try html(code, "yml") ==
            span("key", "betas") + span("punctuation", ":") + " " + span("punctuation", "[") + span("number", "0.9")
            + span("punctuation", ",") + " " + span("number", "0.999") + span("punctuation", "]") + "\n"
            + span("key", "runs") + span("punctuation", ":") + "\n  " + span("punctuation", "-") + " "
            + span("anchor", "&amp;base") + " " + span("punctuation", "{") + span("key", "a")
            + span("punctuation", ":") + " " + span("number", "1") + span("punctuation", "}") + "\n  "
            + span("punctuation", "-") + " " + span("anchor", "*base") + "\n")
    }

    @Test func blockScalarsAndDocumentMarkers() throws {
        let code = "---\nnote: |\n  line one\n\n  line two\nafter: 2 words\n"
        #expect(try html(code, "yaml") ==
            span("punctuation", "---") + "\n" + span("key", "note") + span("punctuation", ":") + " "
            + span("punctuation", "|") + "\n" + span("string", "  line one\n\n  line two\n")
            + span("key", "after") + span("punctuation", ":") + " " + span("string", "2 words") + "\n")
    }

    @Test func quotedKeysAndUnterminatedQuotes() throws {
        #expect(try html("\"a b\": 'it''s'", "yaml") ==
            span("key", "&quot;a b&quot;") + span("punctuation", ":") + " " + span("string", "&#39;it&#39;&#39;s&#39;"))
        #expect(try html("k: \"open\nstill", "yaml") ==
            span("key", "k") + span("punctuation", ":") + " " + span("string", "&quot;open\nstill"))
    }
}
