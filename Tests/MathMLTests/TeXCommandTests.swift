import Testing
@testable import MathML

/// Less common commands: binomials, stacked symbols, sized delimiters, styles, comments, font digits.
@Suite struct TeXCommandTests {
    @Test func binomAndOverset() throws {
        #expect(try body("\\binom{n}{k}") ==
            "<mrow><mo fence=\"true\" form=\"prefix\" stretchy=\"true\">(</mo><mfrac linethickness=\"0\"><mi>n</mi>"
            + "<mi>k</mi></mfrac><mo fence=\"true\" form=\"postfix\" stretchy=\"true\">)</mo></mrow>")
        #expect(try body("\\overset{!}{=}") == "<mover><mo>=</mo><mo>!</mo></mover>")
    }

    @Test func sizedDelimiters() throws {
        let open = "<mo fence=\"true\" stretchy=\"true\" symmetric=\"true\" minsize=\"1.2em\" maxsize=\"1.2em\">"
        #expect(try body("\\bigl( x \\bigr)") == "<mrow>\(open)(</mo><mi>x</mi>\(open))</mo></mrow>")
    }

    @Test func displaystyleWrapsTheRestOfTheGroup() throws {
        #expect(try body("\\displaystyle\\sum_i x") ==
            "<mstyle displaystyle=\"true\"><munder><mo>∑</mo><mi>i</mi></munder><mi>x</mi></mstyle>")
    }

    @Test func commentsRunToTheLineEnd() throws {
        #expect(try body("a % comment\n+ b") == "<mrow><mi>a</mi><mo>+</mo><mi>b</mi></mrow>")
    }

    @Test func fontDigitsAndLimitsOperatorName() throws {
        #expect(try body("\\mathbf{x}_1") == "<msub><mi>𝐱</mi><mn>1</mn></msub>")
        #expect(try body("\\mathbf{10}") == "<mn>𝟏𝟎</mn>")
        #expect(try body("\\operatorname*{argmax}_\\theta") ==
            "<munder><mo movablelimits=\"true\" form=\"prefix\">argmax</mo><mi>θ</mi></munder>")
    }

    @Test func rootIndexErrors() {
        #expect(throws: TeXError("\\sqrt[ has no closing ]", at: 0)) { try TeXToMathML.convert("\\sqrt[3", display: false) }
        #expect(throws: TeXError("unmatched closing brace }", at: 7)) { try TeXToMathML.convert("\\sqrt[3}]{x}", display: false) }
    }
}
