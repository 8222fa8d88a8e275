import Yams

extension TrainSpec {
    static let seedLimits = (count: 2...20, value: 0...4_294_967_295)

    /// `seeds: [42, 43, 44]`: from 2 to 20 distinct seeds, each taking `model.seed`'s place in its repetition, the
    /// block's and that of every run with a model of its own, so neither may give `model.seed` as well.
    static func parseSeeds(_ f: Fields, _ reader: SpecReader) -> [Int]? {
        guard let node = f["seeds"] else { return nil }
        guard let items = reader.list(node, "seeds") else { return nil }
        var seeds: [Int] = []
        for item in items {
            guard let seed = reader.int(item, "seeds") else { continue }
            if !seedLimits.value.contains(seed) {
                reader.error(item, "a seed must be from 0 to 2^32-1, got \(seed)")
            } else if seeds.contains(seed) {
                reader.error(item, "seed \(seed) is listed twice")
            } else {
                seeds.append(seed)
            }
        }
        if !seedLimits.count.contains(items.count) {
            reader.error(node, "'seeds' lists from \(seedLimits.count.lowerBound) to \(seedLimits.count.upperBound) seeds, "
                + "got \(items.count) (leave it out for one run with model.seed)")
        }
        if let modelSeed = f["model"]?.mapping?["seed"] {
            reader.error(modelSeed, "model.seed and seeds both given: each seed of 'seeds' replaces model.seed; remove one")
        }
        for run in f["runs"]?.sequence ?? [] {
            if let modelSeed = run.mapping?["model"]?.mapping?["seed"] {
                reader.error(modelSeed, "a run's model.seed and the block's seeds both given: each seed of 'seeds' replaces "
                    + "the seed of every run's model; remove this one")
            }
        }
        return seeds
    }

    /// The block as run for one seed: the same spec with that seed in `model.seed`, and in the model of every run
    /// that has its own (as the script's `torch.manual_seed(seed)` comes before whichever network it builds).
    func repetition(seed: Int) -> TrainSpec {
        var spec = self
        spec.model.seed = seed
        for r in spec.runs.indices { spec.runs[r].overrides.model?.seed = seed }
        spec.seeds = nil
        return spec
    }
}
