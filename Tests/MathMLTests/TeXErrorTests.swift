import Testing
@testable import MathML

@Suite struct TeXErrorTests {
    func error(_ tex: String, display: Bool = true) -> TeXError? {
        do {
            _ = try TeXToMathML.convert(tex, display: display)
            return nil
        } catch {
            return error
        }
    }

    @Test func unknownCommandsSuggestTheClosest() {
        #expect(error("\\fracc{a}{b}") == TeXError("unknown command \\fracc (did you mean \\frac?)", at: 0))
        #expect(error("x + \\alpah") == TeXError("unknown command \\alpah (did you mean \\alpha?)", at: 4))
        #expect(error("\\zzzzzzz") == TeXError("unknown command \\zzzzzzz", at: 0))
        #expect(error("\\frac\\limits{a}{b}") == TeXError("\\limits cannot be used here", at: 5))
    }

    @Test func braces() {
        #expect(error("{a+b") == TeXError("missing closing brace for the { opened here", at: 0))
        #expect(error("a}") == TeXError("unmatched closing brace }", at: 1))
        // Offsets count UTF-8 bytes: α takes two.
        #expect(error("α + \\beta_{") == TeXError("missing closing brace for the { opened here", at: 11))
    }

    @Test func leftAndRight() {
        #expect(error("\\left( x") == TeXError("unbalanced \\left: no matching \\right", at: 0))
        #expect(error("x \\right)") == TeXError("unbalanced \\right: no matching \\left", at: 2))
        #expect(error("{\\left( x} \\right)") == TeXError("unbalanced \\left: no matching \\right", at: 1))
        #expect(error("\\left x \\right)") ==
            TeXError("\\left must be followed by a delimiter such as ( [ \\{ | or .", at: 0))
        #expect(error("a \\middle| b") == TeXError("\\middle is only allowed between \\left and \\right", at: 2))
    }

    @Test func arguments() {
        #expect(error("\\frac{a}") == TeXError("\\frac is missing an argument", at: 0))
        #expect(error("{\\sqrt}") == TeXError("\\sqrt is missing an argument", at: 1))
        #expect(error("x^") == TeXError("^ is missing an argument", at: 1))
        #expect(error("x^2^3") == TeXError("double superscript; use braces, e.g. x^{a^b}", at: 3))
        #expect(error("x_a_b") == TeXError("double subscript; use braces, e.g. x_{a_b}", at: 3))
        #expect(error("\\text eff") == TeXError("\\text needs its text in braces, e.g. \\text{eff}", at: 0))
    }

    @Test func environmentsAndAlignment() {
        #expect(error("\\end{aligned}") == TeXError("\\end{aligned} without a matching \\begin{aligned}", at: 0))
        #expect(error("a & b") ==
            TeXError("& is only allowed directly inside an environment such as \\begin{aligned}", at: 2))
        #expect(error("a \\\\ b") ==
            TeXError("\\\\ is only allowed directly inside an environment such as \\begin{aligned}", at: 2))
    }

    @Test func emptyInput() throws {
        #expect(error("") == TeXError("empty display formula", at: 0))
        #expect(error("  % only a comment") == TeXError("empty display formula", at: 0))
        #expect(try body("") == "<mrow></mrow>")
    }

    @Test func deepNestingIsAnErrorNotACrash() throws {
        let ok = String(repeating: "{", count: 150) + "x" + String(repeating: "}", count: 150)
        #expect(try body(ok) == "<mi>x</mi>")
        let deep = String(repeating: "{", count: 250) + "x" + String(repeating: "}", count: 250)
        #expect(error(deep) == TeXError("formula nests deeper than 200 levels", at: 200))
        #expect(error(String(repeating: "{", count: 100_000))?.message == "formula nests deeper than 200 levels")
        #expect(error(String(repeating: "\\sqrt", count: 100_000) + "x") ==
            TeXError("formula nests deeper than 200 levels", at: 995))
        #expect(error(String(repeating: "\\left(", count: 100_000))?.message == "formula nests deeper than 200 levels")
        #expect(error(String(repeating: "x^{", count: 100_000))?.message == "formula nests deeper than 200 levels")
    }

    /// Random TeX-like input never traps or hangs: it converts or throws.
    @Test func randomInputNeverCrashes() {
        let alphabet = Array("\\{}[]()^_&'$#%~ ax1.-=|<>\n").map(String.init) + ["\\frac", "\\left", "\\right", "\\sqrt", "\\begin{aligned}",
            "\\end{aligned}", "\\text{", "\\hat", "\\mathbf", "\\\\", "\\alpha", "\\sum", "é", "\u{0}", "\\limits", "\\displaystyle", "\\middle|",
            "\\sqrt[", "\\operatorname*{", "\\begin{cases}", "\\end{cases}", "\\bigl", "\\mathrm{", "1e-8", "\\max_"]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        var converted = 0
        for _ in 0..<20_000 {
            var tex = ""
            state = state &* 6364136223846793005 &+ 1442695040888963407
            let length = Int(state >> 58)
            for _ in 0..<length {
                state = state &* 6364136223846793005 &+ 1442695040888963407
                tex.append(alphabet[Int(state >> 33) % alphabet.count])
            }
            if (try? TeXToMathML.convert(tex, display: false)) != nil { converted += 1 }
        }
        #expect(converted > 0)
    }
}
