import Testing
@testable import MathML

@Suite struct TeXEnvironmentTests {
    @Test func alignedPairsRightAndLeftColumns() throws {
        #expect(try body("\\begin{aligned} a &= b \\\\ c &= d \\\\ \\end{aligned}", display: true) ==
            "<mtable displaystyle=\"true\">"
            + "<mtr><mtd columnalign=\"right\" style=\"text-align:right;padding-left:0;padding-right:0\"><mi>a</mi></mtd>"
            + "<mtd columnalign=\"left\" style=\"text-align:left;padding-left:0;padding-right:0\"><mo>=</mo><mi>b</mi></mtd></mtr>"
            + "<mtr><mtd columnalign=\"right\" style=\"text-align:right;padding-left:0;padding-right:0\"><mi>c</mi></mtd>"
            + "<mtd columnalign=\"left\" style=\"text-align:left;padding-left:0;padding-right:0\"><mo>=</mo><mi>d</mi></mtd></mtr>"
            + "</mtable>")
    }

    @Test func cases() throws {
        #expect(try body("|x| = \\begin{cases} x & x \\ge 0 \\\\ -x & \\text{otherwise} \\end{cases}") ==
            "<mrow><mo stretchy=\"false\">|</mo><mi>x</mi><mo stretchy=\"false\">|</mo><mo>=</mo>"
            + "<mrow><mo fence=\"true\" form=\"prefix\" stretchy=\"true\">{</mo><mtable>"
            + "<mtr><mtd columnalign=\"left\" style=\"text-align:left;padding-left:0\"><mi>x</mi></mtd>"
            + "<mtd columnalign=\"left\" style=\"text-align:left;padding-left:1em\"><mi>x</mi><mo>≥</mo><mn>0</mn></mtd></mtr>"
            + "<mtr><mtd columnalign=\"left\" style=\"text-align:left;padding-left:0\"><mo>−</mo><mi>x</mi></mtd>"
            + "<mtd columnalign=\"left\" style=\"text-align:left;padding-left:1em\"><mtext>otherwise</mtext></mtd></mtr>"
            + "</mtable></mrow></mrow>")
    }

    @Test func bmatrix() throws {
        #expect(try body("\\begin{bmatrix} 1 & 0 \\\\ 0 & 1 \\end{bmatrix}") ==
            "<mrow><mo fence=\"true\" form=\"prefix\" stretchy=\"true\">[</mo><mtable>"
            + "<mtr><mtd><mn>1</mn></mtd><mtd><mn>0</mn></mtd></mtr><mtr><mtd><mn>0</mn></mtd><mtd><mn>1</mn></mtd></mtr>"
            + "</mtable><mo fence=\"true\" form=\"postfix\" stretchy=\"true\">]</mo></mrow>")
    }

    @Test func mismatchedEnd() {
        #expect(throws: TeXError("\\end{cases} does not match \\begin{aligned}", at: 18)) {
            try TeXToMathML.convert("\\begin{aligned} a \\end{cases}", display: true)
        }
        #expect(throws: TeXError("\\begin{aligned} has no matching \\end{aligned}", at: 0)) {
            try TeXToMathML.convert("\\begin{aligned} a &= b", display: true)
        }
        #expect(throws: TeXError("unknown environment alinged (did you mean aligned?)", at: 0)) {
            try TeXToMathML.convert("\\begin{alinged} a \\end{alinged}", display: true)
        }
    }
}
