import Testing
@testable import NumericCore

@Suite("MeanStdNormalization")
struct MeanStdNormalizationTests {
    @Test("mean, std + 1e-8 and float32 rounding of (x − mean)/std")
    func handValues() throws {
        // Column [1, 3]: mean 2, std 1 → std + 1e-8; y [10, 14]: mean 12, std 2 + 1e-8.
        let norm = try MeanStdNormalization(features: try Matrix(rows: 2, columns: 1, values: [1, 3]), targets: [10, 14])
        #expect(norm.featureMean == [2])
        #expect(norm.featureStd == [1 + 1e-8])
        #expect(norm.targetMean == 12 && norm.targetStd == 2 + 1e-8)
        #expect(try norm.normalizedFeatures(try Matrix(rows: 1, columns: 1, values: [3])) == [Float(1 / (1 + 1e-8))])
        #expect(norm.denormalized([0.5]) == [0.5 * (2 + 1e-8) + 12])
    }

    @Test("mismatched targets or widths throw")
    func badInput() throws {
        let x = try Matrix(rows: 2, columns: 1, values: [1, 3])
        #expect(throws: DataError.shapeMismatch("1 targets for 2 feature rows")) {
            try MeanStdNormalization(features: x, targets: [1])
        }
        let norm = try MeanStdNormalization(features: x, targets: [1, 2])
        #expect(throws: DataError.self) { try norm.normalizedFeatures(try Matrix(rows: 1, columns: 2, values: [1, 2])) }
    }
}
