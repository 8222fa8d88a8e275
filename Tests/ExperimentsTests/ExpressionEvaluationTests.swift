import Testing
@testable import Experiments

/// A resolver over fake results: block "sgd" with two runs, and bare names for the current row.
struct FakeResults: ExpressionResolver {
    var bare: [String: Value] = [
        "t": .number(50), "label": .string("adam"),
        "accuracy": .series(Series([0.5, 0.9, 0.7, 0.9], higherIsBetter: true)),
        "train_loss": .series(Series([4, 2, 3, 1.5])),
        "param": .vector([1, -2, 3]),
    ]

    func resolve(_ reference: Reference) throws(ReferenceError) -> Value {
        switch (reference.block, reference.run) {
        case (nil, nil):
            guard let value = bare[reference.name] else { throw .unknownName(reference.name, among: bare.keys.sorted()) }
            return value
        case (_, "fast"?): return .series(Series([3, 1]))
        case (_, "slow"?): return .series(Series([3, 2]))
        case (_, let run?): throw ReferenceError("unknown run '\(run)'")
        case (let block?, nil): throw ReferenceError("unknown block '\(block)'")
        }
    }
}

@Suite struct ExpressionEvaluationTests {
    static func value(_ text: String) throws -> Value { try Expression.parse(text).evaluate(using: FakeResults()) }

    @Test(arguments: [
        ("1 + 2 * 3", 7.0),
        ("2 ^ 3 ^ 2", 512.0),
        ("-2 ^ 2", -4.0),
        ("2 ^ -1", 0.5),
        ("7 / 2", 3.5),
        ("min(t / 100, 1)", 0.5),
        ("max(3, 9, 4)", 9.0),
        ("abs(-3) + sqrt(16) + floor(2.7) + ceil(2.1) + int(-2.7)", 10.0),
        ("round(2.5) + round(3.5)", 6.0),          // half to even
        ("round(2.675, 2)", 2.67),
        ("pow(2, 10)", 1024.0),
        ("log(e)", 1.0),
        ("cos(pi)", -1.0),
        ("exp(0) + sin(0)", 1.0),
        ("train_loss", 1.5),                        // a bare series reads as its final value
        ("train_loss[2]", 2.0),
        ("train_loss[final]", 1.5),
        ("best(train_loss)", 1.5),
        ("best(accuracy)", 0.9),
        ("argbest(accuracy)", 2.0),                 // the first best epoch
        ("argbest(train_loss)", 4.0),
        ("final(accuracy)", 0.9),
        ("mean(train_loss)", 2.625),
        ("min(train_loss)", 1.5),
        ("param[2]", -2.0),
        ("max(param)", 3.0),
        ("t < 100 ? t / 100 : 1", 0.5),
        ("sgd['fast'].loss[1] - ['slow'].loss", 1.0),
    ])
    func numbers(text: String, expected: Double) throws {
        #expect(try Expression.parse(text).number(using: FakeResults()) == expected)
    }

    @Test func bareSeriesStaysASeriesUntilUsedAsANumber() throws {
        #expect(try Self.value("train_loss") == .series(Series([4, 2, 3, 1.5])))
        #expect(try Self.value("train_loss + 0") == .number(1.5))
    }

    @Test func booleansAndStrings() throws {
        #expect(try Self.value("['fast'].loss < ['slow'].loss") == .bool(true))
        #expect(try Self.value("label == 'adam' and not (t > 60)") == .bool(true))
        #expect(try Self.value("label != \"adam\" or t >= 50") == .bool(true))
        #expect(try Self.value("label") == .string("adam"))
        // `or` does not evaluate its right side once the left is true.
        #expect(try Self.value("t == 50 or nothing > 1") == .bool(true))
    }

    @Test(arguments: [
        ("lossx", "column 1: unknown name 'lossx'"),
        ("accurcy + 1", "column 1: unknown name 'accurcy' (did you mean 'accuracy'?)"),
        ("1 / (t - 50)", "column 6: division by zero"),
        ("train_loss[5]", "column 12: index 5 is out of range 1...4"),
        ("train_loss[1.5]", "column 12: index 1.5 is out of range 1...4"),
        ("param + 1", "column 1: this is a vector of 3 values; pick one with [i]"),
        ("t[1]", "column 1: cannot index a number"),
        ("label + 1", "column 1: expected a number but this is a string"),
        ("t ? 1 : 2", "column 1: expected a comparison (true/false) but this is a number"),
        ("label == 3", "column 1: cannot compare a string with a number"),
        ("sqrt(-1)", "column 1: sqrt of a negative number"),
        ("log(0)", "column 1: log of a number that is not positive"),
        ("(-8) ^ 0.5", "column 2: negative number to a fractional power"),
        ("best(label)", "column 6: expected a series but this is a string"),
        ("['medium'].loss", "column 1: unknown run 'medium'"),
    ])
    func evaluationErrors(text: String, message: String) throws {
        let expression = try Expression.parse(text)
        do {
            let value = try expression.evaluate(using: FakeResults())
            Issue.record("evaluated to \(value)")
        } catch {
            #expect(error.description == message)
        }
    }

    @Test func variableResolverRejectsQualifiedReferences() throws {
        let expression = try Expression.parse("step / warmup + x.y")
        do {
            _ = try expression.evaluate(using: VariableResolver(["step": .number(1), "warmup": .number(2)]))
            Issue.record("evaluated")
        } catch {
            #expect(error.description == "column 17: 'x.y' cannot be used here; only plain names are available")
        }
    }

    @Test func formattingValues() {
        #expect(Value.number(3).formatted() == "3")
        #expect(Value.number(0.001).formatted() == "0.001")
        #expect(Value.vector([0.05, -0.03]).formatted(with: NumberFormat(style: .fixed, precision: 4)) == "[0.0500, -0.0300]")
        #expect(Value.series(Series([1, 2.5])).formatted() == "2.5")
        #expect(Value.bool(true).formatted() == "true")
    }
}
