import Testing
@testable import MathML

/// Every formula the optimiser lesson uses converts, with the structure a reader should see.
@Suite struct LessonFormulaTests {
    @Test func sgdStep() throws {
        #expect(try body("W \\leftarrow W - \\eta\\, g") ==
            "<mrow><mi>W</mi><mo>←</mo><mi>W</mi><mo>−</mo><mi>η</mi><mspace width=\"0.1667em\"/><mi>g</mi></mrow>")
        #expect(try body("W \\leftarrow W - \\eta\\, v_t") ==
            "<mrow><mi>W</mi><mo>←</mo><mi>W</mi><mo>−</mo><mi>η</mi><mspace width=\"0.1667em\"/>"
            + "<msub><mi>v</mi><mi>t</mi></msub></mrow>")
        #expect(try body("W \\leftarrow W - \\eta\\lambda W") ==
            "<mrow><mi>W</mi><mo>←</mo><mi>W</mi><mo>−</mo><mi>η</mi><mi>λ</mi><mi>W</mi></mrow>")
    }

    @Test func momentum() throws {
        #expect(try body("v_t = \\beta v_{t-1} + g_t") ==
            "<mrow><msub><mi>v</mi><mi>t</mi></msub><mo>=</mo><mi>β</mi>"
            + "<msub><mi>v</mi><mrow><mi>t</mi><mo>−</mo><mn>1</mn></mrow></msub><mo>+</mo><msub><mi>g</mi><mi>t</mi></msub></mrow>")
    }

    @Test func adamMoments() throws {
        #expect(try body("m_t = \\beta_1 m_{t-1} + (1-\\beta_1)\\, g_t") ==
            "<mrow><msub><mi>m</mi><mi>t</mi></msub><mo>=</mo><msub><mi>β</mi><mn>1</mn></msub>"
            + "<msub><mi>m</mi><mrow><mi>t</mi><mo>−</mo><mn>1</mn></mrow></msub><mo>+</mo>"
            + "<mo stretchy=\"false\">(</mo><mn>1</mn><mo>−</mo><msub><mi>β</mi><mn>1</mn></msub><mo stretchy=\"false\">)</mo>"
            + "<mspace width=\"0.1667em\"/><msub><mi>g</mi><mi>t</mi></msub></mrow>")
        let v = try body("v_t = \\beta_2 v_{t-1} + (1-\\beta_2)\\, g_t^2")
        #expect(v.hasSuffix("<msubsup><mi>g</mi><mi>t</mi><mn>2</mn></msubsup></mrow>"))
        #expect(v.contains("<msub><mi>β</mi><mn>2</mn></msub><mo stretchy=\"false\">)</mo>"))
    }

    @Test func biasCorrection() throws {
        #expect(try body("\\hat m_t = \\frac{m_t}{1-\\beta_1^t}") ==
            "<mrow><msub><mover accent=\"true\"><mi>m</mi><mo stretchy=\"false\">^</mo></mover><mi>t</mi></msub><mo>=</mo>"
            + "<mfrac><msub><mi>m</mi><mi>t</mi></msub>"
            + "<mrow><mn>1</mn><mo>−</mo><msubsup><mi>β</mi><mn>1</mn><mi>t</mi></msubsup></mrow></mfrac></mrow>")
        let v = try body("\\hat v_t = \\frac{v_t}{1-\\beta_2^t}")
        #expect(v.contains("<msubsup><mi>β</mi><mn>2</mn><mi>t</mi></msubsup></mrow></mfrac>"))
    }

    @Test func adamUpdate() throws {
        let out = try body("W \\leftarrow W - \\eta \\frac{\\hat m_t}{\\sqrt{\\hat v_t} + \\epsilon}")
        #expect(out.contains("<mi>η</mi><mfrac><msub><mover accent=\"true\"><mi>m</mi>"))
        #expect(out.contains("<mrow><msqrt><msub><mover accent=\"true\"><mi>v</mi><mo stretchy=\"false\">^</mo></mover>"
            + "<mi>t</mi></msub></msqrt><mo>+</mo><mi>ϵ</mi></mrow></mfrac>"))
    }

    @Test func weightDecayLoss() throws {
        #expect(try body("\\mathcal{L}(W) + \\frac{\\lambda}{2}\\lVert W\\rVert^2") ==
            "<mrow><mi>ℒ</mi><mo stretchy=\"false\">(</mo><mi>W</mi><mo stretchy=\"false\">)</mo><mo>+</mo>"
            + "<mfrac><mi>λ</mi><mn>2</mn></mfrac><mo stretchy=\"false\">‖</mo><mi>W</mi>"
            + "<msup><mo stretchy=\"false\">‖</mo><mn>2</mn></msup></mrow>")
    }

    @Test func cosineSchedule() throws {
        let tex = "\\eta_t = \\eta_{\\min} + \\frac{1}{2}(\\eta_{\\max}-\\eta_{\\min})\\left(1+\\cos\\frac{\\pi t}{T}\\right)"
        let out = try body(tex, display: true)
        #expect(out.contains("<msub><mi>η</mi><mi>min</mi></msub><mo>+</mo><mfrac><mn>1</mn><mn>2</mn></mfrac>"))
        #expect(out.contains("<msub><mi>η</mi><mi>max</mi></msub><mo>−</mo>"))
        #expect(out.hasSuffix("<mrow><mo fence=\"true\" form=\"prefix\" stretchy=\"true\">(</mo><mn>1</mn><mo>+</mo>"
            + "<mi>cos</mi><mo rspace=\"0.1667em\">\u{2061}</mo><mfrac><mrow><mi>π</mi><mi>t</mi></mrow><mi>T</mi></mfrac>"
            + "<mo fence=\"true\" form=\"postfix\" stretchy=\"true\">)</mo></mrow></mrow>"))
    }

    @Test func effectiveLearningRate() throws {
        let out = try body("\\eta_{\\text{eff}} = \\frac{\\eta \\cdot \\min(t/T_w, 1)}{\\sqrt{1-\\beta_2^t}}")
        #expect(out.hasPrefix("<mrow><msub><mi>η</mi><mtext>eff</mtext></msub><mo>=</mo><mfrac>"))
        #expect(out.contains("<mi>η</mi><mo>⋅</mo><mi>min</mi><mo stretchy=\"false\">(</mo><mi>t</mi><mo>/</mo>"
            + "<msub><mi>T</mi><mi>w</mi></msub><mo>,</mo><mn>1</mn><mo stretchy=\"false\">)</mo></mrow>"))
        #expect(out.hasSuffix("<msqrt><mrow><mn>1</mn><mo>−</mo><msubsup><mi>β</mi><mn>2</mn><mi>t</mi></msubsup></mrow>"
            + "</msqrt></mfrac></mrow>"))
    }

    @Test func alignedAdamW() throws {
        let tex = """
            \\begin{aligned}
            m_t &= \\beta_1 m_{t-1} + (1-\\beta_1)\\, g_t \\\\
            v_t &= \\beta_2 v_{t-1} + (1-\\beta_2)\\, g_t^2 \\\\
            \\hat m_t &= \\frac{m_t}{1-\\beta_1^t}, \\quad \\hat v_t = \\frac{v_t}{1-\\beta_2^t} \\\\
            W &\\leftarrow W - \\eta \\left( \\frac{\\hat m_t}{\\sqrt{\\hat v_t} + \\epsilon} + \\lambda W \\right)
            \\end{aligned}
            """
        let out = try body(tex, display: true)
        #expect(out.hasPrefix("<mtable displaystyle=\"true\"><mtr>"))
        #expect(out.split(separator: "<mtr>", omittingEmptySubsequences: true).count == 5)
        #expect(out.split(separator: "<mtd ", omittingEmptySubsequences: true).count == 9)
        #expect(out.contains("<mtd columnalign=\"left\" style=\"text-align:left;padding-left:0;padding-right:0\"><mo>←</mo>"))
    }
}
