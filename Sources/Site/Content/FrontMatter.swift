import Diagnostics
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
        try split(text, file: file, cache: nil)
    }

    static func split(_ text: String, file: String, cache: FrontMatterCache?) throws(Diagnostic) -> (frontMatter: FrontMatter, body: String, bodyLineOffset: Int) {
        // Only the lines up to the closing '---' are looked at; the body is the rest of the text as is.
        func isFence(_ line: Substring) -> Bool { line.trimmingWhitespace() == "---" }
        func lineEnd(from start: String.Index) -> String.Index { text[start...].firstIndex(of: "\n") ?? text.endIndex }
        let firstEnd = lineEnd(from: text.startIndex)
        guard isFence(text[..<firstEnd]) else {
            throw Diagnostic.error(at: SourceLocation(file: file, line: 1, column: 1),
                                   "missing front matter: start the file with a '---' line, then at least 'title: …', then '---'")
        }
        var lineIndex = 0          // of the line that starts at `start`, counted from 0
        var start = firstEnd
        while start < text.endIndex {
            start = text.index(after: start)
            lineIndex += 1
            let end = lineEnd(from: start)
            if isFence(text[start..<end]) {
                let yamlStart = text.index(after: firstEnd)
                let yaml = yamlStart < start ? String(text[yamlStart..<text.index(before: start)]) : ""
                let body = end < text.endIndex ? String(text[text.index(after: end)...]) : ""
                let frontMatter: FrontMatter
                if let cache {
                    frontMatter = try cache.frontMatter(yaml, file: file, lineOffset: 1)
                } else {
                    frontMatter = try parse(yaml, file: file, lineOffset: 1)
                }
                return (frontMatter, body, lineIndex + 1)
            }
            start = end
        }
        throw Diagnostic.error(at: SourceLocation(file: file, line: 1, column: 1),
                               "front matter is not closed: add a '---' line after its last key")
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
