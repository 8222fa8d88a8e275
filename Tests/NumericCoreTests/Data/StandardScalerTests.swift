import Testing
@testable import NumericCore

@Suite("StandardScaler")
struct StandardScalerTests {
    @Test("population mean and standard deviation per column; constant columns scale by 1")
    func handValues() throws {
        // Column 0: 1, 2, 3, 4 → mean 2.5, variance (2.25 + 0.25 + 0.25 + 2.25)/4 = 1.25. Column 1 constant.
        let x = try Matrix(rows: 4, columns: 2, values: [1, 5, 2, 5, 3, 5, 4, 5])
        let scaler = try StandardScaler(fitting: x)
        #expect(scaler.mean == [2.5, 5])
        #expect(scaler.scale == [Double(1.25).squareRoot(), 1])
        let t = try scaler.transform(try Matrix(rows: 1, columns: 2, values: [2.5, 7]))
        #expect(t.values == [0, 2])
    }

    @Test("fitting no rows or transforming the wrong width throws")
    func badInput() throws {
        #expect(throws: DataError.self) { try StandardScaler(fitting: try Matrix(rows: 0, columns: 2, values: [])) }
        let scaler = try StandardScaler(fitting: try Matrix(rows: 2, columns: 1, values: [1, 2]))
        #expect(throws: DataError.self) { try scaler.transform(try Matrix(rows: 1, columns: 2, values: [1, 2])) }
    }
}
