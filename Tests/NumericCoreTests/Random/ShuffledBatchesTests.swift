import Foundation
import Testing
@testable import NumericCore

@Suite("DataLoader batch order")
struct ShuffledBatchesTests {
    @Test("three epochs after the model's initialisation (n 1600 and 2400)", arguments: ["ex1", "ex5"])
    func threeEpochs(arch: String) throws {
        let fixture = try Fixture.load("data_torch.json").object("architectures").object(arch)
        let epochs = try #require(fixture["epoch_orders"] as? [[String: Any]])
        let n = Int(try fixture.double("n"))
        var g = TorchGenerator(seed: 42)
        _ = try g.mlpInit(layerSizes: try fixture.ints("sizes"))  // make_model() draws first
        let loader = try ShuffledBatches(count: n, batchSize: 64)
        for epoch in epochs {
            let batches = loader.epochBatches(using: &g)
            #expect(batches.count == (n + 63) / 64)
            #expect(batches.dropLast().allSatisfy { $0.count == 64 })
            #expect(batches.last?.count == n - 64 * (batches.count - 1))
            let order = batches.flatMap { $0 }
            #expect(FixtureDigest.hex(order) == epoch["fnv1a64"] as? String)
            #expect(Array(order.prefix(70)) == (try epoch.ints("first_70")))
        }
        let next = try #require(fixture["next_int64_after_3_epochs"] as? NSNumber).int64Value
        #expect(g.randomInt64() == next)
    }

    @Test("shuffle off: rows in order, but the loader's base seed is still drawn")
    func sequential() throws {
        let fixture = try Fixture.load("data_torch.json").object("sequential_n100")
        var g = TorchGenerator(seed: 42)
        let loader = try ShuffledBatches(count: 100, batchSize: 64, shuffle: false)
        let batches = loader.epochBatches(using: &g)
        #expect(batches == [Array(0..<64), Array(64..<100)])
        #expect(batches.map { $0.count } == (try #require(fixture["batches"] as? [[Int]])).map(\.count))
        #expect(g.randomInt64() == (try #require(fixture["next_int64"] as? NSNumber)).int64Value)
    }

    @Test("drop_last omits the short batch")
    func dropLast() throws {
        let fixture = try Fixture.load("data_torch.json").object("drop_last_n100")
        var g = TorchGenerator(seed: 42)
        let loader = try ShuffledBatches(count: 100, batchSize: 64, dropLast: true)
        #expect(loader.batchesPerEpoch == 1)
        #expect(loader.epochBatches(using: &g) == (try #require(fixture["batches"] as? [[Int]])))
        #expect(g.randomInt64() == (try #require(fixture["next_int64"] as? NSNumber)).int64Value)
    }

    @Test("a batch size below 1 throws")
    func badBatchSize() {
        #expect(throws: DataError.invalidCount(name: "batch_size", value: 0, minimum: 1)) {
            try ShuffledBatches(count: 10, batchSize: 0)
        }
    }
}
