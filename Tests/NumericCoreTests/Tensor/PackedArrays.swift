import Foundation

/// Reads the `{dtype, shape, b64}` arrays written by scripts/reference/optim_fixtures.py (base64 of the
/// little-endian row-major bytes) — exact for every dtype.
extension Dictionary where Key == String, Value == Any {
    func packedFloats(_ key: String) throws -> [Float] {
        let bytes = try packedBytes(key, dtype: "f32")
        return stride(from: 0, to: bytes.count, by: 4).map { i in
            Float(bitPattern: UInt32(bytes[i]) | UInt32(bytes[i + 1]) << 8 | UInt32(bytes[i + 2]) << 16 | UInt32(bytes[i + 3]) << 24)
        }
    }

    func packedDoubles(_ key: String) throws -> [Double] {
        let bytes = try packedBytes(key, dtype: "f64")
        return stride(from: 0, to: bytes.count, by: 8).map { i in
            Double(bitPattern: (0..<8).reduce(UInt64(0)) { $0 | UInt64(bytes[i + $1]) << (8 * $1) })
        }
    }

    func packedInts(_ key: String) throws -> [Int] {
        let bytes = try packedBytes(key, dtype: "u16")
        return stride(from: 0, to: bytes.count, by: 2).map { Int(bytes[$0]) | Int(bytes[$0 + 1]) << 8 }
    }

    /// A float64 array stored either packed or as a plain JSON list.
    func doublesPackedOrPlain(_ key: String) throws -> [Double] {
        self[key] is [String: Any] ? try packedDoubles(key) : try doubles(key)
    }

    private func packedBytes(_ key: String, dtype: String) throws -> [UInt8] {
        let object = try self.object(key)
        guard object["dtype"] as? String == dtype, let text = object["b64"] as? String,
              let data = Data(base64Encoded: text) else {
            throw Fixture.Missing(description: "no packed \(dtype) array at \(key)")
        }
        return [UInt8](data)
    }
}

/// The packed array at position `index` of a JSON list (e.g. the `init` parameter list).
func packedFloats(in list: [Any], at index: Int) throws -> [Float] {
    guard let object = list[index] as? [String: Any] else { throw Fixture.Missing(description: "no packed array at [\(index)]") }
    return try ["item": object].packedFloats("item")
}

/// Bit patterns, so a failing `#expect` shows which element differs and by how many ulps.
func bits(_ values: [Float]) -> [UInt32] { values.map(\.bitPattern) }
func bits(_ values: [Double]) -> [UInt64] { values.map(\.bitPattern) }
