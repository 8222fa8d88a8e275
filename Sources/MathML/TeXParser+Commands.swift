import Escaping

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
        let start = source.offset
        guard let name = source.peekCommand() else {
            throw TeXError("lone backslash at the end of the formula", at: start)
        }
        source.consumeCommand(name)
        if let symbol = TeXSymbols.lookup(name) { return Self.atom(for: symbol) }
        try enter(at: start)
        defer { leave() }
        let command = "\\" + name
        switch name {
        case "frac", "dfrac", "tfrac", "cfrac":
            let numerator = try parseArgument(of: command, at: start)
            let denominator = try parseArgument(of: command, at: start)
            let fraction = "<mfrac>\(numerator)\(denominator)</mfrac>"
            switch name {
            case "dfrac", "cfrac": return Atom(markup: "<mstyle displaystyle=\"true\">\(fraction)</mstyle>")
            case "tfrac": return Atom(markup: "<mstyle displaystyle=\"false\">\(fraction)</mstyle>")
            default: return Atom(markup: fraction)
            }
        case "binom", "dbinom", "tbinom":
            let n = try parseArgument(of: command, at: start)
            let k = try parseArgument(of: command, at: start)
            return Atom(markup: "<mrow>\(Self.fence("(", form: "prefix"))<mfrac linethickness=\"0\">\(n)\(k)</mfrac>"
                + "\(Self.fence(")", form: "postfix"))</mrow>")
        case "sqrt":
            let index = try parseRootIndex(at: start)
            let radicand = try parseArgument(of: command, at: start)
            if let index { return Atom(markup: "<mroot>\(radicand)\(index)</mroot>") }
            return Atom(markup: "<msqrt>\(radicand)</msqrt>")
        case "overset", "stackrel", "underset":
            let script = try parseArgument(of: command, at: start)
            let base = try parseArgument(of: command, at: start)
            let tag = name == "underset" ? "munder" : "mover"
            return Atom(markup: "<\(tag)>\(base)\(script)</\(tag)>")
        case "underline":
            let base = try parseArgument(of: command, at: start)
            return Atom(markup: "<munder accentunder=\"true\">\(base)<mo stretchy=\"true\">_</mo></munder>")
        case "text", "textrm", "mbox", "textup", "textnormal", "textbf", "textit":
            var text = try readText(of: command, at: start)
            if name == "textbf" { text = Self.mapped(text, MathFont.bold) }
            if name == "textit" { text = Self.mapped(text, MathFont.italic) }
            return Atom(markup: "<mtext>\(HTMLEscape.escape(Self.protectingEdgeSpaces(text)))</mtext>")
        case "operatorname":
            let limits = source.peek() == "*"
            if limits { source.advance() }
            let text = try readText(of: command, at: start)
            let markup = text.unicodeScalars.count == 1
                ? "<mi mathvariant=\"normal\">\(HTMLEscape.escape(text))</mi>" : "<mi>\(HTMLEscape.escape(text))</mi>"
            return Atom(markup: markup, kind: .function(text, limits: limits))
        case "left": return Atom(markup: try parseLeftRight(at: start))
        case "middle":
            guard leftDepth > 0 else { throw TeXError("\\middle is only allowed between \\left and \\right", at: start) }
            let delimiter = try parseDelimiter(after: command, at: start)
            return Atom(markup: delimiter.isEmpty ? "" : Self.fence(delimiter, form: "infix"))
        case "begin": return Atom(markup: try parseEnvironment(at: start))
        default: break
        }
        if let accent = Self.accents[name] {
            let base = try parseArgument(of: command, at: start)
            return Atom(markup: "<mover accent=\"true\">\(base)"
                + "<mo stretchy=\"\(accent.stretchy)\">\(HTMLEscape.escape(accent.mark))</mo></mover>")
        }
        if let newFont = MathFont.commands[name] {
            let saved = font
            font = newFont
            defer { font = saved }
            return Atom(markup: try parseArgument(of: command, at: start))
        }
        if let size = Self.delimiterSizes[name] {
            let delimiter = try parseDelimiter(after: command, at: start)
            guard !delimiter.isEmpty else { return Atom(markup: "") }
            return Atom(markup: "<mo fence=\"true\" stretchy=\"true\" symmetric=\"true\" minsize=\"\(size)\" "
                + "maxsize=\"\(size)\">\(HTMLEscape.escape(delimiter))</mo>")
        }
        if Self.structuralCommands.contains(name) {
            throw TeXError("\\\(name) cannot be used here", at: start)  // e.g. \frac\limits
        }
        let known = TeXSymbols.allNames + Self.structuralCommands
        let suggestion = CommandSuggestion.closest(to: name, among: known)
        throw .unknownCommand(name, suggestion: suggestion, at: start)
    }

    /// Reads `{name}` after `\begin` or `\end`.
    mutating func readEnvironmentName(command: String, at start: Int) throws(TeXError) -> String {
        source.skipSpace()
        guard source.peek() == "{" else {
            throw TeXError("\(command) needs an environment name in braces, e.g. \(command){aligned}", at: start)
        }
        source.advance()
        var name = ""
        while let c = source.peek(), c.isASCIILetter || c == "*" {
            name.unicodeScalars.append(c)
            source.advance()
        }
        guard source.peek() == "}" else {
            throw TeXError("\(command){…} needs a name of letters followed by }", at: start)
        }
        source.advance()
        return name
    }
}

