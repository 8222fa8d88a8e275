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
        // By span index; sized once, as is the table below (growing them rehashed their keys again and again).
        var rendered = [String?](repeating: nil, count: lesson.spans.count)
        // A formula the lesson writes more than once (`\eta`, `\lambda`) is converted once, inline and display apart.
        var converted: [Formula: Result<String, TeXError>] = [:]
        converted.reserveCapacity(lesson.spans.count)
        for (index, span) in lesson.spans.enumerated() where span.kind == .inlineMath || span.kind == .displayMath {
            let formula = Formula(source: span.source, display: span.kind == .displayMath)
            let outcome: Result<String, TeXError>
            if let known = converted[formula] {
                outcome = known
            } else {
                outcome = Result { () throws(TeXError) in try TeXToMathML.convert(formula.source, display: formula.display) }
                converted[formula] = outcome
            }
            switch outcome {
            case .success(let math):
                // A wide formula scrolls sideways inside a focusable box (MathML allows no tabindex), so keyboard users can scroll it.
                rendered[index] = formula.display ? "<span class=\"math-block\" tabindex=\"0\">\(math)</span>" : math
            case .failure(let error):
                problems.append(.error(at: Self.location(of: error, in: span), "invalid math: \(error.message)"))
            }
        }
        if !problems.isEmpty { throw DiagnosticList(problems) }
        SpanReplacement.replace(in: &lesson.blocks) { rendered.indices.contains($0) ? rendered[$0] : nil }
    }

    /// A formula as written: its source compared by its UTF-8 bytes, not as Swift compares strings (canonically),
    /// so that `é` and `e` + U+0301 stay two formulas with their own MathML and their own error columns.
    private struct Formula: Hashable {
        var source: String
        var display: Bool

        static func == (a: Formula, b: Formula) -> Bool {
            // The table compares a key with every one its probe meets: most differ in length, known without a look at
            // their bytes, and the rest are compared as two buffers rather than through two UTF-8 views.
            guard a.display == b.display, a.source.utf8.count == b.source.utf8.count else { return false }
            var a = a.source, b = b.source
            return a.withUTF8 { a in b.withUTF8 { b in a.elementsEqual(b) } }
        }

        func hash(into hasher: inout Hasher) {
            hasher.combine(display)
            var source = source
            source.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
        }
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
