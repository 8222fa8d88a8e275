/// Suggests the closest known name for a misspelt one ("did you mean 'AdamW'?").
public enum DidYouMean {
    /// The candidate nearest to `name` by edit distance (case-insensitive), if it is close enough to
    /// be a plausible typo: at most a third of the longer name's length, and at least one edit.
    public static func suggestion(for name: String, among candidates: [String]) -> String? {
        // The distance table is name × candidate: two 100 000-character labels would need 80 GB.
        // Names that long are no typos of each other worth a hint.
        guard name.unicodeScalars.count <= maxLength else { return nil }
        let lowered = name.lowercased()
        var best: (name: String, distance: Int)?
        for candidate in candidates where candidate.unicodeScalars.count <= maxLength {
            let distance = editDistance(lowered, candidate.lowercased())
            if distance < (best?.distance ?? .max) { best = (candidate, distance) }
        }
        guard let best else { return nil }
        let limit = max(2, max(name.count, best.name.count) / 3)
        return best.distance <= limit ? best.name : nil
    }

    /// Names (and candidates) longer than this, in Unicode scalars, get no suggestion.
    public static let maxLength = 256

    /// ` (did you mean 'x'?)` or the empty string, for appending to a message.
    public static func hint(for name: String, among candidates: [String]) -> String {
        suggestion(for: name, among: candidates).map { " (did you mean '\($0)'?)" } ?? ""
    }

    /// Edit distance over Unicode scalars where a swap of two neighbours counts as one edit
    /// (optimal string alignment), so `titel` is one edit from `title`.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a.unicodeScalars), b = Array(b.unicodeScalars)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var d = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { d[i][0] = i }
        for j in 0...b.count { d[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
                }
            }
        }
        return d[a.count][b.count]
    }
}
