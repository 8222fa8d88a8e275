import Diagnostics
import Escaping
import Foundation
import Markdown

/// `> [!EXERCISE] Title`: a question the reader answers before reading on. The quote's body is the question,
/// then an optional paragraph starting with a bold **Hint** and, required, one starting with a bold **Answer**;
/// everything after such a paragraph's marker belongs to that part. Hint and answer are folded in `<details>`
/// elements, so they stay hidden until asked for without any script, and print unfolded. The exercise is a
/// complementary landmark like the other callouts (`<aside>` with a label), numbered on its page so that every
/// landmark's label is unique ("Exercise 2: Predict the velocity"), as assistive technology lists them.
struct ExerciseCallout {
    enum Part: String { case hint = "Hint", answer = "Answer" }

    /// The exercise as HTML, the page's exercise number `number`, or a problem at `location` when the answer is
    /// missing or a part is out of order.
    static func render(title: [Inline], body: [Block], number: Int, at location: SourceLocation,
                       problems: inout [Diagnostic]) -> String? {
        var parts: [(part: Part?, blocks: [Block])] = [(nil, [])]
        for block in body {
            if let (part, rest) = marker(block) {
                let seen = parts.compactMap(\.part)
                if seen.contains(part) || (part == .hint && seen.contains(.answer)) {
                    problems.append(.error(at: block.location, "an [!EXERCISE] has at most one **Hint** and one **Answer**, "
                        + "the hint first"))
                    return nil
                }
                parts.append((part, rest.map { [$0] } ?? []))
            } else {
                parts[parts.count - 1].blocks.append(block)
            }
        }
        guard parts.contains(where: { $0.part == .answer }) else {
            problems.append(.error(at: location, "an [!EXERCISE] needs its answer: a paragraph starting with **Answer.** "
                + "after the question"))
            return nil
        }
        guard !parts[0].blocks.isEmpty || !title.isEmpty else {
            problems.append(.error(at: location, "an [!EXERCISE] needs a question before its **Answer.**"))
            return nil
        }
        let renderer = HTMLRenderer()
        let heading = title.isEmpty ? "Exercise" : "Exercise: " + renderer.renderInline(title)
        let label = "Exercise \(number)" + (title.isEmpty ? "" : ": " + Inline.plainText(title))
        var html = "<aside class=\"exercise\" aria-label=\"\(HTMLEscape.escape(label))\">\n<p class=\"callout-title\">\(heading)</p>\n"
        html += renderer.render(parts[0].blocks)
        for (part, blocks) in parts.dropFirst() {
            guard let part else { continue }
            html += "<details class=\"exercise-\(part.rawValue.lowercased())\">\n<summary>\(part.rawValue)</summary>\n"
                + renderer.render(blocks) + "</details>\n"
        }
        return html + "</aside>\n"
    }

    /// A paragraph opening with bold `Hint` or `Answer` (a trailing `.` or `:` inside or after the bold is
    /// dropped): the part, and the paragraph's remaining text if any.
    private static func marker(_ block: Block) -> (Part, Block?)? {
        guard case .paragraph(let inlines) = block.kind, case .strong(let bold)? = inlines.first else { return nil }
        let word = Inline.plainText(bold).trimming(asciiCharacters: ".: ")
        guard let part = Part(rawValue: word) else { return nil }
        var rest = Array(inlines.dropFirst())
        if case .text(let t)? = rest.first {
            let trimmed = String(t.drop { $0 == "." || $0 == ":" || $0 == " " })
            if trimmed.isEmpty { rest.removeFirst() } else { rest[0] = .text(trimmed) }
        }
        while let first = rest.first, first == .softBreak || first == .lineBreak { rest.removeFirst() }
        return (part, rest.isEmpty ? nil : Block(.paragraph(rest), at: block.location))
    }
}
