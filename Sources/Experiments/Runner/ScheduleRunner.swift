import NumericCore

/// Runs a `schedule` block: every formula column at every listed step, and every torch scheduler's
/// learning rate there. Step s of a scheduler is the lr the s-th optimiser step uses (after s − 1
/// scheduler steps; constructing the scheduler is its step 0).
struct ScheduleRunner {
    let spec: ScheduleSpec

    func run() throws(RunError) -> [RunResult] {
        let steps = spec.steps.values
        var columns = spec.columns.map { RunResult(label: $0.name, series: ["value": []]) }
        for step in steps {
            let values = try spec.columnValues(at: step)
            for (i, value) in values.enumerated() { columns[i].series["value", default: []].append([value]) }
        }
        var schedulers: [RunResult] = []
        for entry in spec.schedulers {
            var lrs: [[Double]] = []
            do {
                guard var scheduler = try CoreFactory.scheduler(entry.scheduler, baseLR: entry.baseLR,
                                                                lambdaVariables: { step in VariableResolver(["step": .number(Double(step))]) }) else {
                    throw RunError("scheduler '\(entry.label)': ReduceLROnPlateau needs a metric; use it in a train block")
                }
                var done = 0
                for step in steps {
                    while done < step - 1 {
                        try scheduler.step()
                        done += 1
                    }
                    lrs.append([scheduler.lr])
                }
            } catch let error as RunError {
                throw error
            } catch {
                throw RunError("scheduler '\(entry.label)': ", error)
            }
            schedulers.append(RunResult(label: entry.label, series: ["lr": lrs]))
        }
        return columns + schedulers
    }
}
