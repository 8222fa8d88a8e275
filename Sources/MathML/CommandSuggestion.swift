/// Finds the known command closest to a misspelt one, for "did you mean" hints.
enum CommandSuggestion {
    /// The known name with the smallest edit distance to `name`, if that distance is at most 2.
    static func closest(to name: String, among names: [String]) -> String? {
        let target = Array(name.unicodeScalars)
        guard target.count <= 64 else { return nil }
        var best: (name: String, distance: Int)?
        for candidate in names.sorted() {
            let d = editDistance(target, Array(candidate.unicodeScalars))
            if d <= 2, d < (best?.distance ?? Int.max) { best = (candidate, d) }
        }
        return best?.name
    }

    /// Edit distance where inserting, deleting or substituting a character, or swapping two neighbours
    /// (the commonest typo: `\alpah`), each cost 1 (optimal string alignment distance).
    static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var beforePrevious = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                current[j] = min(substitution, previous[j] + 1, current[j - 1] + 1)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], beforePrevious[j - 2] + 1)
                }
            }
            (beforePrevious, previous, current) = (previous, current, beforePrevious)
        }
        return previous[b.count]
    }
}
