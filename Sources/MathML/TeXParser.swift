import Escaping

/// A recursive-descent parser for TeX math that writes MathML markup as it reads.
struct TeXParser {
    /// Deepest nesting of groups and commands accepted before giving up with an error (no stack overflow).
    static let maxDepth = 200

    var source: TeXSource
    var depth = 0
    /// The math alphabet set by an enclosing `\mathbf{…}`-style command.
    var font: MathFont?
    /// How many `\left` are open, so `\middle` knows whether it is allowed.
    var leftDepth = 0

    init(_ tex: String) { source = TeXSource(tex) }

    /// Why a sequence of atoms stopped.
    enum Terminator: Equatable {
        case endOfInput
        case closeBrace(offset: Int)
        case right(offset: Int)
        case cellBreak(offset: Int)
        case rowBreak(offset: Int)
        case endEnvironment(name: String, offset: Int)
    }

    /// One parsed base (before its scripts), and what kind of thing it is.
    struct Atom {
        var markup: String
        var kind: Kind = .ordinary
    }

    enum Kind: Equatable {
        case ordinary
        case largeOperator(String, limits: Bool)
        case function(String, limits: Bool)
    }

    /// Parses the whole formula; returns the items of its top-level row.
    mutating func parseFormula() throws(TeXError) -> [String] {
        let (items, end) = try parseSequence()
        switch end {
        case .endOfInput: return items
        case .closeBrace(let offset): throw .unmatchedClosingBrace(at: offset)
        case .right(let offset): throw .unbalancedRight(at: offset)
        case .cellBreak(let offset): throw Self.misplaced("&", at: offset)
        case .rowBreak(let offset): throw Self.misplaced("\\\\", at: offset)
        case .endEnvironment(let name, let offset):
            throw TeXError("\\end{\(name)} without a matching \\begin{\(name)}", at: offset)
        }
    }

    /// Parses atoms (with their scripts) until a terminator, which is consumed and returned.
    mutating func parseSequence() throws(TeXError) -> (items: [String], end: Terminator) {
        try enter(at: source.offset)
        defer { leave() }
        var items: [String] = []
        while true {
            source.skipSpace()
            let start = source.offset
            guard let c = source.peek() else { return (items, .endOfInput) }
            if c == "}" {
                source.advance()
                return (items, .closeBrace(offset: start))
            }
            if c == "&" {
                source.advance()
                return (items, .cellBreak(offset: start))
            }
            if c == "\\", let name = source.peekCommand() {
                switch name {
                case "\\":
                    source.consumeCommand(name)
                    skipRowSpacing()
                    return (items, .rowBreak(offset: start))
                case "right":
                    source.consumeCommand(name)
                    return (items, .right(offset: start))
                case "end":
                    source.consumeCommand(name)
                    let env = try readEnvironmentName(command: "\\end", at: start)
                    return (items, .endEnvironment(name: env, offset: start))
                case "displaystyle", "textstyle":
                    source.consumeCommand(name)
                    let (rest, end) = try parseSequence()
                    items.append("<mstyle displaystyle=\"\(name == "displaystyle")\">\(rest.joined())</mstyle>")
                    return (items, end)
                case "limits", "nolimits":
                    source.consumeCommand(name)
                    continue
                default: break
                }
            }
            let atom = try parseAtom()
            items.append(try parseScripts(atom))
            if case .function(_, limits: false) = atom.kind { items.append(functionApplication()) }
        }
    }

    /// Parses one base: a group, a command, a number, a letter or a single symbol.
    mutating func parseAtom(single: Bool = false) throws(TeXError) -> Atom {
        source.skipSpace()
        let start = source.offset
        guard let c = source.peek() else { throw TeXError("expected something here", at: start) }
        switch c {
        case "{": return Atom(markup: try parseGroup())
        case "\\": return try parseCommand()
        case "^", "_", "'": return Atom(markup: "<mrow></mrow>")  // scripts on an empty base, as in TeX
        case "#": throw TeXError("unexpected # (macro parameters are not supported)", at: start)
        case "$": throw TeXError("unexpected $ inside math", at: start)
        case "~":
            source.advance()
            return Atom(markup: "<mspace width=\"0.25em\"/>")
        default: break
        }
        if c.isASCIIDigit || (c == "." && source.peek(1)?.isASCIIDigit == true) {
            return Atom(markup: "<mn>\(readNumber(single: single))</mn>")
        }
        if c.isASCIILetter { return Atom(markup: readLetters(single: single)) }
        source.advance()
        if TeXSymbols.plainFences.contains(c) {
            return Atom(markup: "<mo stretchy=\"false\">\(HTMLEscape.escape(String(c)))</mo>")
        }
        if let op = TeXSymbols.plainOperators[c] { return Atom(markup: "<mo>\(HTMLEscape.escape(op))</mo>") }
        if c.value < 0x20 || (0x7F...0x9F).contains(c.value) {
            throw TeXError("unexpected control character U+\(String(c.value, radix: 16, uppercase: true))", at: start)
        }
        let text = HTMLEscape.escape(String(c))
        if c.properties.isAlphabetic { return Atom(markup: "<mi>\(text)</mi>") }
        if c.properties.numericType != nil { return Atom(markup: "<mn>\(text)</mn>") }
        return Atom(markup: "<mo>\(text)</mo>")
    }

