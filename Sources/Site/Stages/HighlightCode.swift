import Diagnostics
import Markdown

/// Renders every fenced code block (title bar, download link, build-time highlighting) wherever it
/// sits: at the top level, in block quotes (so inside callouts and Q&A blocks), in list items and in
/// footnotes. Runs before `LessonFurniture`, which turns block quotes into finished HTML.
public struct HighlightCode: LessonStage {
    public let name = "highlight code"
    public init() {}

    public func run(_ lesson: inout Lesson, in context: BuildContext) throws(DiagnosticList) {
        lesson.blocks = Self.render(lesson.blocks)
    }

    static func render(_ blocks: [Block]) -> [Block] {
        blocks.map { block in
            var block = block
            switch block.kind {
            case let .codeBlock(info, code):
                block.kind = .rawHTML(CodeBlockRenderer.render(info: info, code: code))
            case .blockQuote(let inner):
                block.kind = .blockQuote(render(inner))
            case let .list(ordered, start, tight, items):
                block.kind = .list(ordered: ordered, start: start, tight: tight,
                                   items: items.map { ListItem(blocks: render($0.blocks), task: $0.task) })
            case let .footnoteDefinition(label, content):
                block.kind = .footnoteDefinition(label: label, content: render(content))
            default:
                break
            }
            return block
        }
    }
}
