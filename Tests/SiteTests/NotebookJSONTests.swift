import Foundation
import Testing
@testable import Site

/// `NotebookJSON` writes what `JSONSerialization` (pretty-printed, sorted keys, slashes unescaped) wrote
/// before it, byte for byte: every ASCII character, control characters included, and text beyond ASCII.
@Suite struct NotebookJSONTests {
    static func foundation(_ cells: [LessonNotebook.Cell]) throws -> String {
        let json: [String: Any] = [
            "nbformat": 4,
            "nbformat_minor": 5,
            "metadata": [
                "kernelspec": ["name": "python3", "display_name": "Python 3", "language": "python"],
                "language_info": ["name": "python"],
            ] as [String: Any],
            "cells": cells.enumerated().map { n, cell -> [String: Any] in
                var entry: [String: Any] = ["id": String(format: "cell-%03d", n + 1), "metadata": [String: Any]()]
                switch cell {
                case .markdown(let text):
                    entry["cell_type"] = "markdown"
                    entry["source"] = LessonNotebook.sourceLines(text)
                case .code(let text):
                    entry["cell_type"] = "code"
                    entry["source"] = LessonNotebook.sourceLines(text)
                    entry["outputs"] = [Any]()
                    entry["execution_count"] = NSNull()
                }
                return entry
            },
        ]
        let data = try JSONSerialization.data(withJSONObject: json, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// `sourceLines` cuts on bytes as `String` cuts on characters: "\r\n" is one character and ends no line.
    @Test func sourceLinesCutAsCharactersDo() {
        func byCharacters(_ text: String) -> [String] {
            let trimmed = text.hasSuffix("\n") ? String(text.dropLast()) : text
            let lines = trimmed.split(separator: "\n", omittingEmptySubsequences: false)
            return lines.enumerated().map { n, line in n + 1 < lines.count ? line + "\n" : String(line) }
        }
        for text in ["", "\n", "\n\n", "a", "a\n", "a\nb", "a\r\nb\r\n", "a\nb\r\nc\n", "\r\n\n", "é\n漢字\n🙂", "x\r", "\n\u{301}a"] {
            #expect(LessonNotebook.sourceLines(text) == byCharacters(text), "\(text.debugDescription)")
        }
    }

    /// Only lines that start with `import` or `from` (after spaces) name modules; a "\r\n" does not end a line.
    @Test func importsReadOnlyImportLines() {
        #expect(LessonNotebook.imports("") == [])
        #expect(LessonNotebook.imports("x = 1\n  import json\nfrom é import x\nimportant = 2\n# import os\n")
                == ["json", "é"])
        #expect(LessonNotebook.imports("import torch.nn as nn\r\nimport numpy\nfrom\n") == ["torch"])
        // Names up to `as`, cut at the first dot, commas stripped at either end; a lone comma names nothing.
        #expect(LessonNotebook.imports("import ,a,,  b.c , d as e, f\nfrom g.h import i, j\nimport\n") == ["a", "b", "d", "g"])
        // Relative imports name the module after their dots.
        #expect(LessonNotebook.imports("from .utils import f\nfrom ..pkg.sub import g\nimport .x, ...\n") == ["utils", "pkg", "x"])
    }

    @Test func everyASCIICharacterAndUnicodeAsFoundationWritesThem() throws {
        let ascii = String(String.UnicodeScalarView((0..<128).compactMap(Unicode.Scalar.init)))
        let cells: [LessonNotebook.Cell] = [
            .markdown("# Title — “quoted” ü 漢字 🙂\n\nA line with $x/y$ and \\alpha and \"quotes\".\n"),
            .code(ascii),
            .code("print('a')\r\n\u{2028}\u{7f}\u{85}\t"),
            .markdown(""),
            .code("\n\n"),
        ]
        #expect(NotebookJSON.bytes(cells: cells) == Array(try Self.foundation(cells).utf8))
    }

    /// A cell's lines are cut where escaping its text meets a line feed: lines of every length around a word, ending
    /// in "\n", "\r\n" (no line's end) or nothing, with escapes next to the line feeds, at the start and the end.
    @Test func linesOfEveryLengthAndEndingAsFoundationWritesThem() throws {
        var cells: [LessonNotebook.Cell] = []
        for ending in ["\n", "\r\n", "\n\n", "\r"] {
            for length in 0...17 {
                let line = String(String.UnicodeScalarView((0..<length).map { Unicode.Scalar(UInt8(97 + $0 % 26)) }))
                cells.append(.code(line + ending + line))
                cells.append(.markdown(ending + line + ending))
                cells.append(.code("\"" + line + "\"" + ending + "\t" + line + "\\" + ending))
                cells.append(.markdown(line + "é" + ending + "🙂" + ending + ending))
            }
        }
        #expect(NotebookJSON.bytes(cells: cells) == Array(try Self.foundation(cells).utf8))
    }

    /// A cell longer than the chunks its text is escaped in, with lines, escapes and line feeds on every side of every
    /// chunk's end, and a long line without any.
    @Test func cellsLongerThanAChunkAsFoundationWritesThem() throws {
        var text = ""
        for length in 0...40 {
            text += String(repeating: "x", count: length) + (length % 3 == 0 ? "\"\\\u{1}" : "é") + "\n"
            if length % 7 == 0 { text += "\r\n\n" }
        }
        let long = String(repeating: text, count: 3 * NotebookJSON.chunkBytes / text.utf8.count + 2)
        var cells: [LessonNotebook.Cell] = [.code(long), .markdown(String(repeating: "ab", count: 3 * NotebookJSON.chunkBytes))]
        for shift in 1...17 {
            cells.append(.markdown(String(repeating: "y", count: NotebookJSON.chunkBytes - shift) + "\n\"\t\n" + long))
        }
        #expect(NotebookJSON.bytes(cells: cells) == Array(try Self.foundation(cells).utf8))
    }

    @Test func aThousandCellsAreNumberedAsFoundationNumbersThem() throws {
        let cells = (0..<1005).map { LessonNotebook.Cell.markdown("cell \($0)") }
        #expect(NotebookJSON.bytes(cells: cells) == Array(try Self.foundation(cells).utf8))
    }
}

extension LessonNotebook {
    /// nbformat's multi-line string, as the tests' reference writer (`NotebookJSONTests.foundation`) gives it: lines
    /// that keep their `\n`, the last without, and none after a final line feed (cut with `TextLines`).
    static func sourceLines(_ text: String) -> [String] {
        var text = text
        return text.withUTF8 { bytes in
            var lines = TextLines.ranges(bytes)
            if lines.count > 1, lines[lines.count - 1].isEmpty { lines.removeLast() }
            return lines.enumerated().map { n, line in
                String(decoding: UnsafeBufferPointer(rebasing: bytes[line.lowerBound..<(n + 1 < lines.count ? line.upperBound + 1 : line.upperBound)]),
                       as: UTF8.self)
            }
        }
    }
}
