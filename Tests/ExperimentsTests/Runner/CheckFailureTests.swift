import Diagnostics
import Testing
@testable import Experiments

/// A claim that the results contradict fails the build at the check's own line and column, with the
/// values the two sides of the comparison actually have.
@Suite struct CheckFailureTests {
    /// The schedule block's YAML is lines 10–16 of tiny.md; `checks:` is line 17, the checks follow.
    static func diagnostics(_ checks: [String]) throws -> [String] {
        let spec = try TinyBlocks.spec(TinyBlocks.schedule(extra: ["checks:"] + checks.map { "  - \"\($0)\"" }))
        let results = try ExperimentRunner(cache: nil).run([spec])
        do {
            let figure = try ExperimentFigure.render(spec, results: results, specs: [spec.id: spec])
            #expect(figure.checksPassed == checks.count)
            return []
        } catch {
            return error.diagnostics.map(\.description)
        }
    }

    @Test func passingChecksAreCounted() throws {
        #expect(try Self.diagnostics(["double[3] == 6", "['halving'].lr[3] < ['halving'].lr[2]"]) == [])
    }

    @Test func aFalseComparisonShowsBothSides() throws {
        #expect(try Self.diagnostics(["double[1] < 5", "double[3] < 5"])
                == ["tiny.md:19:6: error: check failed: double[3] < 5; left side = 6, right side = 5"])
    }

    @Test func aFalseCheckOfAnotherShapeIsReportedWithoutSides() throws {
        #expect(try Self.diagnostics(["not (['halving'].lr[3] == 0.5)"])
                == ["tiny.md:18:6: error: check failed: not (['halving'].lr[3] == 0.5)"])
    }

    @Test func everyFailingCheckIsReported() throws {
        #expect(try Self.diagnostics(["double[2] > 4", "['halving'].lr > 0.5"]) == [
            "tiny.md:18:6: error: check failed: double[2] > 4; left side = 4, right side = 4",
            "tiny.md:19:6: error: check failed: ['halving'].lr > 0.5; left side = 0.5, right side = 0.5",
        ])
    }

    @Test func aCheckThatCannotBeEvaluatedPointsAtTheProblem() throws {
        #expect(try Self.diagnostics(["double[7] < 5"])
                == ["tiny.md:18:13: error: check cannot be evaluated: index 7 is out of range 1...3"])
    }

    /// `halving.lr` names a block; when `halving` is a run of this block the message says how to write it.
    @Test func aRunWrittenAsABlockIsExplained() throws {
        #expect(try Self.diagnostics(["halving.lr[3] == 0.5"])
                == ["tiny.md:18:6: error: check cannot be evaluated: no experiment with id 'halving' on this page; 'halving' is a run of 'tiny-schedule': write ['halving'].lr"])
    }
}
