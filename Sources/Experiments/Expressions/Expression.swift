/// A parsed expression (checks, table values, schedule columns, `lr_lambda`, inline references): a tree
/// whose every node keeps the Unicode-scalar offset where it starts in the source text.
public struct Expression: Sendable, Hashable, CustomStringConvertible {
    /// The kinds of node.
    public indirect enum Node: Sendable, Hashable {
        case number(Double)
        case string(String)
        /// A bare name: a variable (`t`, `step`, a constant), `label`, or a metric of the current row.
        case name(String)
        /// `block["run"].metric`, `["run"].metric`, `block.metric`, or any of them with a lesson path
        /// before the block (`optimisers/optimisers#block["run"].metric`).
        case reference(Reference)
        case negate(Expression)
        case not(Expression)
        case binary(BinaryOperator, Expression, Expression)
        case conditional(Expression, Expression, Expression)
        case call(Function, [Expression])
        /// `x[i]`: a 1-based position in a series (epoch, step) or a vector's component.
        case index(Expression, Index)
    }

    /// What goes between the brackets of `x[…]`.
    public enum Index: Sendable, Hashable {
        case final
        case position(Expression)
    }

    public var node: Node
    /// 0-based Unicode-scalar offset of the node's first character.
    public var offset: Int

    public init(_ node: Node, at offset: Int) {
        self.node = node
        self.offset = offset
    }

    /// Parses `text`; offsets (and error offsets) count from `base`, the text's offset in an enclosing text.
    public static func parse(_ text: String, base: Int = 0) throws(ExpressionError) -> Expression {
        var lexer = Lexer(text, base: base)
        var parser = ExpressionParser(tokens: try lexer.tokens())
        return try parser.parseAll()
    }

    /// Every name and reference in the expression, in source order, for checking names before running.
    public var references: [ReferenceUse] {
        var uses: [ReferenceUse] = []
        collectReferences(into: &uses)
        return uses
    }

    private func collectReferences(into uses: inout [ReferenceUse]) {
        switch node {
        case .number, .string: break
        case .name(let name): uses.append(ReferenceUse(reference: Reference(name: name), offset: offset))
        case .reference(let reference): uses.append(ReferenceUse(reference: reference, offset: offset))
        case .negate(let x), .not(let x): x.collectReferences(into: &uses)
        case .binary(_, let a, let b):
            a.collectReferences(into: &uses)
            b.collectReferences(into: &uses)
        case .conditional(let c, let a, let b):
            for x in [c, a, b] { x.collectReferences(into: &uses) }
        case .call(_, let arguments):
            for x in arguments { x.collectReferences(into: &uses) }
        case .index(let x, let index):
            x.collectReferences(into: &uses)
            if case .position(let i) = index { i.collectReferences(into: &uses) }
        }
    }

    /// A fully parenthesised rendering, for tests and debugging.
    public var description: String {
        switch node {
        case .number(let value): return value.rounded() == value && abs(value) < 1e15 ? String(Int(value)) : "\(value)"
        case .string(let text): return "\"\(text)\""
        case .name(let name): return name
        case .reference(let reference): return reference.description
        case .negate(let x): return "(-\(x))"
        case .not(let x): return "(not \(x))"
        case .binary(let op, let a, let b): return "(\(a) \(op.rawValue) \(b))"
        case .conditional(let c, let a, let b): return "(\(c) ? \(a) : \(b))"
        case .call(let f, let arguments): return "\(f.rawValue)(\(arguments.map(\.description).joined(separator: ", ")))"
        case .index(let x, .final): return "\(x)[final]"
        case .index(let x, .position(let i)): return "\(x)[\(i)]"
        }
    }
}

/// A binary operator, spelt as in expressions.
public enum BinaryOperator: String, Sendable, Hashable {
    case add = "+", subtract = "-", multiply = "*", divide = "/", power = "^"
    case less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">=", equal = "==", notEqual = "!="
    case and, or
}

/// A reference to a recorded value: a bare name, or a run and/or block qualified metric.
public struct Reference: Sendable, Hashable, CustomStringConvertible {
    /// Another lesson, by its path under content/ without `.md` (`optimisers/optimisers`), whose block
    /// `block` is meant; nil for a block of this page.
    public var lesson: String?
    /// Another block's id, or nil for the current block.
    public var block: String?
    /// A run label, or nil for the current row (or a block with a single row).
    public var run: String?
    /// The metric, recorded quantity, column, constant or variable name.
    public var name: String
    /// A sweep's point, `[lr=0.1]` or `[lr=0.1, momentum=0.9]`; empty for a block that is not a sweep.
    public var point: [SweepCoordinate] = []

    public init(lesson: String? = nil, block: String? = nil, run: String? = nil, name: String, point: [SweepCoordinate] = []) {
        self.lesson = lesson
        self.block = block
        self.run = run
        self.name = name
        self.point = point
    }

    public var description: String {
        let at = point.isEmpty ? "" : "[" + point.map(\.description).joined(separator: ", ") + "]"
        return (lesson.map { "\($0)#" } ?? "") + (block ?? "") + at + (run.map { "[\"\($0)\"]" } ?? "") + (block == nil && run == nil && point.isEmpty ? "" : ".") + name
    }
}

/// `lr=0.1` in a reference to a sweep's point: a swept option and one of its values.
public struct SweepCoordinate: Sendable, Hashable, CustomStringConvertible {
    public var option: String
    public var value: SweepValue

    public init(option: String, value: SweepValue) {
        self.option = option
        self.value = value
    }

    public var description: String { "\(option)=\(value.text)" }
}

/// One occurrence of a name or reference in an expression.
public struct ReferenceUse: Sendable, Hashable {
    public var reference: Reference
    public var offset: Int
}
