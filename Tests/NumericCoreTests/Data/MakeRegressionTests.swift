import Foundation
import Testing
@testable import NumericCore

@Suite("make_regression against scikit-learn (data_regression.json)")
struct MakeRegressionTests {
    @Test("features bitwise; targets close (OpenBLAS sums X·w in an order not reproduced)", arguments: 0..<5)
    func regressionCase(index: Int) throws {
        let c = try Fixture.testCase("data_regression.json", index, of: 5)
        let p = try c.object("params")
        let data = try makeRegression(nSamples: try p.int("n_samples"), nFeatures: try p.int("n_features"),
                                      nInformative: try p.int("n_informative"), bias: try p.double("bias"),
                                      noise: try p.double("noise"), randomState: Int64(try p.int("random_state")))
        #expect(bits(data.features.values) == bits(try c.exactDoubles("X")))
        let expected = try c.exactDoubles("y")
        #expect(data.targets.count == expected.count)
        for (a, b) in zip(data.targets, expected) {
            #expect(abs(a - b) <= 1e-12 * max(abs(b), 1), "got \(a), sklearn \(b)")
        }
    }

    @Test("bad parameters throw a typed error")
    func badInput() {
        #expect(throws: DataError.invalidCount(name: "n_features", value: 0, minimum: 1)) {
            try makeRegression(nFeatures: 0, randomState: 0)
        }
    }
}
