import Foundation
import Testing
@testable import NumericCore

@Suite("make_moons, make_circles, make_blobs against scikit-learn (data_shapes.json)")
struct MakeShapesTests {
    @Test("features and labels bitwise", arguments: 0..<10)
    func shapeCase(index: Int) throws {
        let c = try Fixture.testCase("data_shapes.json", index, of: 10)
        let p = try c.object("params")
        let n = try p.int("n_samples"), seed = Int64(try p.int("random_state"))
        let noise = p["noise"] as? Double, shuffle = p["shuffle"] as? Bool ?? true
        let data: ClassificationData
        switch c["generator"] as? String {
        case "make_moons": data = try makeMoons(nSamples: n, shuffle: shuffle, noise: noise, randomState: seed)
        case "make_circles":
            data = try makeCircles(nSamples: n, shuffle: shuffle, noise: noise, factor: p["factor"] as? Double ?? 0.8,
                                   randomState: seed)
        default:
            let box = p["center_box"] as? [Double] ?? [-10, 10]
            data = try makeBlobs(nSamples: n, nFeatures: p["n_features"] as? Int ?? 2, centers: p["centers"] as? Int ?? 3,
                                 clusterStd: p["cluster_std"] as? Double ?? 1, centerBox: (box[0], box[1]), randomState: seed)
        }
        #expect(data.labels == (try c.ints("y")))
        #expect(bits(data.features.values) == bits(try c.packedDoubles("X")))
    }
}
