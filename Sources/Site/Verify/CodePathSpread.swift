import Experiments
import Foundation

/// A CPU code path PyTorch can be made to take through its environment: MKL's conditional numerical
/// reproducibility modes (`MKL_CBWR`) pick the kernels of its matrix products, and `ATEN_CPU_CAPABILITY` the
/// vector width of ATen's element-wise and reduction kernels.
public struct CodePath: Sendable, Hashable {
    public var name: String
    /// Added to the environment the script runs in.
    public var environment: [String: String]

    public init(name: String, environment: [String: String]) {
        self.name = name
        self.environment = environment
    }

    /// The paths `sitegen verify --spread` runs each script under; the default (nothing set) first, which is
    /// the path `sitegen verify` compares with.
    public static let spread: [CodePath] = [
        CodePath(name: "default", environment: [:]),
        CodePath(name: "MKL_CBWR=AVX2", environment: ["MKL_CBWR": "AVX2"]),
        CodePath(name: "MKL_CBWR=COMPATIBLE", environment: ["MKL_CBWR": "COMPATIBLE"]),
        CodePath(name: "ATEN_CPU_CAPABILITY=default", environment: ["ATEN_CPU_CAPABILITY": "default"]),
    ]
}

/// One figure of a table under every code path: what each path printed, PyTorch's range over them, and where
/// sitegen's value lies in it.
public struct FigureSpread: Sendable {
    public var block: String
    public var row: String
    /// The table column's header.
    public var column: String
    public var sitegen: Double
    /// What each path printed, in the order of the paths (nil: that path printed no line, or another count of
    /// numbers, for this row).
    var printed: [PrintedNumbers.Number?]
    /// What a relative distance is taken of (nil: the printed value itself); a ± over seeds is judged against its mean.
    var scale: Double?

    public enum Verdict: Sendable, Equatable {
        /// Equal to the default path's printed digits (what plain `sitegen verify` counts as equal).
        case digitEqualToDefault
        /// Not digit-equal to the default path, but inside the range the paths printed.
        case insideRange
        /// Outside the range, by this much relative to the figure (from the nearer end).
        case outside(relative: Double)
        /// The default path printed nothing for it (plain `sitegen verify` reports why).
        case unmeasured
    }

    /// PyTorch's range: the lowest and highest value the paths printed, each widened by half its last digit
    /// (a printed figure stands for every value that rounds to it).
    public var range: ClosedRange<Double>? {
        let measured = printed.compactMap { $0 }
        guard let lo = measured.map({ $0.value - ScriptVerifier.halfUnit(of: $0) }).min(),
              let hi = measured.map({ $0.value + ScriptVerifier.halfUnit(of: $0) }).max() else { return nil }
        return lo...hi
    }

    public var verdict: Verdict {
        guard let first = printed.first, let byDefault = first else { return .unmeasured }
        if ScriptVerifier.digitEqual(sitegen, byDefault) { return .digitEqualToDefault }
        guard let range else { return .unmeasured }
        if range.contains(sitegen) { return .insideRange }
        let distance = sitegen < range.lowerBound ? range.lowerBound - sitegen : sitegen - range.upperBound
        return .outside(relative: distance / max(scale ?? abs(byDefault.value), .leastNonzeroMagnitude))
    }

    /// Whether path `k` printed other digits than the default path.
    func differsFromDefault(_ k: Int) -> Bool {
        guard printed.indices.contains(k), let other = printed[k], let byDefault = printed[0] else { return false }
        return other.text != byDefault.text
    }
}