private extension TeXParser {
    static func atom(for symbol: TeXSymbol) -> Atom {
        switch symbol {
        case let .identifier(text, upright):
            let variant = upright && text.unicodeScalars.count == 1 ? " mathvariant=\"normal\"" : ""
            return Atom(markup: "<mi\(variant)>\(HTMLEscape.escape(text))</mi>")
        case let .op(text): return Atom(markup: "<mo>\(HTMLEscape.escape(text))</mo>")
        case let .fence(text): return Atom(markup: "<mo stretchy=\"false\">\(HTMLEscape.escape(text))</mo>")
        case let .largeOperator(text, limits):
            return Atom(markup: "<mo>\(text)</mo>", kind: .largeOperator(text, limits: limits))
        case let .function(name, limits):
            return Atom(markup: "<mi>\(name)</mi>", kind: .function(name, limits: limits))
        case let .space(width): return Atom(markup: "<mspace width=\"\(width)\"/>")
        }
    }

    /// A delimiter that grows with its content, as after `\left` and `\right`.
    static func fence(_ text: String, form: String) -> String {
        "<mo fence=\"true\" form=\"\(form)\" stretchy=\"true\">\(HTMLEscape.escape(text))</mo>"
    }

    /// Parses `\left⟨delim⟩ … \right⟨delim⟩` into a row whose fences stretch over the content.
    mutating func parseLeftRight(at start: Int) throws(TeXError) -> String {
        let open = try parseDelimiter(after: "\\left", at: start)
        leftDepth += 1
        defer { leftDepth -= 1 }
        let (items, end) = try parseSequence()
        guard case .right(let rightOffset) = end else { throw .unbalancedLeft(at: start) }
        let close = try parseDelimiter(after: "\\right", at: rightOffset)
        let opening = open.isEmpty ? "" : Self.fence(open, form: "prefix")
        let closing = close.isEmpty ? "" : Self.fence(close, form: "postfix")
        return "<mrow>\(opening)\(items.joined())\(closing)</mrow>"
    }

    /// Reads the delimiter after `\left`, `\right`, `\middle` or `\big`; `.` (no delimiter) gives "".
    mutating func parseDelimiter(after command: String, at start: Int) throws(TeXError) -> String {
        source.skipSpace()
        if let c = source.peek(), let text = Self.plainDelimiters[c] {
            source.advance()
            return text
        }
        if let name = source.peekCommand() {
            if let text = TeXSymbols.fences[name] ?? Self.arrowDelimiters[name] {
                source.consumeCommand(name)
                return text
            }
        }
        throw TeXError("\(command) must be followed by a delimiter such as ( [ \\{ | or .", at: start)
    }

