import Testing
@testable import Experiments

@Suite struct InlineReferenceTests {
    @Test func findsReferencesWithFormats() throws {
        let text = "SGD reaches {{ sgd-variants[\"SGD (lr=0.01)\"].test_mae | .4f }} minutes, {{ adam-scratch.max_abs_diff|.2e}}."
        let segments = try InlineReference.scan(text)
        #expect(segments.count == 5)
        guard case .text(let first) = segments[0], case .reference(let a) = segments[1],
              case .text(let middle) = segments[2], case .reference(let b) = segments[3],
              case .text(let last) = segments[4] else { Issue.record("wrong segments: \(segments)"); return }
        #expect(first == "SGD reaches ")
        #expect(middle == " minutes, ")
        #expect(last == ".")
        #expect(a.expression.node == .reference(Reference(block: "sgd-variants", run: "SGD (lr=0.01)", name: "test_mae")))
        #expect(a.format == NumberFormat(style: .fixed, precision: 4))
        #expect(a.offset == 12)
        #expect(a.expression.offset == 15)
        #expect(String(text[a.range]) == "{{ sgd-variants[\"SGD (lr=0.01)\"].test_mae | .4f }}")
        #expect(b.format == NumberFormat(style: .exponent, precision: 2))
        #expect(String(text[b.range]) == "{{ adam-scratch.max_abs_diff|.2e}}")
    }

    @Test func withoutFormatAndWithBarsInsideQuotes() throws {
        let segments = try InlineReference.scan("{{ ['a|b'].lr }}")
        guard case .reference(let r) = segments.first else { Issue.record("no reference"); return }
        #expect(segments.count == 1)
        #expect(r.format == nil)
        #expect(r.expression.node == .reference(Reference(run: "a|b", name: "lr")))
    }

    @Test func escapedBracesStayText() throws {
        let segments = try InlineReference.scan("Mustache uses \\{{ name }} and β {{ x }}")
        #expect(segments.count == 2)
        #expect(segments.first == .text("Mustache uses {{ name }} and β "))
        guard case .reference(let r) = segments.last else { Issue.record("no reference"); return }
        #expect(r.offset == 32)
    }

    @Test func plainTextHasNoReferences() throws {
        #expect(try InlineReference.scan("no braces here { } }}") == [.text("no braces here { } }}")])
        #expect(try InlineReference.scan("") == [])
    }

    @Test(arguments: [
        ("abc {{ x | .4f", "column 5: '{{' without a closing '}}' (write '\\{{' for literal braces)"),
        ("{{ 1 + }}", "column 8: expected a value but found the end of the expression"),
        ("ab {{ x | .4q }}", "column 10: bad number format '.4q': unknown type 'q' (use f, e, g, %, or d)"),
        ("{{ sqr(2) }}", "column 4: unknown function 'sqr' (did you mean 'sqrt'?)"),
    ])
    func errorsPointIntoTheText(text: String, message: String) {
        do {
            _ = try InlineReference.scan(text)
            Issue.record("scanned: \(text)")
        } catch {
            #expect(error.description == message)
        }
    }
}
