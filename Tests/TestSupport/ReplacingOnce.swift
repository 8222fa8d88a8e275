// Helpers shared by the test targets (a library target: test targets cannot import each other).
import Foundation
import Testing

extension String {
    /// The text with `old` replaced by `new`, failing the test unless `old` occurs exactly once: an edit that
    /// matched nothing would leave the input unchanged and let the test pass on the wrong text.
    public func replacingOnce(_ old: String, with new: String,
                              sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> String {
        let parts = components(separatedBy: old)
        try #require(parts.count == 2, "expected exactly one occurrence of \(old.debugDescription)", sourceLocation: sourceLocation)
        return parts.joined(separator: new)
    }
}
