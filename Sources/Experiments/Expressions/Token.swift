/// One lexical unit of an expression, with its Unicode-scalar offset.
struct Token: Sendable, Equatable {
    enum Kind: Sendable, Equatable {
        case number(Double)
        case string(String)
        case identifier(String)
        case symbol(String)
        case end
    }

    var kind: Kind
    var offset: Int

    /// How the token reads in an error message.
    var display: String {
        switch kind {
        case .number(let value): return "'\(value)'"
        case .string(let text): return "'\"\(text)\"'"
        case .identifier(let name): return "'\(name)'"
        case .symbol(let symbol): return "'\(symbol)'"
        case .end: return "the end of the expression"
        }
    }
}
