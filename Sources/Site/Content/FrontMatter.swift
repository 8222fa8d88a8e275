import Diagnostics
import Escaping
import Foundation

/// A page's YAML header between `---` lines: title, summary, date, order, draft, reading time, layout.
public struct FrontMatter: Sendable, Equatable, Codable {
    public var title: String
    public var summary: String
    /// ISO date `YYYY-MM-DD`, as written.
    public var date: String?
    public var order: Int?
    public var draft: Bool
    /// Minutes, when the author gives it; otherwise computed from the text.
    public var readingTime: Int?
    /// Template used for the page body (default `lesson`).
    public var layout: String?
    /// Where the `layout` value is written, for a missing template.
    public var layoutLocation: SourceLocation?

    static let keys = ["title", "summary", "date", "order", "draft", "reading_time", "layout"]

    /// Splits `text` into front matter and body. The body keeps its position: `bodyLineOffset` is the
    /// number of lines before it, so markdown positions map back to the file. With a `cache`, a header the
    /// last build read is not parsed again.
    public static func split(_ text: String, file: String) throws(Diagnostic) -> (frontMatter: FrontMatter, body: String, bodyLineOffset: Int) {
        let split = try split(text, file: file, cache: nil)
        return (split.frontMatter, split.body, split.bodyLineOffset)
    }

    /// A file split into its header and body; `header` is the header's key in `LessonCache`.
    struct Split {
        var frontMatter: FrontMatter
        var body: String
        var bodyLineOffset: Int
        var header: String
    }

    static func split(_ text: String, file: String, cache: LessonCache?) throws(Diagnostic) -> Split {
        var text = text
        let found = text.withUTF8(fences)
        let (yaml, body, offset): (String, String, Int)
        switch found {
        case .missing:
            throw Diagnostic.error(at: SourceLocation(file: file, line: 1, column: 1),
                                   "missing front matter: start the file with a '---' line, then at least 'title: …', then '---'")
        case .notClosed:
            throw Diagnostic.error(at: SourceLocation(file: file, line: 1, column: 1),
                                   "front matter is not closed: add a '---' line after its last key")
        case .found(let yamlBytes, let bodyStart, let lineOffset):
            // Cut at ASCII bytes (newlines) of valid UTF-8: both parts are valid too.
            (yaml, body, offset) = text.withUTF8 { bytes in
                (String(decoding: UnsafeBufferPointer(rebasing: bytes[yamlBytes]), as: UTF8.self),
                 String(decoding: UnsafeBufferPointer(rebasing: bytes[bodyStart...]), as: UTF8.self), lineOffset)
            }
        }
        return Split(frontMatter: try frontMatter(yaml, file: file, cache: cache), body: body, bodyLineOffset: offset,
                     header: LessonCache.headerKey(yaml, file: file, lineOffset: 1))
    }

    /// The front matter and body of a file's bytes, each checked to be UTF-8, when the file has both fences;
    /// nil when it has not (its problem is then reported by `split` on its text). A body or header that is not
    /// UTF-8 is a miss too. The file's text as one `String` is never made: a lesson's bytes are checked and
    /// copied once, into its body.
    static func split(utf8 bytes: UnsafeBufferPointer<UInt8>, file: String, cache: LessonCache?) throws(Diagnostic) -> Split? {
        guard case .found(let yamlBytes, let bodyStart, let offset) = fences(bytes),
              let yaml = String(checkingUTF8: UnsafeBufferPointer(rebasing: bytes[yamlBytes])),
              let body = String(checkingUTF8: UnsafeBufferPointer(rebasing: bytes[bodyStart...])) else { return nil }
        return Split(frontMatter: try frontMatter(yaml, file: file, cache: cache), body: body, bodyLineOffset: offset,
                     header: LessonCache.headerKey(yaml, file: file, lineOffset: 1))
    }

    private static func frontMatter(_ yaml: String, file: String, cache: LessonCache?) throws(Diagnostic) -> FrontMatter {
        if let cache { return try cache.frontMatter(yaml, file: file, lineOffset: 1) }
        return try parse(yaml, file: file, lineOffset: 1)
    }

    /// Where the header lies in a file's bytes (lines end at `\n`).
    enum Fences: Equatable {
        /// The first line is not `---`.
        case missing
        /// No later line is.
        case notClosed
        /// The bytes between the two fence lines (the newline before the closing one left out), where the body
        /// starts (after the closing line's newline; the end when there is none), and how many lines come before it.
        case found(yaml: Range<Int>, body: Int, bodyLineOffset: Int)
    }

