/// The sentence a figure's caption gains when its block ran with `seeds`: how many, which, and what ± and the
/// band mean, so a reader can judge which differences are larger than the run-to-run noise. A sweep's chart of
/// final values against its first option (`sweepChart`, that option) draws each point's mean in a band too.
enum SeedCaption {
    static func sentence(_ seeds: [Int], table: Bool, lineChart: Bool, sweepChart: String? = nil) -> String {
        var parts: [String] = []
        if table { parts.append("table cells are the mean ± the sample standard deviation") }
        if lineChart { parts.append("curves are the mean with a band of ± one standard deviation") }
        if let option = sweepChart { parts.append("final values against \(option) are the mean with a band of ± one standard deviation") }
        if parts.isEmpty { parts.append("values are means") }
        let listed = seeds.map(String.init).joined(separator: ", ")
        let text = parts.joined(separator: "; ")
        return text.prefix(1).uppercased() + text.dropFirst()
            + " over \(seeds.count) seeds (\(listed): initial weights and batch order; data and split fixed)."
    }
}
