import Escaping

/// A recursive-descent parser for TeX math that writes MathML markup as it reads, into one buffer.
struct TeXParser {
    /// Deepest nesting of groups and commands accepted before giving up with an error (no stack overflow).
    static let maxDepth = 200

    var source: TeXSource
    /// The MathML written so far; each parse function appends the element it read.
    var markup: MarkupBuffer
    var depth = 0
    /// The math alphabet set by an enclosing `\mathbf{…}`-style command.
    var font: MathFont?
    /// How many `\left` are open, so `\middle` knows whether it is allowed.
    var leftDepth = 0

    init(_ tex: String) {
        source = TeXSource(tex)
        // The courses' formulas make about 15 bytes of MathML (wrapper included) a byte of TeX.
        markup = MarkupBuffer(reservingCapacity: 16 * source.bytes.count + 256)
    }

    /// Why a sequence of atoms stopped.
    enum Terminator: Equatable {
        case endOfInput
        case closeBrace(offset: Int)
        case right(offset: Int)
        case cellBreak(offset: Int)
        case rowBreak(offset: Int)
        case endEnvironment(name: String, offset: Int)
    }

    /// What kind of thing one parsed base (before its scripts) is; its markup is already written.
    struct Atom {
        var kind: Kind = .ordinary
    }

    enum Kind: Equatable, Sendable {
        case ordinary
        case largeOperator(limits: Bool)
        case function(String, limits: Bool)
    }

    /// Parses the whole formula, writing the items of its top-level row; returns how many there are.
    mutating func parseFormula() throws(TeXError) -> Int {
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

    /// Parses atoms (with their scripts) until a terminator, which is consumed and returned; writes the items
    /// one after the other and returns how many there are.
    mutating func parseSequence() throws(TeXError) -> (items: Int, end: Terminator) {
        try enter(at: source.offset)
        defer { leave() }
        var items = 0
        while true {
            source.skipSpace()
            let start = source.offset
            guard let c = source.peekByte() else { return (items, .endOfInput) }
            if c == UInt8(ascii: "}") {
                source.advance()
                return (items, .closeBrace(offset: start))
            }
            if c == UInt8(ascii: "&") {
                source.advance()
                return (items, .cellBreak(offset: start))
            }
            let atomStart = markup.count
            let atom: Atom
            if c == UInt8(ascii: "\\"), let name = source.peekCommand() {
                let command = TeXCommand.lookup(name)
                switch command {
                case .rowBreak?:
                    source.consume(name)
                    skipRowSpacing()
                    return (items, .rowBreak(offset: start))
                case .right?:
                    source.consume(name)
                    return (items, .right(offset: start))
                case .end?:
                    source.consume(name)
                    let env = try readEnvironmentName(command: "\\end", at: start)
                    return (items, .endEnvironment(name: env, offset: start))
                case .style(let displaystyle)?:
                    source.consume(name)
                    markup.append(displaystyle ? "<mstyle displaystyle=\"true\">" : "<mstyle displaystyle=\"false\">")
                    let (_, end) = try parseSequence()
                    markup.append("</mstyle>")
                    return (items + 1, end)
                case .limits?:
                    source.consume(name)
                    continue
                default:
                    atom = try parseCommand(name, command)
                }
            } else {
                atom = try parseAtom()
            }
            try parseScripts(atom, from: atomStart)
            items += 1
            if case .function(_, limits: false) = atom.kind {
                appendFunctionApplication()
                items += 1
            }
        }
    }

    /// Parses one base: a group, a command, a number, a letter or a single symbol.
    mutating func parseAtom(single: Bool = false) throws(TeXError) -> Atom {
        source.skipSpace()
        let start = source.offset
        guard let c = source.peekByte() else { throw TeXError("expected something here", at: start) }
        switch c {
        case UInt8(ascii: "{"):
            try parseGroup()
            return Atom()
        case UInt8(ascii: "\\"): return try parseCommand()
        case UInt8(ascii: "^"), UInt8(ascii: "_"), UInt8(ascii: "'"):
            markup.append("<mrow></mrow>")  // scripts on an empty base, as in TeX
            return Atom()
        case UInt8(ascii: "#"): throw TeXError("unexpected # (macro parameters are not supported)", at: start)
        case UInt8(ascii: "$"): throw TeXError("unexpected $ inside math", at: start)
        case UInt8(ascii: "~"):
            source.advance()
            markup.append("<mspace width=\"0.25em\"/>")
            return Atom()
        default: break
        }
        if c.isASCIIDigit || (c == UInt8(ascii: ".") && source.peekByte(1)?.isASCIIDigit == true) {
            markup.append("<mn>")
            appendNumber(single: single)
            markup.append("</mn>")
            return Atom()
        }
        if c.isASCIILetter {
            appendLetters(single: single)
            return Atom()
        }
        if let plain = TeXSymbols.plainMarkup(c) {
            source.advance()
            markup.append(plain)
            return Atom()
        }
        let scalar = source.peek()!
        source.advance()
        if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) {
            throw TeXError("unexpected control character U+\(String(scalar.value, radix: 16, uppercase: true))", at: start)
        }
        let tag: StaticString = scalar.properties.isAlphabetic ? "mi" : scalar.properties.numericType != nil ? "mn" : "mo"
        markup.append("<")
        markup.append(tag)
        markup.append(">")
        markup.appendEscaped(scalar)
        markup.append("</")
        markup.append(tag)
        markup.append(">")
        return Atom()
    }

