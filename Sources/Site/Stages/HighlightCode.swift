import Diagnostics
import Markdown

/// Renders every fenced code block (title bar, download link, build-time highlighting) wherever it
/// sits: at the top level, in block quotes (so inside callouts and Q&A blocks), in list items and in
/// footnotes. Runs before `LessonFurniture`, which turns block quotes into finished HTML. Long listings fold
/// (`FoldedListing`); a bad `fold="…"` is an error at its fence.
public struct HighlightCode: LessonStage {
    public let name = "highlight code"
    public init() {}

    public func run(_ lesson: inout Lesson, in context: BuildContext) throws(DiagnosticList) {
        var problems: [Diagnostic] = []
        lesson.blocks = Self.render(lesson.blocks, problems: &problems)
        if !problems.isEmpty { throw DiagnosticList(problems) }
    }

    static func render(_ blocks: [Block], problems: inout [Diagnostic]) -> [Block] {
        blocks.map { block in
            var block = block
            switch block.kind {
            case let .codeBlock(info, code):
                let fence = FenceInfo(info)
                var fold: FoldedListing?
                do throws(Diagnostic) {
                    fold = try FoldedListing.of(code, attributes: fence.attributes, at: block.location)
                } catch {
                    problems.append(error)
                }
                block.kind = .rawHTML(CodeBlockRenderer.render(fence: fence, code: code, fold: fold))
            case .blockQuote(let inner):
                block.kind = .blockQuote(render(inner, problems: &problems))
            case let .list(ordered, start, tight, items):
                block.kind = .list(ordered: ordered, start: start, tight: tight,
                                   items: items.map { ListItem(blocks: render($0.blocks, problems: &problems), task: $0.task) })
            case let .footnoteDefinition(label, content):
                block.kind = .footnoteDefinition(label: label, content: render(content, problems: &problems))
            default:
                break
            }
            return block
        }
    }
}
