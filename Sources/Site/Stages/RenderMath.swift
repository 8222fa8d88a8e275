import Diagnostics
import Markdown
import MathML

/// Typesets the math cut out by `ProtectedSpans` as MathML. Invalid TeX is a build error at the
/// exact line and column of the problem inside the formula.
public struct RenderMath: LessonStage {
    public let name = "math"
    public init() {}

    public func run(_ lesson: inout Lesson, in context: BuildContext) throws(DiagnosticList) {
        var problems: [Diagnostic] = []
        var rendered: [Int: String] = [:]
        for (index, span) in lesson.spans.enumerated() where span.kind == .inlineMath || span.kind == .displayMath {
            do {
                let math = try TeXToMathML.convert(span.source, display: span.kind == .displayMath)
                // A wide formula scrolls sideways inside a focusable box (MathML allows no tabindex), so keyboard users can scroll it.
                rendered[index] = span.kind == .displayMath ? "<span class=\"math-block\" tabindex=\"0\">\(math)</span>" : math
            } catch {
                problems.append(.error(at: Self.location(of: error, in: span), "invalid math: \(error.message)"))
            }
        }
        if !problems.isEmpty { throw DiagnosticList(problems) }
        SpanReplacement.replace(in: &lesson.blocks) { rendered[$0] }
    }

    /// The error's UTF-8 offset mapped to a column on the formula's line (spans never cross lines).
    static func location(of error: TeXError, in span: ProtectedSpans.Span) -> SourceLocation {
        let prefix = span.source.utf8.prefix(error.offset)
        let characters = String(decoding: prefix, as: UTF8.self).count
        var location = span.location
        location.column += characters
        return location
    }
}
