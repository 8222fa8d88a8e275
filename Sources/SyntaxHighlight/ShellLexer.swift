/// Bash and console sessions: keywords, builtins, `$X`/`${X}` variables, `--options`, strings, comments;
/// in a console, `$ ` prompt lines are commands and the other lines are their output.
extension Lexer {
    static let shellKeywords: Set<String> = [
        "if", "then", "else", "elif", "fi", "for", "while", "until", "do", "done", "case", "esac", "in",
        "function", "select", "time",
    ]
    static let shellBuiltins: Set<String> = [
        "echo", "cd", "pwd", "export", "source", "alias", "unalias", "unset", "set", "read", "printf", "test",
        "exit", "return", "local", "eval", "exec", "trap", "wait", "kill", "shift", "declare", "readonly",
        "type", "which", "command", "builtin", "true", "false", "pushd", "popd", "ulimit", "umask", "mkdir",
    ]

    /// Lexes a shell script; with `console`, lines start with a prompt (`$ `, `% `, `(venv) $ `) or are output.
    /// A `bash` block whose first line has a prompt is read as a console session.
    mutating func lexShell(console: Bool) {
        let asConsole = console || promptLength(at: firstNonEmptyLineStart()) != nil
        guard asConsole else {
            lexShellCommands(singleLine: false)
            return
        }
        while !isAtEnd {
            let start = pos
            if let prompt = promptLength(at: pos) {
                pos += prompt
                emit(.prompt, from: start)
                lexShellCommands(singleLine: true)
            } else {
                advanceToLineEnd()
                emit(.output, from: start)
            }
            let newline = pos
            if peek() == UInt8(ascii: "\n") { pos += 1 }
            emit(nil, from: newline)
        }
    }

    private func firstNonEmptyLineStart() -> Int {
        var i = 0
        var lineStart = 0
        while i < bytes.count, bytes[i].isBlank || bytes[i] == UInt8(ascii: "\n") {
            if bytes[i] == UInt8(ascii: "\n") { lineStart = i + 1 }
            i += 1
        }
        return lineStart
    }

    /// The length of a prompt starting at `index`, if the line starts with one.
    private func promptLength(at index: Int) -> Int? {
        var i = index
        func at(_ k: Int) -> UInt8? { k < bytes.count ? bytes[k] : nil }
        if at(i) == UInt8(ascii: "(") {
            var j = i + 1
            while let b = at(j), b != UInt8(ascii: ")"), b != UInt8(ascii: "\n"), j - i < 64 { j += 1 }
            guard at(j) == UInt8(ascii: ")") else { return nil }
            i = j + 1
            while at(i)?.isBlank == true { i += 1 }
        }
        guard let sign = at(i), sign == UInt8(ascii: "$") || sign == UInt8(ascii: "%") else { return nil }
        if at(i + 1) == UInt8(ascii: " ") { return i + 2 - index }
        if at(i + 1) == nil || at(i + 1) == UInt8(ascii: "\n") { return i + 1 - index }
        return nil
    }

    /// Lexes shell commands to the end, or to the end of the line (continuing after a trailing `\`).
    mutating func lexShellCommands(singleLine: Bool) {
        var wordStart = true
        var commandPosition = true
        while let c = peek() {
            let start = pos
            if c == UInt8(ascii: "\n") {
                if singleLine { return }
                pos += 1
                emit(nil, from: start)
                wordStart = true
                commandPosition = true
            } else if c.isBlank || c == UInt8(ascii: "\r") {
                pos += 1
                emit(nil, from: start)
                wordStart = true
            } else if c == UInt8(ascii: "\\") {
                pos += 1
                advanceScalar()  // an escaped character, or a line continuation
                emit(nil, from: start)
                wordStart = false
            } else if c == UInt8(ascii: "#"), wordStart {
                advanceToLineEnd()
                emit(.comment, from: start)
            } else if c == UInt8(ascii: "'") {
                pos += 1
                while let b = peek(), b != UInt8(ascii: "'") { pos += 1 }
                if !isAtEnd { pos += 1 }
                emit(.string, from: start)
                wordStart = false
                commandPosition = false
            } else if c == UInt8(ascii: "\"") {
                lexDoubleQuotedShellString()
                wordStart = false
                commandPosition = false
            } else if c == UInt8(ascii: "$") {
                lexShellDollar()
                wordStart = false
                commandPosition = false
            } else if c == UInt8(ascii: "`") {
                pos += 1
                emit(.operator, from: start)
            } else if ";|&()<>".utf8.contains(c) {
                pos += 1
                emit(.operator, from: start)
                wordStart = true
                if c != UInt8(ascii: "<") && c != UInt8(ascii: ">") && c != UInt8(ascii: ")") { commandPosition = true }
            } else if c == UInt8(ascii: "-"), wordStart {
                scanShellWord(stopAtEquals: true)
                emit(.option, from: start)
                wordStart = false
            } else {
                lexShellWord(commandPosition: &commandPosition)
                wordStart = false
            }
        }
    }