    /// Parses `{…}` into one element (an `<mrow>` unless it holds exactly one item).
    mutating func parseGroup() throws(TeXError) {
        let open = source.offset
        source.advance()
        let start = markup.count
        let (items, end) = try parseSequence()
        switch end {
        case .closeBrace: markup.wrapRow(from: start, items: items)
        case .endOfInput, .endEnvironment: throw .missingClosingBrace(at: open)
        case .right(let offset): throw .unbalancedRight(at: offset)
        case .cellBreak(let offset): throw Self.misplaced("&", at: offset)
        case .rowBreak(let offset): throw Self.misplaced("\\\\", at: offset)
        }
    }

    /// Parses one argument of the command (or `_`, `^`) at `commandOffset`: a group or a single token.
    mutating func parseArgument(at commandOffset: Int) throws(TeXError) {
        source.skipSpace()
        var missing = false
        switch source.peekByte() {
        case nil, UInt8(ascii: "}"), UInt8(ascii: "&"), UInt8(ascii: "^"), UInt8(ascii: "_"), UInt8(ascii: "'"):
            missing = true
        case UInt8(ascii: "\\"):
            guard let name = source.peekCommand() else { missing = true; break }
            let command = TeXCommand.lookup(name)
            switch command {
            case .right?, .end?, .rowBreak?: missing = true
            default:
                _ = try parseCommand(name, command)
                return
            }
        default: break
        }
        if missing { throw .missingArgument(for: source.commandText(at: commandOffset), at: commandOffset) }
        _ = try parseAtom(single: true)
    }

    /// Parses `_`, `^` and primes after a base (written from `baseStart`) and wraps the base in the matching
    /// script element.
    mutating func parseScripts(_ atom: Atom, from baseStart: Int) throws(TeXError) {
        let baseEnd = markup.count
        // Where each script's markup went: TeX lets the subscript come first or last, MathML wants it first.
        var sub: Range<Int>?
        var primes: Range<Int>?
        var sup: Range<Int>?
        while true {
            source.skipSpace()
            let at = source.offset
            if source.next(is: "\\"), let name = source.peekCommand(), case .limits? = TeXCommand.lookup(name) {
                source.consume(name)
                continue
            }
            guard let c = source.peekByte() else { break }
            let scriptStart = markup.count
            if c == UInt8(ascii: "_") {
                if sub != nil { throw TeXError("double subscript; use braces, e.g. x_{a_b}", at: at) }
                source.advance()
                try parseArgument(at: at)
                sub = scriptStart..<markup.count
            } else if c == UInt8(ascii: "^") {
                if sup != nil { throw TeXError("double superscript; use braces, e.g. x^{a^b}", at: at) }
                source.advance()
                try parseArgument(at: at)
                sup = scriptStart..<markup.count
            } else if c == UInt8(ascii: "'") {
                if primes != nil || sup != nil { throw TeXError("double superscript; put primes before ^", at: at) }
                var count = 0
                while source.next(is: "'") { count += 1; source.advance() }
                markup.append("<mo>")
                appendPrimes(count)
                markup.append("</mo>")
                primes = scriptStart..<markup.count
            } else {
                break
            }
        }
        if sub == nil && primes == nil && sup == nil { return }
        // The superscript is the primes, the ^ argument, or a row of both (the primes came first).
        let supStart = min(primes?.lowerBound ?? Int.max, sup?.lowerBound ?? Int.max)
        if let sub, sub.lowerBound > supStart {
            markup.move(sub, to: supStart)  // now the subscript, then the superscript's parts in their order
        }
        if let primes, let sup {
            markup.wrap(from: markup.count - (primes.count + sup.count), "<mrow>", "</mrow>")
        }
        var limits = false
        switch atom.kind {
        case .largeOperator(let l): limits = l
        case .function(let name, let l) where l:
            limits = true
            markup.replaceSubrange(
                baseStart..<baseEnd, with: "<mo movablelimits=\"true\" form=\"prefix\">\(HTMLEscape.escape(name))</mo>")
        default: break
        }
        let hasSup = primes != nil || sup != nil
        switch (sub != nil, hasSup, limits) {
        case (true, true, true): markup.wrap(from: baseStart, "<munderover>", "</munderover>")
        case (true, true, false): markup.wrap(from: baseStart, "<msubsup>", "</msubsup>")
        case (true, false, true): markup.wrap(from: baseStart, "<munder>", "</munder>")
        case (true, false, false): markup.wrap(from: baseStart, "<msub>", "</msub>")
        case (false, _, true): markup.wrap(from: baseStart, "<mover>", "</mover>")
        case (false, _, false): markup.wrap(from: baseStart, "<msup>", "</msup>")
        }
    }

    mutating func enter(at offset: Int) throws(TeXError) {
        depth += 1
        if depth > Self.maxDepth { throw .tooDeep(limit: Self.maxDepth, at: offset) }
    }

    mutating func leave() { depth -= 1 }

    static func misplaced(_ what: String, at offset: Int) -> TeXError {
        TeXError("\(what) is only allowed directly inside an environment such as \\begin{aligned}", at: offset)
    }

    mutating func appendPrimes(_ count: Int) {
        switch count {
        case 1: markup.append("′")
        case 2: markup.append("″")
        case 3: markup.append("‴")
        case 4: markup.append("⁗")
        default: for _ in 0..<count { markup.append("′") }
        }
    }
}
