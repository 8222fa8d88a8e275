import Testing

/// Expects a sealed cache record (`CacheRecord`) to be refused by `read` (nil) when cut anywhere and when any one of
/// its bytes is changed (XOR `flip`): never a changed value, never a crash.
func expectEveryCutAndChangeRefused<Value>(_ bytes: [UInt8], flip: UInt8,
                                           sourceLocation: Testing.SourceLocation = #_sourceLocation,
                                           _ read: (UnsafeBufferPointer<UInt8>) -> Value?) {
    for end in 0..<bytes.count {
        #expect(Array(bytes[..<end]).withUnsafeBufferPointer(read) == nil, "cut at \(end)", sourceLocation: sourceLocation)
    }
    for at in bytes.indices {
        var damaged = bytes
        damaged[at] ^= flip
        #expect(damaged.withUnsafeBufferPointer(read) == nil, "byte \(at) changed", sourceLocation: sourceLocation)
    }
}