    /// Delimiters typed as themselves after `\left` and friends; `.` is none.
    static let plainDelimiters: [Unicode.Scalar: String] = [
        "(": "(", ")": ")", "[": "[", "]": "]", "|": "|", "/": "/", ".": "", "<": "⟨", ">": "⟩",
    ]
    /// Arrows that are delimiters after `\left` and friends (and no fences elsewhere).
    static let arrowDelimiters: [String: String] = ["uparrow": "↑", "downarrow": "↓", "Uparrow": "⇑", "Downarrow": "⇓"]

    /// Parses the optional `[n]` of `\sqrt[n]{x}`, reading up to the `]` outside any braces.
    mutating func parseRootIndex(at start: Int) throws(TeXError) -> String? {
        source.skipSpace()
        guard source.peek() == "[" else { return nil }
        var i = 1
        var braces = 0
        while let c = source.peek(i) {
            if c == "{" { braces += 1 } else if c == "}" { braces -= 1 } else if c == "]", braces == 0 { break }
            if braces < 0 { throw .unmatchedClosingBrace(at: source.offsets[source.index + i]) }
            i += 1
        }
        guard source.peek(i) == "]" else { throw TeXError("\\sqrt[ has no closing ]", at: start) }
        let savedEnd = source.end
        source.advance()
        source.end = source.index + i - 1
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
        return Self.row(items)
    }

    /// Reads the braced argument of `\text` and friends as plain text (braces nest; `\{`, `\%`… are literal).
    mutating func readText(of command: String, at start: Int) throws(TeXError) -> String {
        source.skipSpace()
        guard source.peek() == "{" else {
            throw TeXError("\(command) needs its text in braces, e.g. \(command){eff}", at: start)
        }
        let open = source.offset
        source.advance()
        var text = ""
        var braces = 0
        while let c = source.peek() {
            let at = source.offset
            source.advance()
            switch c {
            case "{": braces += 1
            case "}":
                if braces == 0 { return Self.collapsingSpaces(text) }
                braces -= 1
            case "\\":
                guard let e = source.peek() else { throw .missingClosingBrace(at: open) }
                if "{}%$&#_ ".unicodeScalars.contains(e) {
                    text.unicodeScalars.append(e)
                } else if e == "," || e == ";" || e == ":" {
                    text += " "
                } else {
                    throw TeXError("\\\(e)… is not supported inside \(command){…}", at: at)
                }
                source.advance()
            case "$": throw TeXError("math inside \(command){…} is not supported", at: at)
            default: text.unicodeScalars.append(c)
            }
        }
        throw .missingClosingBrace(at: open)
    }

    static func collapsingSpaces(_ text: String) -> String {
        var out = ""
        var lastWasSpace = false
        for c in text.unicodeScalars {
            let isSpace = c.isTeXWhitespace
            if isSpace && lastWasSpace { continue }
            out.unicodeScalars.append(isSpace ? " " : c)
            lastWasSpace = isSpace
        }
        return out
    }

    /// Browsers trim spaces at the edges of `<mtext>`, so `\text{ if }` keeps them as no-break spaces.
    static func protectingEdgeSpaces(_ text: String) -> String {
        var scalars = Array(text.unicodeScalars)
        if scalars.first == " " { scalars[0] = "\u{A0}" }
        if scalars.count > 0, scalars[scalars.count - 1] == " " { scalars[scalars.count - 1] = "\u{A0}" }
        var out = ""
        out.unicodeScalars.append(contentsOf: scalars)
        return out
    }

    static func mapped(_ text: String, _ font: MathFont) -> String {
        var out = ""
        for c in text.unicodeScalars { out.unicodeScalars.append(font.map(c)) }
        return out
    }
}
