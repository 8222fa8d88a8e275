import Diagnostics
import Escaping
import Foundation
import Hashing
import Markdown
import Bibliography

/// One lesson: a markdown file under content/<module>/, its front matter and its parsed blocks.
public struct Lesson: Sendable {
    public var slug: String
    public var moduleSlug: String
    /// Path relative to the project root, as diagnostics print it (`content/optimisers/optimisers.md`).
    public var sourcePath: String
    /// Absolute path of the file on disk.
    public var absolutePath: String
    public var frontMatter: FrontMatter
    /// The markdown body (front matter removed) and the lines before it. Empty while `deferredBody` is set:
    /// the parse stage reads it then (`readBody`).
    public var body: String {
        didSet {
            facts = BodyFacts()
            deferredBody = nil
        }
    }
    public var bodyLineOffset: Int
    /// Where the body of a lesson that did not change since the last build lies in its file (`LessonCache`): its
    /// text is read only when a stage asks for it, so that an edit of one lesson does not read the others.
    var deferredBody: DeferredBody?

    /// A body not read yet: it starts at byte `start` of the file whose bytes have the hash `digest`.
    struct DeferredBody: Sendable, Equatable {
        var start: Int
        var digest: String
    }

    /// What `readingTime` and `RebuildPlan` need of `body`, found once per body: when the loader keeps the lesson
    /// in `LessonCache` (while the modules load in parallel), or when first asked for; for a lesson loaded unread,
    /// as the last build found them.
    private var facts = BodyFacts()

    /// The facts of one body, shared by the copies of the lesson that hold that body.
    final class BodyFacts: @unchecked Sendable {
        private let lock = NSLock()
        private var found: Facts?

        init(_ known: Facts? = nil) { found = known }

        func value(_ find: () -> Facts) -> Facts {
            lock.withLock {
                if let found { return found }
                let value = find()
                found = value
                return value
            }
        }
    }

    /// The words of prose and of code in a body, and the names of markdown files it mentions (see `mentions`).
    struct Facts: Sendable, Equatable {
        var prose: Int
        var code: Int
        /// Before each `.md` of the body, the longest run of the bytes a file name is made of
        /// (`MarkdownMentions`), distinct, sorted.
        var markdownRuns: [String]

        init(words: (prose: Int, code: Int), markdownRuns: [String]) {
            (prose, code) = words
            self.markdownRuns = markdownRuns
        }
    }

    /// The body's facts: counted from `body`, or as kept for a deferred body.
    var bodyFacts: Facts {
        facts.value { Facts(words: Self.words(in: body), markdownRuns: MarkdownMentions.runs(in: body)) }
    }

    /// Filled by the parse stage and rewritten by later stages.
    public var blocks: [Block] = []
    /// Math and inline results cut out before parsing (see `ProtectedSpans`); their placeholders sit
    /// in the blocks' text until `RenderProtectedSpans` replaces them.
    public var spans: [ProtectedSpans.Span] = []
    /// The body with those spans cut out, as the parse stage read it (the notebook stage reads it again).
    public var maskedBody: String?
    /// Collected after heading ids are assigned.
    public var toc: [TOCEntry] = []
    /// Extra files the lesson wants written beside its page (CSV downloads, included sources).
    public var attachments: [Attachment] = []
    /// Numbered figures and tables, by the key prose refers to them with (`fig:sgd-variants`); filled
    /// by `RunExperiments` (figures) and `CrossReferences` (tables).
    public var crossReferenceTargets: [String: CrossReferenceTarget] = [:]
    /// The citation keys the lesson cites, in order of first citation (filled by `Citations`).
    public var citedKeys: [String] = []
    /// The blocks of other lessons this one quotes (filled by `RunExperiments`), for `RebuildPlan`.
    public var quotedBlocks: [QuotedBlock] = []

    /// A file written next to the lesson's page, e.g. `sgd-variants.csv`: its bytes, as they are written.
    public struct Attachment: Sendable, Equatable {
        public var name: String
        public private(set) var bytes: [UInt8]
        /// The text the attachment was made from, if it was: `contents` gives it back without decoding the bytes again
        /// (the notebook reads each shown script, some 6 KB, once per cell).
        private var text: String?

        public init(name: String, contents: String) {
            self.name = name
            bytes = Array(contents.utf8)
            text = contents
        }

        /// Bytes made as UTF-8 text (the notebook's JSON), kept without a round trip through `String`.
        public init(name: String, bytes: [UInt8]) {
            self.name = name
            self.bytes = bytes
        }

        public var contents: String { text ?? String(decoding: bytes, as: UTF8.self) }

        /// Attachments are the same when their names and bytes are, however they were made.
        public static func == (a: Attachment, b: Attachment) -> Bool { a.name == b.name && a.bytes == b.bytes }
    }

    init(slug: String, moduleSlug: String, sourcePath: String, absolutePath: String, frontMatter: FrontMatter,
         body: String, bodyLineOffset: Int) {
        self.slug = slug
        self.moduleSlug = moduleSlug
        self.sourcePath = sourcePath
        self.absolutePath = absolutePath
        self.frontMatter = frontMatter
        self.body = body
        self.bodyLineOffset = bodyLineOffset
    }

    /// A lesson whose body is read later (`readBody`), with the facts its body had when last read.
    init(slug: String, moduleSlug: String, sourcePath: String, absolutePath: String, frontMatter: FrontMatter,
         deferred: DeferredBody, bodyLineOffset: Int, facts: Facts) {
        self.init(slug: slug, moduleSlug: moduleSlug, sourcePath: sourcePath, absolutePath: absolutePath,
                  frontMatter: frontMatter, body: "", bodyLineOffset: bodyLineOffset)
        deferredBody = deferred
        self.facts = BodyFacts(facts)
    }

