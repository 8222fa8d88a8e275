import Foundation
import FuzzTargets
import XCTest

/// Replays the inputs kept from fuzzing (`scripts/fuzz.sh`, docs/fuzzing.md) through the same entry points
/// the fuzzers call: a crash, a trap or a broken invariant here is a regression. `Corpus/<target>/` holds a
/// minimised corpus (libFuzzer `-merge=1`) and every input that once crashed, named `crash-…`.
final class FuzzRegressionTests: XCTestCase {
    func testSpecCorpus() throws { try replay("spec") }
    func testLessonCorpus() throws { try replay("lesson") }
    func testTeXCorpus() throws { try replay("tex") }
    func testTemplateCorpus() throws { try replay("template") }
    func testWriterCorpus() throws { try replay("writer") }

    /// Every file of the target's corpus runs to an outcome; the corpus is not empty and holds inputs the
    /// code accepts as well as inputs it rejects with a diagnostic.
    private func replay(_ target: String) throws {
        let files = try corpus(target)
        XCTAssertGreaterThan(files.count, 10, "the \(target) corpus is missing")
        var accepted = 0, rejected = 0
        for file in files {
            for outcome in FuzzTargets.run(target, try bytes(file)) {
                switch outcome {
                case .accepted: accepted += 1
                case .rejected(let messages):
                    XCTAssertFalse(messages.isEmpty, file.lastPathComponent)
                    rejected += 1
                }
            }
        }
        XCTAssertGreaterThan(accepted, 0, "no \(target) input was accepted")
        XCTAssertGreaterThan(rejected, 0, "no \(target) input was rejected")
    }

    // MARK: Crashes found, now diagnostics (docs/fuzzing.md)

    /// 50,000 nested block quotes overflowed the stack in the markdown converter.
    func testDeepBlockQuotesAreReported() throws {
        try assertRejected(try crash("lesson", "deep-block-quotes"), containing: "markdown nests deeper than 64 levels here")
    }

    /// `****…x****` 20,000 deep overflowed the stack in the HTML renderer.
    func testDeepEmphasisIsReported() throws {
        try assertRejected(try crash("lesson", "deep-emphasis"), containing: "markdown nests deeper than 64 levels here")
    }

    /// `{{ ((((…1…)))) }}` 5,000 deep overflowed the stack in the expression parser; its 10,001 tokens are
    /// now refused before parsing by the length limit (the nesting limit still holds for shorter ones).
    func testDeepInlineResultIsReported() throws {
        try assertRejected(try crash("lesson", "deep-inline-result"), containing: "the expression is longer than 500 tokens")
    }

    /// A partial that includes itself (directly or through another) made the template library sitegen used then
    /// (swift-mustache) recurse until the stack overflowed; so did sections 50,000 deep. Both are refused.
    func testTemplateCyclesAndDeepSectionsAreReported() throws {
        try assertRejected(FuzzTargets.template(Array("{{>page}}".utf8)),
                           containing: "templates/page.mustache:1:1: error: partial 'page' includes itself (page → page)")
        try assertRejected(FuzzTargets.template(Array("<p>{{>partials/part}}</p>\n----\n{{>partials/part}}".utf8)),
                           containing: "partial 'partials/part' includes itself (page → partials/part → partials/part)")
        let deep = String(repeating: "{{#a}}", count: 50_000) + "x" + String(repeating: "{{/a}}", count: 50_000)
        try assertRejected(FuzzTargets.template(Array(deep.utf8)),
                           containing: "templates/page.mustache:1:601: error: template sections nest deeper than 100 levels here")
        let fine = String(repeating: "{{#lesson}}", count: 90) + "{{lesson.title}}" + String(repeating: "{{/lesson}}", count: 90)
        XCTAssertTrue(FuzzTargets.template(Array(fine.utf8)).isAccepted)
    }

    /// A template with CRLF line ends: the reader's line (counted at "\n") was right, and the fuzzer's own check, which
    /// split the text into Characters ("\r\n" is one), counted fewer lines and trapped. Found by the template fuzzer.
    func testCRLFTemplateErrorsAreOnTheirLines() throws {
        try assertRejected(FuzzTargets.template(Array("a\r\nb\r\nc {{".utf8)),
                           containing: "templates/page.mustache:3:3: error: template syntax error: this tag is never closed")
        _ = try crash("template", "crlf-lines")
    }

    /// Sections over a list nested 28 deep in 841 bytes would repeat their content 2^28 times: refused when a page's
    /// rendering passes its step budget, at the innermost section. Found in review.
    func testTemplatesThatRepeatWithoutBoundAreStopped() throws {
        let deep = String(repeating: "{{#lesson.toc}}", count: 28) + "x" + String(repeating: "{{/lesson.toc}}", count: 28)
        try assertRejected(FuzzTargets.template(Array(deep.utf8)),
                           containing: "error: this template repeats its content more than 1000000 times for one page")
    }

