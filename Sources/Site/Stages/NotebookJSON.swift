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
        let scratch = UnsafeMutablePointer<UInt8>.allocate(capacity: scratchRoom)
        defer { scratch.deallocate() }
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
                lines(text, to: &out, scratch: scratch)
            case .code(let text):
                write("      \"cell_type\" : \"code\",\n")
                write("      \"execution_count\" : null,\n")
                write("      \"id\" : \(string(id)),\n")
                write("      \"metadata\" : {\n\n      },\n")
                write("      \"outputs\" : [\n\n      ],\n")
                write("      \"source\" : ")
                lines(text, to: &out, scratch: scratch)
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

    /// How many bytes of a cell's text `lines` escapes into its scratch buffer at a time.
    static let chunkBytes = 4096
    /// The scratch buffer's room: a chunk's longest result (a line feed that starts a line takes 14 bytes).
    private static let scratchRoom = nextLine.utf8CodeUnitCount * chunkBytes

    /// A cell's source as nbformat's list of lines (lines that keep their `\n`, the last without; none after a final
    /// line feed), at the cell's indentation: written in one pass over the text, where escaping it finds the line feeds
    /// that end its lines. `chunkBytes` of the text at a time are written into `scratch`, which has room for their
    /// longest result, and appended to `out` at once: no array append for each of the cell's many runs of text, escapes
    /// and line breaks, and no room made for the whole cell's longest result (fourteen times its size).
    private static func lines(_ text: String, to out: inout [UInt8], scratch: UnsafeMutablePointer<UInt8>) {
        out.append(contentsOf: UnsafeBufferPointer(start: firstLine.utf8Start, count: firstLine.utf8CodeUnitCount))
        var text = text
        text.withUTF8 { bytes in
            var run = 0  // the first byte not yet written
            var next = JSONEscape.firstEscaped(in: bytes, from: 0, escapingSlashes: false)
            while run < bytes.count {
                let limit = min(bytes.count, run + chunkBytes)
                var end = scratch
                while true {
                    let stop = min(next, limit)
                    if stop > run {
                        end.initialize(from: bytes.baseAddress! + run, count: stop - run)
                        end += stop - run
                        run = stop
                    }
                    guard next < limit else { break }
                    run = next + 1
                    // A line feed ends its line, as `TextLines` cuts: not one after a carriage return ("\r\n" is one
                    // character, which ends no line). It starts the next line, but for a final line feed, which is left
                    // out with the empty line after it.
                    if bytes[next] == 0x0A, next == 0 || bytes[next - 1] != 0x0D {
                        if run < bytes.count {
                            end.initialize(from: nextLine.utf8Start, count: nextLine.utf8CodeUnitCount)
                            end += nextLine.utf8CodeUnitCount
                        }
                    } else {
                        end += JSONEscape.writeEscape(of: bytes[next], at: end)
                    }
                    next = JSONEscape.firstEscaped(in: bytes, from: run, escapingSlashes: false)
                }
                out.append(contentsOf: UnsafeBufferPointer(start: scratch, count: scratch.distance(to: end)))
            }
        }
        out.append(contentsOf: UnsafeBufferPointer(start: lastLine.utf8Start, count: lastLine.utf8CodeUnitCount))
    }

    /// What opens a cell's list and its first line, ends a line and starts the next, and ends the last line and the list.
    private static let firstLine: StaticString = "[\n        \""
    private static let nextLine: StaticString = "\\n\",\n        \""
    private static let lastLine: StaticString = "\"\n      ]"

    /// A JSON string as Foundation writes it with `.withoutEscapingSlashes`.
    static func string(_ text: String) -> String { JSONEscape.string(text, escapingSlashes: false) }
}