/// `sitegen verify --spread`: each script is run once per code path (`CodePath.spread`), and each table figure is
/// read from every path's output, so a figure of sitegen's can be judged against PyTorch's own spread instead of
/// one tolerance.
enum CodePathSpread {
    /// Every figure of one table under each path. `outputs[k]` is what path k printed (index 0 the default path);
    /// `cursors[k]` where that output's next block starts, as in `ScriptVerifier.compare`. A diverged row has no
    /// figures.
    static func figures(_ spec: ExperimentSpec, cells: [[ResultTable.Cell]], outputs: [[String]], cursors: inout [Int]) -> [FigureSpread] {
        if cursors.count < outputs.count { cursors += Array(repeating: 0, count: outputs.count - cursors.count) }
        let headers = spec.table?.columns.map(\.header) ?? []
        var figures: [FigureSpread] = []
        for row in cells {
            guard let key = row.first?.text else { continue }
            let printed: [[PrintedNumbers.Number]?] = outputs.indices.map { k in
                guard let (line, index) = PrintedNumbers.line(for: key, in: outputs[k], from: cursors[k]) else { return nil }
                cursors[k] = index + 1
                return PrintedNumbers.numbers(in: line)
            }
            if row.contains(where: { $0.value == nil && $0.text.hasPrefix("diverged") }) { continue }
            let numbers = ScriptVerifier.numbers(of: row)
            for (i, number) in numbers.enumerated() {
                let column = headers.indices.contains(number.column) ? headers[number.column] : "column \(number.column + 1)"
                figures.append(FigureSpread(block: spec.id, row: key, column: column, sitegen: number.value,
                                            printed: printed.map { $0.flatMap { $0.count == numbers.count ? $0[i] : nil } },
                                            scale: number.scale))
            }
        }
        return figures
    }

    /// The report: which paths printed other digits than the default, how many of sitegen's figures are
    /// digit-equal to the default path, inside PyTorch's range or outside it, and a line for each figure that is
    /// not digit-equal.
    static func report(_ figures: [FigureSpread], paths: [CodePath]) -> [String] {
        let format = NumberFormat(style: .exponent, precision: 2), digits = NumberFormat(style: .general, precision: 8)
        var lines = ["spread over \(paths.count) code paths (\(paths.map(\.name).joined(separator: ", "))), \(figures.count) figures:"]
        for (k, path) in paths.enumerated().dropFirst() {
            let measured = figures.filter { $0.printed.indices.contains(k) && $0.printed[k] != nil }.count
            let differing = figures.filter { $0.differsFromDefault(k) }.count
            lines.append("  \(path.name) printed other digits than the default path for \(differing) of \(measured) figures")
        }
        let verdicts = figures.map(\.verdict)
        let equal = verdicts.filter { $0 == .digitEqualToDefault }.count
        let inside = verdicts.filter { $0 == .insideRange }.count
        let outside = verdicts.compactMap { if case .outside(let r) = $0 { r } else { nil } }
        let unmeasured = verdicts.filter { $0 == .unmeasured }.count
        lines.append("  sitegen: \(equal) digit-equal to the default path, \(inside) inside PyTorch's range, \(outside.count) outside it"
            + (outside.max().map { " (at most \(format.format($0)) relative beyond the nearer end)" } ?? "")
            + (unmeasured > 0 ? ", \(unmeasured) not printed by the default path" : ""))
        for figure in figures where figure.verdict != .digitEqualToDefault {
            let printed = zip(paths, figure.printed).map { path, number in "\(path.name) \(number?.text ?? "—")" }.joined(separator: ", ")
            let range = figure.range.map { "\(digits.format($0.lowerBound))…\(digits.format($0.upperBound))" } ?? "none"
            let verdict: String
            switch figure.verdict {
            case .digitEqualToDefault: verdict = "digit-equal to the default path"
            case .insideRange: verdict = "inside"
            case .outside(let r): verdict = "outside by \(format.format(r)) relative"
            case .unmeasured: verdict = "not printed by the default path"
            }
            lines.append("  \(figure.block) · \(figure.row) · \(figure.column): PyTorch \(range) (\(printed)); sitegen \(digits.format(figure.sitegen)): \(verdict)")
        }
        return lines
    }
}
