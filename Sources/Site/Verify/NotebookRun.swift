import Foundation

/// `sitegen verify --notebooks`: the lesson's notebook (what "Download as notebook" gives a learner) run
/// as Jupyter runs it, every code cell in order in one namespace, in an empty folder, so that the
/// verifier can compare what each script's cell prints with the lesson's tables, as it does for the
/// scripts run one by one.
///
/// The cells are run by a small Python driver, not a Jupyter kernel: `%pip install …` lines are checked
/// (the packages must already import, as they do in the venv `make verify` makes) and skipped, a
/// `%%writefile NAME` cell writes its body to NAME, and any other IPython magic is refused. Before each
/// cell the driver prints a marker line, which is how the output is cut into cells.
struct NotebookRun {
    /// A code cell of the notebook and the lines it printed.
    struct CellOutput: Equatable {
        var source: String
        var lines: [String]
    }

    struct Failure: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }

    /// What the driver prints, alone on a line, before cell N runs.
    static let marker = "\u{1E}sitegen-notebook-cell "

    /// The Python driver: `python -c driver NOTEBOOK`, run in the folder the cells may write to.
    static let driver = #"""
import json, sys, importlib

notebook = json.load(open(sys.argv[1], encoding="utf-8"))
namespace = {"__name__": "__main__"}
imports = {"scikit-learn": "sklearn"}
for index, cell in enumerate(notebook["cells"]):
    if cell["cell_type"] != "code":
        continue
    source = "".join(cell["source"])
    print("\x1esitegen-notebook-cell %d" % index, flush=True)
    if source.startswith("%%writefile "):
        name, _, body = source[len("%%writefile "):].partition("\n")
        with open(name.strip(), "w", encoding="utf-8") as f:
            f.write(body)
        continue
    lines = []
    for line in source.split("\n"):
        stripped = line.strip()
        if stripped.startswith("%pip install"):
            for package in stripped.split()[2:]:
                if not package.startswith("-"):
                    importlib.import_module(imports.get(package, package))
            lines.append("")
        elif stripped.startswith("%") or stripped.startswith("!"):
            sys.exit("cell %d uses IPython's %r, which this check cannot run" % (index, stripped.split()[0]))
        else:
            lines.append(line)
    exec(compile("\n".join(lines), "<notebook cell %d>" % index, "exec"), namespace)
    sys.stdout.flush()
"""#

    /// Cuts the driver's output into the code cells of `notebook` (its JSON), in order.
    static func cells(notebook: String, output: String) -> [CellOutput]? {
        guard let data = notebook.data(using: .utf8),
              let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let cells = object["cells"] as? [[String: Any]] else { return nil }
        var sources: [Int: String] = [:]
        for (index, cell) in cells.enumerated() where cell["cell_type"] as? String == "code" {
            sources[index] = (cell["source"] as? [String])?.joined() ?? (cell["source"] as? String) ?? ""
        }
        var result: [CellOutput] = []
        var current: Int?
        for line in output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if line.hasPrefix(marker), let index = Int(line.dropFirst(marker.count)), let source = sources[index] {
                current = index
                result.append(CellOutput(source: source, lines: []))
            } else if current != nil {
                result[result.count - 1].lines.append(line)
            }
        }
        return result
    }

    /// The lines printed by the cell that runs `script` (its text as written beside the lesson); nil when
    /// no cell runs it. A cell that only writes the script to disk (`%%writefile`, because another script
    /// imports it) does not run it.
    /// The notebook keeps a script's text but not its final line break.
    static func output(of script: String, in cells: [CellOutput]) -> [String]? {
        let text = script.trimmingSuffix("\n")
        return cells.first { $0.source.trimmingSuffix("\n") == text }?.lines
    }
}

private extension String {
    func trimmingSuffix(_ character: Character) -> Substring {
        var text = Substring(self)
        while text.last == character { text.removeLast() }
        return text
    }
}
