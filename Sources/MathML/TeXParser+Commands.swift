import Escaping
import Hashing

extension TeXParser {
    /// Commands with arguments or special syntax, beyond the plain symbols of `TeXSymbols`.
    static let structuralCommands: [String] = [
        "frac", "dfrac", "tfrac", "cfrac", "binom", "dbinom", "tbinom", "sqrt", "text", "textrm", "mbox",
        "textup", "textnormal", "textbf", "textit", "operatorname", "left", "right", "middle", "begin", "end",
        "overset", "underset", "stackrel", "displaystyle", "textstyle", "limits", "nolimits", "underline",
    ] + Array(accents.keys) + Array(MathFont.commands.keys) + Array(delimiterSizes.keys)

    /// Accent commands: the mark placed over the argument, and whether it stretches to the argument's width.
    static let accents: [String: (mark: String, stretchy: Bool)] = [
        "hat": ("^", false), "widehat": ("^", true), "bar": ("¯", false), "overline": ("‾", true),
        "tilde": ("~", false), "widetilde": ("~", true), "dot": ("˙", false), "ddot": ("¨", false),
        "vec": ("→", false), "overrightarrow": ("→", true), "overleftarrow": ("←", true),
        "check": ("ˇ", false), "breve": ("˘", false), "acute": ("´", false), "grave": ("`", false),
    ]

    /// `\big(` and friends: fixed delimiter heights.
    static let delimiterSizes: [String: String] = [
        "big": "1.2em", "bigl": "1.2em", "bigr": "1.2em", "bigm": "1.2em",
        "Big": "1.623em", "Bigl": "1.623em", "Bigr": "1.623em", "Bigm": "1.623em",
        "bigg": "2.047em", "biggl": "2.047em", "biggr": "2.047em", "biggm": "2.047em",
        "Bigg": "2.470em", "Biggl": "2.470em", "Biggr": "2.470em", "Biggm": "2.470em",
    ]

    /// Parses a command at the cursor (the cursor is on its backslash).
    mutating func parseCommand() throws(TeXError) -> Atom {
        guard let name = source.peekCommand() else {
            throw TeXError("lone backslash at the end of the formula", at: source.offset)
        }
        return try parseCommand(name, TeXCommand.lookup(name))
    }

