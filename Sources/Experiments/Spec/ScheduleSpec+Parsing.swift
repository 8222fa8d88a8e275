import Yams

extension ScheduleSpec {
    static let keys = ["steps", "constants", "columns", "schedulers"]
    static let maxSteps = 1_000_000

    static func parse(_ f: Fields, _ reader: SpecReader) -> ScheduleSpec? {
        let steps = f.required("steps", " (a list such as [1, 5, 10] or {from: 1, to: 100})").flatMap { parseSteps($0, reader) }
        let constants = f["constants"].map { Constants.parse($0, reader) } ?? [:]
        var columns: [Column] = []
        if let node = f["columns"], let items = reader.list(node, "columns") {
            for (i, item) in items.enumerated() {
                let context = "columns[\(i + 1)]"
                guard let c = Fields(item, context, allowed: ["name", "expr"], reader: reader),
                      let nameNode = c.required("name"), let name = reader.string(nameNode, "name") else { continue }
                guard let exprNode = c.required("expr"), let expression = reader.expression(exprNode, "expr") else {
                    reader.forgive([name])  // a known column whose formula is wrong
                    continue
                }
                if !Constants.isIdentifier(name) || Constants.reserved.contains(name) || constants[name] != nil {
                    reader.error(nameNode, "column name '\(name)' must be a plain name (letters, digits, _) not used by a constant or built-in")
                } else if columns.contains(where: { $0.name == name }) {
                    reader.error(nameNode, "duplicate column name '\(name)'")
                }
                let scope = NameScope(bare: ["t", "step"] + constants.keys.sorted() + columns.map(\.name))
                scope.check(expression, in: exprNode, "expr", reader)
                columns.append(Column(name: name, expression: expression, site: reader.site(of: exprNode)))
            }
        }
        var schedulers: [Scheduler] = []
        if let node = f["schedulers"], let items = reader.list(node, "schedulers") {
            let env = SchedulerSpec.Context(epochs: nil, stepsPerEpoch: nil, monitorable: [], constants: constants.keys.sorted())
            for (i, item) in items.enumerated() {
                let context = "schedulers[\(i + 1)]"
                guard let s = SchedulerSpec.parse(item, context, reader, env, extraKeys: ["label", "base_lr"]) else {
                    if let label = item.mapping?["label"]?.string { reader.forgive([label]) }
                    continue
                }
                guard
                      let fields = Fields(item, context, allowed: nil, reader: reader),
                      let label = Labels.parse(fields, context, existing: schedulers.map(\.label), reader) else { continue }
                let baseLR = fields.double("base_lr", default: 1e-3, Rule.positive) { $0 > 0 }
                // Step s is the lr after s − 1 scheduler steps, and OneCycleLR refuses to step past its total, as torch does.
                if case .oneCycleLR(let o) = s.kind, let last = steps?.values.max(), last - 1 > o.totalSteps {
                    reader.error(fields["total_steps"] ?? item, "OneCycleLR '\(label)' has \(o.totalSteps) total steps, but step \(last) "
                        + "is the lr after \(last - 1) scheduler steps, and torch refuses to step past total_steps; "
                        + "make total_steps at least \(last - 1), or list steps up to \(o.totalSteps + 1)")
                }
                schedulers.append(Scheduler(label: label, scheduler: s, baseLR: baseLR))
            }
        }
        if columns.isEmpty && schedulers.isEmpty && !f.has("columns") && !f.has("schedulers") {
            reader.error(f.node, "a schedule block needs 'columns' (formulas) or 'schedulers'")
        }
        // A scheduler is stepped one step at a time up to the largest listed step, so a step of 10¹⁵
        // would loop for days: the steps of a block with schedulers stay within maxSteps.
        if let steps, !schedulers.isEmpty, let last = steps.values.max(), last > maxSteps {
            reader.error(f["steps"] ?? f.node, "steps go up to \(last), but a schedule block with schedulers steps them one by one up to the largest step; keep steps at most \(maxSteps)")
        }
        // The schedulers are stepped forward only, so their steps are listed in order, each once.
        if case .list(let list)? = steps, !schedulers.isEmpty, let i = list.indices.dropLast().first(where: { list[$0] >= list[$0 + 1] }) {
            reader.error(f["steps"] ?? f.node, "steps must be increasing when the block has schedulers (a scheduler only "
                + "steps forward), but \(list[i + 1]) follows \(list[i]); list each step once, in order")
        }

        guard let steps else { return nil }
        return ScheduleSpec(steps: steps, constants: constants, columns: columns, schedulers: schedulers)
    }

    private static func parseSteps(_ node: Node, _ reader: SpecReader) -> Steps? {
        if case .sequence = node {
            guard let steps = reader.ints(node, "steps") else { return nil }
            if steps.isEmpty || steps.count > maxSteps { reader.error(node, "'steps' needs from 1 to \(maxSteps) steps") }
            if steps.contains(where: { $0 < 0 }) { reader.error(node, "steps must be zero or more") }
            return .list(steps)
        }
        guard let f = Fields(node, "steps", allowed: ["from", "to", "every"], reader: reader),
              let from = f.requiredInt("from", Rule.nonNegative, { $0 >= 0 }),
              let to = f.requiredInt("to", Rule.nonNegative, { $0 >= 0 }) else { return nil }
        let every = f.int("every", default: 1, Rule.atLeastOne) { $0 >= 1 }
        if to < from { reader.error(f["to"], "'to' (\(to)) must not be below 'from' (\(from))") }
        if every >= 1, (to - from) / every + 1 > maxSteps { reader.error(node, "at most \(maxSteps) steps per schedule block") }
        return .range(from: from, to: to, every: every)
    }

    var canonical: Canonical {
        let stepsCanonical: Canonical = switch steps {
        case .list(let list): .array(list.map { .int($0) })
        case .range(let from, let to, let every): .object(["from": .int(from), "to": .int(to), "every": .int(every)])
        }
        return .object([
            "steps": stepsCanonical,
            "constants": .object(constants.mapValues { .number($0) }),
            "columns": .array(columns.map { .object(["name": .string($0.name), "expr": .string($0.expression.description)]) }),
            "schedulers": .array(schedulers.map {
                .object(["label": .string($0.label), "base_lr": .number($0.baseLR), "scheduler": $0.scheduler.canonical])
            }),
        ])
    }
}
