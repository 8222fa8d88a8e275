import Testing
@testable import NumericCore

/// Parameter order and shapes of the MLP, and its shape errors.
@Suite struct MLPTests {
    static func model() throws -> MLP {
        try MLP(sizes: [3, 2, 1], parameters: [[1, 2, 3, 4, 5, 6], [0.5, -0.5], [2, -1], [0.25]])
    }

    @Test func parametersAreInTorchOrder() throws {
        let m = try Self.model()
        #expect(m.parameterShapes == [[2, 3], [2], [1, 2], [1]])
        #expect(m.parameter(0) == [1, 2, 3, 4, 5, 6] && m.parameter(1) == [0.5, -0.5])
        #expect(m.parameter(2) == [2, -1] && m.parameter(3) == [0.25])
        #expect(m.layer(0).weight == [1, 2, 3, 4, 5, 6])
    }

    @Test func forwardAppliesReLUBetweenLayersOnly() throws {
        var m = try Self.model()
        // hidden = relu([1+2+3+0.5, 4+5+6−0.5]) = [6.5, 14.5]; out = 2·6.5 − 14.5 + 0.25 = −1.25 (no ReLU at the end)
        let y = try m.forward(Tensor(rows: 1, cols: 3, scalars: [1, 1, 1]))
        #expect(y.scalars == [-1.25])
        // hidden = relu([−6 + 0.5, −15 − 0.5]) = [0, 0]; out = 0.25
        #expect(try m.forward(Tensor(rows: 1, cols: 3, scalars: [-1, -1, -1])).scalars == [0.25])
    }

    @Test func backwardMasksDeadUnits() throws {
        var m = try Self.model()
        let x = try Tensor(rows: 1, cols: 3, scalars: [1, -1, 0.5])
        // pre-activations: [1 − 2 + 1.5 + 0.5, 4 − 5 + 3 − 0.5] = [1, 1.5] (both alive)
        _ = try m.forward(x)
        try m.backward(input: x, outputGradient: Tensor(column: [1]))
        #expect(m.gradient(3) == [1])
        #expect(m.gradient(2) == [1, 1.5])
        #expect(m.gradient(1) == [2, -1])
        #expect(m.gradient(0) == [2, -2, 1, -1, 1, -0.5])
    }

    @Test func wrongParameterShapesThrow() {
        #expect(throws: ModelError.parameterCount(expected: 4, got: 3)) {
            try MLP(sizes: [3, 2, 1], parameters: [[1, 2, 3, 4, 5, 6], [0.5, -0.5], [2, -1]])
        }
        #expect(throws: ModelError.parameterSize(name: "2.weight", expected: [1, 2], count: 3)) {
            try MLP(sizes: [3, 2, 1], parameters: [[1, 2, 3, 4, 5, 6], [0.5, -0.5], [2, -1, 0], [0]])
        }
        #expect(throws: ModelError.invalidSizes([3])) { try MLP(sizes: [3], parameters: []) }
    }
}