    /// Reads a deferred body from the lesson's file: the file must still hold the bytes it held when the build
    /// began (their hash is the one the build's plan was made from); a file changed or removed since is reported.
    mutating func readBody() throws(Diagnostic) {
        guard let deferred = deferredBody else { return }
        let location = SourceLocation(file: sourcePath, line: 1, column: 1)
        guard let data = FileManager.default.contents(atPath: absolutePath) else {
            throw Diagnostic.error(at: location, "cannot read this file: it was removed or made unreadable while the site was built; build again")
        }
        let text = data.withUnsafeBytes { raw -> String? in
            guard ContentHash.hex(bytes: raw) == deferred.digest, deferred.start <= raw.count else { return nil }
            return String(checkingUTF8: UnsafeRawBufferPointer(rebasing: raw[deferred.start...]).assumingMemoryBound(to: UInt8.self))
        }
        guard let text else {
            throw Diagnostic.error(at: location, "this file changed while the site was built; build again")
        }
        let known = facts
        body = text
        facts = known
    }

    /// Whether the body mentions the markdown file `name` (`lesson.md`: a lesson may include another with
    /// `file="…"`), from the body's facts: true exactly when `name` occurs in the body's text.
    func mentions(fileNamed name: String) -> Bool {
        MarkdownMentions.contains(bodyFacts.markdownRuns, name: name)
    }

    /// Estimated minutes to read: prose at 200 words a minute, code at a third of that; at least 1.
    public var readingTime: Int {
        if let given = frontMatter.readingTime { return given }
        let words = bodyFacts
        let minutes = (Double(words.prose) / 200 + Double(words.code) / 70).rounded(.up)
        return max(1, Int(minutes))
    }

    /// The words of prose and of code in a lesson's body.
    static func words(in body: String) -> (prose: Int, code: Int) {
        // Line by line (`memchr` finds each end): a line starting with ``` or ~~~ toggles code; the words of
        // any other line (runs of bytes other than space, tab and newline) count as prose or code.
        var proseWords = 0, codeWords = 0, inFence = false
        var text = body
        text.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return }
            var start = 0
            while start < bytes.count {
                let end = memchr(base + start, 0x0A, bytes.count - start).map { base.distance(to: $0.assumingMemoryBound(to: UInt8.self)) } ?? bytes.count
                let line = UnsafeBufferPointer(rebasing: bytes[start..<end])
                if line.count >= 3, line[0] == UInt8(ascii: "`") || line[0] == UInt8(ascii: "~"), line[1] == line[0], line[2] == line[0] {
                    inFence.toggle()
                } else {
                    let words = Self.wordCount(line)
                    if inFence { codeWords += words } else { proseWords += words }
                }
                start = end + 1
            }
        }
        return (proseWords, codeWords)
    }

    /// Runs of bytes other than space, tab and newline in `bytes`, counted without a branch per byte: a word starts
    /// wherever a byte that is not a separator follows one that is (or the start). Eight bytes at a time
    /// (`ByteWord`): the separators of a word marked by top bits, the starts counted with one `nonzeroBitCount`.
    static func wordCount(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var words = 0
        var previousSeparates: UInt64 = 0x80  // the top bit of the byte before, as the lowest byte's
        var i = 0
        while i + 8 <= bytes.count {
            let word = ByteWord.load(bytes, at: i)
            let separators = ByteWord.exactMarks(word, 0x20) | ByteWord.exactMarks(word, 0x09) | ByteWord.exactMarks(word, 0x0A)
            // Each byte's mark moved onto the byte after it (little-endian: the next byte is the higher one).
            let afterSeparator = separators << 8 | previousSeparates
            words &+= (~separators & afterSeparator & ByteWord.tops).nonzeroBitCount
            previousSeparates = separators >> 56
            i += 8
        }
        var previous = Int(previousSeparates >> 7)
        while i < bytes.count {
            let byte = bytes[i]
            let separates = (byte == 0x20 || byte == 0x09 || byte == 0x0A) ? 1 : 0
            words &+= previous & (1 &- separates)
            previous = separates
            i += 1
        }
        return words
    }

}

/// A course module: a folder of lessons, or an announced module that is "coming soon".
public struct CourseModule: Sendable {
    public var slug: String
    public var title: String
    public var summary: String
    public var comingSoon: Bool
    /// The landing page's own prose (`content/<module>/index.md`), if any.
    public var intro: Lesson?
    public var lessons: [Lesson]
}

/// Everything loaded from disk, before any page is rendered.
public struct SiteContent: Sendable {
    public var config: SiteConfig
    public var modules: [CourseModule]
    /// The entries lessons may cite (empty when the site has no bibliography file).
    public var bibliography: Bibliography = .empty
}

/// A numbered figure or table that prose can refer to: `@fig:sgd-variants` → "Figure 1".
public struct CrossReferenceTarget: Sendable, Equatable {
    /// `fig:sgd-variants` or `tbl:adam-defaults`.
    public var key: String
    /// `Figure 1`, `Table 2`.
    public var label: String
    /// The id of the element on the page.
    public var anchor: String

    public static func figure(id: String, number: Int) -> CrossReferenceTarget {
        CrossReferenceTarget(key: "fig:\(id)", label: "Figure \(number)", anchor: figureAnchor(id))
    }

    /// The id of an experiment block's figure on its page (`ExperimentFigure` writes it).
    public static func figureAnchor(_ id: String) -> String { "experiment-\(id)" }

    public static func table(id: String?, number: Int) -> CrossReferenceTarget {
        CrossReferenceTarget(key: id.map { "tbl:\($0)" } ?? "", label: "Table \(number)", anchor: id.map { "table-\($0)" } ?? "table-\(number)")
    }
}
