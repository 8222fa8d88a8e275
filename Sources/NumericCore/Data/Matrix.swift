/// A dense float64 matrix stored row-major in one flat array, with its row and column counts.
public struct Matrix: Sendable, Equatable {
    /// Number of rows.
    public let rows: Int
    /// Number of columns.
    public let columns: Int
    /// `rows · columns` values, row after row.
    public var values: [Double]

    /// A matrix over `values` (row-major); throws unless `values.count == rows · columns`.
    public init(rows: Int, columns: Int, values: [Double]) throws {
        guard rows >= 0 else { throw DataError.invalidCount(name: "rows", value: rows, minimum: 0) }
        guard columns >= 0 else { throw DataError.invalidCount(name: "columns", value: columns, minimum: 0) }
        guard values.count == rows * columns else {
            throw DataError.shapeMismatch("\(values.count) values cannot fill a \(rows)×\(columns) matrix")
        }
        self.rows = rows
        self.columns = columns
        self.values = values
    }

    /// A `rows × columns` matrix of zeros.
    init(zeros rows: Int, _ columns: Int) {
        self.rows = rows
        self.columns = columns
        values = [Double](repeating: 0, count: rows * columns)
    }

    /// The element at (row, column); indices must be in range, as for `Array`.
    public subscript(row: Int, column: Int) -> Double {
        get { values[row * columns + column] }
        set { values[row * columns + column] = newValue }
    }

    /// Row `i` as a slice of `values`.
    public func row(_ i: Int) -> ArraySlice<Double> {
        values[(i * columns)..<((i + 1) * columns)]
    }

    /// Column `j`, top to bottom.
    public func column(_ j: Int) -> [Double] {
        (0..<rows).map { values[$0 * columns + j] }
    }

    /// `X[indices]`: the listed rows, in the listed order; throws on an index out of range.
    public func selectingRows(_ indices: [Int]) throws -> Matrix {
        var out = [Double]()
        out.reserveCapacity(indices.count * columns)
        for i in indices {
            guard i >= 0, i < rows else { throw DataError.shapeMismatch("row \(i) is outside 0..<\(rows)") }
            out.append(contentsOf: row(i))
        }
        return Matrix(unchecked: indices.count, columns, out)
    }

    /// `X[:, indices]`: the listed columns, in the listed order; throws on an index out of range.
    public func selectingColumns(_ indices: [Int]) throws -> Matrix {
        for j in indices where j < 0 || j >= columns {
            throw DataError.shapeMismatch("column \(j) is outside 0..<\(columns)")
        }
        var out = [Double]()
        out.reserveCapacity(rows * indices.count)
        for i in 0..<rows {
            let base = i * columns
            for j in indices { out.append(values[base + j]) }
        }
        return Matrix(unchecked: rows, indices.count, out)
    }

    /// The values rounded to float32, nearest-even (`torch.FloatTensor(array)`), row-major.
    public func float32() -> [Float] {
        values.map { Float($0) }
    }

    init(unchecked rows: Int, _ columns: Int, _ values: [Double]) {
        self.rows = rows
        self.columns = columns
        self.values = values
    }
}
