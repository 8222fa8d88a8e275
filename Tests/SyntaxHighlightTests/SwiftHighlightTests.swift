import Testing
@testable import SyntaxHighlight

@Suite struct SwiftHighlightTests {
    @Test func declarationsTypesAndNumbers() throws {
        #expect(try html("func step(_ x: Int) -> Double { return 1.5e3 }", "swift") ==
            span("keyword", "func") + " " + span("function", "step") + span("punctuation", "(") + "_ x"
            + span("punctuation", ":") + " " + span("type", "Int") + span("punctuation", ")") + " "
            + span("operator", "-&gt;") + " " + span("type", "Double") + " " + span("punctuation", "{") + " "
            + span("keyword", "return") + " " + span("number", "1.5e3") + " " + span("punctuation", "}"))
        #expect(try html("struct Adam: Sendable { let lr = 0x1p-3 }", "swift") ==
            span("keyword", "struct") + " " + span("class", "Adam") + span("punctuation", ":") + " "
            + span("type", "Sendable") + " " + span("punctuation", "{") + " " + span("keyword", "let") + " lr "
            + span("operator", "=") + " " + span("number", "0x1p-3") + " " + span("punctuation", "}"))
    }

    @Test func stringInterpolationIsCode() throws {
        #expect(try html(#"print("x = \(x + 1)")"#, "swift") ==
            span("builtin", "print") + span("punctuation", "(") + span("string", "&quot;x = ")
            + span("interpolation", #"\("#) + "x " + span("operator", "+") + " " + span("number", "1")
            + span("interpolation", ")") + span("string", "&quot;") + span("punctuation", ")"))
        #expect(try html(##"#"raw \(no) \#(yes)"#"##, "swift") ==
            span("string", ##"#&quot;raw \(no) "##) + span("interpolation", ##"\#("##) + "yes"
            + span("interpolation", ")") + span("string", ##"&quot;#"##))
        #expect(try html("\"\"\"\nline \"quoted\"\n\"\"\" nil", "swift") ==
            span("string", "&quot;&quot;&quot;\nline &quot;quoted&quot;\n&quot;&quot;&quot;") + " " + span("constant", "nil"))
    }

    @Test func attributesMacrosAndComments() throws {
        #expect(try html("@Test func f() { #expect(true) } // done", "swift") ==
            span("decorator", "@Test") + " " + span("keyword", "func") + " " + span("function", "f")
            + span("punctuation", "()") + " " + span("punctuation", "{") + " " + span("decorator", "#expect")
            + span("punctuation", "(") + span("constant", "true") + span("punctuation", ")") + " "
            + span("punctuation", "}") + " " + span("comment", "// done"))
        #expect(try html("#if DEBUG\n/* a /* b */ c */ x", "swift") ==
            span("keyword", "#if") + " " + span("type", "DEBUG") + "\n" + span("comment", "/* a /* b */ c */") + " x")
    }
}
