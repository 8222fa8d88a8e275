import Foundation
import Testing
@testable import Site

/// `verify --notebooks` cuts the driver's output into cells and finds the cell that runs each script.
/// (Running the driver needs Python and torch: `make verify` does that.)
@Suite struct NotebookRunTests {
    let notebook = """
    {"cells": [
      {"cell_type": "markdown", "metadata": {}, "source": ["# Title"]},
      {"cell_type": "code", "metadata": {}, "source": ["%pip install --quiet torch"], "outputs": [], "execution_count": null},
      {"cell_type": "code", "metadata": {}, "source": ["%%writefile data.py\\n", "X = 1\\n"], "outputs": [], "execution_count": null},
      {"cell_type": "markdown", "metadata": {}, "source": ["Prose"]},
      {"cell_type": "code", "metadata": {}, "source": ["import data\\n", "print(data.X)\\n"], "outputs": [], "execution_count": null},
      {"cell_type": "code", "metadata": {}, "source": ["print('a 1')\\n", "print('b 2')\\n"], "outputs": [], "execution_count": null}
    ], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
    """

    @Test func outputIsCutAtTheMarkersIntoTheCodeCells() throws {
        let output = [NotebookRun.marker + "1", NotebookRun.marker + "2", NotebookRun.marker + "4", "1",
                      NotebookRun.marker + "5", "a 1", "b 2", ""].joined(separator: "\n")
        let cells = try #require(NotebookRun.cells(notebook: notebook, output: output))
        #expect(cells.map(\.lines) == [[], [], ["1"], ["a 1", "b 2", ""]])
        #expect(NotebookRun.output(of: "print('a 1')\nprint('b 2')\n", in: cells) == ["a 1", "b 2", ""])
        #expect(NotebookRun.output(of: "import data\nprint(data.X)\n", in: cells) == ["1"])
        // A script file ends with a line break the notebook cell does not keep.
        #expect(NotebookRun.output(of: "print('a 1')\nprint('b 2')\n\n", in: cells) == ["a 1", "b 2", ""])
        #expect(NotebookRun.output(of: "print('a 1')", in: cells) == nil)
    }

    @Test func aScriptThatIsOnlyWrittenToDiskIsNotRun() throws {
        let cells = try #require(NotebookRun.cells(notebook: notebook, output: NotebookRun.marker + "2\n"))
        #expect(NotebookRun.output(of: "X = 1\n", in: cells) == nil)
    }

    @Test func textBeforeTheFirstMarkerAndUnknownCellsAreNotAttributed() throws {
        let output = "warning from an import\n" + NotebookRun.marker + "0\nstray\n" + NotebookRun.marker + "5\nz 3"
        let cells = try #require(NotebookRun.cells(notebook: notebook, output: output))
        #expect(cells.count == 1)
        #expect(cells[0].lines == ["z 3"])
    }

    @Test func aBrokenNotebookIsNotCut() {
        #expect(NotebookRun.cells(notebook: "{not json", output: "") == nil)
    }
}
