import Escaping
import Testing
@testable import MathML

/// Converts inline TeX and returns only the presentation part (inside `<semantics>`, before the annotation).
func body(_ tex: String, display: Bool = false) throws -> String {
    let full = try TeXToMathML.convert(tex, display: display)
    let start = try #require(full.firstRange(of: "<semantics>")).upperBound
    let end = try #require(full.firstRange(of: "<annotation")).lowerBound
    return String(full[start..<end])
}

@Suite struct TeXToMathMLTests {
    /// The annotation is the source without the white space at either end, scalar by scalar as Unicode has it: spaces
    /// beyond ASCII trimmed, a scalar beyond ASCII that is no space kept whole at either end.
    @Test func annotationIsTheSourceTrimmedOfUnicodeWhiteSpace() throws {
        for tex in ["\u{2003}x\u{A0}", " é ", "x\u{2003}é", "é\u{2028}", "\u{3000}\u{2003}", "α β\u{2009}", "\u{2003}"] {
            let trimmed = tex.unicodeScalars.drop { $0.properties.isWhitespace }.reversed().drop { $0.properties.isWhitespace }
            let expected = String(String.UnicodeScalarView(trimmed.reversed()))
            let math = try TeXToMathML.convert(tex, display: false)
            #expect(math.hasSuffix("<annotation encoding=\"application/x-tex\">\(expected)</annotation></semantics></math>"),
                    "\(tex.debugDescription)")
        }
    }

    @Test func wrapsInMathWithAnnotation() throws {
        #expect(try TeXToMathML.convert("x", display: true) ==
            "<math xmlns=\"http://www.w3.org/1998/Math/MathML\" display=\"block\"><semantics><mi>x</mi>"
            + "<annotation encoding=\"application/x-tex\">x</annotation></semantics></math>")
        #expect(try TeXToMathML.convert(" a+b ", display: false) ==
            "<math xmlns=\"http://www.w3.org/1998/Math/MathML\" display=\"inline\"><semantics>"
            + "<mrow><mi>a</mi><mo>+</mo><mi>b</mi></mrow>"
            + "<annotation encoding=\"application/x-tex\">a+b</annotation></semantics></math>")
    }

    /// The MathML String is made from the markup's bytes without validating them: it is those bytes, known to be ASCII
    /// exactly when they are (ASCII formulas, and ones whose markup is not: `\alpha`, a minus, text with `é`).
    @Test func mathMLIsTheMarkupBytesKnownASCIIWhenTheyAre() throws {
        for tex in ["x", "a+b", "x_1^2", "\\alpha", "a-b", "\\text{é}", "\\sqrt[n]{x'}", "\\mathbf{Z}", "\\sin x"] {
            for display in [false, true] {
                let math = try TeXToMathML.convert(tex, display: display)
                let bytes = Array(math.utf8)
                #expect(Array(String(decoding: bytes, as: UTF8.self).utf8) == bytes, "\(tex)")
                // Where the standard library says nothing of a String's bytes (macOS before 26), there is no flag to check.
                if #available(macOS 26, *) { #expect(math.isKnownASCII == bytes.allSatisfy { $0 < 0x80 }, "\(tex)") }
            }
        }
        if #available(macOS 26, *) {
            #expect(try TeXToMathML.convert("x", display: false).isKnownASCII)
            #expect(try !TeXToMathML.convert("\\alpha", display: false).isKnownASCII)
        }
    }

    /// A run of bytes is appended unchecked only when it starts and ends between scalars; markup put or cut inside a
    /// scalar makes the buffer check its bytes again, so a parser mistake gives a repaired String, never a broken one.
    @Test func markupBufferVouchesOnlyForWholeScalars() {
        let text = Array("aé€😀z".utf8)  // 1, 2, 3, 4 and 1 bytes
        let starts = [0, 1, 3, 6, 10, 11]
        for lower in 0...text.count {
            for upper in lower...text.count {
                let whole = lower == upper || (starts.contains(lower) && starts.contains(upper))
                #expect(MarkupBuffer.isWholeScalars(text[lower..<upper]) == whole, "\(lower)..<\(upper)")
            }
        }
        var buffer = MarkupBuffer(reservingCapacity: 16)
        buffer.append(text[0..<3])
        #expect(buffer.string == "aé")
        buffer.append(text[3..<5])  // two of the euro sign's three bytes
        #expect(buffer.string == "aé\u{FFFD}")
        var cut = MarkupBuffer(reservingCapacity: 16)
        cut.append(text[0..<6])
        cut.removeSubrange(1..<2)  // the first byte of é
        #expect(cut.string == "a\u{FFFD}€")
    }

    /// The annotation drops white space at both ends, Unicode's included, and keeps what is between.
    @Test func annotationIsTrimmedOfUnicodeWhiteSpace() throws {
        let out = try TeXToMathML.convert("\u{A0}\u{2009}a \u{2003}b\n", display: false)
        #expect(out.hasSuffix("<annotation encoding=\"application/x-tex\">a \u{2003}b</annotation></semantics></math>"))
        #expect(try TeXToMathML.convert("é", display: false).contains(">é</annotation>"))
    }

    @Test func numbersAndMinus() throws {
        #expect(try body("0.999") == "<mn>0.999</mn>")
        #expect(try body("1e-8") == "<mn>1e−8</mn>")
        #expect(try body("2e") == "<mrow><mn>2</mn><mi>e</mi></mrow>")
        #expect(try body("x-1") == "<mrow><mi>x</mi><mo>−</mo><mn>1</mn></mrow>")
    }

    @Test func scripts() throws {
        #expect(try body("x_t^2") == "<msubsup><mi>x</mi><mi>t</mi><mn>2</mn></msubsup>")
        #expect(try body("x^2_t") == "<msubsup><mi>x</mi><mi>t</mi><mn>2</mn></msubsup>")
        #expect(try body("\\beta_1^t") == "<msubsup><mi>β</mi><mn>1</mn><mi>t</mi></msubsup>")
        #expect(try body("v_{t-1}") == "<msub><mi>v</mi><mrow><mi>t</mi><mo>−</mo><mn>1</mn></mrow></msub>")
        #expect(try body("x^{y^{z}}") == "<msup><mi>x</mi><msup><mi>y</mi><mi>z</mi></msup></msup>")
        #expect(try body("x_10") == "<mrow><msub><mi>x</mi><mn>1</mn></msub><mn>0</mn></mrow>")
        #expect(try body("f'") == "<msup><mi>f</mi><mo>′</mo></msup>")
        #expect(try body("f''^2") == "<msup><mi>f</mi><mrow><mo>″</mo><mn>2</mn></mrow></msup>")
    }

    @Test func fractionsAndRoots() throws {
        #expect(try body("\\frac{a}{b}") == "<mfrac><mi>a</mi><mi>b</mi></mfrac>")
        #expect(try body("\\frac12") == "<mfrac><mn>1</mn><mn>2</mn></mfrac>")
        #expect(try body("\\dfrac{a}{b}") == "<mstyle displaystyle=\"true\"><mfrac><mi>a</mi><mi>b</mi></mfrac></mstyle>")
        #expect(try body("\\tfrac{a}{b}") == "<mstyle displaystyle=\"false\"><mfrac><mi>a</mi><mi>b</mi></mfrac></mstyle>")
        #expect(try body("\\sqrt{x}") == "<msqrt><mi>x</mi></msqrt>")
        #expect(try body("\\sqrt[3]{x+1}") == "<mroot><mrow><mi>x</mi><mo>+</mo><mn>1</mn></mrow><mn>3</mn></mroot>")
    }

    @Test func accents() throws {
        #expect(try body("\\hat m_t") ==
            "<msub><mover accent=\"true\"><mi>m</mi><mo stretchy=\"false\">^</mo></mover><mi>t</mi></msub>")
        #expect(try body("\\bar{x}") == "<mover accent=\"true\"><mi>x</mi><mo stretchy=\"false\">¯</mo></mover>")
        #expect(try body("\\widehat{xy}") ==
            "<mover accent=\"true\"><mrow><mi>x</mi><mi>y</mi></mrow><mo stretchy=\"true\">^</mo></mover>")
        #expect(try body("\\vec v") == "<mover accent=\"true\"><mi>v</mi><mo stretchy=\"false\">→</mo></mover>")
        #expect(try body("\\overline{z}") == "<mover accent=\"true\"><mi>z</mi><mo stretchy=\"true\">‾</mo></mover>")
    }

    @Test func greekAndSymbols() throws {
        #expect(try body("\\epsilon\\varepsilon\\Gamma") ==
            "<mrow><mi>ϵ</mi><mi>ε</mi><mi mathvariant=\"normal\">Γ</mi></mrow>")
        #expect(try body("a\\leftarrow b \\gets c \\to d") ==
            "<mrow><mi>a</mi><mo>←</mo><mi>b</mi><mo>←</mo><mi>c</mi><mo>→</mo><mi>d</mi></mrow>")
        #expect(try body("\\infty\\nabla\\partial") ==
            "<mrow><mi mathvariant=\"normal\">∞</mi><mi mathvariant=\"normal\">∇</mi><mi>∂</mi></mrow>")
        #expect(try body("a\\cdot b\\times c\\pm d\\le e") ==
            "<mrow><mi>a</mi><mo>⋅</mo><mi>b</mi><mo>×</mo><mi>c</mi><mo>±</mo><mi>d</mi><mo>≤</mo><mi>e</mi></mrow>")
        #expect(try body("\\|W\\|^2") ==
            "<mrow><mo stretchy=\"false\">‖</mo><mi>W</mi><msup><mo stretchy=\"false\">‖</mo><mn>2</mn></msup></mrow>")
    }

    @Test func functionsAndLimits() throws {
        #expect(try body("\\cos x") == "<mrow><mi>cos</mi><mo rspace=\"0.1667em\">\u{2061}</mo><mi>x</mi></mrow>")
        #expect(try body("\\log(x)") ==
            "<mrow><mi>log</mi><mo>\u{2061}</mo><mo stretchy=\"false\">(</mo><mi>x</mi><mo stretchy=\"false\">)</mo></mrow>")
        #expect(try body("\\sum_{i=1}^n") ==
            "<munderover><mo>∑</mo><mrow><mi>i</mi><mo>=</mo><mn>1</mn></mrow><mi>n</mi></munderover>")
        #expect(try body("\\int_0^1") == "<msubsup><mo>∫</mo><mn>0</mn><mn>1</mn></msubsup>")
        #expect(try body("\\max_i") == "<munder><mo movablelimits=\"true\" form=\"prefix\">max</mo><mi>i</mi></munder>")
        #expect(try body("\\eta_{\\min}") == "<msub><mi>η</mi><mi>min</mi></msub>")
        #expect(try body("\\operatorname{softmax}(z)") ==
            "<mrow><mi>softmax</mi><mo>\u{2061}</mo><mo stretchy=\"false\">(</mo><mi>z</mi><mo stretchy=\"false\">)</mo></mrow>")
    }

    @Test func fontsAndText() throws {
        #expect(try body("\\mathbb{E}") == "<mi>𝔼</mi>")
        #expect(try body("\\mathbb{R}") == "<mi>ℝ</mi>")
        #expect(try body("\\mathcal{L}") == "<mi>ℒ</mi>")
        #expect(try body("\\mathcal{A}") == "<mi>𝒜</mi>")
        #expect(try body("\\mathbf{W}") == "<mi>𝐖</mi>")
        #expect(try body("\\mathrm{d}x") == "<mrow><mi mathvariant=\"normal\">d</mi><mi>x</mi></mrow>")
        #expect(try body("\\mathrm{eff}") == "<mi>eff</mi>")
        #expect(try body("\\text{eff}") == "<mtext>eff</mtext>")
        #expect(try body("\\text{ if } x") == "<mrow><mtext>\u{A0}if\u{A0}</mtext><mi>x</mi></mrow>")
        #expect(try body("\\text{a \\& b}") == "<mtext>a &amp; b</mtext>")
    }

    @Test func spacing() throws {
        #expect(try body("a\\,b\\;c\\!d\\quad e\\qquad f") ==
            "<mrow><mi>a</mi><mspace width=\"0.1667em\"/><mi>b</mi><mspace width=\"0.2778em\"/><mi>c</mi>"
            + "<mspace width=\"-0.1667em\"/><mi>d</mi><mspace width=\"1em\"/><mi>e</mi><mspace width=\"2em\"/><mi>f</mi></mrow>")
    }

    @Test func leftRight() throws {
        #expect(try body("\\left(\\frac{a}{b}\\right]") ==
            "<mrow><mo fence=\"true\" form=\"prefix\" stretchy=\"true\">(</mo><mfrac><mi>a</mi><mi>b</mi></mfrac>"
            + "<mo fence=\"true\" form=\"postfix\" stretchy=\"true\">]</mo></mrow>")
        #expect(try body("\\left.x\\right\\rVert") ==
            "<mrow><mi>x</mi><mo fence=\"true\" form=\"postfix\" stretchy=\"true\">‖</mo></mrow>")
        #expect(try body("\\left\\{x\\middle|y\\right\\}") ==
            "<mrow><mo fence=\"true\" form=\"prefix\" stretchy=\"true\">{</mo><mi>x</mi>"
            + "<mo fence=\"true\" form=\"infix\" stretchy=\"true\">|</mo><mi>y</mi>"
            + "<mo fence=\"true\" form=\"postfix\" stretchy=\"true\">}</mo></mrow>")
    }

    @Test func escaping() throws {
        let out = try TeXToMathML.convert("a<b \\text{x&y<z}", display: false)
        #expect(out.contains("<mi>a</mi><mo>&lt;</mo><mi>b</mi><mtext>x&amp;y&lt;z</mtext>"))
        #expect(out.contains("<annotation encoding=\"application/x-tex\">a&lt;b \\text{x&amp;y&lt;z}</annotation>"))
        #expect(try body("a>b") == "<mrow><mi>a</mi><mo>&gt;</mo><mi>b</mi></mrow>")
        #expect(try body("\\left<x\\right>") ==
            "<mrow><mo fence=\"true\" form=\"prefix\" stretchy=\"true\">⟨</mo><mi>x</mi>"
            + "<mo fence=\"true\" form=\"postfix\" stretchy=\"true\">⟩</mo></mrow>")
    }
}
