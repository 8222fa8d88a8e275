import Foundation

/// Tests/ExperimentsTests/Fixtures/lesson_outputs.json: every figure of the lesson's experiments from the
/// real PyTorch / numpy / scikit-learn (made by scripts/reference/experiment_fixtures.py). Numbers are repr
/// strings of binary64 values, read with `Double(String)`, which is exact (JSONSerialization on Linux is not).
struct LessonOutputs {
    struct Missing: Error, CustomStringConvertible {
        let description: String
    }

    let root: [String: Any]

    /// `name`: another fixture in the same form (`seed_runs`, from scripts/reference/seed_fixtures.py).
    static func load(_ name: String = "lesson_outputs") throws -> LessonOutputs {
        guard let url = Bundle.module.url(forResource: name, withExtension: "json", subdirectory: "Fixtures") else {
            throw Missing(description: "Fixtures/\(name).json is not in the test bundle")
        }
        guard let root = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any] else {
            throw Missing(description: "\(name).json is not a JSON object")
        }
        return LessonOutputs(root: root)
    }

    /// The object at a path of keys, e.g. `["sgd-variants", "runs", "SGD (lr=0.01)"]`.
    func object(_ path: [String]) throws -> [String: Any] {
        var current = root
        for key in path {
            guard let next = current[key] as? [String: Any] else {
                throw Missing(description: "no object at \(path.joined(separator: " › "))")
            }
            current = next
        }
        return current
    }

    /// Run labels of a block, sorted (a JSON object keeps no order).
    func runLabels(_ block: String) throws -> [String] {
        try object([block, "runs"]).keys.sorted()
    }

    static func number(_ value: Any?, _ what: String) throws -> Double {
        guard let text = value as? String, let number = Double(text) else {
            throw Missing(description: "\(what) is not a repr string")
        }
        return number
    }

    func number(_ path: [String], _ key: String) throws -> Double {
        try Self.number(try object(path)[key], (path + [key]).joined(separator: " › "))
    }

    func numbers(_ path: [String], _ key: String) throws -> [Double] {
        guard let list = try object(path)[key] as? [Any] else {
            throw Missing(description: "no list at \((path + [key]).joined(separator: " › "))")
        }
        return try list.map { try Self.number($0, key) }
    }

    /// A list of vectors (one per step).
    func vectors(_ path: [String], _ key: String) throws -> [[Double]] {
        guard let list = try object(path)[key] as? [[Any]] else {
            throw Missing(description: "no list of vectors at \((path + [key]).joined(separator: " › "))")
        }
        return try list.map { try $0.map { try Self.number($0, key) } }
    }

    func integer(_ path: [String], _ key: String) throws -> Int {
        guard let value = try object(path)[key] as? NSNumber else {
            throw Missing(description: "no integer at \((path + [key]).joined(separator: " › "))")
        }
        return value.intValue
    }
}

/// |a − b| / |b|, 0 when both are equal (also for two zeros).
func relativeDeviation(_ a: Double, _ b: Double) -> Double {
    a == b ? 0 : abs(a - b) / abs(b)
}
