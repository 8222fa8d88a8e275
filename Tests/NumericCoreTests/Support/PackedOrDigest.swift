extension Dictionary where Key == String, Value == Any {
    /// Whether `values` are bit for bit the fixture's `key`: its packed float32 array, or, for an array the script
    /// stored as a digest, its `key_fnv1a64`.
    func matches(_ values: [Float], _ key: String) throws -> Bool {
        if let digest = self[key + "_fnv1a64"] as? String { return FixtureDigest.hex(values) == digest }
        return bits(values) == bits(try packedFloats(key))
    }
}
