/// The batch order of `DataLoader(dataset, batch_size, shuffle, drop_last)` with `num_workers=0` and no
/// explicit generator, drawn from the global torch generator one epoch at a time (docs/parity.md §2.4).
public struct ShuffledBatches: Sendable, Equatable {
    /// Rows in the data set.
    public let count: Int
    /// Rows per batch; the last batch is shorter unless `dropLast`.
    public let batchSize: Int
    /// `shuffle=True`: a fresh random order every epoch; otherwise rows in order.
    public let shuffle: Bool
    /// `drop_last=True`: omit the final short batch.
    public let dropLast: Bool

    public init(count: Int, batchSize: Int, shuffle: Bool = true, dropLast: Bool = false) throws {
        guard count >= 0 else { throw DataError.invalidCount(name: "dataset size", value: count, minimum: 0) }
        guard batchSize >= 1 else { throw DataError.invalidCount(name: "batch_size", value: batchSize, minimum: 1) }
        self.count = count
        self.batchSize = batchSize
        self.shuffle = shuffle
        self.dropLast = dropLast
    }

    /// Number of batches per epoch (`len(loader)`).
    public var batchesPerEpoch: Int {
        dropLast ? count / batchSize : (count + batchSize - 1) / batchSize
    }

    /// The row order of one epoch (one `for … in loader`), advancing `generator` as torch does:
    /// 1. creating the iterator draws the loader's base seed (int64 `random_()`, 2 draws, unused with 0 workers);
    /// 2. with shuffle, RandomSampler draws its own seed (2 draws), seeds a private generator with it
    ///    (`seed mod 2³²`) and returns its `randperm(count)`. Without shuffle the order is 0…count−1.
    public func epochOrder(using generator: inout TorchGenerator) -> [Int] {
        _ = generator.randomInt64()  // _BaseDataLoaderIter._base_seed
        guard shuffle else { return Array(0..<count) }
        let samplerSeed = generator.randomInt64()
        var sampler = TorchGenerator(seed: UInt64(samplerSeed))
        // count ≥ 0 is checked in init, so randperm cannot throw here.
        return (try? sampler.randperm(count)) ?? Array(0..<count)
    }

    /// One epoch's batches of row indices: consecutive slices of `batchSize` of `epochOrder`.
    public func epochBatches(using generator: inout TorchGenerator) -> [[Int]] {
        let order = epochOrder(using: &generator)
        var batches: [[Int]] = []
        batches.reserveCapacity(batchesPerEpoch)
        var start = 0
        while start < order.count {
            let end = min(start + batchSize, order.count)
            if dropLast && end - start < batchSize { break }
            batches.append(Array(order[start..<end]))
            start = end
        }
        return batches
    }
}
