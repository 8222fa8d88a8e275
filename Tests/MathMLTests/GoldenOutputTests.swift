import Foundation
import Testing
import MathML

/// Byte-for-byte comparison of `TeXToMathML.convert` with the outputs recorded in `GoldenFormulas.swift`: every
/// formula of the bundled and synthetic courses, the inputs of the other MathML tests, the TeX fuzz corpus, every
/// command name in company, environments, truncated and mangled course formulas and seeded token soups (all of the
/// first thousand, the courses' own, and every fifth of the rest: 4 338 cases) — the MathML, or the error's message
/// and offset, each must be exactly as recorded.
///
/// After an intended change to the output, rewrite the recorded outputs (the inputs stay) with
///     SITEGEN_UPDATE_SNAPSHOTS=1 swift test --filter MathMLTests.GoldenOutputTests
/// (the file is written into the source tree, next to this one).
@Suite struct GoldenOutputTests {
    struct Case: Codable {
        var tex: String
        var display: Bool
        var mathML: String?
        var error: String?
        var offset: Int?

        /// Byte for byte: String's `==` would take canonically equivalent text (é, e + U+0301) as equal.
        func isIdentical(to other: Case) -> Bool {
            func utf8(_ text: String?) -> [UInt8]? { text.map { Array($0.utf8) } }
            return utf8(tex) == utf8(other.tex) && display == other.display && utf8(mathML) == utf8(other.mathML)
                && utf8(error) == utf8(other.error) && offset == other.offset
        }
    }

    static let updating = ProcessInfo.processInfo.environment["SITEGEN_UPDATE_SNAPSHOTS"] == "1"

    static func converted(_ tex: String, display: Bool) -> Case {
        do throws(TeXError) {
            return Case(tex: tex, display: display, mathML: try TeXToMathML.convert(tex, display: display))
        } catch {
            return Case(tex: tex, display: display, error: error.message, offset: error.offset)
        }
    }

    @Test func everyRecordedFormulaConvertsAsRecorded() throws {
        let recorded = try JSONDecoder().decode([Case].self, from: Data(GoldenFormulas.json.utf8))
        #expect(recorded.count > 4000)
        if Self.updating {
            try Self.write(recorded.map { Self.converted($0.tex, display: $0.display) })
            return
        }
        var differences = 0
        for expected in recorded {
            let actual = Self.converted(expected.tex, display: expected.display)
            if !actual.isIdentical(to: expected) {
                differences += 1
                if differences <= 20 {
                    let message = "\(expected.tex.debugDescription) (display: \(expected.display)):\n"
                        + "expected \(Self.outcome(expected))\nactual   \(Self.outcome(actual))"
                    Issue.record(Comment(rawValue: message))
                }
            }
        }
        #expect(differences == 0, "\(differences) of \(recorded.count) formulas differ from GoldenFormulas.swift")
    }

    static func outcome(_ c: Case) -> String {
        c.mathML ?? "error \(c.error ?? "") at \(c.offset ?? -1)"
    }

    /// Writes the cases as a Swift file holding ASCII JSON, one case a line, in a raw string literal.
    static func write(_ cases: [Case], filePath: String = #filePath) throws {
        var out = "// Recorded by GoldenOutputTests (SITEGEN_UPDATE_SNAPSHOTS=1); ASCII JSON, one case a line.\n"
            + "enum GoldenFormulas {\n    static let json = #\"\"\"\n[\n"
        for (i, c) in cases.enumerated() {
            out += "{\"tex\":\(ascii(c.tex)),\"display\":\(c.display)"
            if let mathML = c.mathML { out += ",\"mathML\":\(ascii(mathML))" }
            if let error = c.error, let offset = c.offset { out += ",\"error\":\(ascii(error)),\"offset\":\(offset)" }
            out += i == cases.count - 1 ? "}\n" : "},\n"
        }
        out += "]\n\"\"\"#\n}\n"
        let url = URL(fileURLWithPath: filePath).deletingLastPathComponent().appendingPathComponent("GoldenFormulas.swift")
        try out.write(to: url, atomically: true, encoding: .utf8)
    }

    /// A JSON string literal of `text` in printable ASCII without `#` (`\uXXXX`, surrogate pairs beyond the BMP).
    static func ascii(_ text: String) -> String {
        var out = "\""
        for unit in text.utf16 {
            switch unit {
            case 0x22: out += "\\\""
            case 0x23: out += "\\u0023"  // no # in the raw string literal, where \# would be an escape
            case 0x5C: out += "\\\\"
            case 0x20..<0x7F: out.unicodeScalars.append(Unicode.Scalar(UInt8(unit)))
            default:
                let hex = String(unit, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            }
        }
        return out + "\""
    }
}