    /// Parses the command at the cursor, whose name and meaning the caller has looked up.
    mutating func parseCommand(_ name: CommandName, _ command: TeXCommand?) throws(TeXError) -> Atom {
        let start = source.offset
        source.consume(name)
        if case let .symbol(symbol, kind)? = command {
            markup.append(symbol)
            return Atom(kind: kind)
        }
        try enter(at: start)
        defer { leave() }
        switch command {
        case .fraction(let displaystyle)?:
            if let displaystyle {
                markup.append(displaystyle ? "<mstyle displaystyle=\"true\">" : "<mstyle displaystyle=\"false\">")
            }
            markup.append("<mfrac>")
            try parseArgument(at: start)  // numerator
            try parseArgument(at: start)  // denominator
            markup.append(displaystyle == nil ? "</mfrac>" : "</mfrac></mstyle>")
        case .binomial?:
            markup.append("<mrow><mo fence=\"true\" form=\"prefix\" stretchy=\"true\">(</mo><mfrac linethickness=\"0\">")
            try parseArgument(at: start)
            try parseArgument(at: start)
            markup.append("</mfrac><mo fence=\"true\" form=\"postfix\" stretchy=\"true\">)</mo></mrow>")
        case .squareRoot?:
            let rootStart = markup.count
            let hasIndex = try parseRootIndex(at: start)
            let radicandStart = markup.count
            try parseArgument(at: start)
            if hasIndex {
                markup.move(radicandStart..<markup.count, to: rootStart)  // MathML: the radicand, then the index
                markup.wrap(from: rootStart, "<mroot>", "</mroot>")
            } else {
                markup.wrap(from: rootStart, "<msqrt>", "</msqrt>")
            }
        case .stacked(let under)?:
            let scriptStart = markup.count
            try parseArgument(at: start)  // the script comes first in TeX, the base first in MathML
            let baseStart = markup.count
            try parseArgument(at: start)
            markup.move(baseStart..<markup.count, to: scriptStart)
            if under { markup.wrap(from: scriptStart, "<munder>", "</munder>") } else { markup.wrap(from: scriptStart, "<mover>", "</mover>") }
        case .underline?:
            markup.append("<munder accentunder=\"true\">")
            try parseArgument(at: start)
            markup.append("<mo stretchy=\"true\">_</mo></munder>")
        case .text(let textFont)?:
            var text = try readText(at: start)
            if let textFont { text = Self.mapped(text, textFont) }
            markup.append("<mtext>")
            markup.appendEscaped(Self.protectingEdgeSpaces(text))
            markup.append("</mtext>")
        case .operatorName?:
            let limits = source.next(is: "*")
            if limits { source.advance() }
            let text = try readText(at: start)
            markup.append(text.unicodeScalars.count == 1 ? "<mi mathvariant=\"normal\">" : "<mi>")
            markup.appendEscaped(text)
            markup.append("</mi>")
            return Atom(kind: .function(text, limits: limits))
        case .left?: try parseLeftRight(at: start)
        case .middle?:
            guard leftDepth > 0 else { throw TeXError("\\middle is only allowed between \\left and \\right", at: start) }
            let delimiter = try parseDelimiter(at: start)
            if !delimiter.isEmpty { appendFence(delimiter, form: "infix") }
        case .begin?: try parseEnvironment(at: start)
        case .accent(let closing)?:
            markup.append("<mover accent=\"true\">")
            try parseArgument(at: start)
            markup.append(closing)
        case .font(let newFont)?:
            let saved = font
            font = newFont
            defer { font = saved }
            try parseArgument(at: start)
        case .delimiterSize(let opening)?:
            let delimiter = try parseDelimiter(at: start)
            if !delimiter.isEmpty {
                markup.append(opening)
                markup.append(delimiter)
                markup.append("</mo>")
            }
        case .right?, .end?, .style?, .limits?:
            throw TeXError("\\\(source.string(name)) cannot be used here", at: start)  // e.g. \frac\limits
        case .symbol?, .rowBreak?, nil:
            let name = source.string(name)
            let known = TeXSymbols.allNames + Self.structuralCommands
            let suggestion = CommandSuggestion.closest(to: name, among: known)
            throw .unknownCommand(name, suggestion: suggestion, at: start)
        }
        return Atom()
    }

    /// Reads `{name}` after `\begin` or `\end`.
    mutating func readEnvironmentName(command: String, at start: Int) throws(TeXError) -> String {
        source.skipSpace()
        guard source.next(is: "{") else {
            throw TeXError("\(command) needs an environment name in braces, e.g. \(command){aligned}", at: start)
        }
        source.advance()
        let nameStart = source.index
        while let c = source.peekByte(), c.isASCIILetter || c == UInt8(ascii: "*") { source.advance() }
        let name = String(decoding: source.bytes[nameStart..<source.index], as: UTF8.self)
        guard source.next(is: "}") else {
            throw TeXError("\(command){…} needs a name of letters followed by }", at: start)
        }
        source.advance()
        return name
    }
}

private extension TeXParser {
    /// A delimiter that grows with its content, as after `\left` and `\right` (`text` is already escaped).
    mutating func appendFence(_ text: [UInt8], form: StaticString) {
        markup.append("<mo fence=\"true\" form=\"")
        markup.append(form)
        markup.append("\" stretchy=\"true\">")
        markup.append(text)
        markup.append("</mo>")
    }