    /// Parses `{…}` into one element (an `<mrow>` unless it holds exactly one item).
    mutating func parseGroup() throws(TeXError) -> String {
        let open = source.offset
        source.advance()
        let (items, end) = try parseSequence()
        switch end {
        case .closeBrace: return Self.row(items)
        case .endOfInput, .endEnvironment: throw .missingClosingBrace(at: open)
        case .right(let offset): throw .unbalancedRight(at: offset)
        case .cellBreak(let offset): throw Self.misplaced("&", at: offset)
        case .rowBreak(let offset): throw Self.misplaced("\\\\", at: offset)
        }
    }

    /// Parses one argument of `command` (which started at `commandOffset`): a group or a single token.
    mutating func parseArgument(of command: String, at commandOffset: Int) throws(TeXError) -> String {
        source.skipSpace()
        guard let c = source.peek() else { throw .missingArgument(for: command, at: commandOffset) }
        switch c {
        case "}", "&", "^", "_", "'": throw .missingArgument(for: command, at: commandOffset)
        case "\\":
            let name = source.peekCommand()
            if name == nil || name == "right" || name == "end" || name == "\\" {
                throw .missingArgument(for: command, at: commandOffset)
            }
        default: break
        }
        return try parseAtom(single: true).markup
    }

    /// Parses `_`, `^` and primes after a base and wraps the base in the matching script element.
    mutating func parseScripts(_ atom: Atom) throws(TeXError) -> String {
        var sub: String?
        var sup: [String] = []
        var hasExplicitSup = false
        while true {
            source.skipSpace()
            let at = source.offset
            if let name = source.peekCommand(), name == "limits" || name == "nolimits" {
                source.consumeCommand(name)
                continue
            }
            guard let c = source.peek() else { break }
            if c == "_" {
                if sub != nil { throw TeXError("double subscript; use braces, e.g. x_{a_b}", at: at) }
                source.advance()
                sub = try parseArgument(of: "_", at: at)
            } else if c == "^" {
                if hasExplicitSup { throw TeXError("double superscript; use braces, e.g. x^{a^b}", at: at) }
                source.advance()
                sup.append(try parseArgument(of: "^", at: at))
                hasExplicitSup = true
            } else if c == "'" {
                if !sup.isEmpty { throw TeXError("double superscript; put primes before ^", at: at) }
                var count = 0
                while source.peek() == "'" { count += 1; source.advance() }
                sup.append("<mo>\(Self.primes(count))</mo>")
            } else {
                break
            }
        }
        if sub == nil && sup.isEmpty { return atom.markup }
        var base = atom.markup
        var limits = false
        switch atom.kind {
        case .largeOperator(_, let l): limits = l
        case .function(let name, let l) where l:
            limits = true
            base = "<mo movablelimits=\"true\" form=\"prefix\">\(HTMLEscape.escape(name))</mo>"
        default: break
        }
        let supMarkup = sup.isEmpty ? nil : Self.row(sup)
        switch (sub, supMarkup) {
        case let (sub?, sup?):
            let tag = limits ? "munderover" : "msubsup"
            return "<\(tag)>\(base)\(sub)\(sup)</\(tag)>"
        case let (sub?, nil):
            let tag = limits ? "munder" : "msub"
            return "<\(tag)>\(base)\(sub)</\(tag)>"
        case let (nil, sup?):
            let tag = limits ? "mover" : "msup"
            return "<\(tag)>\(base)\(sup)</\(tag)>"
        case (nil, nil):
            return base
        }
    }

    mutating func enter(at offset: Int) throws(TeXError) {
        depth += 1
        if depth > Self.maxDepth { throw .tooDeep(limit: Self.maxDepth, at: offset) }
    }

    mutating func leave() { depth -= 1 }

    /// One element for a list of items: the item itself, or an `<mrow>` around several (or none).
    static func row(_ items: [String]) -> String {
        items.count == 1 ? items[0] : "<mrow>\(items.joined())</mrow>"
    }

    static func misplaced(_ what: String, at offset: Int) -> TeXError {
        TeXError("\(what) is only allowed directly inside an environment such as \\begin{aligned}", at: offset)
    }

    static func primes(_ count: Int) -> String {
        switch count {
        case 1: "′"
        case 2: "″"
        case 3: "‴"
        case 4: "⁗"
        default: String(repeating: "′", count: count)
        }
    }
}
