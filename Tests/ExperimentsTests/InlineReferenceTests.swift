import Testing
@testable import Experiments

/// What lies between `{{` and `}}` in prose (the braces themselves are found by Site's ProtectedSpans).
@Suite struct InlineReferenceTests {
    @Test func readsExpressionAndFormat() throws {
        let body = " sgd-variants[\"SGD (lr=0.01)\"].test_mae | .4f "
        let r = try InlineReference.parse(body)
        #expect(r.expression.node == .reference(Reference(block: "sgd-variants", run: "SGD (lr=0.01)", name: "test_mae")))
        #expect(r.format == NumberFormat(style: .fixed, precision: 4))
        #expect(r.expression.offset == 1)
        #expect(try InlineReference.parse(" adam-scratch.max_abs_diff|.2e").format == NumberFormat(style: .exponent, precision: 2))
    }

    @Test func withoutFormatAndWithBarsInsideQuotes() throws {
        let r = try InlineReference.parse(" ['a|b'].lr ")
        #expect(r.format == nil)
        #expect(r.expression.node == .reference(Reference(run: "a|b", name: "lr")))
    }

    @Test(arguments: [
        (" 1 + ", "column 6: expected a value but found the end of the expression"),
        (" x | .4q ", "column 5: bad number format '.4q': unknown type 'q' (use f, e, g, %, or d)"),
        (" sqr(2) ", "column 2: unknown function 'sqr' (did you mean 'sqrt'?)"),
        (" ['a ", "column 1: '{{' without a closing '}}' (write '\\{{' for literal braces)"),
    ])
    func errorsPointIntoTheBody(body: String, message: String) {
        do {
            _ = try InlineReference.parse(body)
            Issue.record("parsed: \(body)")
        } catch {
            #expect(error.description == message)
        }
    }
}
