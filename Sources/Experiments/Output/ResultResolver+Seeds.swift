extension ResultResolver {
    /// The seed count shared by the blocks `expression` names (its current block for bare names and `[run]`
    /// references), nil when none of them was run with `seeds`.
    public func seedCount(of expression: Expression) throws(ReferenceError) -> Int? {
        var counts: [String: Int] = [:]
        for use in expression.references {
            if let lesson = use.reference.lesson, let id = use.reference.block {
                if let count = try other(lesson).results[id]?.seedResults?.count { counts["\(lesson)#\(id)"] = count }
                continue
            }
            guard let id = use.reference.block ?? current, let count = results[id]?.seedResults?.count else { continue }
            counts[id] = count
        }
        guard let first = counts.values.first else { return nil }
        if counts.values.contains(where: { $0 != first }) {
            let listed = counts.sorted { $0.key < $1.key }.map { "'\($0.key)' \($0.value)" }.joined(separator: ", ")
            throw ReferenceError("the blocks have different numbers of seeds (\(listed)): a value per seed needs the same seeds")
        }
        return first
    }

    /// Every block with seeds read as its `index`-th seed's result (the table row and current block unchanged).
    public func pinned(toSeed index: Int) -> ResultResolver {
        let seeded = results.mapValues { result in
            guard let perSeed = result.seedResults, index < perSeed.count else { return result }
            return perSeed[index]
        }
        var pinned = ResultResolver(results: seeded, specs: specs, current: current, row: row, otherLessons: otherLessons, place: place)
        pinned.seed = index
        return pinned
    }
}
