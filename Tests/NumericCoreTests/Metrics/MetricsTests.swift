import Foundation
import Testing
@testable import NumericCore

@Suite("Metrics")
struct MetricsTests {
    @Test("accuracy from logits equals torch's (logits > 0) == label mean")
    func accuracy() throws {
        let fixture = try Fixture.load("data_torch.json").object("accuracy")
        let logits = try fixture.floats("logits")
        let labels = try fixture.ints("labels").map { Float($0) }
        let acc = try binaryAccuracy(logits: logits, labels: labels)
        #expect(acc == Float(try fixture.double("value")))
        #expect(throws: DataError.self) { try binaryAccuracy(logits: [1, 2], labels: [1]) }
    }

    @Test("sum of the initial parameter norms within 1e-7 of torch", arguments: ["ex1", "ex5"])
    func parameterNorms(arch: String) throws {
        let fixture = try Fixture.load("data_torch.json").object("architectures").object(arch)
        var g = TorchGenerator(seed: 42)
        let layers = try g.mlpInit(layerSizes: try fixture.ints("sizes"))
        let total = parameterNormSum(layers.flatMap { [$0.weight, $0.bias] })
        let expected = try fixture.exactDouble("parameter_norm_sum")
        #expect(abs(total - expected) <= 1e-7 * expected)
    }

    @Test("MAE sums |error| pairwise and rejects mismatched lengths")
    func mae() throws {
        #expect(try meanAbsoluteError(yTrue: [1, 2, 3], yPred: [2, 2, 1]) == 1)
        #expect(throws: DataError.self) { try meanAbsoluteError(yTrue: [1], yPred: [1, 2]) }
        #expect(throws: DataError.self) { try meanAbsoluteError(yTrue: [], yPred: []) }
    }
}
