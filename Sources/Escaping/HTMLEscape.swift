import Foundation

/// The one escaper of text for HTML, SVG, MathML and XML output, shared by every module that writes markup.
/// It knows nothing of the documents it is used in; each caller picks the rules of its context.
public enum HTMLEscape {
    /// Escapes `&`, `<`, `>` and `"` (safe in text and in double-quoted attributes).
    public static func escape(_ text: String) -> String { escaped(text, .text) }

    /// Escapes `&`, `<`, `>`, `"` and `'` (as `&#39;`): safe in text and in attributes quoted either way.
    public static func escapeWithApostrophe(_ text: String) -> String { escaped(text, .textAndApostrophe) }

    /// Escapes as `escapeWithApostrophe` and drops the characters XML forbids (C0 controls other than
    /// tab, newline and carriage return; U+FFFE, U+FFFF), so the result is well-formed XML (SVG, sitemaps).
    public static func xml(_ text: String) -> String { escaped(text, .xml) }

    /// Escapes a URL for an `href`/`src` attribute; `javascript:` and other script schemes become `#`.
    public static func url(_ url: String) -> String {
        hasScriptScheme(url) ? "#" : escape(url)
    }

    /// The schemes `url` turns into `#`, in lower case.
    static let scriptSchemes = ["javascript:", "vbscript:", "data:text/html"]

    /// Whether `url`, without its leading and trailing white space (`.whitespaces`) and in lower case, starts with
    /// one of `scriptSchemes`. An ASCII URL (nearly all) is read as bytes: its white space is spaces and tabs, and
    /// its lower case is each letter's; anything else goes through Foundation, as every URL did (about 20 000
    /// instructions a link).
    static func hasScriptScheme(_ url: String) -> Bool {
        var url = url
        let ascii = url.withUTF8 { bytes -> Bool? in
            guard !bytes.contains(where: { $0 >= 0x80 }) else { return nil }
            var start = 0
            while start < bytes.count, bytes[start] == 0x20 || bytes[start] == 0x09 { start += 1 }
            return scriptSchemes.contains { scheme in
                let scheme = scheme.utf8
                guard bytes.count - start >= scheme.count else { return false }
                return zip(bytes[start...], scheme).allSatisfy { byte, letter in
                    (byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte) == letter
                }
            }
        }
        if let ascii { return ascii }
        let lowered = url.trimmingCharacters(in: .whitespaces).lowercased()
        return scriptSchemes.contains { lowered.hasPrefix($0) }
    }

    /// Appends UTF-8 `bytes` to `out` escaped as `escapeWithApostrophe` does (for writers that build bytes).
    public static func append(_ bytes: ArraySlice<UInt8>, escapedTo out: inout [UInt8]) {
        bytes.withUnsafeBufferPointer { append($0, to: &out, .textAndApostrophe) }
    }

    /// Appends UTF-8 `bytes` to `out` escaped as `escapeWithApostrophe` does, for writers that hold their
    /// text's bytes in a buffer (no array slice made per piece).
    public static func append(_ bytes: UnsafeBufferPointer<UInt8>, escapedTo out: inout [UInt8]) {
        append(bytes, to: &out, .textAndApostrophe)
    }

    /// Appends UTF-8 `bytes` to `out` escaped as `escape` does (`'` kept as it is), for writers that build bytes with
    /// its rules (MathML).
    public static func append(_ bytes: UnsafeBufferPointer<UInt8>, textEscapedTo out: inout [UInt8]) {
        append(bytes, to: &out, .text)
    }

    /// Writes UTF-8 `bytes` escaped as `escapeWithApostrophe` does at `out`, which must have room for six bytes for each
    /// of them (`&quot;`, the longest entity), and returns how many it wrote: for writers that make room once for many
    /// short pieces (the highlighter's tokens), where appending each to an array costs more than escaping it.
    public static func write(_ bytes: UnsafeBufferPointer<UInt8>, escapedTo out: UnsafeMutablePointer<UInt8>) -> Int {
        var i = 0
        var end = out
        while i < bytes.count {
            let run = i
            i = firstChange(bytes, from: i, .textAndApostrophe)
            if i > run {
                end.initialize(from: bytes.baseAddress! + run, count: i - run)
                end += i - run
            }
            guard i < bytes.count, let entity = entity(bytes[i], .textAndApostrophe) else { break }
            end.initialize(from: entity.utf8Start, count: entity.utf8CodeUnitCount)
            end += entity.utf8CodeUnitCount
            i += 1
        }
        return out.distance(to: end)
    }

