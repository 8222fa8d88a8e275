import Diagnostics
import Markdown

/// Parses the lesson's markdown body with cmark-gfm into blocks that keep their file positions,
/// after cutting out math and inline results (`ProtectedSpans`) so markdown cannot mangle them.
public struct ParseMarkdown: LessonStage {
    public let name = "parse markdown"
    public init() {}

    public func run(_ lesson: inout Lesson, in context: BuildContext) throws(DiagnosticList) {
        do {
            try lesson.readBody()
        } catch {
            throw DiagnosticList([error])
        }
        let protected = try ProtectedSpans(body: lesson.body, file: lesson.sourcePath, lineOffset: lesson.bodyLineOffset)
        lesson.spans = protected.spans
        lesson.maskedBody = protected.masked
        do {
            lesson.blocks = try CmarkParser.parse(protected.masked, file: lesson.sourcePath, lineOffset: lesson.bodyLineOffset)
        } catch {
            throw DiagnosticList([error])
        }
        let misplaced = Self.markersStartingLines(lesson.blocks)
        if !misplaced.isEmpty { throw DiagnosticList(misplaced) }
    }

    /// A `<!-- no-claim -->` marker (`UnguardedClaims`) that starts a line: markdown reads a line starting `<!--` as
    /// raw HTML, so the rest of the line is printed unrendered (its backticks, emphasis and links as typed) and the
    /// paragraph it was in is cut in two. Always a slip, so an error.
    static func markersStartingLines(_ blocks: [Block]) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for block in blocks {
            switch block.kind {
            case .htmlBlock(let html):
                guard UnguardedClaims.isMarker(html) else { continue }
                found.append(.error(at: block.location, "a <!-- \(UnguardedClaims.marker) --> marker starts this line, so markdown "
                    + "reads the line as raw HTML: what follows it on the line is shown unrendered and cut from its paragraph, "
                    + "and the marker guards no sentence; put it after the sentence's first word (`Batch <!-- no-claim -->norm made …`) "
                    + "or after the previous sentence's full stop on its line"))
            case .blockQuote(let inner), .footnoteDefinition(_, let inner):
                found += markersStartingLines(inner)
            case .list(_, _, _, let items):
                for item in items { found += markersStartingLines(item.blocks) }
            default:
                continue
            }
        }
        return found
    }
}

/// Gives headings stable ids and collects the lesson's table of contents. Runs last, after stages
/// that may add headings.
public struct AssignHeadingIDs: LessonStage {
    public let name = "heading ids"
    public init() {}

    public func run(_ lesson: inout Lesson, in context: BuildContext) throws(DiagnosticList) {
        lesson.blocks = HeadingIDs.assign(lesson.blocks)
        lesson.toc = TOCEntry.collect(lesson.blocks)
    }
}
