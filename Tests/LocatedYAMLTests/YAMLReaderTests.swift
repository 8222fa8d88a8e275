import Diagnostics
import LocatedYAML
import Testing
import Yams

/// The one YAML vocabulary: what each reader accepts, what it says otherwise, and where it says it.
@Suite struct YAMLReaderTests {
    /// Reads `value` of the one-key document `key: value` that starts at line 10, column 1 of `l.md`.
    static func read<T>(_ value: String, _ get: (YAMLReader) -> (Node, String) -> T?) -> (T?, [String]) {
        let reader = YAMLReader(origin: SourceLocation(file: "l.md", line: 10, column: 1))
        guard let root = reader.compose("k: \(value)\n"), let node = root.mapping?["k"] else {
            return (nil, reader.diagnostics.map(\.description))
        }
        return (get(reader)(node, "k"), reader.diagnostics.map(\.description))
    }

    @Test func numbersArePlainDecimals() {
        #expect(Self.read("1e-3", { $0.double }).0 == 0.001)
        #expect(Self.read("-5", { $0.double }).0 == -5)
        #expect(Self.read(".5", { $0.double }).0 == 0.5)
        #expect(Self.read(".nan", { $0.double }).1 == ["l.md:10:4: error: 'k' must be a number, not '.nan'"])
        #expect(Self.read("0x10", { $0.double }).1 == ["l.md:10:4: error: 'k' must be a number, not '0x10'"])
        #expect(Self.read("'0.01'", { $0.double }).1 == ["l.md:10:4: error: 'k' must be a number, not the quoted text '0.01'"])
        #expect(Self.read("1e999", { $0.double }).1 == ["l.md:10:4: error: 'k' is 1e999, beyond the largest 64-bit float (about 1.8e308)"])
        #expect(Self.read("[1]", { $0.double }).1 == ["l.md:10:4: error: 'k' must be a number, not a list"])
    }

    @Test func wholeNumbersAreNumbersWithoutAFraction() {
        #expect(Self.read("150", { $0.int }).0 == 150)
        #expect(Self.read("2e3", { $0.int }).0 == 2000)
        #expect(Self.read("150.0", { $0.int }).0 == 150)
        #expect(Self.read("first", { $0.int }).1 == ["l.md:10:4: error: 'k' must be a whole number, not 'first'"])
        #expect(Self.read("2.5", { $0.int }).1 == ["l.md:10:4: error: 'k' must be a whole number, not '2.5'"])
        #expect(Self.read("1_000", { $0.int }).1 == ["l.md:10:4: error: 'k' must be a whole number, not '1_000'"])
        #expect(Self.read("99999999999999999999999", { $0.int }).1
            == ["l.md:10:4: error: 'k' is 99999999999999999999999, beyond the whole numbers allowed here (below 10^15 in size)"])
    }

    @Test func booleansAreTrueOrFalse() {
        #expect(Self.read("true", { $0.bool }).0 == true)
        #expect(Self.read("false", { $0.bool }).0 == false)
        #expect(Self.read("yes", { $0.bool }).1 == ["l.md:10:4: error: 'k' must be true or false, not 'yes'"])
        #expect(Self.read("\"true\"", { $0.bool }).1 == ["l.md:10:4: error: 'k' must be true or false, not the quoted text 'true'"])
    }

    @Test func textAndLists() {
        #expect(Self.read("hello", { $0.string }).0 == "hello")
        #expect(Self.read("{a: 1}", { $0.string }).1 == ["l.md:10:4: error: 'k' must be text, not a mapping"])
        #expect(Self.read("[a, b]", { $0.strings }).0 == ["a", "b"])
        #expect(Self.read("[1, 2.5]", { $0.ints }).1 == ["l.md:10:8: error: 'k' must be a whole number, not '2.5'"])
        #expect(Self.read("a", { $0.list }).1 == ["l.md:10:4: error: 'k' must be a list, not 'a'"])
    }

    enum Colour: String, CaseIterable { case red, green }

    @Test func choicesSuggestTheNearestName() {
        let (colour, _) = Self.read("green", { reader in { node, _ in reader.choice(node, "colour") as Colour? } })
        #expect(colour == .green)
        #expect(Self.read("gren", { reader in { node, _ in reader.choice(node, "colour") as Colour? } }).1
            == ["l.md:10:4: error: unknown colour 'gren' (did you mean 'green'?)"])
        #expect(Self.read("blue", { reader in { node, _ in reader.choice(node, "colour") as Colour? } }).1
            == ["l.md:10:4: error: unknown colour 'blue' (expected one of: red, green)"])
    }

    @Test func unknownKeysAreReportedAndLeftOut() {
        let reader = YAMLReader(origin: SourceLocation(file: "l.md", line: 2, column: 1))
        let root = reader.compose("title: T\nsumary: S\n")
        let entries = root.flatMap { reader.entries($0, "front matter", allowed: ["title", "summary"]) }
        #expect(entries?.map(\.key) == ["title"])
        #expect(reader.diagnostics.map(\.description)
            == ["l.md:3:1: error: unknown key 'sumary' in front matter (did you mean 'summary'?)"])
    }

    @Test func syntaxErrorsAreLocatedInTheFile() {
        let reader = YAMLReader(origin: SourceLocation(file: "l.md", line: 2, column: 1))
        #expect(reader.compose("title: First\nsummary: [unclosed\n") == nil)
        #expect(reader.diagnostics.map(\.description) == [
            "l.md:4:1: error: YAML syntax error: did not find expected ',' or ']' (while parsing a flow sequence that starts at l.md:3:10)",
        ])
    }

    @Test func duplicateKeysAreNamed() {
        let reader = YAMLReader(origin: SourceLocation(file: "l.md", line: 2, column: 1))
        #expect(reader.compose("title: A\ntitle: B\n") == nil)
        #expect(reader.diagnostics.map(\.description) == ["l.md:2:1: error: duplicate key 'title': each key may appear once in a mapping"])
    }

    @Test func emptyTextIsNoDocument() {
        let reader = YAMLReader(origin: SourceLocation(file: "l.md", line: 1, column: 1))
        #expect(reader.compose("") == nil)
        #expect(reader.diagnostics.isEmpty)
    }
}
