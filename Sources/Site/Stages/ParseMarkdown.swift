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
