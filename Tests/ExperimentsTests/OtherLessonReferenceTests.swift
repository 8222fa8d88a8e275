import Diagnostics
import Testing
@testable import Experiments

/// References to a block of another lesson (`optimisers/optimisers#sgd-variants["SGD (lr=0.01)"].test_mae`):
/// how they are read, what a resolver answers from the other lesson's results (the same as the same
/// expression on that lesson's page), and where they are refused.
@Suite struct OtherLessonReferenceTests {
    @Test(arguments: [
        ("optimisers/optimisers#sgd-variants[\"SGD (lr=0.01)\"].test_mae",
         Reference(lesson: "optimisers/optimisers", block: "sgd-variants", run: "SGD (lr=0.01)", name: "test_mae")),
        ("lab/results#tiny-schedule.double", Reference(lesson: "lab/results", block: "tiny-schedule", name: "double")),
        ("optimisers/optimisers#sgd-lr-sweep[lr=0.1][\"SGD\"].train_loss",
         Reference(lesson: "optimisers/optimisers", block: "sgd-lr-sweep", run: "SGD", name: "train_loss",
                   point: [SweepCoordinate(option: "lr", value: .number(0.1))])),
        ("module_2/lesson-1#a1.lr", Reference(lesson: "module_2/lesson-1", block: "a1", name: "lr")),
    ])
    func readsTheLessonAndTheBlock(text: String, expected: Reference) throws {
        let expression = try Expression.parse(text)
        #expect(expression.node == .reference(expected))
        #expect(expression.description == text)
    }

    @Test(arguments: [
        ("1 - a/b#c[\"r\"].m * 2", "(1 - (a/b#c[\"r\"].m * 2))"),
        ("seed_mean(a/b#c[\"r\"].m[10])", "seed_mean(a/b#c[\"r\"].m[10])"),
        ("a/b#c[\"r\"].m - x/y", "(a/b#c[\"r\"].m - (x / y))"),
        ("a/b", "(a / b)"),                 // without '#', a path is a division as before
        ("t-warmup/2", "(t - (warmup / 2))"),
    ])
    func readsInsideExpressions(text: String, expected: String) throws {
        #expect(try Expression.parse(text).description == expected)
    }

    @Test(arguments: [
        ("#sgd.m", "column 1: '#' names a block of another lesson: write the lesson's path before it, as in optimisers/optimisers#sgd-variants"),
        ("optimisers/optimisers.md#sgd.m", "column 1: write the lesson's path without '.md': optimisers/optimisers#…"),
        ("../optimisers/optimisers#sgd.m",
         "column 1: '../optimisers/optimisers' is not a lesson's path: name the lesson by its path under content/ without '.md', as in optimisers/optimisers#sgd-variants"),
        ("2 * /optimisers/optimisers#sgd.m",
         "column 5: '/optimisers/optimisers' is not a lesson's path: name the lesson by its path under content/ without '.md', as in optimisers/optimisers#sgd-variants"),
        ("optimisers//optimisers#sgd.m",
         "column 1: 'optimisers//optimisers' is not a lesson's path: name the lesson by its path under content/ without '.md', as in optimisers/optimisers#sgd-variants"),
        ("optimisers/optimisers#.m", "column 23: expected a block id after 'optimisers/optimisers#', as in optimisers/optimisers#sgd-variants"),
        ("optimisers/optimisers#sgd", "column 26: expected [\"run label\"].metric or .metric after 'optimisers/optimisers#sgd'"),
        ("optimisers/optimisers#sgd(1)", "column 26: expected [\"run label\"].metric or .metric after 'optimisers/optimisers#sgd'"),
        ("optimisers/optimisers#sgd[\"SGD\"]", "column 33: expected '.' but found the end of the expression"),
    ])
    func malformedPathsAreErrorsAtTheirColumn(text: String, message: String) {
        do {
            _ = try Expression.parse(text)
            Issue.record("parsed: \(text)")
        } catch {
            #expect(error.description == message)
        }
    }

    /// The tiny train block, run: what another lesson (`lab/results`) holds.
    static func other(_ yaml: String = TinyBlocks.train()) throws -> (spec: ExperimentSpec, results: [String: ExperimentResult]) {
        let spec = try TinyBlocks.spec(yaml)
        return (spec, try ExperimentRunner(cache: nil).run([spec]))
    }

    static func lookup(_ other: (spec: ExperimentSpec, results: [String: ExperimentResult])) -> OtherLessonResults {
        OtherLessonResults { lesson throws(ReferenceError) in
            guard lesson == "lab/results" else { throw ReferenceError("unknown lesson '\(lesson)'") }
            return (other.results, [other.spec.id: other.spec])
        }
    }

    /// What `text` gives on a page whose own block is also called `tiny-train` (a shorter run), inside a table
    /// row of it, and what the same expression without the lesson path gives on the other lesson's page.
    static func both(_ text: String, other: (spec: ExperimentSpec, results: [String: ExperimentResult])) throws -> (quoted: Double, there: Double) {
        let own = try Self.other(TinyBlocks.train(epochs: 2))
        let page = ResultResolver(results: own.results, specs: ["tiny-train": own.spec], current: "tiny-train",
                                  row: .position(0), otherLessons: lookup(other))
        let there = ResultResolver(results: other.results, specs: ["tiny-train": other.spec], current: nil)
        return (try Expression.parse(text).number(using: page),
                try Expression.parse(text.replacingOccurrences(of: "lab/results#", with: "")).number(using: there))
    }

