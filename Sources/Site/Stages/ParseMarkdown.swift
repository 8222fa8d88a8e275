import Diagnostics
import Markdown

/// Parses the lesson's markdown body with cmark-gfm into blocks that keep their file positions,
/// after cutting out math and inline results (`ProtectedSpans`) so markdown cannot mangle them.
public struct ParseMarkdown: LessonStage {
    public let name = "parse markdown"
    public init() {}

    public func run(_ lesson: inout Lesson, in context: BuildContext) throws(DiagnosticList) {
        let protected = try ProtectedSpans(body: lesson.body, file: lesson.sourcePath, lineOffset: lesson.bodyLineOffset)
        lesson.spans = protected.spans
        let parsed = CmarkParser.parseCheckingDepth(protected.masked, file: lesson.sourcePath, lineOffset: lesson.bodyLineOffset)
        if let at = parsed.tooDeep {
            throw DiagnosticList([.error(at: at, "the markdown nests more than \(CmarkParser.maxNesting) levels deep here (block quotes, lists, emphasis or links inside each other)")])
        }
        lesson.blocks = parsed.blocks
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
