import Foundation
import Testing
@testable import Site
import TestSupport

/// Hostile references to another lesson's results, on the experiments fixture with a second lesson,
/// `lab/quoting`, whose prose starts on line 4 (`It was {{ ` puts the expression at column 11).
extension HostileInput {
    static let quotingLesson = "content/lab/quoting.md"

    /// The experiments fixture with `lab/quoting` holding `body`, and `edits` made to `lab/results`.
    static func quoting(_ name: String, _ body: String, results edits: [(String, String)] = [], _ expected: Expected) -> HostileInput {
        let results = experiment(name, replacing: edits, expected)
        return HostileInput(name: name, fixture: results.fixture, edit: { site in
            try site.write(quotingLesson, "---\ntitle: Quoting\n---\n" + body + "\n")
            try results.edit(site)
        }, expected: expected)
    }

    static let quotes: [HostileInput] = [
        quoting("quote: an unknown lesson", "It was {{ lab/result#tiny-train[\"SGD\"].test_mae | .4f }}.", .fails([
            "content/lab/quoting.md:4:11: error: inline result: unknown lesson 'lab/result' (did you mean 'lab/results'?)",
        ])),
        quoting("quote: an unknown lesson named twice is one error",
                "It was {{ lab/result#tiny-train[\"SGD\"].test_mae | .4f }}, then {{ lab/result#tiny-train[\"Adam\"].test_mae }}.", .fails([
            "content/lab/quoting.md:4:11: error: inline result: unknown lesson 'lab/result' (did you mean 'lab/results'?)",
        ])),
        quoting("quote: a lesson unlike any", "It was {{ zzz/zzz#tiny-train[\"SGD\"].test_mae }}.", .fails([
            "content/lab/quoting.md:4:11: error: inline result: unknown lesson 'zzz/zzz'; a lesson is named by its path under content/ without '.md', such as 'lab/results'",
        ])),
        quoting("quote: a lesson named by its file", "It was {{ lab/results.md#tiny-train[\"SGD\"].test_mae }}.", .fails([
            "content/lab/quoting.md:4:11: error: inline result: write the lesson's path without '.md': lab/results#…",
        ])),
        quoting("quote: a path out of content/", "It was {{ ../lab/results#tiny-train[\"SGD\"].test_mae }}.", .fails([
            "content/lab/quoting.md:4:11: error: inline result: '../lab/results' is not a lesson's path: name the lesson by its path under content/ without '.md', as in optimisers/optimisers#sgd-variants",
        ])),
        quoting("quote: '#' without a lesson", "It was {{ #tiny-train[\"SGD\"].test_mae }}.", .fails([
            "content/lab/quoting.md:4:11: error: inline result: '#' names a block of another lesson: write the lesson's path before it, as in optimisers/optimisers#sgd-variants",
        ])),
        quoting("quote: a lesson without a block", "It was {{ lab/results#[\"SGD\"].test_mae }}.", .fails([
            "content/lab/quoting.md:4:23: error: inline result: expected a block id after 'lab/results#', as in optimisers/optimisers#sgd-variants",
        ])),
        quoting("quote: an unknown block", "It was {{ lab/results#tiny-trian[\"SGD\"].test_mae | .4f }}.", .fails([
            "content/lab/quoting.md:4:11: error: inline result: no experiment with id 'tiny-trian' in lesson 'lab/results' (did you mean 'tiny-train'?)",
        ])),
        quoting("quote: an unknown run", "It was {{ lab/results#tiny-train[\"SDG\"].test_mae | .4f }}.", .fails([
            "content/lab/quoting.md:4:11: error: inline result: no run 'SDG' in 'tiny-train' (did you mean 'SGD'?)",
        ])),
        quoting("quote: an unknown metric", "It was {{ lab/results#tiny-train[\"SGD\"].test_mea | .4f }}.", .fails([
            "content/lab/quoting.md:4:11: error: inline result: unknown name 'test_mea' (did you mean 'test_mae'?)",
        ])),
        quoting("quote: a lesson whose experiments fail",
                "It was {{ lab/results#tiny-train[\"SGD\"].test_mae }}, then {{ lab/results#tiny-train[\"Adam\"].test_mae }}.",
                results: [("optimizer: {name: SGD, lr: 0.01}", "optimizer: {name: SDG, lr: 0.01}")], .fails([
            "content/lab/quoting.md:4:11: error: inline result: lesson 'lab/results' fails to build, so its results cannot be quoted: fix the errors in content/lab/results.md first",
            "content/lab/results.md:64:23: error: unknown optimiser 'SDG' (did you mean 'SGD'?)",
        ])),
        experiment("quote: a check naming its own lesson", replacing: "\"double[3] == 6\"", with: "\"lab/results#tiny-schedule.double[3] == 6\"", .fails([
            "content/lab/results.md:23:6: error: check cannot be evaluated: 'lab/results' is this lesson: write tiny-schedule… without 'lab/results#'",
        ])),
        experiment("quote: a table value naming another lesson", replacing: "value: double, format: d", with: "value: \"lab/other#tiny-schedule.double\", format: d", .fails([
            "content/lab/results.md:20:32: error: 'value' cannot quote another lesson's results ('lab/other#tiny-schedule'): only checks and inline results ({{ }}) can",
        ])),
    ]
}
