import Diagnostics
import Yams

/// The names an expression may use in one place, for reporting unknown ones (with "did you mean")
/// when the spec is parsed rather than when it runs.
struct NameScope {
    /// Plain names: variables, constants, metrics of the current row, `label`.
    var bare: [String]
    /// Labels allowed in `["label"].name`.
    var runLabels: [String] = []
    /// Names allowed after `["label"].` or `block.`.
    var qualified: [String] = []
    /// This block's id: `id.name` and `id["label"].name` are checked like unqualified references.
    var blockID: String?
    /// The block's sweep, if it is one: references to its runs name a point (`[lr=0.1]["SGD"].train_loss`)
    /// when `needsPoint` (checks), and may not in a table (each point's table shows its own point).
    var sweep: SweepGrid? = nil
    var needsPoint = false
    /// Whether references may name another lesson's block (`optimisers/optimisers#sgd-variants…`): in
    /// checks, not in tables (which show this block's results) or formulas. Those are resolved when the
    /// site is built, which knows every lesson.
    var otherLessons = false

    /// Reports unknown names. References to other blocks are left for the runner, which knows the page.
    func check(_ expression: Expression, in node: Node, _ key: String, _ reader: SpecReader) {
        for use in expression.references {
            let r = use.reference
            // A name whose definition already failed was reported there.
            if reader.forgiven.contains(r.name) || r.run.map(reader.forgiven.contains) == true { continue }
            if let lesson = r.lesson {
                if !otherLessons {
                    report("'\(key)' cannot quote another lesson's results ('\(lesson)#\(r.block ?? "")'): only checks and inline results ({{ }}) can", use, node, reader)
                }
                continue
            }
            if let problem = pointProblem(r) {
                report(problem, use, node, reader)
                continue
            }
            if r.block == nil && r.run == nil && r.point.isEmpty {
                if r.name == "pi" || r.name == "e" { continue }
                if !bare.contains(r.name) {
                    report("unknown name '\(r.name)' in '\(key)'" + DidYouMean.hint(for: r.name, among: bare), use, node, reader)
                }
                continue
            }
            if let block = r.block, block != blockID { continue }
            if let run = r.run, !runLabels.contains(run) {
                report("unknown run '\(run)' in '\(key)'" + DidYouMean.hint(for: run, among: runLabels), use, node, reader)
            } else if !qualified.contains(r.name) {
                report("unknown name '\(r.name)' in '\(key)'" + DidYouMean.hint(for: r.name, among: qualified), use, node, reader)
            }
        }
    }

    /// What is wrong with the sweep point a reference to this block names (or does not name).
    private func pointProblem(_ r: Reference) -> String? {
        if let block = r.block, block != blockID { return nil }
        let ownRun = r.block != nil || r.run != nil || !r.point.isEmpty
        guard let sweep else {
            return r.point.isEmpty ? nil : "'\(blockID ?? "this block")' is not a sweep: remove [\(r.point.map(\.description).joined(separator: ", "))]"
        }
        if !needsPoint {
            return r.point.isEmpty ? nil : "a table shows one point of the sweep at a time: remove [\(r.point.map(\.description).joined(separator: ", "))]"
        }
        if r.point.isEmpty {
            return ownRun ? "this block is a sweep over \(sweep.optionList): name a point, as in [\(sweep.text(of: sweep.defaultPoint))]\(r.run.map { "[\"\($0)\"]" } ?? "").\(r.name)" : nil
        }
        if case .failure(let error) = sweep.point(named: r.point) { return error.message }
        return nil
    }

    private func report(_ message: String, _ use: ReferenceUse, _ node: Node, _ reader: SpecReader) {
        reader.error(at: reader.location(in: node, offset: use.offset), message)
    }
}
