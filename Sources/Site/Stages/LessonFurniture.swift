import Diagnostics
import Markdown
import Escaping

/// Turns GitHub-style alerts into the lesson's furniture. A block quote whose first line is `[!KIND]`
/// (optionally followed by a title) becomes:
/// - `NOTE`, `TIP`, `IMPORTANT`, `WARNING`, `CAUTION`, `ANALOGY`: a callout box with a title;
/// - `QA`: a collapsible question/answer block (`<details>`), the title being the question;
/// - `COMPARE`: comparison cards, one per `###` heading inside;
/// - `TAKEAWAYS`: the key-takeaways box;
/// - `EXERCISE`: a question with an optional hint and its answer, both folded (`ExerciseCallout`).
/// An unknown kind is an error with its location, so a typo never renders as a plain quote.
public struct LessonFurniture: LessonStage {
    public let name = "lesson furniture"
    public init() {}

    static let calloutTitles: [String: String] = [
        "NOTE": "Note", "TIP": "Tip", "IMPORTANT": "Important", "WARNING": "Warning",
        "CAUTION": "Caution", "ANALOGY": "Analogy",
    ]
    static let kinds = ["NOTE", "TIP", "IMPORTANT", "WARNING", "CAUTION", "ANALOGY", "QA", "COMPARE", "TAKEAWAYS", "EXERCISE"]

    public func run(_ lesson: inout Lesson, in context: BuildContext) throws(DiagnosticList) {
        var problems: [Diagnostic] = []
        var exercises = 0
        transform(&lesson.blocks, exercises: &exercises, problems: &problems)
        if !problems.isEmpty { throw DiagnosticList(problems) }
    }

    /// Replaces each alert of `blocks` with its HTML, where it is; other blocks are left as they are. An alert with
    /// a problem is left too (the lesson fails). `exercises`: how many exercises the page has so far (each is
    /// numbered in its label).
    func transform(_ blocks: inout [Block], exercises: inout Int, problems: inout [Diagnostic]) {
        for index in blocks.indices {
            let block = blocks[index]
            guard case .blockQuote(let inner) = block.kind, let (kind, title, body) = alert(inner) else { continue }
            guard Self.kinds.contains(kind) else {
                problems.append(.error(at: block.location, "unknown callout kind '[!\(kind)]'\(DidYouMean.hint(for: kind, among: Self.kinds)); use one of \(Self.kinds.joined(separator: ", "))"))
                continue
            }
            if kind == "EXERCISE" { exercises += 1 }
            let number = exercises
            var content = body
            transform(&content, exercises: &exercises, problems: &problems)
            let html = HTMLRenderer()
            let titleHTML = title.isEmpty ? nil : HTMLRenderer().renderInline(title)
            let rendered: String
            switch kind {
            case "QA":
                guard let titleHTML else {
                    problems.append(.error(at: block.location, "a [!QA] block needs the question on its first line: '> [!QA] Loss oscillates wildly'"))
                    continue
                }
                rendered = "<details class=\"qa\">\n<summary>\(titleHTML)</summary>\n\(html.render(content))</details>\n"
            case "EXERCISE":
                guard let exercise = ExerciseCallout.render(title: title, body: content, number: number,
                                                            at: block.location, problems: &problems) else { continue }
                rendered = exercise
            case "COMPARE":
                rendered = compareCards(content, at: block.location, problems: &problems)
            case "TAKEAWAYS":
                rendered = "<aside class=\"takeaways\" aria-label=\"Key takeaways\">\n<p class=\"callout-title\">\(titleHTML ?? "Key takeaways")</p>\n\(html.render(content))</aside>\n"
            default:
                let heading = titleHTML ?? (Self.calloutTitles[kind] ?? kind)
                rendered = "<aside class=\"callout callout-\(kind.lowercased())\" aria-label=\"\(HTMLEscape.escape(Self.calloutTitles[kind] ?? kind))\">\n<p class=\"callout-title\">\(heading)</p>\n\(html.render(content))</aside>\n"
            }
            blocks[index] = Block(.rawHTML(rendered), at: block.location)
        }
    }

    /// `[!KIND] optional title` at the start of the quote's first paragraph.
    private func alert(_ inner: [Block]) -> (String, [Inline], [Block])? {
        guard let first = inner.first, case .paragraph(let inlines) = first.kind,
              case .text(let text)? = inlines.first, text.hasPrefix("[!") else { return nil }
        // cmark splits "[!NOTE]" into "[", "!NOTE", "]" text runs or keeps it whole; join the leading text.
        var leading = ""
        var consumed = 0
        for inline in inlines {
            guard case .text(let t) = inline else { break }
            leading += t
            consumed += 1
            // `]` is in no other character's decomposition, so it is there only if its byte is, and in ASCII text is
            // whenever its byte is: Foundation is asked about other text only.
            if leading.utf8.contains(UInt8(ascii: "]")), leading.utf8.allSatisfy({ $0 < 0x80 }) || leading.contains("]") { break }
        }
        guard let close = leading.firstIndex(of: "]") else { return nil }
        let kind = String(leading[leading.index(leading.startIndex, offsetBy: 2)..<close])
        guard !kind.isEmpty, kind.allSatisfy({ $0.isLetter || $0 == "_" }) else { return nil }
        var rest = Array(inlines.dropFirst(consumed))
        let after = String(leading[leading.index(after: close)...]).drop { $0 == " " }
        if !after.isEmpty { rest.insert(.text(String(after)), at: 0) }
        // The title runs to the first line break; the rest of the paragraph is body.
        var title: [Inline] = []
        var bodyInlines: [Inline] = []
        var inTitle = true
        for inline in rest {
            if inTitle, inline == .softBreak || inline == .lineBreak { inTitle = false; continue }
            if inTitle { title.append(inline) } else { bodyInlines.append(inline) }
        }
        var body = Array(inner.dropFirst())
        if !bodyInlines.isEmpty { body.insert(Block(.paragraph(bodyInlines), at: first.location), at: 0) }
        return (kind.uppercased(), title, body)
    }

    private func compareCards(_ content: [Block], at location: SourceLocation, problems: inout [Diagnostic]) -> String {
        var cards: [(title: [Inline], blocks: [Block])] = []
        for block in content {
            if case let .heading(level, title, _) = block.kind, level == 3 {
                cards.append((title, []))
            } else if cards.isEmpty {
                problems.append(.error(at: block.location, "a [!COMPARE] block holds cards, each starting with a '### Name' heading"))
                return ""
            } else {
                var block = block
                if case let .heading(level, inner, _) = block.kind, level > 3 {
                    block.kind = .rawHTML("<h4>\(HTMLRenderer().renderInline(inner))</h4>\n")
                }
                cards[cards.count - 1].blocks.append(block)
            }
        }
        var html = "<div class=\"compare\">\n"
        for card in cards {
            html += "<section class=\"compare-card\">\n<h3>\(HTMLRenderer().renderInline(card.title))</h3>\n\(HTMLRenderer().render(card.blocks))</section>\n"
        }
        return html + "</div>\n"
    }
}
