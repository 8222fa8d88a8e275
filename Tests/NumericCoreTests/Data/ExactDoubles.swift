/// Exact float64 fixture values: the data_*.json fixtures store binary64 numbers as strings holding Python's
/// `repr`, because JSONSerialization on Linux does not round every decimal to the nearest double;
/// `Double(String)` does.
extension Dictionary where Key == String, Value == Any {
    func exactDoubles(_ key: String) throws -> [Double] {
        guard let strings = self[key] as? [String] else { throw Fixture.Missing(description: "no string array at \(key)") }
        return try strings.map { try Self.exact($0, key) }
    }

    func exactDouble(_ key: String) throws -> Double {
        guard let string = self[key] as? String else { throw Fixture.Missing(description: "no string at \(key)") }
        return try Self.exact(string, key)
    }

    private static func exact(_ string: String, _ key: String) throws -> Double {
        guard let value = Double(string) else { throw Fixture.Missing(description: "\(string) in \(key) is not a number") }
        return value
    }
}
