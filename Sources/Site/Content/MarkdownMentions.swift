import Foundation

/// Which markdown files a lesson's body mentions, kept small enough to store for every lesson: before each
/// `.md` of the body, the longest run of bytes that file names are made of (ASCII letters, digits, `.`, `-`,
/// `_`), its last 252 bytes at most (a file name has at most 255). A file name `stem.md` whose stem is made of
/// those bytes occurs in the body exactly when one of the runs ends with its stem: an occurrence is a `.md`
/// preceded by the stem, and the run before that `.md` reaches at least as far back as the stem does.
/// `RebuildPlan` asks, for a changed lesson, whether another lesson mentions its file (it may include it).
enum MarkdownMentions {
    static let longestRun = 252

    static func isNameByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "."), UInt8(ascii: "-"), UInt8(ascii: "_"): true
        default: false
        }
    }

    /// The runs before each `.md` of `text`, distinct and sorted.
    static func runs(in text: String) -> [String] {
        var text = text
        var found: Set<String> = []
        text.withUTF8 { bytes in
            guard let base = bytes.baseAddress, bytes.count >= 3 else { return }
            var at = 0
            // Each `.` found by `memchr`, then checked for `md` after it.
            while at <= bytes.count - 3, let dot = memchr(base + at, Int32(UInt8(ascii: ".")), bytes.count - 2 - at) {
                let i = base.distance(to: dot.assumingMemoryBound(to: UInt8.self))
                at = i + 1
                guard bytes[i + 1] == UInt8(ascii: "m"), bytes[i + 2] == UInt8(ascii: "d") else { continue }
                var start = i
                while start > 0, i - start < longestRun, isNameByte(bytes[start - 1]) { start -= 1 }
                found.insert(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self))
            }
        }
        return found.sorted()
    }

    /// Whether a body with these runs mentions `name`: the name ends in `.md` and a run ends with its stem.
    /// A name these runs cannot tell about (another ending, a byte outside the run bytes, too long) counts as
    /// mentioned, which only makes the build render more.
    static func contains(_ runs: [String], name: String) -> Bool {
        guard name.hasSuffix(".md") else { return true }
        let stem = name.utf8.dropLast(3)
        guard stem.count <= longestRun, stem.allSatisfy(isNameByte) else { return true }
        return runs.contains { $0.utf8.count >= stem.count && $0.utf8.suffix(stem.count).elementsEqual(stem) }
    }
}
