import Escaping
import Foundation

/// Text built from pieces as UTF-8 bytes, with every run of white space (Unicode's White_Space) written as one
/// space and none at either end: what search keeps of a heading, a section or a caption. Appending the pieces
/// one by one gives the bytes that collapsing their concatenation would.
struct CollapsedText {
    private(set) var bytes: [UInt8] = []
    /// White space was read after the last byte kept: one space goes before the next one.
    private var spaceBefore = false
    /// A scalar was kept that composing (NFC) might change; text without one is already composed.
    private var mayCompose = false

    /// Appends valid UTF-8.
    mutating func append(_ utf8: UnsafeBufferPointer<UInt8>) {
        var i = 0
        while i < utf8.count {
            let lead = utf8[i]
            if lead < 0x80 {
                if Self.isASCIISpace(lead) {
                    spaceBefore = !bytes.isEmpty
                    i += 1
                    continue
                }
                // The run of ASCII up to the next non-ASCII byte or white space other than one space between two
                // kept bytes (which collapsing keeps as it is), copied at once: most of a sentence in one piece. Eight
                // bytes are passed over at once when none of them needs a look of its own (`ASCIIByteMarks.runStops`).
                var end = i + 1
                while end < utf8.count {
                    if end + 8 <= utf8.count {
                        let stops = ASCIIByteMarks.runStops(ByteWord.load(utf8, at: end))
                        if stops == 0 {
                            end += 8
                            continue
                        }
                        end += ByteWord.firstMarked(stops)
                    }
                    let byte = utf8[end]
                    if Self.isKeptASCII(byte) {
                        end += 1
                    } else if byte == 0x20, end + 1 < utf8.count, Self.isKeptASCII(utf8[end + 1]) {
                        end += 2
                    } else {
                        break
                    }
                }
                keep(UnsafeBufferPointer(rebasing: utf8[i..<end]))
                i = end
                continue
            }
            i += appendScalar(at: i, of: utf8)
        }
    }

    /// Appends the scalar of more than one byte at `index` of `utf8` and returns its length: out of the loop over ASCII,
    /// which most pieces never leave, so that what asking for its Unicode properties (`ScalarProperties`) takes costs
    /// that loop nothing.
    @inline(never)
    private mutating func appendScalar(at index: Int, of utf8: UnsafeBufferPointer<UInt8>) -> Int {
        let (scalar, length) = UTF8Scalar.decode(utf8, at: index)
        let properties: ScalarProperties = scalar.map { ScalarProperties($0) } ?? []
        if properties.contains(.whitespace) {
            spaceBefore = !bytes.isEmpty
        } else {
            if !properties.contains(.staysComposed) { mayCompose = true }
            keep(UnsafeBufferPointer(rebasing: utf8[index..<min(index + length, utf8.count)]))
        }
        return length
    }

    mutating func append(_ text: String) {
        var text = text
        text.withUTF8 { append($0) }
    }

    /// White space between what was appended and what will be.
    mutating func appendSpace() {
        spaceBefore = !bytes.isEmpty
    }

    func withBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        bytes.withUnsafeBufferPointer(body)
    }

    var string: String { String(decoding: bytes, as: UTF8.self) }

    /// The text canonically composed (NFC: é, not e + ´). Most text already is (ASCII, Greek letters, math
    /// symbols), and Foundation's composition is only asked for when a scalar might change.
    var composed: String { mayCompose ? string.precomposedStringWithCanonicalMapping : string }

    /// The UTF-8 bytes of `composed`: the bytes kept, with no String made, unless composing might change them.
    var composedBytes: [UInt8] { mayCompose ? Array(composed.utf8) : bytes }

    private mutating func keep(_ run: UnsafeBufferPointer<UInt8>) {
        if spaceBefore { bytes.append(0x20) }
        spaceBefore = false
        bytes.append(contentsOf: run)
    }

    /// Whether `scalar` is left as it is by NFC wherever it stands: a starter (combining class 0) that NFC
    /// neither decomposes (not a composition exclusion) nor composes with the scalar before it. Below U+0900 and
    /// from U+2000 to U+2BFF (punctuation, letterlike and math symbols, arrows, shapes) every starter that is no
    /// exclusion is such a scalar (Unicode's NFC_Quick_Check is Yes); elsewhere (Hangul jamo, Indic vowel
    /// signs, …) the answer is left to Foundation.
    static func staysComposed(_ scalar: Unicode.Scalar?) -> Bool {
        guard let scalar, scalar.value < 0x0900 || (0x2000..<0x2C00).contains(scalar.value) else { return false }
        return scalar.properties.canonicalCombiningClass == .notReordered && !scalar.properties.isFullCompositionExclusion
    }

    /// Whether `byte` is ASCII and not white space: a byte a run of kept ASCII goes on with. Printable ASCII past
    /// the space (nearly every byte of prose) is told by one comparison.
    @inline(__always)
    private static func isKeptASCII(_ byte: UInt8) -> Bool {
        byte &- 0x21 < 0x5F || (byte < 0x21 && !isASCIISpace(byte))
    }

    @inline(__always)
    private static func isASCIISpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)
    }
}
