import Escaping
import Hashing

/// What a command name means: a symbol (with its markup made once) or a command with arguments or special
/// syntax. Every name is in one `PackedNameTable`, so the parser finds a command with one lookup of its bytes.
enum TeXCommand: Sendable {
    /// A symbol without arguments (`\alpha`, `\le`, `\sum`, `\quad`), see `TeXSymbols`.
    case symbol(markup: [UInt8], kind: TeXParser.Kind)
    /// `\frac`; `\dfrac` and `\cfrac` force display style, `\tfrac` text style.
    case fraction(displaystyle: Bool?)
    /// `\binom`, `\dbinom`, `\tbinom`.
    case binomial
    case squareRoot
    /// `\overset` and `\stackrel` (over), `\underset` (under).
    case stacked(under: Bool)
    case underline
    /// `\text` and friends; `\textbf` and `\textit` map the text into a math alphabet.
    case text(MathFont?)
    case operatorName
    case left, right, middle, begin, end
    /// `\displaystyle`, `\textstyle`.
    case style(displaystyle: Bool)
    /// `\limits`, `\nolimits` (scripts are placed by the base's kind, so these are skipped).
    case limits
    /// An accent; `closing` is the markup after the base: the mark and the end of the `<mover>`.
    case accent(closing: [UInt8])
    case font(MathFont)
    /// `\big` and friends; `opening` is the `<mo …>` of the fixed height.
    case delimiterSize(opening: [UInt8])
    /// `\\`, a row break.
    case rowBreak

    static func lookup(_ name: CommandName) -> TeXCommand? { table[name] }

    /// Symbols first: a name that is both a symbol and a structural command is the symbol, as it always was. The
    /// names a sequence reads before any atom (`\\`, `right`, `end`, the styles, the limits switches) were never
    /// looked up as symbols: no symbol may take one, so the table cannot give a symbol where the parser meant structure.
    private static let table: PackedNameTable<TeXCommand> = {
        let readFirst = ["\\", "right", "end", "displaystyle", "textstyle", "limits", "nolimits"]
        precondition(readFirst.allSatisfy { TeXSymbols.all[$0] == nil }, "a symbol takes the name of a structural command")
        return PackedNameTable(named: TeXSymbols.all.map { (name: $0.key, value: meaning(of: $0.value)) } + structural)
    }()

    private static var structural: [(name: String, value: TeXCommand)] {
        var entries: [(name: String, value: TeXCommand)] = [
            ("frac", .fraction(displaystyle: nil)), ("dfrac", .fraction(displaystyle: true)),
            ("cfrac", .fraction(displaystyle: true)), ("tfrac", .fraction(displaystyle: false)),
            ("binom", .binomial), ("dbinom", .binomial), ("tbinom", .binomial), ("sqrt", .squareRoot),
            ("overset", .stacked(under: false)), ("stackrel", .stacked(under: false)), ("underset", .stacked(under: true)),
            ("underline", .underline),
            ("text", .text(nil)), ("textrm", .text(nil)), ("mbox", .text(nil)), ("textup", .text(nil)),
            ("textnormal", .text(nil)), ("textbf", .text(.bold)), ("textit", .text(.italic)),
            ("operatorname", .operatorName), ("left", .left), ("right", .right), ("middle", .middle),
            ("begin", .begin), ("end", .end),
            ("displaystyle", .style(displaystyle: true)), ("textstyle", .style(displaystyle: false)),
            ("limits", .limits), ("nolimits", .limits), ("\\", .rowBreak),
        ]
        for (name, accent) in TeXParser.accents {
            let closing = "<mo stretchy=\"\(accent.stretchy)\">\(HTMLEscape.escape(accent.mark))</mo></mover>"
            entries.append((name, .accent(closing: Array(closing.utf8))))
        }
        for (name, font) in MathFont.commands { entries.append((name, .font(font))) }
        for (name, size) in TeXParser.delimiterSizes {
            let opening = "<mo fence=\"true\" stretchy=\"true\" symmetric=\"true\" minsize=\"\(size)\" maxsize=\"\(size)\">"
            entries.append((name, .delimiterSize(opening: Array(opening.utf8))))
        }
        return entries
    }

    /// The markup a symbol always stands for, and the kind of atom it is.
    private static func meaning(of symbol: TeXSymbol) -> TeXCommand {
        let markup: String
        var kind = TeXParser.Kind.ordinary
        switch symbol {
        case let .identifier(text, upright):
            let variant = upright && text.unicodeScalars.count == 1 ? " mathvariant=\"normal\"" : ""
            markup = "<mi\(variant)>\(HTMLEscape.escape(text))</mi>"
        case let .op(text): markup = "<mo>\(HTMLEscape.escape(text))</mo>"
        case let .fence(text): markup = "<mo stretchy=\"false\">\(HTMLEscape.escape(text))</mo>"
        case let .largeOperator(text, limits):
            markup = "<mo>\(text)</mo>"
            kind = .largeOperator(limits: limits)
        case let .function(name, limits):
            markup = "<mi>\(name)</mi>"
            kind = .function(name, limits: limits)
        case let .space(width): markup = "<mspace width=\"\(width)\"/>"
        }
        return .symbol(markup: Array(markup.utf8), kind: kind)
    }
}
