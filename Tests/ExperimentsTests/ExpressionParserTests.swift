import Testing
@testable import Experiments

@Suite struct ExpressionParserTests {
    static func tree(_ text: String) throws -> String { try Expression.parse(text).description }

    @Test(arguments: [
        ("1 + 2 * 3", "(1 + (2 * 3))"),
        ("(1 + 2) * 3", "((1 + 2) * 3)"),
        ("2 ^ 3 ^ 2", "(2 ^ (3 ^ 2))"),           // right-associative
        ("-2 ^ 2", "(-(2 ^ 2))"),                 // as Python's -2**2
        ("2 ^ -1", "(2 ^ (-1))"),
        ("2 ** 3", "(2 ^ 3)"),
        ("a - b - c", "((a - b) - c)"),
        ("a / b * c", "((a / b) * c)"),
        ("a < b and c >= d or not e == f", "(((a < b) and (c >= d)) or (not (e == f)))"),
        ("c ? a : b ? x : y", "(c ? a : (b ? x : y))"),
        ("step < 375 ? step / 375 : 0.5 * (1 + cos(pi * (step - 375) / 3375))",
         "((step < 375) ? (step / 375) : (0.5 * (1 + cos(((pi * (step - 375)) / 3375)))))"),
        ("1e-3 * .5", "(0.001 * 0.5)"),
        ("train_loss[10]", "train_loss[10]"),
        ("train_loss[final]", "train_loss[final]"),
        ("best(accuracy)", "best(accuracy)"),
        ("max(a, b, 3)", "max(a, b, 3)"),
    ])
    func precedence(text: String, expected: String) throws {
        #expect(try Self.tree(text) == expected)
    }

    @Test func references() throws {
        let qualified = try Expression.parse("sgd-variants[\"SGD (lr=0.01)\"].test_mae")
        #expect(qualified.node == .reference(Reference(block: "sgd-variants", run: "SGD (lr=0.01)", name: "test_mae")))
        let local = try Expression.parse("['SGD + momentum (β=0.9)'].train_loss[10]")
        guard case .index(let base, .position(let index)) = local.node else { Issue.record("not an index"); return }
        #expect(base.node == .reference(Reference(run: "SGD + momentum (β=0.9)", name: "train_loss")))
        #expect(index.node == .number(10))
        #expect(try Expression.parse("adam-scratch.max_abs_diff").node
            == .reference(Reference(block: "adam-scratch", name: "max_abs_diff")))
    }

    @Test func hyphenatedNamesAreBlocksOnlyBeforeBracketOrDot() throws {
        #expect(try Self.tree("t-warmup") == "(t - warmup)")
        #expect(try Self.tree("step-375") == "(step - 375)")
        #expect(try Self.tree("lr-schedules.lr") == "lr-schedules.lr")
    }

    @Test func offsetsCountUnicodeScalars() throws {
        let expression = try Expression.parse("['β'].m + x", base: 10)
        #expect(expression.references.map(\.offset) == [10, 20])
    }

    @Test(arguments: [
        ("1 +", "column 4: expected a value but found the end of the expression"),
        ("(1 + 2", "column 7: expected ')' but found the end of the expression"),
        ("1 2", "column 3: unexpected '2.0' after the expression"),
        ("sqr(2)", "column 1: unknown function 'sqr' (did you mean 'sqrt'?)"),
        ("argbset(accuracy)", "column 1: unknown function 'argbset' (did you mean 'argbest'?)"),
        ("sqrt(1, 2)", "column 1: sqrt takes 1 argument, got 2"),
        ("pow(2)", "column 1: pow takes 2 arguments, got 1"),
        ("'abc", "column 1: unterminated string (missing closing ')"),
        ("a # b", "column 3: '#' names a block of another lesson: write the lesson's path before it, as in optimisers/optimisers#sgd-variants"),
        ("a < b < c", "column 7: comparisons cannot be chained; join them with 'and'"),
        ("[3].x", "column 2: expected a run label in quotes after '['"),
        ("['a'] + 1", "column 7: expected '.' but found '+'"),
        ("", "column 1: empty expression"),
        ("c ? a", "column 6: expected ':' but found the end of the expression"),
    ])
    func syntaxErrors(text: String, message: String) {
        do {
            _ = try Expression.parse(text)
            Issue.record("parsed: \(text)")
        } catch {
            #expect(error.description == message)
        }
    }
}
