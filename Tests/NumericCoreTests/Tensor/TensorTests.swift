import Testing
@testable import NumericCore

@Suite struct TensorTests {
    @Test func rowMajorLayoutAndSubscript() throws {
        let t = try Tensor(rows: 2, cols: 3, scalars: [1, 2, 3, 4, 5, 6])
        #expect(t[1, 0] == 4)
        #expect(t[0, 2] == 3)
        #expect(t.row(1) == [4, 5, 6])
    }

    @Test func wrongScalarCountThrowsAndNamesTheShape() {
        #expect(throws: TensorError.shapeMismatch(expected: [2, 3], count: 5)) {
            try Tensor(rows: 2, cols: 3, scalars: [1, 2, 3, 4, 5])
        }
        #expect(TensorError.shapeMismatch(expected: [2, 3], count: 5).description
            == "a tensor of shape 2 × 3 needs 6 values, got 5")
    }

    @Test func columnTensorHasOneColumn() {
        let t = Tensor(column: [1, 2, 3])
        #expect(t.rows == 3 && t.cols == 1)
    }
}
