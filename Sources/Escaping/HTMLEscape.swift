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
        let lowered = url.trimmingCharacters(in: .whitespaces).lowercased()
        for scheme in ["javascript:", "vbscript:", "data:text/html"] where lowered.hasPrefix(scheme) {
            return "#"
        }
        return escape(url)
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

    /// Which characters become entities, and whether XML-forbidden characters are dropped.
    enum Rules { case text, textAndApostrophe, xml }

    @inline(__always)  // into each public escaper, so the scan below is made for its rules
    static func escaped(_ text: String, _ rules: Rules) -> String {
        // Most text has nothing to escape: then it is its own escape, and no bytes are copied.
        var utf8 = text
        let escaped = utf8.withUTF8 { bytes -> String? in
            var changes = false
            for byte in bytes where mayChange(byte, rules) {
                changes = true
                break
            }
            if !changes { return nil }
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

    /// Whether any of the eight bytes of `word` is `&`, `<`, `>`, `"` (or, with `apostrophe`, `'`).
    @inline(__always)
    static func mayChange(_ word: UInt64, apostrophe: Bool) -> Bool {
        ByteWord.contains(word, UInt8(ascii: "&")) || ByteWord.contains(word, UInt8(ascii: "<"))
            || ByteWord.contains(word, UInt8(ascii: ">")) || ByteWord.contains(word, UInt8(ascii: "\""))
            || (apostrophe && ByteWord.contains(word, UInt8(ascii: "'")))
    }

    static func append(_ bytes: UnsafeBufferPointer<UInt8>, to out: inout [UInt8], _ rules: Rules) {
        var i = bytes.startIndex
        while i < bytes.endIndex {
            // The run of bytes kept as they are, copied at once; eight at a time outside XML.
            var run = i
            if rules != .xml {
                while run + 8 <= bytes.endIndex,
                      !mayChange(ByteWord.load(bytes, at: run), apostrophe: rules != .text) {
                    run += 8
                }
            }
            while run < bytes.endIndex, !mayChange(bytes[run], rules) { run += 1 }
            if run > i {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[i..<run]))
                i = run
                continue
            }
            let b = bytes[i]
            i += 1
            switch b {
            case UInt8(ascii: "&"): out.append(contentsOf: "&amp;".utf8)
            case UInt8(ascii: "<"): out.append(contentsOf: "&lt;".utf8)
            case UInt8(ascii: ">"): out.append(contentsOf: "&gt;".utf8)
            case UInt8(ascii: "\""): out.append(contentsOf: "&quot;".utf8)
            case UInt8(ascii: "'") where rules != .text: out.append(contentsOf: "&#39;".utf8)
            case 0x09, 0x0A, 0x0D: out.append(b)
            case ..<0x20 where rules == .xml: continue
            case 0xEF where rules == .xml && i + 1 < bytes.endIndex
                && bytes[i] == 0xBF && (bytes[i + 1] == 0xBE || bytes[i + 1] == 0xBF):
                i += 2  // U+FFFE or U+FFFF
            default: out.append(b)
            }
        }
    }
}
