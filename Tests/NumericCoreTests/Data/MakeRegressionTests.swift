import Foundation
import Testing
@testable import NumericCore

@Suite("make_regression against scikit-learn (data_regression.json)")
struct MakeRegressionTests {
    @Test("features bitwise, targets bitwise (the dot product a sequential FMA chain)", arguments: 0..<5)
    func regressionCase(index: Int) throws {
        let c = try Fixture.testCase("data_regression.json", index, of: 5)
        let p = try c.object("params")
        let data = try makeRegression(nSamples: try p.int("n_samples"), nFeatures: try p.int("n_features"),
                                      nInformative: try p.int("n_informative"), bias: try p.double("bias"),
                                      noise: try p.double("noise"), randomState: Int64(try p.int("random_state")))
        #expect(bits(data.features.values) == bits(try c.exactDoubles("X")))
        let expected = try c.exactDoubles("y")
        let differing = zip(data.targets, expected).filter { $0.bitPattern != $1.bitPattern }
        #expect(data.targets.count == expected.count && differing.isEmpty,
                "\(differing.count) of \(expected.count) targets differ, e.g. \(differing.first.map { "\($0) vs \($1)" } ?? "")")
    }

    @Test("bad parameters throw a typed error")
    func badInput() {
        #expect(throws: DataError.invalidCount(name: "n_features", value: 0, minimum: 1)) {
            try makeRegression(nFeatures: 0, randomState: 0)
        }
    }
}
