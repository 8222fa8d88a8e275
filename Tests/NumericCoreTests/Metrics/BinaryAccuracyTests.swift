import Testing
@testable import NumericCore

@Suite("binaryAccuracy")
struct BinaryAccuracyTests {
    @Test("accuracy from logits equals torch's ((logits > 0) == label).mean()")
    func matchesTorch() throws {
        let fixture = try Fixture.load("data_torch.json").object("accuracy")
        let logits = try fixture.floats("logits")
        let labels = try fixture.ints("labels").map { Float($0) }
        #expect(try binaryAccuracy(logits: logits, labels: labels) == Float(try fixture.double("value")))
    }

    @Test("a zero logit counts as class 0; the value is f32(k) / f32(n)")
    func threshold() throws {
        #expect(try binaryAccuracy(logits: [0, 0.5, -2], labels: [0, 1, 1]) == Float(2) / Float(3))
    }

    @Test("mismatched or empty input throws")
    func badInput() {
        #expect(throws: DataError.shapeMismatch("2 logits for 1 labels")) { try binaryAccuracy(logits: [1, 2], labels: [1]) }
        #expect(throws: DataError.self) { try binaryAccuracy(logits: [], labels: []) }
    }
}
