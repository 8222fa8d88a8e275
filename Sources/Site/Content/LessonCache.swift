import Diagnostics
import Foundation
import Hashing

/// What the last build read of each lesson, so that an edit neither reads every other lesson again nor parses
/// the YAML of the one it changed: kept in the cache folder (`lessons`), one record per file (by the path
/// messages name it with).
///
/// - A lesson whose file has the digest the record was made from (`BuildInputs`, which trusts a file's
///   identity as `InputDigestCache` says) is not read: its front matter, reading-time words and the markdown
///   names it mentions come from the record, and its body is read only if a stage asks for it
///   (`Lesson.readBody`, which checks the bytes against that digest).
/// - A lesson that is read has its header parsed only when its YAML text (or its file, or its place) differs
///   from the record's, so any change of the header is parsed and checked again.
///
/// Only lessons that loaded without a problem are kept; the whole file is discarded when it was written by
/// another sitegen or with other options (`BuildInputs.setup`). A missing or unreadable file is an empty cache.
/// Modules load in parallel, so what this build read is kept under a lock.
final class LessonCache: @unchecked Sendable {
    struct Record: Equatable {
        /// The header's key: the hash of the file's name, the header's first line and its YAML text.
        var header: String
        var frontMatter: FrontMatter
        /// The hash of the file's bytes the record was made from (nil: not known, the lesson is always read).
        var digest: String?
        /// Where the body starts in those bytes (nil: the body is not a tail of the bytes, as in a file with
        /// carriage returns or a byte-order mark, and the lesson is always read).
        var bodyStart: Int?
        var bodyLineOffset: Int
        var facts: Lesson.Facts
    }

    private let setup: String
    private let known: [String: Record]
    /// What this build read or kept, by file: the records the next build may use.
    private var recorded: [String: Record] = [:]
    private let lock = NSLock()

    /// The cache the last build left, for a build whose setup line is `setup`.
    init(_ paths: BuildPaths, setup: String) {
        self.setup = setup
        known = CacheRecord.readSealed(Self.file(paths), header: Self.header, key: setup, item: Self.item) ?? [:]
    }

    static func file(_ paths: BuildPaths) -> String {
        (paths.cache as NSString).appendingPathComponent("lessons")
    }

    static func headerKey(_ yaml: String, file: String, lineOffset: Int) -> String {
        ContentHash.hex("\(file)\n\(lineOffset)\n\(yaml)")
    }

    /// The record of `file` when its bytes still have the hash `digest` and its body can be read from them later.
    func unchanged(_ file: String, digest: String) -> Record? {
        guard let record = known[file], record.digest == digest, record.bodyStart != nil else { return nil }
        lock.withLock { recorded[file] = record }
        return record
    }

    /// The front matter of `yaml` (the header of `file`, starting at line `lineOffset + 1`): kept, or parsed now.
    func frontMatter(_ yaml: String, file: String, lineOffset: Int) throws(Diagnostic) -> FrontMatter {
        if let record = known[file], record.header == Self.headerKey(yaml, file: file, lineOffset: lineOffset) {
            return record.frontMatter
        }
        return try FrontMatter.parse(yaml, file: file, lineOffset: lineOffset)
    }

    /// Keeps what was read of `lesson`, whose file's bytes hash to `digest` and hold its body from `bodyStart`
    /// (nil: not a tail of them); its facts are found now if no stage asked for them yet.
    func record(_ lesson: Lesson, header: String, digest: String?, bodyStart: Int?) {
        let record = Record(header: header, frontMatter: lesson.frontMatter, digest: digest, bodyStart: bodyStart,
                            bodyLineOffset: lesson.bodyLineOffset, facts: lesson.bodyFacts)
        lock.withLock { recorded[lesson.sourcePath] = record }
    }

    /// Best effort (`CacheFile`): a cache that cannot be written only makes the next build read more.
    func save(_ paths: BuildPaths) {
        let recorded = lock.withLock { self.recorded }
        guard recorded != known else { return }
        CacheFile.write(Self.record(recorded, setup: setup), to: Self.file(paths))
    }

    static let header = Array("sitegen lessons v1\n".utf8)

    /// The records as sealed bytes (`CacheRecord`): the setup line, their count, then each file's path and record.
    static func record(_ records: [String: Record], setup: String) -> [UInt8] {
        var out = CacheRecord.sealedWriter(header: header, key: setup, count: records.count, capacity: 256 * records.count)
        for (file, record) in records.sorted(by: { $0.key < $1.key }) {
            out.string(file)
            out.string(record.header)
            out.optional(record.digest) { $0.string($1) }
            out.optional(record.bodyStart) { $0.number($1) }
            out.number(record.bodyLineOffset)
            out.number(record.facts.prose)
            out.number(record.facts.code)
            out.number(record.facts.markdownRuns.count)
            for run in record.facts.markdownRuns { out.string(run) }
            let front = record.frontMatter
            out.string(front.title)
            out.string(front.summary)
            out.optional(front.date) { $0.string($1) }
            out.optional(front.order) { $0.signed($1) }
            out.number(front.draft ? 1 : 0)
            out.optional(front.readingTime) { $0.signed($1) }
            out.optional(front.layout) { $0.string($1) }
            out.optional(front.layoutLocation) { out, location in
                out.string(location.file)
                out.number(location.line)
                out.number(location.column)
            }
        }
        return out.sealed()
    }

    /// The records of a whole, well-formed record written for `setup`; nil otherwise.
    static func records(fromRecord record: UnsafeBufferPointer<UInt8>, setup: String) -> [String: Record]? {
        CacheRecord.entries(ofSealed: record, header: header, key: setup, item: Self.item)
    }

    /// One file's path and record.
    private static func item(_ reader: inout CacheRecord.Reader) -> (String, Record)? {
        guard let file = reader.string(), let header = reader.string(),
              let digest = reader.optional({ $0.string() }), let bodyStart = reader.optional({ $0.number() }),
              let bodyLineOffset = reader.number(), let prose = reader.number(), let code = reader.number(),
              let runCount = reader.number(), runCount <= reader.remaining else { return nil }
        var runs: [String] = []
        for _ in 0..<runCount {
            guard let run = reader.string() else { return nil }
            runs.append(run)
        }
        guard let title = reader.string(), let summary = reader.string(), let date = reader.optional({ $0.string() }),
              let order = reader.optional({ $0.signed() }), let draft = reader.number(), draft <= 1,
              let readingTime = reader.optional({ $0.signed() }), let layout = reader.optional({ $0.string() }),
              let layoutLocation = reader.optional({ reader -> SourceLocation? in
                  guard let file = reader.string(), let line = reader.number(), let column = reader.number() else { return nil }
                  return SourceLocation(file: file, line: line, column: column)
              }) else { return nil }
        let frontMatter = FrontMatter(title: title, summary: summary, date: date, order: order, draft: draft == 1,
                                      readingTime: readingTime, layout: layout, layoutLocation: layoutLocation)
        return (file, Record(header: header, frontMatter: frontMatter, digest: digest, bodyStart: bodyStart,
                             bodyLineOffset: bodyLineOffset, facts: Lesson.Facts(words: (prose, code), markdownRuns: runs)))
    }
}