    /// Parses `\left⟨delim⟩ … \right⟨delim⟩` into a row whose fences stretch over the content.
    mutating func parseLeftRight(at start: Int) throws(TeXError) {
        let open = try parseDelimiter(at: start)
        leftDepth += 1
        defer { leftDepth -= 1 }
        markup.append("<mrow>")
        if !open.isEmpty { appendFence(open, form: "prefix") }
        let (_, end) = try parseSequence()
        guard case .right(let rightOffset) = end else { throw .unbalancedLeft(at: start) }
        let close = try parseDelimiter(at: rightOffset)
        if !close.isEmpty { appendFence(close, form: "postfix") }
        markup.append("</mrow>")
    }

    /// Reads the delimiter after the `\left`, `\right`, `\middle` or `\big` at `start`, escaped; `.` (no
    /// delimiter) gives none.
    mutating func parseDelimiter(at start: Int) throws(TeXError) -> [UInt8] {
        source.skipSpace()
        if let c = source.peekByte(), c < 0x80, let text = Self.plainDelimiters[Int(c)] {
            source.advance()
            return text
        }
        if let name = source.peekCommand(), let text = Self.namedDelimiters[name] {
            source.consume(name)
            return text
        }
        let command = source.commandText(at: start)
        throw TeXError("\(command) must be followed by a delimiter such as ( [ \\{ | or .", at: start)
    }

    /// Delimiters typed as themselves after `\left` and friends, by ASCII code, escaped; `.` is none.
    static let plainDelimiters: [[UInt8]?] = {
        let delimiters: [Unicode.Scalar: String] = [
            "(": "(", ")": ")", "[": "[", "]": "]", "|": "|", "/": "/", ".": "", "<": "⟨", ">": "⟩",
        ]
        var table = [[UInt8]?](repeating: nil, count: 128)
        for (c, text) in delimiters { table[Int(c.value)] = Array(HTMLEscape.escape(text).utf8) }
        return table
    }()

    /// Delimiters named by a command after `\left` and friends, escaped: the fences, and arrows (which are
    /// no fences elsewhere).
    static let namedDelimiters = PackedNameTable<[UInt8]>(named:
        (TeXSymbols.fences.map { ($0.key, $0.value) } + arrowDelimiters.map { ($0.key, $0.value) })
            .map { (name: $0.0, value: Array(HTMLEscape.escape($0.1).utf8)) }
    )

    static let arrowDelimiters: [String: String] = ["uparrow": "↑", "downarrow": "↓", "Uparrow": "⇑", "Downarrow": "⇓"]

    /// Parses the optional `[n]` of `\sqrt[n]{x}`, reading up to the `]` outside any braces; writes the index
    /// and says whether there was one.
    mutating func parseRootIndex(at start: Int) throws(TeXError) -> Bool {
        source.skipSpace()
        guard source.next(is: "[") else { return false }
        var i = 1
        var braces = 0
        while let c = source.peekByte(i) {
            if c == UInt8(ascii: "{") {
                braces += 1
            } else if c == UInt8(ascii: "}") {
                braces -= 1
            } else if c == UInt8(ascii: "]"), braces == 0 {
                break
            }
            if braces < 0 { throw .unmatchedClosingBrace(at: source.index + i) }
            i += 1
        }
        guard source.peekByte(i) == UInt8(ascii: "]") else { throw TeXError("\\sqrt[ has no closing ]", at: start) }
        let savedEnd = source.end
        source.advance()
        source.end = source.index + i - 1
        let indexStart = markup.count
        let (items, end) = try parseSequence()
        source.end = savedEnd
        switch end {
        case .endOfInput: break
        case .closeBrace(let offset): throw .unmatchedClosingBrace(at: offset)
        case .right(let offset): throw .unbalancedRight(at: offset)
        case .cellBreak(let offset): throw Self.misplaced("&", at: offset)
        case .rowBreak(let offset): throw Self.misplaced("\\\\", at: offset)
        case .endEnvironment(let name, let offset):
            throw TeXError("\\end{\(name)} without a matching \\begin{\(name)}", at: offset)
        }
        source.advance()  // the ]
        markup.wrapRow(from: indexStart, items: items)
        return true
    }
}
