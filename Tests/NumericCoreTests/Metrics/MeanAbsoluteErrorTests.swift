import Testing
@testable import NumericCore

@Suite("meanAbsoluteError")
struct MeanAbsoluteErrorTests {
    @Test("mean of |pred − true|")
    func plain() throws {
        #expect(try meanAbsoluteError(yTrue: [1, 2, 3], yPred: [2, 2, 1]) == 1)
    }

    @Test("float32 predictions are rescaled in float64 before the errors are taken")
    func rescaled() throws {
        // pred 0.5 (exact in float32) · std 4 + mean 10 = 12; |12 − 11| = 1; pred −1 → 6, |6 − 8| = 2.
        #expect(try meanAbsoluteError(yTrue: [11, 8], normalizedPredictions: [0.5, -1], targetMean: 10,
                                      targetStd: 4) == 1.5)
    }

    @Test("mismatched or empty input throws")
    func badInput() {
        #expect(throws: DataError.shapeMismatch("2 predictions for 1 targets")) {
            try meanAbsoluteError(yTrue: [1], yPred: [1, 2])
        }
        #expect(throws: DataError.self) { try meanAbsoluteError(yTrue: [], yPred: []) }
    }
}