    /// Finds the fence lines: lines that are `---` once spaces and tabs (Unicode's space separators, on a line
    /// that is not ASCII) are trimmed. Only the lines up to the closing fence are looked at.
    static func fences(_ bytes: UnsafeBufferPointer<UInt8>) -> Fences {
        func lineEnd(from start: Int) -> Int {
            guard start < bytes.count, let base = bytes.baseAddress,
                  let found = memchr(base + start, 0x0A, bytes.count - start) else { return bytes.count }
            return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
        }
        func isFence(_ range: Range<Int>) -> Bool {
            let line = UnsafeBufferPointer(rebasing: bytes[range])
            guard line.allSatisfy({ $0 < 0x80 }) else { return String(decoding: line, as: UTF8.self).trimmingWhitespace() == "---" }
            let blank = { (byte: UInt8) in byte == 0x20 || byte == 0x09 }
            guard let first = line.firstIndex(where: { !blank($0) }), let last = line.lastIndex(where: { !blank($0) }) else { return false }
            return line[first...last].elementsEqual("---".utf8)
        }
        let firstEnd = lineEnd(from: 0)
        guard isFence(0..<firstEnd) else { return .missing }
        var line = 0                  // of the line that starts at `start`, counted from 0
        var start = firstEnd
        while start < bytes.count {
            start += 1                // past the newline
            line += 1
            let end = lineEnd(from: start)
            if isFence(start..<end) {
                let yamlStart = firstEnd + 1
                return .found(yaml: yamlStart < start ? yamlStart..<(start - 1) : yamlStart..<yamlStart,
                              body: min(end + 1, bytes.count), bodyLineOffset: line + 1)
            }
            start = end
        }
        return .notClosed
    }

    static func parse(_ yaml: String, file: String, lineOffset: Int) throws(Diagnostic) -> FrontMatter {
        let doc = try YAMLDocument(yaml, file: file, lineOffset: lineOffset)
        try doc.checkKeys(keys, what: "front matter")
        guard let title = try doc.string("title"), !title.isEmpty else {
            throw Diagnostic.error(at: doc.start, "front matter needs a 'title'")
        }
        let date = try doc.string("date")
        if let date, let node = doc.node("date") {
            if !isISODate(date) {
                throw Diagnostic.error(at: doc.location(of: node), "'date' must be written YYYY-MM-DD, not '\(date)'")
            }
            if let problem = calendarProblem(date) {
                throw Diagnostic.error(at: doc.location(of: node), "'date' \(date) is not a day of the calendar: \(problem)")
            }
        }
        let readingTime = try doc.int("reading_time")
        if let readingTime, readingTime <= 0, let node = doc.node("reading_time") {
            throw Diagnostic.error(at: doc.location(of: node), "'reading_time' is in minutes and must be at least 1")
        }
        return FrontMatter(
            title: title,
            summary: try doc.string("summary") ?? "",
            date: date,
            order: try doc.int("order"),
            draft: try doc.bool("draft") ?? false,
            readingTime: readingTime,
            layout: try doc.string("layout"),
            layoutLocation: doc.node("layout").map { doc.location(of: $0) }
        )
    }

    /// `YYYY-MM-DD` in digits, month 1–12, day 1–31.
    static func isISODate(_ s: String) -> Bool {
        let parts = s.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let m = Int(parts[1]), let d = Int(parts[2]) else { return false }
        return (1...12).contains(m) && (1...31).contains(d)
    }

    /// Why an ISO date names no real day (`2026-02-30`), or nil: the Gregorian calendar's month lengths.
    static func calendarProblem(_ s: String) -> String? {
        let parts = s.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3 else { return nil }
        let (year, month, day) = (parts[0], parts[1], parts[2])
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        guard (1...12).contains(month), day > lengths[month - 1] else { return nil }
        return "\(Self.months[month - 1]) \(year) has \(lengths[month - 1]) days"
    }

    static let months = ["January", "February", "March", "April", "May", "June", "July", "August",
                         "September", "October", "November", "December"]

    /// Every field, each as `name length:value` on its own line (the length keeps a value that contains a
    /// newline from reading as the next field): what `RebuildPlan` hashes into the site's outline, so that
    /// any change of any lesson's header renders every page. A field added to the struct belongs here too
    /// (`FrontMatterOutlineTests` counts them).
    var outline: String {
        func field(_ name: String, _ value: String?) -> String {
            guard let value else { return "\(name) -\n" }
            return "\(name) \(value.utf8.count):\(value)\n"
        }
        return field("title", title) + field("summary", summary) + field("date", date)
            + field("order", order.map(String.init)) + field("draft", String(draft))
            + field("reading_time", readingTime.map(String.init)) + field("layout", layout)
            + field("layout_location", layoutLocation.map { "\($0.file) \($0.line) \($0.column)" })
    }

    /// The date as readers see it: `2026-03-14` → `14 March 2026`.
    public var displayDate: String? {
        guard let date else { return nil }
        let parts = date.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3 else { return date }
        return "\(parts[2]) \(Self.months[parts[1] - 1]) \(parts[0])"
    }
}
