import Escaping
import Bibliography
import Diagnostics
import Foundation
import Markdown

/// Resolves `[@key]` and `[@a; @b]` against the site's bibliography and ends the lesson with a
/// "References" section listing what it cites, with DOI, arXiv or URL links. A citation links to its
/// entry and shows the reference on hover or keyboard focus (CSS only; screen readers get it through
/// `aria-describedby`). Numbered style counts entries in order of first citation; author-year lists
/// them by author. An unknown key fails the build at its place, with the nearest key as a suggestion.
public struct Citations: LessonStage {
    public let name = "citations"
    public init() {}

    public func run(_ lesson: inout Lesson, in context: BuildContext) throws(DiagnosticList) {
        let bibliography = context.bibliography
        let style = context.site.citationStyle
        var problems: [Diagnostic] = []
        var cited: [String] = []
        for span in lesson.spans where span.kind == .citation {
            for (key, offset) in CitationSyntax.keys(span.source) {
                guard bibliography[key] != nil else {
                    var at = span.location
                    at.column += offset
                    let file = context.site.bibliography ?? "references.bib"
                    let fix = bibliography.entries.isEmpty
                        ? "the site has no bibliography: create \(context.paths.display(context.paths.content))/\(file) (see README, 'Citations')"
                        : "add it to \(context.paths.display(context.paths.content))/\(file)"
                    problems.append(.error(at: at, "unknown citation key '\(key)'\(DidYouMean.hint(for: key, among: bibliography.keys)): \(fix)"))
                    continue
                }
                if !cited.contains(key) { cited.append(key) }
            }
        }
        if !problems.isEmpty { throw DiagnosticList(problems) }
        guard !cited.isEmpty else { return }
        lesson.citedKeys = cited
        let numbers = Dictionary(uniqueKeysWithValues: cited.enumerated().map { ($1, $0 + 1) })

        var rendered: [Int: String] = [:]
        var previews = 0
        for (index, span) in lesson.spans.enumerated() where span.kind == .citation {
            let links = CitationSyntax.keys(span.source).compactMap { key, _ -> String? in
                guard let reference = bibliography.reference(key) else { return nil }
                previews += 1
                let label = style == .numbered ? String(numbers[key] ?? 0) : reference.authorYear
                let tip = "cite-\(previews)"
                return "<span class=\"citation\"><a href=\"#\(Self.anchor(key))\" aria-describedby=\"\(tip)\">\(HTMLEscape.escape(label))</a>"
                    + "<span class=\"citation-preview\" role=\"tooltip\" id=\"\(tip)\">\(HTMLEscape.escape(reference.plainText))</span></span>"
            }
            rendered[index] = style == .numbered
                ? "[" + links.joined(separator: ", ") + "]"
                : "(" + links.joined(separator: "; ") + ")"
        }
        SpanReplacement.replace(in: &lesson.blocks) { rendered[$0] }

        let end = lesson.blocks.last?.location ?? SourceLocation(file: lesson.sourcePath, line: 1, column: 1)
        lesson.blocks.append(Block(.heading(level: 2, content: [.text("References")], id: nil), at: end))
        lesson.blocks.append(Block(.rawHTML(Self.list(cited, bibliography: bibliography, style: style)), at: end))
    }

    /// `ref-kingma2015adam`: the id of an entry in the references section.
    static func anchor(_ key: String) -> String { "ref-" + HTMLEscape.escape(key) }

    static func list(_ keys: [String], bibliography: Bibliography, style: CitationStyle) -> String {
        let references = keys.compactMap { bibliography.reference($0) }
        let ordered = style == .numbered ? references
            : references.map { (sortKey($0), $0) }.sorted { ($0.0, $0.1.key) < ($1.0, $1.1.key) }.map(\.1)
        var list = style == .numbered ? "<ol class=\"references\">\n" : "<ul class=\"references author-year\">\n"
        for reference in ordered {
            list += "<li id=\"\(anchor(reference.key))\">\(html(reference.parts))</li>\n"
        }
        return list + (style == .numbered ? "</ol>\n" : "</ul>\n")
    }

    /// Author-year order ignores case and accents (Gödel before Goodfellow), the same on every machine.
    static func sortKey(_ reference: FormattedReference) -> String {
        reference.authorYear.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
    }

    static func html(_ parts: [ReferencePart]) -> String {
        parts.map { part in
            switch part {
            case .text(let text): return HTMLEscape.escape(text)
            case .emphasis(let text): return "<em>\(HTMLEscape.escape(text))</em>"
            case let .link(text, url): return "<a href=\"\(HTMLEscape.url(url))\">\(HTMLEscape.escape(text))</a>"
            }
        }.joined()
    }
}
