import Escaping

/// The notebook's JSON text, written directly: the same bytes as Foundation's `JSONSerialization` with
/// `[.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]` (two-space indent, `"key" : value`, an empty
/// array or object as an empty line between its brackets, control characters escaped as Foundation
/// does), which took about half of a prose lesson's build time. `NotebookJSONTests` compares the two.
enum NotebookJSON {
    /// nbformat 4.5: the cells, then the fixed metadata.
    static func text(cells: [LessonNotebook.Cell]) -> String {
        var out = "{\n  \"cells\" : [\n"
        for (n, cell) in cells.enumerated() {
            let number = String(n + 1)
            let id = "cell-" + String(repeating: "0", count: max(0, 3 - number.count)) + number
            out += "    {\n"
            switch cell {
            case .markdown(let text):
                out += "      \"cell_type\" : \"markdown\",\n"
                out += "      \"id\" : \(string(id)),\n"
                out += "      \"metadata\" : {\n\n      },\n"
                out += "      \"source\" : " + lines(text) + "\n"
            case .code(let text):
                out += "      \"cell_type\" : \"code\",\n"
                out += "      \"execution_count\" : null,\n"
                out += "      \"id\" : \(string(id)),\n"
                out += "      \"metadata\" : {\n\n      },\n"
                out += "      \"outputs\" : [\n\n      ],\n"
                out += "      \"source\" : " + lines(text) + "\n"
            }
            out += n + 1 < cells.count ? "    },\n" : "    }\n"
        }
        out += """
          ],
          "metadata" : {
            "kernelspec" : {
              "display_name" : "Python 3",
              "language" : "python",
              "name" : "python3"
            },
            "language_info" : {
              "name" : "python"
            }
          },
          "nbformat" : 4,
          "nbformat_minor" : 5
        }

        """
        return out
    }

    /// A cell's source as nbformat's list of lines, at the cell's indentation.
    private static func lines(_ text: String) -> String {
        let items = LessonNotebook.sourceLines(text)
        guard !items.isEmpty else { return "[\n\n      ]" }
        return "[\n" + items.map { "        " + string($0) }.joined(separator: ",\n") + "\n      ]"
    }

    /// A JSON string as Foundation writes it with `.withoutEscapingSlashes`.
    static func string(_ text: String) -> String { JSONEscape.string(text, escapingSlashes: false) }
}
