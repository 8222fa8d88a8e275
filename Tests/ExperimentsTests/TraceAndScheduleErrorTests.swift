import Diagnostics
import Testing
@testable import Experiments

@Suite struct TraceAndScheduleErrorTests {
    static func errors(_ lines: [String]) -> [String] {
        SpecParsing.errors(lines.joined(separator: "\n"), at: SourceLocation(file: "l.md", line: 1, column: 1))
    }

    static let trace = [
        "id: t",                                          // 1
        "kind: trace",                                    // 2
        "params: [1.0, 2.0]",                             // 3
        "gradients: [[0.1, 0.2], [0.3, 0.4]]",            // 4
        "runs:",                                          // 5
        "  - label: a",                                   // 6
        "    rule: {name: sgd-momentum-textbook, lr: 0.1}", // 7
    ]

    static func trace(_ line: Int, _ text: String) -> [String] {
        SpecParsing.replacing(trace, [line: text], first: 1)
    }

    @Test func validTrace() {
        #expect(Self.errors(Self.trace) == [])
    }

    @Test func traceErrors() {
        #expect(Self.errors(Self.trace(4, "gradients: [[0.1, 0.2], [0.3]]"))
            == ["l.md:4:25: error: each gradient needs 2 values (one per parameter), got 1"])
        #expect(Self.errors(Self.trace(7, "    rule: {name: sgd-momentum, lr: 0.1}"))
            == ["l.md:7:18: error: unknown rule 'sgd-momentum' (expected one of: adam-textbook, adam-no-bias-correction, sgd-momentum-textbook)"])
        #expect(Self.errors(Self.trace(7, "    rule: {name: adam-textbok}"))
            == ["l.md:7:18: error: unknown rule 'adam-textbok' (did you mean 'adam-textbook'?)"])
        #expect(Self.errors(Self.trace + ["    optimizer: {name: SGD, lr: 0.1}"])
            == ["l.md:6:5: error: runs[1] needs exactly one of 'optimizer' (a torch optimiser) or 'rule' (a textbook rule)"])
        #expect(Self.errors(Self.trace + ["record: [param, m_hatt]"])
            == ["l.md:8:17: error: unknown recorded quantity 'm_hatt' (did you mean 'm_hat'?)"])
        #expect(Self.errors(Self.trace(4, "gradients: {numpy_randn: {seed: 0, steps: 0}}"))
            == ["l.md:4:43: error: 'steps' must be from 1 to 100000, got 0"])
        #expect(Self.errors(Self.trace(4, "gradients: {numpy_rand: {seed: 0, steps: 5}}")) == [
            "l.md:4:12: error: missing required key 'numpy_randn' in gradients (or give a list of gradient vectors)",
            "l.md:4:13: error: unknown key 'numpy_rand' in gradients (did you mean 'numpy_randn'?)",
        ].sorted())
        #expect(Self.errors(Self.trace(2, "kind: trace\nprecision: float16"))
            == ["l.md:3:12: error: unknown precision 'float16' (did you mean 'float64'?)"])
    }

    static let schedule = [
        "id: s",                                                   // 1
        "kind: schedule",                                          // 2
        "steps: {from: 1, to: 10}",                                // 3
        "constants: {lr: 1e-3}",                                   // 4
        "columns:",                                                // 5
        "  - {name: half, expr: lr / 2}",                          // 6
        "  - {name: decayed, expr: \"half * 0.9^t\"}",             // 7
    ]

    @Test func validScheduleWithSchedulers() throws {
        let lines = Self.schedule + [
            "schedulers:",
            "  - {label: cosine, name: CosineAnnealingLR, T_max: 150, eta_min: 1e-6, base_lr: 1e-3}",
            "  - {label: onecycle, name: OneCycleLR, max_lr: 1e-2, total_steps: 3750}",
        ]
        #expect(Self.errors(lines) == [])
        let spec = try ExperimentSpec.parse(yaml: lines.joined(separator: "\n"), at: SourceLocation(file: "l.md", line: 1, column: 1))
        guard case .schedule(let s) = spec.body else { Issue.record("not a schedule"); return }
        #expect(s.steps.values == Array(1...10))
        #expect(s.schedulers.map(\.label) == ["cosine", "onecycle"])
        #expect(s.schedulers[0].baseLR == 1e-3)
        #expect(s.schedulers[1].scheduler == SchedulerSpec(kind: .oneCycleLR(OneCycleLROptions(maxLR: 1e-2, totalSteps: 3750)), interval: .step))
        #expect(spec.runLabels == ["cosine", "onecycle"])
    }

    @Test func scheduleErrors() {
        #expect(Self.errors(Self.schedule + ["  - {name: bad, expr: \"hlf * warmup\"}"]) == [
            "l.md:8:24: error: unknown name 'hlf' in 'expr' (did you mean 'half'?)",
            "l.md:8:30: error: unknown name 'warmup' in 'expr'",
        ])
        #expect(Self.errors(Self.schedule + ["  - {name: lr, expr: \"1\"}"])
            == ["l.md:8:12: error: column name 'lr' must be a plain name (letters, digits, _) not used by a constant or built-in"])
        #expect(Self.errors(Self.schedule + ["schedulers: [{label: p, name: ReduceLROnPlateau, monitor: test_loss}]"]) == [
            "l.md:8:31: error: ReduceLROnPlateau needs a monitored metric, so it only works in train blocks",
        ])
        #expect(Self.errors(Self.schedule + ["schedulers: [{label: o, name: OneCycleLR, max_lr: 0.01}]"])
            == ["l.md:8:14: error: missing required key 'total_steps' in schedulers[1] (or epochs and steps_per_epoch)"])
        #expect(Self.errors(Self.schedule + ["schedulers: [{label: o, name: OneCycleLR, max_lr: 0.01, epochs: 3}]"])
            == ["l.md:8:14: error: missing required key 'steps_per_epoch' in schedulers[1]"])
        #expect(Self.errors(Self.schedule + ["schedulers: [{label: c, name: StepLR, step_size: 5, interval: step}]"])
            == ["l.md:8:53: error: unknown key 'interval' in schedulers[1]; known keys: name, label, base_lr, step_size, gamma"])
        var reversed = Self.schedule
        reversed[2] = "steps: {from: 10, to: 1}"
        #expect(Self.errors(reversed) == ["l.md:3:23: error: 'to' (1) must not be below 'from' (10)"])
        #expect(Self.errors(Array(Self.schedule.prefix(3)))
            == ["l.md:1:1: error: a schedule block needs 'columns' (formulas) or 'schedulers'"])
        #expect(Self.errors(Self.schedule + ["constants2: 1"])
            == ["l.md:8:1: error: unknown key 'constants2' in the experiment (did you mean 'constants'?)"])
    }

    /// Schedulers step forward only, and a block's step s is their lr after s − 1 steps: both rules are checked when the
    /// block is read, at the key that breaks them (before, when it ran, at the block's first line).
    @Test func schedulerStepRules() {
        var unordered = Self.schedule
        unordered[2] = "steps: [1, 5, 3]"
        #expect(Self.errors(unordered + ["schedulers: [{label: c, name: StepLR, step_size: 5}]"]) == [
            "l.md:3:8: error: steps must be increasing when the block has schedulers (a scheduler only steps forward), "
                + "but 3 follows 5; list each step once, in order",
        ])
        #expect(Self.errors(unordered) == [])   // formula columns alone may take steps in any order
        #expect(Self.errors(Self.schedule + ["schedulers: [{label: o, name: OneCycleLR, max_lr: 0.01, total_steps: 5}]"]) == [
            "l.md:8:70: error: OneCycleLR 'o' has 5 total steps, but step 10 is the lr after 9 scheduler steps, and torch "
                + "refuses to step past total_steps; make total_steps at least 9, or list steps up to 6",
        ])
        #expect(Self.errors(Self.schedule + ["schedulers: [{label: o, name: OneCycleLR, max_lr: 0.01, total_steps: 9}]"]) == [])
    }
}
