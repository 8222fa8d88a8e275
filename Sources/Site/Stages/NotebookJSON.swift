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
        // Room for the text, half as much again for its lines' indentation, quotes and escaped line feeds (14 bytes a
        // line), and each cell's fixed lines: a notebook is written with few or no copies of what it holds so far.
        let textBytes = cells.reduce(0) { total, cell in
            switch cell { case .markdown(let text), .code(let text): total + text.utf8.count }
        }
        out.reserveCapacity(textBytes + textBytes / 2 + 256 * cells.count + 512)
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

    /// A cell's source as nbformat's list of lines (lines that keep their `\n`, the last without; none after a final
    /// line feed), at the cell's indentation: written in
    /// one pass over the text, where escaping it finds the line feeds that end its lines, into room for the longest
    /// result (a line feed that starts a line takes 14 bytes), then appended at once: no array append for each of the
    /// cell's many runs of text, escapes and line breaks.
    private static func lines(_ text: String, to out: inout [UInt8]) {
        var text = text
        text.withUTF8 { bytes in
            let room = firstLine.utf8CodeUnitCount + nextLine.utf8CodeUnitCount * bytes.count + lastLine.utf8CodeUnitCount
            let lines = [UInt8](unsafeUninitializedCapacity: room) { buffer, written in
                var end = buffer.baseAddress!
                func write(_ text: StaticString) {
                    end.initialize(from: text.utf8Start, count: text.utf8CodeUnitCount)
                    end += text.utf8CodeUnitCount
                }
                write(Self.firstLine)
                var run = 0  // the first byte not yet written
                while true {
                    let next = JSONEscape.firstEscaped(in: bytes, from: run, escapingSlashes: false)
                    if next > run {
                        end.initialize(from: bytes.baseAddress! + run, count: next - run)
                        end += next - run
                    }
                    guard next < bytes.count else { break }
                    run = next + 1
                    // A line feed ends its line, as `TextLines` cuts: not one after a carriage return ("\r\n" is one
                    // character, which ends no line). It starts the next line, but for a final line feed, which is left
                    // out with the empty line after it.
                    if bytes[next] == 0x0A, next == 0 || bytes[next - 1] != 0x0D {
                        if run < bytes.count { write(Self.nextLine) }
                    } else {
                        end += JSONEscape.writeEscape(of: bytes[next], at: end)
                    }
                }
                write(Self.lastLine)
                written = buffer.baseAddress!.distance(to: end)
            }
            out.append(contentsOf: lines)
        }
    }

    /// What opens a cell's list and its first line, ends a line and starts the next, and ends the last line and the list.
    private static let firstLine: StaticString = "[\n        \""
    private static let nextLine: StaticString = "\\n\",\n        \""
    private static let lastLine: StaticString = "\"\n      ]"

    /// A JSON string as Foundation writes it with `.withoutEscapingSlashes`.
    static func string(_ text: String) -> String { JSONEscape.string(text, escapingSlashes: false) }
}
