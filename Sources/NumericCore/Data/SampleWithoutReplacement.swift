/// scikit-learn's `sample_without_replacement(method="auto")` and `_generate_hypercube` on a legacy
/// RandomState (docs/parity.md §3.5).
extension NumpyRandomState {
    /// `count` distinct integers from `0..<population`, by sklearn's three methods chosen on `count/population`:
    /// permutation for 0.01 < ratio < 0.99, tracking selection below 0.2, reservoir sampling otherwise.
    mutating func sampleWithoutReplacement(population: Int, count: Int) throws -> [Int] {
        guard count <= population else {
            throw DataError.sampleLargerThanPopulation(sample: count, population: population)
        }
        let ratio = population != 0 ? Double(count) / Double(population) : 1.0
        if ratio > 0.01 && ratio < 0.99 {
            return Array(try permutation(population).prefix(count))
        }
        if ratio < 0.2 {
            // Tracking selection: redraw while the value is already taken.
            var chosen = Set<Int>(), out: [Int] = []
            for _ in 0..<count {
                var j = Int(try randint(low: 0, high: Int64(population)))
                while chosen.contains(j) { j = Int(try randint(low: 0, high: Int64(population))) }
                chosen.insert(j)
                out.append(j)
            }
            return out
        }
        // Reservoir sampling.
        var out = Array(0..<count)
        if population > count {
            for i in count..<population {
                let j = Int(try randint(low: 0, high: Int64(i + 1)))
                if j < count { out[j] = i }
            }
        }
        return out
    }

    /// `samples` distinct vertices of the `dimensions`-cube, one bit per coordinate, most significant first.
    /// Above 30 dimensions sklearn first draws the extra leading bits with `randint(2, size=(samples, d − 30))`.
    mutating func hypercubeVertices(samples: Int, dimensions: Int) throws -> [[Int]] {
        if dimensions > 30 {
            let extra = try randint(low: 0, high: 2, count: samples * (dimensions - 30))
            let rest = try hypercubeVertices(samples: samples, dimensions: 30)
            return (0..<samples).map { s in
                extra[(s * (dimensions - 30))..<((s + 1) * (dimensions - 30))].map { Int($0) } + rest[s]
            }
        }
        let drawn = try sampleWithoutReplacement(population: 1 << dimensions, count: samples)
        return drawn.map { v in (0..<dimensions).map { j in (v >> (dimensions - 1 - j)) & 1 } }
    }
}