    @Test func aQuotedValueIsTheValueOnTheOtherPage() throws {
        let other = try Self.other()
        let finalMAE = try #require(other.results["tiny-train"]?.run("SGD")?.scalars("test_mae")?.last)
        let values = try Self.both("lab/results#tiny-train[\"SGD\"].test_mae", other: other)
        #expect(values.quoted == finalMAE)
        #expect(values.there == finalMAE)
        let indexed = try Self.both("lab/results#tiny-train[\"Adam\"].train_loss[2] - lab/results#tiny-train[\"SGD\"].train_loss[final]", other: other)
        #expect(indexed.quoted == indexed.there)
    }

    @Test func sweepPointsAndSeedsAreQuotedAsOnTheirPage() throws {
        let swept = try Self.other(TinyBlocks.train(epochs: 4, runs: [("SGD", "{name: SGD, lr: 0.01}")],
                                                    extra: ["sweep:", "  lr: [0.01, 0.1]"]))
        let point = try Self.both("lab/results#tiny-train[lr=0.1][\"SGD\"].train_loss", other: swept)
        #expect(point.quoted == point.there)
        #expect(point.quoted == swept.results["tiny-train"]?.at(point: 1).runs.first?.scalars("train_loss")?.last)

        let seeded = try Self.other(TinyBlocks.train().replacingOccurrences(of: ", seed: 1}", with: "}") + "seeds: [1, 2, 3]\n")
        for function in ["seed_mean", "seed_std", "seed_min", "seed_max"] {
            let values = try Self.both("\(function)(lab/results#tiny-train[\"SGD\"].test_mae)", other: seeded)
            #expect(values.quoted == values.there, "\(function)")
        }
        let spread = try Self.both("spread(lab/results#tiny-train[\"SGD\"].test_mae, lab/results#tiny-train[\"Adam\"].test_mae)", other: seeded)
        #expect(spread.quoted == spread.there && spread.quoted > 0)
    }

    @Test(arguments: [
        ("lab/results#tiny-trian[\"SGD\"].test_mae", "column 1: no experiment with id 'tiny-trian' in lesson 'lab/results' (did you mean 'tiny-train'?)"),
        ("lab/results#tiny-train[\"SDG\"].test_mae", "column 1: no run 'SDG' in 'tiny-train' (did you mean 'SGD'?)"),
        ("lab/results#tiny-train[\"SGD\"].test_mea", "column 1: unknown name 'test_mea' (did you mean 'test_mae'?)"),
        ("lab/results#tiny-train.test_mae", "column 1: 'test_mae' is ambiguous in 'tiny-train', which has 2 runs: write [\"run label\"].test_mae"),
        ("lab/results#tiny-train[lr=0.1][\"SGD\"].test_mae", "column 1: 'tiny-train' is not a sweep: remove [lr=0.1]"),
        ("1 + lab/result#tiny-train[\"SGD\"].test_mae", "column 5: unknown lesson 'lab/result'"),
    ])
    func unknownNamesAreErrorsAtTheReference(text: String, message: String) throws {
        let resolver = ResultResolver(results: [:], specs: [:], current: nil, otherLessons: Self.lookup(try Self.other()))
        do {
            _ = try Expression.parse(text).evaluate(using: resolver)
            Issue.record("evaluated: \(text)")
        } catch {
            #expect(error.description == message)
        }
    }

    @Test func withoutOtherLessonsAQuoteIsAnError() throws {
        let resolver = ResultResolver(results: [:], specs: [:], current: nil)
        #expect(throws: ExpressionError("'lab/results#…' names another lesson, whose results cannot be read here: quote them in a check or in prose", at: 0)) {
            try Expression.parse("lab/results#tiny-train[\"SGD\"].test_mae").evaluate(using: resolver)
        }
    }

    @Test func aCheckMayQuoteAnotherLessonAndFailsWithItsValues() throws {
        let other = try Self.other()
        let check = { (claim: String) in ["checks:", "  - \"\(claim)\""] }
        let passing = try TinyBlocks.spec(TinyBlocks.train(epochs: 2, extra: check("['SGD'].train_loss[1] == lab/results#tiny-train['SGD'].train_loss[1]")))
        let run = try ExperimentRunner(cache: nil).run([passing])
        #expect(try ExperimentFigure.render(passing, results: run, specs: ["tiny-train": passing], otherLessons: Self.lookup(other)).checksPassed == 1)

        let failing = try TinyBlocks.spec(TinyBlocks.train(epochs: 2, extra: check("lab/results#tiny-train['SGD'].test_mae < 0")))
        let mae = try #require(other.results["tiny-train"]?.run("SGD")?.scalars("test_mae")?.last)
        do throws(DiagnosticList) {
            _ = try ExperimentFigure.render(failing, results: run, specs: ["tiny-train": failing], otherLessons: Self.lookup(other))
            Issue.record("the check passed")
        } catch {
            #expect(error.diagnostics.map(\.message) == ["check failed: lab/results#tiny-train['SGD'].test_mae < 0; left side = \(Value.number(mae).formatted()), right side = 0"])
        }
    }

    /// Tables show their own block, and formulas read their own variables: another lesson there is refused
    /// when the block is read.
    @Test func tablesAndFormulasCannotQuoteAnotherLesson() {
        func messages(_ yaml: String) -> [String] { SpecParsing.errors(yaml) }
        let table = TinyBlocks.train(extra: ["table:", "  columns:", "    - {header: MAE, value: \"lab/results#tiny-train['SGD'].test_mae\"}"])
        #expect(messages(table) == ["tiny.md:29:29: error: 'value' cannot quote another lesson's results ('lab/results#tiny-train'): only checks and inline results ({{ }}) can"])
        let column = TinyBlocks.schedule(extra: []).replacingOccurrences(of: "\"2 * t\"", with: "\"2 * lab/results#tiny-schedule.double\"")
        #expect(messages(column).count == 1)
    }
}
