import Escaping
import Diagnostics
import Foundation
import Markdown

/// Numbers the lesson's captioned tables and resolves `@fig:id` / `@tbl:id` in prose to "Figure 2" /
/// "Table 1", linked to the figure or table. Experiment figures are numbered by `RunExperiments`, in
/// reading order. A table gets a number when a paragraph starting `Table: ` stands right before or
/// right after it (with a blank line between, as markdown needs); `{#tbl:id}` at the end of that caption
/// names it for references. A reference to an id the lesson does not have fails the build at its place.
public struct CrossReferences: LessonStage {
    public let name = "cross-references"
    public init() {}

    static let captionPrefix = "Table: "

    public func run(_ lesson: inout Lesson, in context: BuildContext) throws(DiagnosticList) {
        var problems: [Diagnostic] = []
        lesson.blocks = numberTables(lesson.blocks, targets: &lesson.crossReferenceTargets, problems: &problems)

        var rendered: [Int: String] = [:]
        let known = lesson.crossReferenceTargets.keys.filter { !$0.isEmpty }.sorted()
        for (index, span) in lesson.spans.enumerated() where span.kind == .crossReference {
            guard let target = lesson.crossReferenceTargets[span.source] else {
                let kind = span.source.hasPrefix("fig:") ? "figure (an experiment block's id)" : "table (a caption ending in {#\(span.source)})"
                problems.append(.error(at: span.location, "'@\(span.source)' refers to no \(kind) of this lesson\(DidYouMean.hint(for: span.source, among: known))"
                                       + (known.isEmpty ? "" : "; the lesson has \(known.map { "@\($0)" }.joined(separator: ", "))")))
                continue
            }
            rendered[index] = "<a class=\"cross-reference\" href=\"#\(HTMLEscape.escape(target.anchor))\">\(HTMLEscape.escape(target.label))</a>"
        }
        if !problems.isEmpty { throw DiagnosticList(problems) }
        if !rendered.isEmpty { SpanReplacement.replace(in: &lesson.blocks) { rendered[$0] } }
    }

    /// Wraps each captioned top-level table in a `<figure>` with its numbered caption.
    func numberTables(_ blocks: [Block], targets: inout [String: CrossReferenceTarget], problems: inout [Diagnostic]) -> [Block] {
        var out: [Block] = []
        var number = 0
        var i = 0
        while i < blocks.count {
            let block = blocks[i]
            guard case .table = block.kind else {
                // A caption before a table is taken with the table.
                if i + 1 < blocks.count, case .table = blocks[i + 1].kind, caption(block) != nil {
                    out += wrap(table: blocks[i + 1], caption: block, number: &number, targets: &targets, problems: &problems)
                    i += 2
                    continue
                }
                out.append(block)
                i += 1
                continue
            }
            if i + 1 < blocks.count, caption(blocks[i + 1]) != nil {
                out += wrap(table: block, caption: blocks[i + 1], number: &number, targets: &targets, problems: &problems)
                i += 2
            } else {
                out.append(block)
                i += 1
            }
        }
        return out
    }

    /// The caption's inlines after `Table: `, when `block` is a caption paragraph.
    func caption(_ block: Block) -> [Inline]? {
        guard case .paragraph(let inlines) = block.kind, case .text(let first)? = inlines.first,
              first.hasPrefix(Self.captionPrefix) else { return nil }
        var rest = inlines
        rest[0] = .text(String(first.dropFirst(Self.captionPrefix.count)))
        return rest
    }

    private func wrap(table: Block, caption block: Block, number: inout Int, targets: inout [String: CrossReferenceTarget],
                      problems: inout [Diagnostic]) -> [Block] {
        var inlines = caption(block) ?? []
        var id: String?
        // `{#tbl:id}` ends the caption's last text run.
        if case .text(let last)? = inlines.last, last.hasSuffix("}"), let open = last.range(of: "{#", options: .backwards) {
            let label = last[open.upperBound..<last.index(before: last.endIndex)]
            if label.hasPrefix("tbl:"), label.count > 4, label.dropFirst(4).allSatisfy({ CitationSyntax.isIDCharacter($0) }) {
                id = String(label.dropFirst(4))
                inlines[inlines.count - 1] = .text(String(last[..<open.lowerBound]).trimmingCharacters(in: .whitespaces))
            } else {
                problems.append(.error(at: block.location, "a table's id is written {#tbl:name} at the end of its caption, with letters, digits, '-' and '_', not '{#\(label)}'"))
            }
        }
        number += 1
        let target = CrossReferenceTarget.table(id: id, number: number)
        if !target.key.isEmpty {
            if targets[target.key] != nil {
                problems.append(.error(at: block.location, "'{#\(target.key)}' names two tables of this lesson: give each its own id"))
            }
            targets[target.key] = target
        }
        let label: Inline = .rawHTML("<span class=\"figure-label\">\(HTMLEscape.escape(target.label)).</span> ")
        return [
            Block(.rawHTML("<figure class=\"table-figure\" id=\"\(HTMLEscape.escape(target.anchor))\">\n<figcaption>"), at: block.location),
            Block(.paragraph([label] + inlines), at: block.location),
            Block(.rawHTML("</figcaption>\n"), at: block.location),
            table,
            Block(.rawHTML("</figure>\n"), at: block.location),
        ]
    }
}
