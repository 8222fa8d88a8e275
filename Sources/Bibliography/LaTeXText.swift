import Foundation

/// The LaTeX that real `.bib` fields hold, turned into readable Unicode: accents (`{\"o}`, `\'{e}`,
/// `\c c`), special letters (`\ss`, `\o`, `\aa`), escaped characters (`\&`, `\%`, `\_`), dashes
/// (`--`, `---`), ties (`~`), and protective braces (`{Adam}`), which are dropped. Commands it does not
/// know keep their argument (`\emph{flat}` → `flat`); math keeps its text without the dollars.
public enum LaTeXText {
    /// Accent commands and the combining marks they put on the next letter.
    static let accents: [Character: Character] = [
        "\"": "\u{0308}", "'": "\u{0301}", "`": "\u{0300}", "^": "\u{0302}", "~": "\u{0303}",
        "=": "\u{0304}", ".": "\u{0307}", "u": "\u{0306}", "v": "\u{030C}", "H": "\u{030B}",
        "c": "\u{0327}", "k": "\u{0328}", "r": "\u{030A}", "d": "\u{0323}", "b": "\u{0331}",
    ]
    /// Letter commands: `\ss` → ß.
    static let letters: [String: String] = [
        "ss": "ß", "o": "ø", "O": "Ø", "aa": "å", "AA": "Å", "ae": "æ", "AE": "Æ", "oe": "œ", "OE": "Œ",
        "l": "ł", "L": "Ł", "i": "ı", "j": "ȷ", "dh": "ð", "DH": "Ð", "th": "þ", "TH": "Þ",
        "textendash": "–", "textemdash": "—", "LaTeX": "LaTeX", "TeX": "TeX", "ldots": "…", "dots": "…",
    ]

    public static func plain(_ latex: String) -> String {
        let chars = Array(latex)
        var out = ""
        var i = 0
        while i < chars.count {
            let c = chars[i]
            switch c {
            case "{", "}", "$":
                i += 1
            case "~":
                out.append("\u{00A0}"); i += 1
            case "-":
                var run = 0
                while i + run < chars.count, chars[i + run] == "-" { run += 1 }
                out += run == 2 ? "–" : run == 3 ? "—" : String(repeating: "-", count: run)
                i += run
            case "\\":
                i += 1
                guard i < chars.count else { break }
                let command = chars[i]
                if let mark = accents[command], !(command.isLetter && i + 1 < chars.count && chars[i + 1].isLetter) {
                    // `\"o`, `\"{o}`, `\c c`, `\'{\i}`: the accented letter is the next letter or group.
                    i += 1
                    while command.isLetter, i < chars.count, chars[i] == " " { i += 1 }
                    var base = ""
                    if i < chars.count, chars[i] == "{" {
                        var j = i + 1
                        while j < chars.count, chars[j] != "}" { j += 1 }
                        base = plain(String(chars[(i + 1)..<min(j, chars.count)]))
                        i = min(j + 1, chars.count)
                    } else if i < chars.count, chars[i] == "\\" {
                        var j = i + 1
                        while j < chars.count, chars[j].isLetter { j += 1 }
                        base = plain(String(chars[i..<j]))
                        i = j
                    } else if i < chars.count {
                        base = String(chars[i]); i += 1
                    }
                    if base == "ı" { base = "i" }
                    out += (base + String(mark)).precomposedStringWithCanonicalMapping
                } else if command.isLetter {
                    var j = i
                    while j < chars.count, chars[j].isLetter { j += 1 }
                    let name = String(chars[i..<j])
                    i = j
                    if let letter = letters[name] {
                        out += letter
                        if i < chars.count, chars[i] == " " { i += 1 }   // `\ss x`: the space ends the command
                    }
                    // Any other command (`\emph`, `\textit`, `\url`) keeps its argument, which follows.
                } else {
                    out.append(command)   // `\&`, `\%`, `\_`, `\$`, `\{`
                    i += 1
                }
            default:
                out.append(c); i += 1
            }
        }
        return out.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).joined(separator: " ")
    }
}
