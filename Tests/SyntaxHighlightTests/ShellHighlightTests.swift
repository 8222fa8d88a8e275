import Testing
@testable import SyntaxHighlight

@Suite struct ShellHighlightTests {
    @Test func variablesOptionsStringsAndComments() throws {
        #expect(try html("export LR=0.01 # rate\necho \"lr=$LR ${HOME}\" --verbose -n 'a $b'\n", "bash") ==
            span("builtin", "export") + " " + span("variable", "LR") + span("operator", "=") + span("number", "0.01")
            + " " + span("comment", "# rate") + "\n" + span("builtin", "echo") + " " + span("string", "&quot;lr=")
            + span("variable", "$LR") + span("string", " ") + span("variable", "${HOME}") + span("string", "&quot;")
            + " " + span("option", "--verbose") + " " + span("option", "-n") + " " + span("string", "&#39;a $b&#39;") + "\n")
    }

    @Test func keywordsPipesAndSpecialVariables() throws {
        #expect(try html("for f in *.py; do python $f | tee -a log; done && echo $?", "sh") ==
            span("keyword", "for") + " f " + span("keyword", "in") + " *.py" + span("operator", ";") + " "
            + span("keyword", "do") + " python " + span("variable", "$f") + " " + span("operator", "|") + " tee "
            + span("option", "-a") + " log" + span("operator", ";") + " " + span("keyword", "done") + " "
            + span("operator", "&amp;&amp;") + " " + span("builtin", "echo") + " " + span("variable", "$?"))
        #expect(try html("python train.py --lr=1e-3", "zsh") ==
            "python train.py " + span("option", "--lr") + "=1e-3")
    }

    @Test func consolePromptsAndOutput() throws {
        let session = "$ python train.py --epochs 3\nepoch 1: loss 0.52\n$ echo done\ndone\n"
        let expected = span("prompt", "$ ") + "python train.py " + span("option", "--epochs") + " "
            + span("number", "3") + "\n" + span("output", "epoch 1: loss 0.52") + "\n" + span("prompt", "$ ")
            + span("builtin", "echo") + " done\n" + span("output", "done") + "\n"
        let console = try html(session, "console")
        #expect(console == expected)
        // A bash block that starts with a prompt is read as a session too.
        let shell = try html(session, "shell")
        #expect(shell == expected)
        #expect(try html("(venv) $ pip install torch \\\n  numpy\nok", "console") ==
            span("prompt", "(venv) $ ") + "pip install torch \\\n  numpy\n" + span("output", "ok"))
    }
}
