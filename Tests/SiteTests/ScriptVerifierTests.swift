import Testing
@testable import Site

@Suite struct PrintedNumbersTests {
    let output = [
        "Optimiser                   Epoch 10 loss  Final loss  Test MAE",
        "SGD (lr=0.01)                    0.085401    0.069197    3.2816",
        "Adam                    0.9500        15",
        "AdamW                   0.9517        42",
        "step 1: v=[ 0.5 -0.3  0.8] W=[ 0.95  2.03 -1.08]",
        "   1  [ 0.999000 -0.501000]  0.00e+00",
        "step           3.2645",
    ]

    @Test func findsTheLineOfARunLabel() throws {
        let (rest, index) = try #require(PrintedNumbers.line(for: "SGD (lr=0.01)", in: output))
        #expect(index == 1)
        #expect(PrintedNumbers.numbers(in: rest).map(\.value) == [0.085401, 0.069197, 3.2816])
    }

    @Test func aLabelMustBeFollowedBySpaceOrColon() throws {
        #expect(try #require(PrintedNumbers.line(for: "Adam", in: output)).index == 2)
        #expect(try #require(PrintedNumbers.line(for: "AdamW", in: output)).index == 3)
    }

    @Test func stepRowsMatchWithOrWithoutTheWordStep() throws {
        #expect(try #require(PrintedNumbers.line(for: "1", in: output)).index == 4)
        #expect(try #require(PrintedNumbers.line(for: "1", in: output, from: 5)).index == 5)
        // A run called "step" is found by its own name once earlier blocks' lines are behind the cursor.
        #expect(try #require(PrintedNumbers.line(for: "step", in: output, from: 5)).index == 6)
    }

    @Test func readsNumbersInsideArraysAndScientificNotation() {
        let numbers = PrintedNumbers.numbers(in: ": v=[ 0.5 -0.3  0.8] W=[ 0.95  2.03 -1.08]  0.00e+00 lr=1e-3")
        #expect(numbers.map(\.value) == [0.5, -0.3, 0.8, 0.95, 2.03, -1.08, 0, 1e-3])
        #expect(numbers.map(\.decimals) == [1, 1, 1, 2, 2, 2, 2, 3])
    }

    @Test func ignoresDigitsInsideWords() {
        #expect(PrintedNumbers.numbers(in: "ex1 x2 3.5").map(\.value) == [3.5])
    }
}
