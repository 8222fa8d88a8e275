/// numpy's float64 sums, means and standard deviations in numpy's own summation orders (docs/parity.md §3.2).
public enum NumpyReductions {
    /// `np.sum` of a contiguous run: `0.0 ⊕ P(a)` with numpy's pairwise summation.
    public static func sum<C: RandomAccessCollection>(_ a: C) -> Double where C.Element == Double, C.Index == Int {
        0.0 + pairwise(a, a.startIndex, a.count)
    }

    /// `a.mean()` of a contiguous run: pairwise sum ⊘ n (NaN for an empty run, as numpy).
    public static func mean<C: RandomAccessCollection>(_ a: C) -> Double where C.Element == Double, C.Index == Int {
        sum(a) / Double(a.count)
    }

    /// `a.std()` (ddof 0): `sqrt(Σ (x ⊖ mean)⊗(x ⊖ mean) ⊘ n)`, both sums pairwise.
    public static func std<C: RandomAccessCollection>(_ a: C) -> Double where C.Element == Double, C.Index == Int {
        let m = mean(a)
        let squares = a.map { ($0 - m) * ($0 - m) }
        return (sum(squares) / Double(a.count)).squareRoot()
    }

    /// `X.sum(0)` of a C-contiguous matrix: row 0, then each further row added left to right.
    public static func columnSums(_ x: Matrix) -> [Double] {
        guard x.rows > 0 else { return [Double](repeating: 0, count: x.columns) }
        var s = Array(x.row(0))
        for i in 1..<x.rows {
            let base = i * x.columns
            for j in 0..<x.columns { s[j] += x.values[base + j] }
        }
        return s
    }

    /// `X.mean(0)`: column sums ⊘ rows.
    public static func columnMeans(_ x: Matrix) -> [Double] {
        let n = Double(x.rows)
        return columnSums(x).map { $0 / n }
    }

    /// `X.std(0)` (ddof 0): per column `sqrt(Σ_rows (x ⊖ mean)² ⊘ n)`, rows in order.
    public static func columnStds(_ x: Matrix) -> [Double] {
        let means = columnMeans(x)
        var squares = x
        for i in 0..<x.rows {
            for j in 0..<x.columns {
                let d = x[i, j] - means[j]
                squares[i, j] = d * d
            }
        }
        let n = Double(x.rows)
        return columnSums(squares).map { ($0 / n).squareRoot() }
    }

    /// numpy's `pairwise_sum` over `a[start ..< start + n]`, without the leading `0.0 ⊕`.
    static func pairwise<C: RandomAccessCollection>(_ a: C, _ start: Int, _ n: Int) -> Double
    where C.Element == Double, C.Index == Int {
        if n < 8 {
            var s = 0.0
            for i in start..<(start + n) { s += a[i] }
            return s
        }
        if n <= 128 {
            // Eight running partial sums, combined as a tree, then the leftover tail in order.
            var r = (0..<8).map { a[start + $0] }
            var i = 8
            while i < n - n % 8 {
                for k in 0..<8 { r[k] += a[start + i + k] }
                i += 8
            }
            var s = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]))
            while i < n {
                s += a[start + i]
                i += 1
            }
            return s
        }
        var m = n / 2
        m -= m % 8
        return pairwise(a, start, m) + pairwise(a, start + m, n - m)
    }
}
