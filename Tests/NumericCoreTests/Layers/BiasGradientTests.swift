import Foundation
import Testing
@testable import NumericCore

/// nn.Linear's bias gradient, autograd's `g.sum(0)`, against real torch (layers_bias_gradient.json, from
/// scripts/reference/bias_gradient_fixtures.py): bitwise for the lessons' (rows, out) shapes and a grid of odd
/// ones, rows 1 to 1600 and out_features 1 to 130, with one thread and with two.
@Suite struct BiasGradientTests {
    struct Case {
        let rows: Int, out: Int, threads: Int
        let g: [Float]
        let digest: String
        let values: [Float]?
    }

    static let cases: [Case] = (try? load()) ?? []

    static func load() throws -> [Case] {
        guard let cases = try Fixture.load("layers_bias_gradient.json")["cases"] as? [[String: Any]] else {
            throw Fixture.Missing(description: "cases of layers_bias_gradient.json")
        }
        return try cases.map { c in
            let (rows, out) = (try c.int("rows"), try c.int("out"))
            guard let digest = c["db_fnv1a64"] as? String else { throw Fixture.Missing(description: "db_fnv1a64") }
            return Case(rows: rows, out: out, threads: try c.int("threads"),
                        g: upstream(count: rows * out, k: try c.double("k")), digest: digest,
                        values: c["db"] == nil ? nil : try c.packedFloats("db"))
        }
    }

    /// The script's upstream gradient: f32(sin(0.37·i + k)) · 2^(((7·i) mod 13) − 6), row-major.
    static func upstream(count: Int, k: Double) -> [Float] {
        (0..<count).map { i in
            Float(sin(Double(i) * 0.37 + k)) * Float(sign: .plus, exponent: (7 * i) % 13 - 6, significand: 1)
        }
    }

    static func columnSums(_ c: Case) -> [Float] {
        var db = [Float](repeating: .nan, count: c.out)
        c.g.withUnsafeBufferPointer { g in
            db.withUnsafeMutableBufferPointer { out in
                CascadeSum.columnSums(g.baseAddress!, rows: c.rows, cols: c.out, into: out.baseAddress!)
            }
        }
        return db
    }

    @Test func theFixtureCoversTheGrid() {
        #expect(Self.cases.count == 1925)
        #expect(Set(Self.cases.map(\.out)).count == 30 && Set(Self.cases.map(\.rows)).isSuperset(of: 1...40))
        #expect(Self.cases.contains { $0.threads == 2 })
    }

    @Test func everyShapeIsBitwiseTorch() {
        for c in Self.cases {
            #expect(FixtureDigest.hex(Self.columnSums(c)) == c.digest, "rows \(c.rows), out \(c.out), threads \(c.threads)")
        }
    }

    @Test func theLessonShapesThroughLinearBackward() throws {
        let lesson = Self.cases.filter { $0.values != nil }
        #expect(lesson.count == 19)
        for c in lesson {
            let layer = try Linear(inFeatures: 3, outFeatures: c.out, weight: [Float](repeating: 0.5, count: 3 * c.out),
                                   bias: [Float](repeating: 0, count: c.out))
            let x = try Tensor(rows: c.rows, cols: 3, scalars: [Float](repeating: 1, count: c.rows * 3))
            let grads = try layer.backward(input: x, outputGradient: Tensor(rows: c.rows, cols: c.out, scalars: c.g))
            #expect(bits(grads.bias) == bits(c.values ?? []), "rows \(c.rows), out \(c.out)")
        }
    }

    /// The inputs are chosen so that the order shows: adding the rows one after another, in order, differs from
    /// torch in most cases (so the test above would catch a change of order).
    @Test func aSequentialSumWouldFail() {
        let differing = Self.cases.filter { c in
            var db = [Float](repeating: 0, count: c.out)
            for r in 0..<c.rows {
                for j in 0..<c.out { db[j] += c.g[r * c.out + j] }
            }
            return FixtureDigest.hex(db) != c.digest
        }
        #expect(differing.count > 1500)
    }
}
