/// The result of a block run with several seeds: each run's series averaged over the seeds, epoch by epoch
/// (so a chart draws the mean curve and a plain reference reads the mean), with the per-seed results kept
/// for the spread (`seed_std`, the ± in tables, the band in charts). A sweep with seeds is the same at every
/// point: each seed's result holds every point's runs, and the mean runs keep their point, so that
/// `ExperimentResult.at(point:)` reads one point as a block with seeds.
enum SeedAggregate {
    /// `perSeed[i]` holds the runs of `seeds[i]`, in the block's run order (for a sweep: every point's runs, in the
    /// same order for every seed).
    static func result(id: String, positions: [Int], seeds: [Int], perSeed: [[RunResult]],
                       sweep: SweepGrid? = nil) -> ExperimentResult {
        let seedResults = zip(seeds, perSeed).map { _, runs in
            ExperimentResult(id: id, axis: "epoch", positions: positions, runs: runs, sweep: sweep)
        }
        let runs = (perSeed.first ?? []).indices.map { index in
            mean(of: perSeed.compactMap { index < $0.count ? $0[index] : nil })
        }
        return ExperimentResult(id: id, axis: "epoch", positions: positions, runs: runs, seeds: seeds,
                                seedResults: seedResults, sweep: sweep)
    }

    /// The mean of each series over the repetitions of one run (at one sweep point), as long as the shortest (a
    /// seed that diverged stops them all: its divergence, the earliest, is the run's).
    static func mean(of repetitions: [RunResult]) -> RunResult {
        let label = repetitions.first?.label ?? ""
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
        return RunResult(label: label, series: series, divergence: divergence, point: repetitions.first?.point)
    }
}
