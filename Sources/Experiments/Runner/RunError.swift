/// Why an experiment could not run; the stage attaches the block's location.
public struct RunError: Error, Sendable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
