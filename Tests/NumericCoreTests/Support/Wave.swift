import Foundation

/// The inputs scripts/reference/layer_fixtures.py feeds torch: f32(sin(0.37·i + k)·scale) over the
/// row-major index i (numpy's float64 sin and Foundation's are both glibc's).
func wave(count: Int, _ k: Double, scale: Double = 1) -> [Float] {
    (0..<count).map { Float(sin(Double($0) * 0.37 + k) * scale) }
}

extension Dictionary where Key == String, Value == Any {
    func int(_ key: String) throws -> Int {
        guard let n = self[key] as? NSNumber else { throw Fixture.Missing(description: "no integer at \(key)") }
        return n.intValue
    }
}
