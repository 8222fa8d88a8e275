import Diagnostics
import Foundation
import Yams

extension LandscapeSpec {
    static let keys = ["objective", "start", "steps", "precision", "runs", "view", "levels", "level_spacing", "grid"]
    /// Steps per run; the contour grid's cells per axis; contour levels; the size of a gradient formula (nodes).
    static let limits = (steps: 10_000, grid: 8...200, levels: 2...40, gradientNodes: 5_000)

    static func parse(_ f: Fields, _ reader: SpecReader) -> LandscapeSpec? {
        let objective = f.required("objective", " (a formula in x and y such as 0.1*x^2 + 2*y^2, or one of "
            + "\(ClassicObjective.allCases.map(\.rawValue).joined(separator: ", ")))").flatMap { parseObjective($0, reader) }
        var start = objective?.classic?.start
        if let node = f["start"] {
            start = nil
            if let values = reader.doubles(node, "start") {
                if values.count == 2 { start = values } else { reader.error(node, "'start' needs two numbers, [x, y], got \(values.count)") }
            }
        } else if objective != nil, objective?.classic == nil {
            reader.error(f.node, "missing required key 'start' in the experiment (the point every run starts from, e.g. start: [-4, 1])")
        }
        let steps = f.int("steps", default: 50, "must be from 1 to \(limits.steps)") { (1...limits.steps).contains($0) }
        let precision: TraceSpec.Precision = f.choice("precision", "precision") ?? .float64
        let runs = TraceRun.parseList(f, reader)
        let view = f["view"].flatMap { parseView($0, reader) } ?? objective?.classic?.view
        let levels = f.int("levels", default: 10, "must be from \(limits.levels.lowerBound) to \(limits.levels.upperBound)") {
            limits.levels.contains($0)
        }
        let grid = f.int("grid", default: 80, "must be from \(limits.grid.lowerBound) to \(limits.grid.upperBound)") {
            limits.grid.contains($0)
        }
        let spacing: LevelSpacing = f.choice("level_spacing", "level spacing") ?? .auto
        guard let objective, let start else { return nil }
        return LandscapeSpec(objective: objective, start: start, steps: steps, precision: precision, runs: runs, view: view,
                             levels: levels, levelSpacing: spacing, grid: grid)
    }

    /// A classic's name, or a formula in x and y whose gradient can be built exactly.
    private static func parseObjective(_ node: Node, _ reader: SpecReader) -> Objective? {
        guard let text = reader.string(node, "objective") else { return nil }
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let classic = ClassicObjective(rawValue: trimmed)
        guard let expression = classic.map({ try? Expression.parse($0.formula) }) ?? reader.expression(node, "objective") else {
            return nil
        }
        let allowed = Objective.variables + ["pi", "e"]
        for use in expression.references where use.reference.block != nil || use.reference.run != nil || !allowed.contains(use.reference.name) {
            let candidates = Objective.variables + ClassicObjective.allCases.map(\.rawValue)
            reader.error(at: reader.location(in: node, offset: use.offset), "unknown name '\(use.reference)' in 'objective': "
                + "a formula may use x, y, numbers, pi and e" + DidYouMean.hint(for: use.reference.description, among: candidates)
                + " (or name a classic: \(ClassicObjective.allCases.map(\.rawValue).joined(separator: ", ")))")
            return nil
        }
        guard expression.uses(Objective.variables) else {
            reader.error(node, "the objective '\(text)' uses neither x nor y: it is flat, so no optimiser would move")
            return nil
        }
        do {
            let gradient = try expression.gradient(Objective.variables)
            let size = gradient.map(\.nodeCount).reduce(0, +)
            guard size <= limits.gradientNodes else {
                reader.error(node, "the gradient of this objective has \(size) terms, over the limit of \(limits.gradientNodes); "
                    + "write a shorter formula")
                return nil
            }
            return Objective(classic: classic, source: classic?.formula ?? text, expression: expression, gradient: gradient)
        } catch {
            reader.error(at: reader.location(in: node, offset: error.offset), "in 'objective': \(error.message)")
            return nil
        }
    }

    /// `{x: [lo, hi], y: [lo, hi]}` with lo < hi.
    private static func parseView(_ node: Node, _ reader: SpecReader) -> View? {
        guard let v = Fields(node, "view", allowed: ["x", "y"], reader: reader) else { return nil }
        func range(_ key: String) -> ClosedRange<Double>? {
            guard let n = v.required(key, " (e.g. \(key): [-2, 2])"), let values = reader.doubles(n, key) else { return nil }
            guard values.count == 2, values[0] < values[1], values.allSatisfy({ abs($0) <= 1e12 }) else {
                reader.error(n, "'view.\(key)' needs two numbers [low, high] with low < high (and at most 1e12 in size)")
                return nil
            }
            return values[0]...values[1]
        }
        let x = range("x"), y = range("y")
        guard let x, let y else { return nil }
        return View(x: x, y: y)
    }

    var canonical: Canonical {
        .object([
            "objective": .string(objective.expression.description), "start": .array(start.map { .number($0) }),
            "steps": .int(steps), "precision": .string(precision.rawValue), "runs": .array(runs.map(\.canonical)),
        ])
    }
}

extension Expression {
    /// How many nodes the tree has.
    var nodeCount: Int {
        switch node {
        case .number, .string, .name, .reference: return 1
        case .negate(let a), .not(let a): return 1 + a.nodeCount
        case .binary(_, let a, let b): return 1 + a.nodeCount + b.nodeCount
        case .conditional(let c, let a, let b): return 1 + c.nodeCount + a.nodeCount + b.nodeCount
        case .call(_, let arguments): return 1 + arguments.map(\.nodeCount).reduce(0, +)
        case .index(let a, _): return 2 + a.nodeCount
        }
    }
}
