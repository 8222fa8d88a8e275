/// A problem in a TeX formula, with the UTF-8 byte offset into the formula where it was found.
public struct TeXError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong, phrased for a lesson author (e.g. `unknown command \fracc (did you mean \frac?)`).
    public let message: String
    /// UTF-8 byte offset into the TeX source (0-based) of the construct at fault.
    public let offset: Int

    public init(_ message: String, at offset: Int) {
        self.message = message
        self.offset = offset
    }

    public var description: String { "\(message) (at offset \(offset))" }
}

extension TeXError {
    static func unknownCommand(_ name: String, suggestion: String?, at offset: Int) -> TeXError {
        if let suggestion {
            return TeXError("unknown command \\\(name) (did you mean \\\(suggestion)?)", at: offset)
        }
        return TeXError("unknown command \\\(name)", at: offset)
    }

    static func missingClosingBrace(at offset: Int) -> TeXError {
        TeXError("missing closing brace for the { opened here", at: offset)
    }

    static func unmatchedClosingBrace(at offset: Int) -> TeXError {
        TeXError("unmatched closing brace }", at: offset)
    }

    static func unbalancedLeft(at offset: Int) -> TeXError {
        TeXError("unbalanced \\left: no matching \\right", at: offset)
    }

    static func unbalancedRight(at offset: Int) -> TeXError {
        TeXError("unbalanced \\right: no matching \\left", at: offset)
    }

    static func missingArgument(for command: String, at offset: Int) -> TeXError {
        TeXError("\(command) is missing an argument", at: offset)
    }

    static func tooDeep(limit: Int, at offset: Int) -> TeXError {
        TeXError("formula nests deeper than \(limit) levels", at: offset)
    }
}
