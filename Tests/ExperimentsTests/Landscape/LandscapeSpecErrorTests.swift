import Diagnostics
import Foundation
import Testing
@testable import Experiments

/// A landscape block's mistakes, each reported at its key in compiler form, and what the runner refuses.
@Suite struct LandscapeSpecErrorTests {
    static let block = [
        "id: l",                                          // 1
        "kind: landscape",                                // 2
        "objective: \"0.05*x^2 + 5*y^2\"",                // 3
        "start: [-4.5, 1]",                               // 4
        "steps: 20",                                      // 5
        "runs:",                                          // 6
        "  - label: SGD",                                 // 7
        "    optimizer: {name: SGD, lr: 0.1}",            // 8
    ]

    /// The block's messages, as the trace and schedule tests read them (file l.md, the YAML from line 1).
    static func errors(_ lines: [String]) -> [String] { TraceAndScheduleErrorTests.errors(lines) }

    static func replacing(_ line: Int, _ text: String) -> [String] {
        SpecParsing.replacing(block, [line: text], first: 1)
    }

    static func run(_ lines: [String]) throws(DiagnosticList) -> [String: ExperimentResult] {
        let spec = try ExperimentSpec.parse(yaml: lines.joined(separator: "\n"), at: SourceLocation(file: "l.md", line: 1, column: 1))
        return try ExperimentRunner(cache: nil, useCache: false).run([spec])
    }

    @Test func validBlockAndClassics() throws {
        #expect(Self.errors(Self.block) == [])
        for classic in ClassicObjective.allCases {
            // A classic brings its own start and view.
            #expect(Self.errors(Self.replacing(3, "objective: \(classic.rawValue)").filter { $0 != "start: [-4.5, 1]" }) == [])
        }
        let result = try #require(try Self.run(Self.block)["l"])
        #expect(result.positions == Array(0...20))
        #expect(result.runs[0].scalars("x")?.first == -4.5)
        // SGD on 0.05x²: x ← x − 0.1 · 0.1x = 0.99x at every step.
        #expect(abs((result.runs[0].scalars("x")?.last ?? 0) - -4.5 * pow(0.99, 20)) < 1e-12)
    }

    @Test func objectiveErrors() {
        #expect(Self.errors(Self.replacing(3, "objective: \"abs(x) + y^2\""))
            == ["l.md:3:13: error: in 'objective': abs has no derivative everywhere, so the gradient cannot be exact; write the objective with + - * / ^, exp, log, sqrt, sin and cos"])
        #expect(Self.errors(Self.replacing(3, "objective: \"x^2 + z^2\""))
            == ["l.md:3:19: error: unknown name 'z' in 'objective': a formula may use x, y, numbers, pi and e (did you mean 'x'?) (or name a classic: ill-conditioned, rosenbrock, beale, saddle)"])
        #expect(Self.errors(Self.replacing(3, "objective: rosenbrok"))
            == ["l.md:3:12: error: unknown name 'rosenbrok' in 'objective': a formula may use x, y, numbers, pi and e (did you mean 'rosenbrock'?) (or name a classic: ill-conditioned, rosenbrock, beale, saddle)"])
        #expect(Self.errors(Self.replacing(3, "objective: \"x > 1 ? x : y\""))
            == ["l.md:3:13: error: in 'objective': conditions have no derivative: an objective must be one smooth formula"])
        #expect(Self.errors(Self.replacing(3, "objective: \"2 + pi\""))
            == ["l.md:3:12: error: the objective '2 + pi' uses neither x nor y: it is flat, so no optimiser would move"])
    }

    @Test func keyErrors() {
        #expect(Self.errors(Self.replacing(4, "start: [1, 2, 3]")) == ["l.md:4:8: error: 'start' needs two numbers, [x, y], got 3"])
        #expect(Self.errors(Self.replacing(5, "steps: 1000000")) == ["l.md:5:8: error: 'steps' must be from 1 to 10000, got 1000000"])
        #expect(Self.errors(Self.block + ["grid: 5000"]) == ["l.md:9:7: error: 'grid' must be from 8 to 200, got 5000"])
        #expect(Self.errors(Self.block + ["levels: 1"]) == ["l.md:9:9: error: 'levels' must be from 2 to 40, got 1"])
        #expect(Self.errors(Self.block + ["view: {x: [2, -2], y: [-1, 1]}"])
            == ["l.md:9:11: error: 'view.x' needs two numbers [low, high] with low < high (and at most 1e12 in size)"])
        #expect(Self.errors(Self.block + ["chart: {y: loss}"]).first?.hasPrefix("l.md:9:8: error: a landscape block always draws its contour plot") == true)
        #expect(Self.errors(Self.block + ["checks: [\"['SGD'].los < 1\"]"])
            == ["l.md:9:11: error: unknown name 'los' in 'check' (did you mean 'loss'?)"])
    }

    @Test func runnerRefusesNonFiniteValues() {
        // sqrt(x) at x = −1: the loss is NaN at the start.
        var lines = Self.replacing(3, "objective: \"sqrt(x) + y^2\"")
        lines[3] = "start: [-1, 1]"
        #expect(throws: DiagnosticList.self) { try Self.run(lines) }
        // x⁴ with lr 1 from x = 3: the point overflows float64 within a few steps.
        lines = Self.replacing(3, "objective: \"x^4 + y^4\"")
        lines[3] = "start: [3, 3]"
        lines[7] = "    optimizer: {name: SGD, lr: 1}"
        do {
            _ = try Self.run(lines)
            Issue.record("a diverging run was accepted")
        } catch {
            #expect(error.diagnostics.first?.message.hasPrefix("run 'SGD' ") == true)
        }
    }
}
