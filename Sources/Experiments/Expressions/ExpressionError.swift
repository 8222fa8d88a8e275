import Diagnostics

/// A problem in an expression, at a Unicode-scalar offset into the text it was parsed from.
public struct ExpressionError: Error, Sendable, Hashable, CustomStringConvertible {
    public var message: String
    /// 0-based Unicode-scalar offset (the column is `offset + 1` when the expression starts a line).
    public var offset: Int

    public init(_ message: String, at offset: Int) {
        self.message = message
        self.offset = offset
    }

    public var description: String { "column \(offset + 1): \(message)" }
}

/// A reference a resolver cannot satisfy; the evaluator adds the reference's position.
public struct ReferenceError: Error, Sendable, Hashable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) {
        self.message = message
    }

    /// "unknown name 'lx' (did you mean 'lr'?)".
    public static func unknownName(_ name: String, among known: [String]) -> ReferenceError {
        ReferenceError("unknown name '\(name)'" + DidYouMean.hint(for: name, among: known))
    }

    public var description: String { message }
}