    /// A partial nesting 100 sections, included inside 100 sections: each template is within the parser's limit, the
    /// two together are not. Refused by the check (the partial first met there) or, when the partial was checked
    /// where it stood shallower, by the renderer, at the first section too deep, before either recursion can exhaust
    /// the stack (a chain of such partials did, found in review).
    func testSectionsNestedThroughPartialsAreStopped() throws {
        let open = String(repeating: "{{#lesson}}", count: 100), close = String(repeating: "{{/lesson}}", count: 100)
        let partial = open + "x" + close
        let expected = "templates/partials/part.mustache:1:1090: error: sections and partials nest deeper than 200 levels here"
        try assertRejected(FuzzTargets.template(Array("\(open){{> partials/part}}\(close)\n----\n\(partial)".utf8)), containing: expected)
        try assertRejected(FuzzTargets.template(Array("{{> partials/part}}\(open){{> partials/part}}\(close)\n----\n\(partial)".utf8)),
                           containing: expected)
        XCTAssertTrue(FuzzTargets.template(Array("{{> partials/part}}\(open.prefix(11 * 99)){{> partials/part}}\(close.prefix(11 * 99))\n----\n\(partial)".utf8)).isAccepted)
    }

    /// The limits leave room: 60 nested quotes render; a check 90 parentheses deep parses, 150 is reported
    /// at its line in the lesson.
    func testNestingBelowTheLimitsIsAccepted() throws {
        let quotes = "---\ntitle: Quotes\n---\n" + String(repeating: ">", count: 60) + " deep\n"
        XCTAssertTrue(FuzzTargets.lesson(Array(quotes.utf8)).isAccepted)
        func block(_ depth: Int) -> [UInt8] {
            let expr = String(repeating: "(", count: depth) + "t" + String(repeating: ")", count: depth)
            return Array("id: deep\nkind: schedule\nsteps: [1, 2]\ncolumns:\n  - {name: lr, expr: \"\(expr)\"}\n".utf8)
        }
        XCTAssertTrue(FuzzTargets.spec(block(90)).isAccepted)
        try assertRejected(FuzzTargets.spec(block(150)), containing: "fuzz.md:16:")
        try assertRejected(FuzzTargets.spec(block(150)), containing: "nests more than 100 levels deep")
    }

    /// Hostile `layernorm` layers and `model.init` settings kept in the spec corpus (eps 0, −1e308 or NaN, misspelt
    /// options, options as a list, 100 000-wide layer-norm stacks, init nested in itself, as a list, with an unknown
    /// mode or nonlinearity, gains of inf and a beyond 1e308, a linear layer of width 0): each is refused at the key
    /// with a message, none crashes.
    func testHostileLayerNormAndInitAreRejectedAtTheKey() throws {
        let cases = try corpus("spec").filter { file in
            let text = String(decoding: try bytes(file), as: UTF8.self)
            return text.hasPrefix("id: ln\n") && (text.contains("layernorm") || text.contains("init:"))
        }
        XCTAssertEqual(cases.count, 12)
        for file in cases {
            let outcome = try XCTUnwrap(FuzzTargets.run("spec", try bytes(file)).first)
            guard case .rejected(let messages) = outcome else {
                XCTFail("accepted: \(file.lastPathComponent)")
                continue
            }
            XCTAssertTrue(messages.contains { $0.contains("fuzz.md:") && $0.contains(": error: ") }, "\(messages)")
            print(file.lastPathComponent, messages.joined(separator: " | "))
        }
    }

    func assertRejected(_ outcome: FuzzTargets.Outcome, containing text: String, file: StaticString = #filePath,
                        line: UInt = #line) throws {
        guard case .rejected(let messages) = outcome else {
            return XCTFail("accepted, expected a diagnostic containing '\(text)'", file: file, line: line)
        }
        XCTAssertTrue(messages.contains { $0.contains(text) }, "\(messages)", file: file, line: line)
    }

    func corpus(_ target: String) throws -> [URL] {
        let folder = try XCTUnwrap(Bundle.module.url(forResource: "Corpus", withExtension: nil)).appendingPathComponent(target)
        return try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
            .filter { !$0.lastPathComponent.hasPrefix(".") }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
    }

    func bytes(_ file: URL) throws -> [UInt8] { [UInt8](try Data(contentsOf: file)) }

    /// The outcome of one kept crash input, `Corpus/<target>/crash-<name>` (lesson and spec targets).
    func crash(_ target: String, _ name: String) throws -> FuzzTargets.Outcome {
        let file = try corpus(target).first { $0.lastPathComponent == "crash-\(name)" }
        return try XCTUnwrap(FuzzTargets.run(target, try bytes(try XCTUnwrap(file, "no crash-\(name) in Corpus/\(target)"))).first)
    }
}
