/// scikit-learn's `StandardScaler` (dense float64, population variance), fitted on the training rows
/// (docs/parity.md §3.6).
public struct StandardScaler: Sendable, Equatable {
    /// `mean_`: per-column mean of the fitted rows.
    public let mean: [Double]
    /// `scale_`: per-column population standard deviation (1.0 for a constant column).
    public let scale: [Double]

    /// `StandardScaler().fit(x)`. Per column, sums in row order:
    /// `S = Σx`, `mean = S/n`, `d = x − S/n`, `C = Σd`, `Q = Σd²`, `var = (Q − C²/n)/n`, `scale = sqrt(var)`.
    public init(fitting x: Matrix) throws {
        guard x.rows >= 1 else { throw DataError.invalidCount(name: "rows to fit", value: x.rows, minimum: 1) }
        let n = Double(x.rows)
        let s = NumpyReductions.columnSums(x)
        let means = s.map { $0 / n }
        mean = means
        var d = x, dSquared = x
        for i in 0..<x.rows {
            for j in 0..<x.columns {
                let v = x[i, j] - s[j] / n
                d[i, j] = v
                dSquared[i, j] = v * v
            }
        }
        let c = NumpyReductions.columnSums(d), q = NumpyReductions.columnSums(dSquared)
        let variance = (0..<x.columns).map { (q[$0] - c[$0] * c[$0] / n) / n }
        // sklearn's _is_constant_feature: var ≤ n·eps·var + (n·mean·eps)² gets scale 1.0 (not exercised
        // by the lessons; not checked against sklearn).
        let eps = Double.ulpOfOne
        scale = (0..<x.columns).map { j in
            let bound = n * eps * variance[j] + (n * means[j] * eps) * (n * means[j] * eps)
            return variance[j] <= bound ? 1.0 : variance[j].squareRoot()
        }
    }

    /// `transform(x)`: `(x − mean) / scale` per element.
    public func transform(_ x: Matrix) throws -> Matrix {
        guard x.columns == mean.count else {
            throw DataError.shapeMismatch("scaler fitted on \(mean.count) columns, given \(x.columns)")
        }
        var out = x
        for i in 0..<x.rows { for j in 0..<x.columns { out[i, j] = (x[i, j] - mean[j]) / scale[j] } }
        return out
    }
}
