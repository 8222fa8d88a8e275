import Testing
@testable import SyntaxHighlight

@Suite struct JSONHighlightTests {
    @Test func keysVersusStringValues() throws {
        #expect(try html(#"{"lr": 0.001, "name" : "adam", "ok": true, "n": null, "xs": [1, -2e-3]}"#, "json") ==
            span("punctuation", "{") + span("key", "&quot;lr&quot;") + span("punctuation", ":") + " "
            + span("number", "0.001") + span("punctuation", ",") + " " + span("key", "&quot;name&quot;") + " "
            + span("punctuation", ":") + " " + span("string", "&quot;adam&quot;") + span("punctuation", ",") + " "
            + span("key", "&quot;ok&quot;") + span("punctuation", ":") + " " + span("constant", "true")
            + span("punctuation", ",") + " " + span("key", "&quot;n&quot;") + span("punctuation", ":") + " "
            + span("constant", "null") + span("punctuation", ",") + " " + span("key", "&quot;xs&quot;")
            + span("punctuation", ":") + " " + span("punctuation", "[") + span("number", "1")
            + span("punctuation", ",") + " " + span("number", "-2e-3") + span("punctuation", "]}"))
    }

    @Test func commentsAndEscapesInJSONC() throws {
        #expect(try html("// c\n{\"a\\\"b\": 1 /* x */}", "jsonc") ==
            span("comment", "// c") + "\n" + span("punctuation", "{") + span("key", "&quot;a\\&quot;b&quot;")
            + span("punctuation", ":") + " " + span("number", "1") + " " + span("comment", "/* x */")
            + span("punctuation", "}"))
    }
}