    /// The offset of the first byte of UTF-8 `bytes` from `start` on that `write(_:escapedTo:)` escapes, or `bytes.count`:
    /// for writers that copy the runs of text before it as they are (the highlighter's tokens).
    public static func firstEscaped(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        firstChange(bytes, from: start, .textAndApostrophe)
    }

    /// Which characters become entities, and whether XML-forbidden characters are dropped.
    enum Rules { case text, textAndApostrophe, xml }

    @inline(__always)  // into each public escaper, so the scan below is made for its rules
    static func escaped(_ text: String, _ rules: Rules) -> String {
        // Most text has nothing to escape: then it is its own escape, and no bytes are copied.
        var utf8 = text
        let escaped = utf8.withUTF8 { bytes -> String? in
            if firstChange(bytes, from: 0, rules) == bytes.count { return nil }
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + 16)
            append(bytes, to: &out, rules)
            return String(decoding: out, as: UTF8.self)
        }
        return escaped ?? text
    }

    /// Whether `append` may write byte `b` as something else (an entity, nothing, or with the bytes after it).
    @inline(__always)
    static func mayChange(_ b: UInt8, _ rules: Rules) -> Bool {
        switch b {
        case UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""): true
        case UInt8(ascii: "'"): rules != .text
        case 0x09, 0x0A, 0x0D: false
        case ..<0x20, 0xEF: rules == .xml
        default: false
        }
    }

    /// The bytes of `word` that are `&`, `<`, `>`, `"` (or, with `apostrophe`, `'`), marked by their top bits
    /// (`ByteWord`: the first mark is exact).
    @inline(__always)
    static func changeMarks(_ word: UInt64, apostrophe: Bool) -> UInt64 {
        let marks = ByteWord.marks(word, UInt8(ascii: "&")) | ByteWord.marks(word, UInt8(ascii: "<"))
            | ByteWord.marks(word, UInt8(ascii: ">")) | ByteWord.marks(word, UInt8(ascii: "\""))
        return apostrophe ? marks | ByteWord.marks(word, UInt8(ascii: "'")) : marks
    }

    /// The offset of the first byte of `bytes` from `start` on that `append` may change, or `bytes.count`: eight bytes
    /// at a time outside XML (whose rules drop bytes no word test finds cheaply).
    @inline(__always)
    static func firstChange(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, _ rules: Rules) -> Int {
        if rules != .xml {
            return ByteWord.firstMarked(in: bytes, from: start, marks: { changeMarks($0, apostrophe: rules != .text) },
                                        isMarked: { mayChange($0, rules) })
        }
        var i = start
        while i < bytes.count, !mayChange(bytes[i], rules) { i += 1 }
        return i
    }

    static func append(_ bytes: UnsafeBufferPointer<UInt8>, to out: inout [UInt8], _ rules: Rules) {
        var i = 0
        while i < bytes.count {
            // The run of bytes kept as they are, copied at once.
            let run = i
            i = firstChange(bytes, from: i, rules)
            if i > run { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<i])) }
            guard i < bytes.count else { return }
            let b = bytes[i]
            i += 1
            if let entity = entity(b, rules) {
                out.append(contentsOf: UnsafeBufferPointer(start: entity.utf8Start, count: entity.utf8CodeUnitCount))
                continue
            }
            switch b {
            case 0x09, 0x0A, 0x0D: out.append(b)
            case ..<0x20 where rules == .xml: continue
            case 0xEF where rules == .xml && i + 1 < bytes.count
                && bytes[i] == 0xBF && (bytes[i + 1] == 0xBE || bytes[i + 1] == 0xBF):
                i += 2  // U+FFFE or U+FFFF
            default: out.append(b)
            }
        }
    }

    /// The entity `byte` becomes under `rules`, if any: static text, so no `String` is read per entity.
    @inline(__always)
    private static func entity(_ byte: UInt8, _ rules: Rules) -> StaticString? {
        switch byte {
        case UInt8(ascii: "&"): "&amp;"
        case UInt8(ascii: "<"): "&lt;"
        case UInt8(ascii: ">"): "&gt;"
        case UInt8(ascii: "\""): "&quot;"
        case UInt8(ascii: "'") where rules != .text: "&#39;"
        default: nil
        }
    }

}
