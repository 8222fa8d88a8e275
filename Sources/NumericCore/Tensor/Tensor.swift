/// A row-major float32 matrix (`rows` × `cols`) over one contiguous buffer, the value every layer reads and writes.
public struct Tensor: Sendable, Equatable {
    /// Number of rows (the batch dimension for activations).
    public let rows: Int
    /// Number of columns (features).
    public let cols: Int
    /// The `rows · cols` scalars, row-major: element (r, c) is `scalars[r * cols + c]`.
    public var scalars: [Float]

    /// A tensor of zeros.
    public init(rows: Int, cols: Int) {
        self.rows = max(rows, 0)
        self.cols = max(cols, 0)
        self.scalars = [Float](repeating: 0, count: self.rows * self.cols)
    }

    /// A tensor over the given row-major scalars; throws when their count is not `rows · cols`.
    public init(rows: Int, cols: Int, scalars: [Float]) throws(TensorError) {
        guard rows >= 0, cols >= 0, scalars.count == rows * cols else {
            throw .shapeMismatch(expected: [rows, cols], count: scalars.count)
        }
        self.rows = rows
        self.cols = cols
        self.scalars = scalars
    }

    /// A tensor whose scalar count the caller has already checked.
    init(validatedRows rows: Int, cols: Int, scalars: [Float]) {
        self.rows = rows
        self.cols = cols
        self.scalars = scalars
    }

    /// A one-column tensor (`[n, 1]`), the shape of the lesson's targets and regression outputs.
    public init(column: [Float]) {
        self.rows = column.count
        self.cols = 1
        self.scalars = column
    }

    /// Element (r, c); `r` and `c` must be in range.
    public subscript(row: Int, col: Int) -> Float {
        get { scalars[row * cols + col] }
        set { scalars[row * cols + col] = newValue }
    }

    /// Row `r` as an array.
    public func row(_ r: Int) -> [Float] { Array(scalars[(r * cols)..<((r + 1) * cols)]) }
}

/// A tensor whose scalars do not fit its declared shape.
public enum TensorError: Error, Equatable, CustomStringConvertible {
    case shapeMismatch(expected: [Int], count: Int)

    public var description: String {
        switch self {
        case let .shapeMismatch(expected, count):
            let shape = expected.map(String.init).joined(separator: " × ")
            return "a tensor of shape \(shape) needs \(expected.reduce(1, *)) values, got \(count)"
        }
    }
}