    /// Consumes a word up to a blank, newline, quote, `$` or operator (and `=` when `stopAtEquals`).
    private mutating func scanShellWord(stopAtEquals: Bool) {
        while let b = peek() {
            if b.isBlank || b == UInt8(ascii: "\n") || b == UInt8(ascii: "\r") || "'\"$`;|&()<>\\".utf8.contains(b) { return }
            if stopAtEquals, b == UInt8(ascii: "=") { return }
            pos += 1
        }
    }

    /// A plain word: an assignment's name, a keyword, a builtin command, a number, or ordinary text.
    private mutating func lexShellWord(commandPosition: inout Bool) {
        let start = pos
        if commandPosition, peek()?.isIdentifierStart == true {
            let name = bytes[scanIdentifier()]
            if peek() == UInt8(ascii: "="), name.allSatisfy({ $0 < 0x80 }) {
                emit(.variable, from: start)
                let equals = pos
                pos += 1
                emit(.operator, from: equals)
                return  // an assignment; the command, if any, comes after it
            }
        }
        scanShellWord(stopAtEquals: false)
        let word = bytes[start..<pos]
        let text = String(decoding: word, as: UTF8.self)
        // Reserved words count only where a command may start (and `in` after `for x`/`case x`).
        if Self.shellKeywords.contains(text), commandPosition || text == "in" {
            emit(.keyword, from: start)
            commandPosition = text != "in"
        } else if commandPosition, Self.shellBuiltins.contains(text) {
            emit(.builtin, from: start)
            // `export X=1`, `local X=1`: the words after these are assignments too.
            commandPosition = ["export", "local", "declare", "readonly"].contains(text)
        } else if !word.isEmpty, word.allSatisfy({ $0.isDigit || $0 == UInt8(ascii: ".") }), word.first?.isDigit == true {
            emit(.number, from: start)
            commandPosition = false
        } else {
            if pos == start { advanceScalar() }
            emit(nil, from: start)
            commandPosition = false
        }
    }

    /// `$name`, `${…}`, `$1`, `$?`, `$(` (whose command is lexed as code), `$'…'`.
    private mutating func lexShellDollar() {
        let start = pos
        pos += 1
        guard let c = peek() else { emit(nil, from: start); return }
        if c == UInt8(ascii: "{") {
            while let b = peek(), b != UInt8(ascii: "}"), b != UInt8(ascii: "\n") { pos += 1 }
            if peek() == UInt8(ascii: "}") { pos += 1 }
            emit(.variable, from: start)
        } else if c == UInt8(ascii: "(") {
            pos += 1
            emit(.operator, from: start)
        } else if c == UInt8(ascii: "'") {
            pos += 1
            while let b = peek(), b != UInt8(ascii: "'") {
                if b == UInt8(ascii: "\\") { pos += 1 }
                pos += 1
            }
            pos = min(pos + 1, bytes.count)
            emit(.string, from: start)
        } else if c.isIdentifierStart, c < 0x80 {
            while let b = peek(), b.isIdentifierByte, b < 0x80 { pos += 1 }
            emit(.variable, from: start)
        } else if c.isDigit || "@?#$!*-".utf8.contains(c) {
            pos += 1
            emit(.variable, from: start)
        } else {
            emit(nil, from: start)
        }
    }

    /// A `"…"` string; variables inside it are highlighted as variables.
    private mutating func lexDoubleQuotedShellString() {
        var segment = pos
        pos += 1
        while let c = peek(), c != UInt8(ascii: "\"") {
            if c == UInt8(ascii: "\\") {
                pos += 1
                advanceScalar()
            } else if c == UInt8(ascii: "$"), let n = peek(1), n == UInt8(ascii: "{") || (n.isIdentifierStart && n < 0x80) || n.isDigit {
                emit(.string, from: segment)
                lexShellDollar()
                segment = pos
            } else {
                pos += 1
            }
        }
        if !isAtEnd { pos += 1 }
        emit(.string, from: segment)
    }
}
