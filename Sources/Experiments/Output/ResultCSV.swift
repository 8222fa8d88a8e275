/// A block's raw results as CSV, one row per run and epoch/step, one column per recorded series
/// (vector series spread over `name[0]`, `name[1]`, …); numbers in shortest round-trip form. A block run
/// with `seeds` gets a `seed` column after `run` and a row per run, seed and epoch: the raw values, not means.
enum ResultCSV {
    static func text(_ result: ExperimentResult) -> String {
        guard let seeds = result.seeds, let perSeed = result.seedResults else { return table(result, seed: nil) }
        let tables = zip(seeds, perSeed).map { table($1, seed: $0) }
        return tables.enumerated().map { $0.offset == 0 ? $0.element : String($0.element.drop { $0 != "\n" }.dropFirst()) }
            .joined()
    }

    private static func table(_ result: ExperimentResult, seed: Int?) -> String {
        var columns: [(name: String, key: String, component: Int)] = []
        let keys = Set(result.runs.flatMap { $0.series.keys }).sorted()
        for key in keys {
            let width = result.runs.compactMap { $0.series[key]?.map(\.count).max() }.max() ?? 1
            let name = key == "value" ? "value" : key
            columns += width == 1 ? [(name, key, 0)] : (0..<width).map { ("\(name)[\($0)]", key, $0) }
        }
        // A sweep's rows start with their point's values, one column per swept option.
        let options = result.sweep?.options ?? []
        var text = (options + ["run"] + (seed == nil ? [] : ["seed"]) + [result.axis] + columns.map(\.name)).map(field).joined(separator: ",")
        text += "\n"
        // Rows are written into the one string (the bundled course writes some 20 000 of them), a row kept only if it
        // has a value.
        var line = ""
        for run in result.runs {
            let point = run.point.flatMap { p in result.sweep.map { $0.coordinates(of: p).map { $0.number.map(number) ?? $0.text } } } ?? []
            let start = (point + [field(run.label)] + (seed.map { [String($0)] } ?? [])).joined(separator: ",") + ","
            let series = columns.map { run.series[$0.key] }
            for (i, position) in result.positions.enumerated() {
                line.removeAll(keepingCapacity: true)
                line += start
                line += String(position)
                var any = false
                for (column, values) in zip(columns, series) {
                    line += ","
                    if let values, i < values.count, column.component < values[i].count {
                        append(values[i][column.component], to: &line)
                        any = true
                    }
                }
                if any {
                    text += line
                    text += "\n"
                }
            }
        }
        return text
    }

    /// A number in shortest round-trip form (`inf`, `-inf`; every NaN `nan`), appended to `text` without a string of
    /// its own.
    private static func append(_ x: Double, to text: inout String) {
        if x.isNaN { text += "nan" } else { x.write(to: &text) }
    }

    static func number(_ x: Double) -> String {
        var text = ""
        append(x, to: &text)
        return text
    }

    static func field(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
