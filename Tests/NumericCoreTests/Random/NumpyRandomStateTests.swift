import Foundation
import Testing
@testable import NumericCore

@Suite("numpy legacy RandomState")
struct NumpyRandomStateTests {
    /// Replays one fixture stream (calls in order on one RandomState) and compares every value bitwise.
    @Test("streams match numpy call for call", arguments: ["42", "0", "7"])
    func streams(seed: String) throws {
        let fixture = try Fixture.load("data_numpy_legacy.json").object("streams")
        let calls = try #require(fixture[seed] as? [[String: Any]])
        var rs = try NumpyRandomState(seed: try #require(Int64(seed)))
        for call in calls {
            let name = try #require(call["call"] as? String)
            let args = try call.doubles("args")
            switch name {
            case "normal":
                let got = try rs.normal(loc: args[0], scale: args[1], count: Int(args[2]))
                #expect(got.map(\.bitPattern) == (try call.exactDoubles("values")).map(\.bitPattern), "\(name) \(args)")
            case "standard_normal":
                let got = try rs.standardNormal(count: Int(args[0]))
                #expect(got.map(\.bitPattern) == (try call.exactDoubles("values")).map(\.bitPattern), "\(name) \(args)")
            case "random_sample":
                let got = try rs.randomSample(count: Int(args[0]))
                #expect(got.map(\.bitPattern) == (try call.exactDoubles("values")).map(\.bitPattern), "\(name) \(args)")
            case "uniform":
                let got = try rs.uniform(low: args[0], high: args[1], count: Int(args[2]))
                #expect(got.map(\.bitPattern) == (try call.exactDoubles("values")).map(\.bitPattern), "\(name) \(args)")
            case "randint":
                let raw = try #require(call["args"] as? [NSNumber]).map(\.int64Value)
                let got = try rs.randint(low: raw[0], high: raw[1], count: Int(raw[2]))
                #expect(got.map { Int($0) } == (try call.ints("values")), "\(name) \(args)")
            case "permutation":
                #expect(try rs.permutation(Int(args[0])) == (try call.ints("values")))
            case "choice":
                #expect(try rs.choice(n: Int(args[0]), size: Int(args[1])) == (try call.ints("values")))
            case "shuffle":
                var a = Array(0..<Int(args[0]))
                rs.shuffle(&a)
                #expect(a == (try call.ints("values")))
            default:
                Issue.record("unknown call \(name)")
            }
        }
    }

    @Test("seeding empties the Gaussian cache")
    func reseedResetsCache() throws {
        let fixture = try Fixture.load("data_numpy_legacy.json").object("reseed")
        var rs = try NumpyRandomState(seed: 42)
        #expect(try rs.normal(count: 1) == (try fixture.exactDoubles("first")))
        try rs.seed(42)
        #expect(try rs.normal(count: 3) == (try fixture.exactDoubles("after_reseed")))
    }

    @Test("permutation(2000) with seed 42")
    func permutation2000() throws {
        let fixture = try Fixture.load("data_numpy_legacy.json").object("permutation_2000_seed42")
        var rs = try NumpyRandomState(seed: 42)
        let p = try rs.permutation(2000)
        #expect(FixtureDigest.hex(p) == fixture["fnv1a64"] as? String)
        #expect(Array(p.prefix(20)) == (try fixture.ints("first")))
    }

    @Test("seeds outside 0..<2^32 throw, as numpy rejects them", arguments: [Int64(1) << 32, -1])
    func badSeeds(seed: Int64) throws {
        #expect(throws: DataError.seedOutOfRange(seed)) { try NumpyRandomState(seed: seed) }
        var rs = try NumpyRandomState(seed: 1)
        #expect(throws: DataError.seedOutOfRange(seed)) { try rs.seed(seed) }
    }

    @Test("bad ranges and sizes throw instead of trapping")
    func badArguments() throws {
        var rs = try NumpyRandomState(seed: 1)
        #expect(throws: DataError.emptyRange(low: 5, high: 5)) { try rs.randint(low: 5, high: 5, count: 1) }
        #expect(throws: DataError.invalidCount(name: "count", value: -1, minimum: 0)) { try rs.normal(count: -1) }
        #expect(throws: DataError.sampleLargerThanPopulation(sample: 4, population: 3)) {
            try rs.choice(n: 3, size: 4)
        }
        #expect(throws: DataError.invalidCount(name: "n", value: -2, minimum: 0)) { try rs.permutation(-2) }
    }
}
