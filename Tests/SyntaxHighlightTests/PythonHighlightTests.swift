import Testing
@testable import SyntaxHighlight

@Suite struct PythonHighlightTests {
    @Test func functionDefinitionAndComment() throws {
        #expect(try html("def f(x):\n    return x + 1  # add\n", "python") ==
            span("keyword", "def") + " " + span("function", "f") + span("punctuation", "(") + "x"
            + span("punctuation", "):") + "\n    " + span("keyword", "return") + " x " + span("operator", "+") + " "
            + span("number", "1") + "  " + span("comment", "# add") + "\n")
    }

    @Test func classAndBuiltinsAndConstants() throws {
        #expect(try html("class Net(nn.Module):", "py") ==
            span("keyword", "class") + " " + span("class", "Net") + span("punctuation", "(") + "nn"
            + span("punctuation", ".") + "Module" + span("punctuation", "):"))
        #expect(try html("print(len(xs), None, True)", "python3") ==
            span("builtin", "print") + span("punctuation", "(") + span("builtin", "len") + span("punctuation", "(")
            + "xs" + span("punctuation", "),") + " " + span("constant", "None") + span("punctuation", ",") + " "
            + span("constant", "True") + span("punctuation", ")"))
    }

    @Test func numbers() throws {
        #expect(try html("1_000 0x1F 1e-3 2.5j .5 3.", "python") ==
            span("number", "1_000") + " " + span("number", "0x1F") + " " + span("number", "1e-3") + " "
            + span("number", "2.5j") + " " + span("number", ".5") + " " + span("number", "3") + span("punctuation", "."))
    }

    @Test func stringsWithPrefixes() throws {
        #expect(try html(#"r"\d+" b'\x00' rb"x" u'y'"#, "python") ==
            span("string", #"r&quot;\d+&quot;"#) + " " + span("string", #"b&#39;\x00&#39;"#) + " "
            + span("string", "rb&quot;x&quot;") + " " + span("string", "u&#39;y&#39;"))
        #expect(try html("'''doc\nstring''' x", "python") == span("string", "&#39;&#39;&#39;doc\nstring&#39;&#39;&#39;") + " x")
        #expect(try html(#""a\"b""#, "python") == span("string", #"&quot;a\&quot;b&quot;"#))
    }

    @Test func fStringFieldsAreCode() throws {
        #expect(try html(#"f"{mae:>10.4f} and {{x}}""#, "python") ==
            span("string", "f&quot;") + span("interpolation", "{") + "mae" + span("interpolation", ":&gt;10.4f}")
            + span("string", " and {{x}}&quot;"))
        #expect(try html(#"f'{len(xs)!r} {a[0] + 1}'"#, "python") ==
            span("string", "f&#39;") + span("interpolation", "{") + span("builtin", "len") + span("punctuation", "(")
            + "xs" + span("punctuation", ")") + span("interpolation", "!r}") + span("string", " ")
            + span("interpolation", "{") + "a" + span("punctuation", "[") + span("number", "0")
            + span("punctuation", "]") + " " + span("operator", "+") + " " + span("number", "1")
            + span("interpolation", "}") + span("string", "&#39;"))
        #expect(try html(#"f"{x:{width}}""#, "python") ==
            span("string", "f&quot;") + span("interpolation", "{") + "x" + span("interpolation", ":{") + "width"
            + span("interpolation", "}}") + span("string", "&quot;"))
    }

    @Test func decorators() throws {
        #expect(try html("@torch.no_grad()\ndef f(): a @ b", "python") ==
            span("decorator", "@torch.no_grad") + span("punctuation", "()") + "\n" + span("keyword", "def") + " "
            + span("function", "f") + span("punctuation", "():") + " a " + span("operator", "@") + " b")
    }

    @Test func unterminatedStringsEndAtTheirLineOrAtEOF() throws {
        #expect(try html("x = 'abc\ny", "python") ==
            "x " + span("operator", "=") + " " + span("string", "&#39;abc") + "\ny")
        #expect(try html("\"\"\"never closed\n", "python") == span("string", "&quot;&quot;&quot;never closed\n"))
        #expect(try html("f\"{x", "python") == span("string", "f&quot;") + span("interpolation", "{") + "x")
    }

    @Test func escapesHTML() throws {
        #expect(try html("a < b & c == \"q\"", "python") ==
            "a " + span("operator", "&lt;") + " b " + span("operator", "&amp;") + " c " + span("operator", "==")
            + " " + span("string", "&quot;q&quot;"))
    }

    @Test func lessonTrainingCode() throws {
        let code = """
            import torch
            from torch import nn, optim

            model = nn.Sequential(nn.Linear(8, 64), nn.ReLU(), nn.Linear(64, 1))
            opt = optim.AdamW(model.parameters(), lr=1e-3, weight_decay=0.01)
            for epoch in range(epochs):
                with torch.no_grad():
                    mae = (model(x) - y).abs().mean().item()
                print(f"epoch {epoch:>3d}  mae {mae:>10.4f}")
            """
        let out = try html(code, "python")
        #expect(out.hasPrefix(span("keyword", "import") + " torch\n" + span("keyword", "from") + " torch "
            + span("keyword", "import") + " nn" + span("punctuation", ",") + " optim\n"))
        #expect(out.contains("opt " + span("operator", "=") + " optim" + span("punctuation", ".") + "AdamW"
            + span("punctuation", "(") + "model" + span("punctuation", ".") + "parameters"
            + span("punctuation", "(),") + " lr" + span("operator", "=") + span("number", "1e-3")
            + span("punctuation", ",") + " weight_decay" + span("operator", "=") + span("number", "0.01")
            + span("punctuation", ")")))
        #expect(out.contains(span("keyword", "for") + " epoch " + span("keyword", "in") + " "
            + span("builtin", "range") + span("punctuation", "(") + "epochs" + span("punctuation", "):")))
        #expect(out.contains(span("keyword", "with") + " torch" + span("punctuation", ".") + "no_grad"
            + span("punctuation", "():")))
        #expect(out.contains(span("string", "f&quot;epoch ") + span("interpolation", "{") + "epoch"
            + span("interpolation", ":&gt;3d}") + span("string", "  mae ") + span("interpolation", "{") + "mae"
            + span("interpolation", ":&gt;10.4f}") + span("string", "&quot;")))
        #expect(out.contains(span("punctuation", ").") + "abs" + span("punctuation", "().") + "mean"))
        #expect(plainText(out) == code)
    }
}
