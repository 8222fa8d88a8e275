/// The result of a block run with several seeds: each run's series averaged over the seeds, epoch by epoch
/// (so a chart draws the mean curve and a plain reference reads the mean), with the per-seed results kept
/// for the spread (`seed_std`, the ± in tables, the band in charts).
enum SeedAggregate {
    /// `perSeed[i]` holds the runs of `seeds[i]`, in the block's run order.
    static func result(id: String, positions: [Int], seeds: [Int], perSeed: [[RunResult]]) -> ExperimentResult {
        let seedResults = zip(seeds, perSeed).map { _, runs in
            ExperimentResult(id: id, axis: "epoch", positions: positions, runs: runs)
        }
        let labels = perSeed.first?.map(\.label) ?? []
        let runs = labels.enumerated().map { index, label in
            mean(label: label, of: perSeed.compactMap { index < $0.count ? $0[index] : nil })
        }
        return ExperimentResult(id: id, axis: "epoch", positions: positions, runs: runs, seeds: seeds,
                                seedResults: seedResults)
    }

    /// The mean of each series over the repetitions, as long as the shortest (a seed that diverged stops
    /// them all: its divergence, the earliest, is the run's).
    static func mean(label: String, of repetitions: [RunResult]) -> RunResult {
        let divergence = repetitions.compactMap(\.divergence).min { ($0.epoch, $0.step) < ($1.epoch, $1.step) }
        var series: [String: [[Double]]] = [:]
        for name in Set(repetitions.flatMap { $0.series.keys }) {
            let all = repetitions.compactMap { $0.series[name] }
            let length = all.map(\.count).min() ?? 0
            series[name] = (0..<length).map { epoch in
                let width = all.map { $0[epoch].count }.min() ?? 0
                return (0..<width).map { component in
                    all.reduce(0) { $0 + $1[epoch][component] } / Double(all.count)
                }
            }
        }
        return RunResult(label: label, series: series, divergence: divergence)
    }
}
