import Foundation

/// Reads a JSON fixture from `Tests/NumericCoreTests/Fixtures/`. Fixtures are made by scripts in
/// `scripts/reference/` that run the real numpy, scikit-learn and PyTorch; the tests never need Python.
///
/// Number conventions (see each fixture's `what`/`how` keys): float32 values are written as the exact
/// binary64 value of the float32, so `Float(double)` recovers them bit for bit. Foundation's
/// `JSONSerialization` on Linux can misread a binary64 number by an ulp or two, so fixtures compared
/// bitwise in binary64 store those values as repr strings (`ExactDoubles.swift`) or packed base64
/// (`PackedArrays.swift`) instead of JSON numbers.
enum Fixture {
    struct Missing: Error, CustomStringConvertible {
        let description: String
    }

    static func url(_ name: String) throws -> URL {
        guard let url = Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Fixtures") else {
            throw Missing(description: "fixture \(name) not found in Tests/NumericCoreTests/Fixtures")
        }
        return url
    }

    /// The whole fixture as a JSON object.
    static func load(_ name: String) throws -> [String: Any] {
        let data = try Data(contentsOf: url(name))
        guard let object = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw Missing(description: "fixture \(name) is not a JSON object")
        }
        return object
    }

    /// Case `index` of the fixture's `cases` list, which must hold exactly `count` cases (so a fixture that
    /// shrank or grew fails instead of silently testing fewer).
    static func testCase(_ name: String, _ index: Int, of count: Int) throws -> [String: Any] {
        guard let cases = try load(name)["cases"] as? [[String: Any]], cases.count == count else {
            throw Missing(description: "fixture \(name) does not hold \(count) cases")
        }
        return cases[index]
    }
}

extension Dictionary where Key == String, Value == Any {
    /// `self[key]` as a nested object, or a thrown error naming the key.
    func object(_ key: String) throws -> [String: Any] {
        guard let value = self[key] as? [String: Any] else { throw Fixture.Missing(description: "no object at \(key)") }
        return value
    }

    func doubles(_ key: String) throws -> [Double] {
        guard let value = self[key] as? [Any] else { throw Fixture.Missing(description: "no array at \(key)") }
        return try value.map { try Self.number($0, key) }
    }

    func floats(_ key: String) throws -> [Float] { try doubles(key).map { Float($0) } }

    func double(_ key: String) throws -> Double { try Self.number(self[key] as Any, key) }

    func ints(_ key: String) throws -> [Int] {
        guard let value = self[key] as? [Any] else { throw Fixture.Missing(description: "no array at \(key)") }
        return try value.map {
            guard let n = $0 as? NSNumber else { throw Fixture.Missing(description: "non-integer in \(key)") }
            return n.intValue
        }
    }

    /// A JSON array of arrays of numbers.
    func matrix(_ key: String) throws -> [[Double]] {
        guard let rows = self[key] as? [[Any]] else { throw Fixture.Missing(description: "no matrix at \(key)") }
        return try rows.map { try $0.map { try Self.number($0, key) } }
    }

    private static func number(_ value: Any, _ key: String) throws -> Double {
        guard let n = value as? NSNumber else { throw Fixture.Missing(description: "non-number in \(key)") }
        return n.doubleValue
    }
}
