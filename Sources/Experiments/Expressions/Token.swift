/// One lexical unit of an expression, with its Unicode-scalar offset.
struct Token: Sendable, Equatable {
    enum Kind: Sendable, Equatable {
        case number(Double)
        case string(String)
        case identifier(String)
        case symbol(String)
        /// `optimisers/optimisers#sgd-variants`: a block of another lesson, by the lesson's path under
        /// content/ (without `.md`) and the block's id.
        case lessonBlock(lesson: String, block: String)
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
        case .lessonBlock(let lesson, let block): return "'\(lesson)#\(block)'"
        case .end: return "the end of the expression"
        }
    }
}
