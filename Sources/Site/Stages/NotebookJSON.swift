import Escaping

/// The notebook's JSON text, written directly: the same bytes as Foundation's `JSONSerialization` with
/// `[.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]` (two-space indent, `"key" : value`, an empty
/// array or object as an empty line between its brackets, control characters escaped as Foundation
/// does), which took about half of a prose lesson's build time. `NotebookJSONTests` compares the two.
enum NotebookJSON {
    /// nbformat 4.5: the cells, then the fixed metadata, as UTF-8 bytes, each cell's lines escaped straight from its
    /// text.
    static func bytes(cells: [LessonNotebook.Cell]) -> [UInt8] {
        var out: [UInt8] = []
        func write(_ text: String) { out.append(contentsOf: text.utf8) }
        write("{\n  \"cells\" : [\n")
        for (n, cell) in cells.enumerated() {
            let number = String(n + 1)
            let id = "cell-" + String(repeating: "0", count: max(0, 3 - number.count)) + number
            write("    {\n")
            switch cell {
            case .markdown(let text):
                write("      \"cell_type\" : \"markdown\",\n")
                write("      \"id\" : \(string(id)),\n")
                write("      \"metadata\" : {\n\n      },\n")
                write("      \"source\" : ")
                lines(text, to: &out)
            case .code(let text):
                write("      \"cell_type\" : \"code\",\n")
                write("      \"execution_count\" : null,\n")
                write("      \"id\" : \(string(id)),\n")
                write("      \"metadata\" : {\n\n      },\n")
                write("      \"outputs\" : [\n\n      ],\n")
                write("      \"source\" : ")
                lines(text, to: &out)
            }
            write(n + 1 < cells.count ? "\n    },\n" : "\n    }\n")
        }
        write("""
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

        """)
        return out
    }

    /// A cell's source as nbformat's list of lines (`LessonNotebook.sourceLines`), at the cell's indentation.
    private static func lines(_ text: String, to out: inout [UInt8]) {
        var text = text
        text.withUTF8 { bytes in
            let lines = LessonNotebook.sourceLineRanges(bytes)
            guard !lines.isEmpty else { return out.append(contentsOf: "[\n\n      ]".utf8) }
            out.append(contentsOf: "[\n".utf8)
            for (n, line) in lines.enumerated() {
                // A line's separator and indentation, appended from one static buffer.
                let lead = n > 0 ? Self.nextLine : Self.firstLine
                out.append(contentsOf: UnsafeBufferPointer(start: lead.utf8Start, count: lead.utf8CodeUnitCount))
                JSONEscape.append(utf8: UnsafeBufferPointer(rebasing: bytes[line]), to: &out, escapingSlashes: false)
            }
            out.append(contentsOf: "\n      ]".utf8)
        }
    }

    private static let firstLine: StaticString = "        "
    private static let nextLine: StaticString = ",\n        "

    /// A JSON string as Foundation writes it with `.withoutEscapingSlashes`.
    static func string(_ text: String) -> String { JSONEscape.string(text, escapingSlashes: false) }
}
