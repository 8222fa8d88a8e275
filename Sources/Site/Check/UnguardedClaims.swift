import Diagnostics
import Foundation
import Markdown

/// `sitegen check`'s heuristic for a finding the numbers do not guard: a sentence of a lesson that
///
/// 1. sits next to an experiment: in the prose between an `experiment` block and the next heading, or within
///    one sentence of an inline result (`{{ }}`) or a figure reference (`@fig:`);
/// 2. states a number (a word starting with a digit, outside code, math and inline results) or uses a comparison word
///    (`comparisonWords`: lowest, faster, more, better, modest…);
/// 3. and quotes no result itself (no `{{ }}` in the sentence).
///
/// Such a sentence is reported as a warning (an error with `check --strict`). A sentence that is not a finding,
/// or whose comparison a block's check already guards, is marked with an HTML comment anywhere in it:
/// `<!-- no-claim -->` (any text may follow, e.g. `<!-- no-claim: checked by sgd-variants -->`). The heuristic
/// reads prose, list items and callouts; headings, tables, code and experiment blocks are not claims.
public enum UnguardedClaims {
    public static let marker = "no-claim"

    /// Whether `html` (an inline HTML node, or the start of an HTML block) is a marker: a comment whose text begins
    /// with `no-claim`, spaces allowed before either.
    static func isMarker(_ html: some StringProtocol) -> Bool {
        let comment = html.drop { $0 == " " }
        return comment.hasPrefix("<!--") && comment.dropFirst(4).drop { $0 == " " || $0 == "\t" }.hasPrefix(marker)
    }
    public static let comparisonWords: Set<String> = [
        "lowest", "highest", "lower", "higher", "faster", "slower", "fastest", "slowest", "quicker", "sooner",
        "more", "less", "fewer", "most", "least", "better", "worse", "best", "worst", "smaller", "larger",
        "smallest", "largest", "bigger", "beats", "beat", "outperforms", "wins", "modest", "closer", "closely",
        "stronger", "weaker", "improves", "improvement",
    ]

    /// Warnings for `lesson` (parsed, with its protected spans); `strict` makes them errors.
    public static func scan(_ lesson: Lesson, strict: Bool) -> [Diagnostic] {
        var found: [Diagnostic] = []
        var afterExperiment = false
        visit(lesson.blocks, lesson, &afterExperiment, &found)
        return strict ? found.map { .error(at: $0.location, $0.message) } : found
    }

    private static func visit(_ blocks: [Block], _ lesson: Lesson, _ afterExperiment: inout Bool, _ found: inout [Diagnostic]) {
        for block in blocks {
            switch block.kind {
            case .heading: afterExperiment = false
            case .codeBlock(let info, _):
                if info.split(separator: " ").first == "experiment" { afterExperiment = true }
            case .paragraph(let inlines):
                found += claims(in: inlines, at: block.location, lesson, afterExperiment: afterExperiment)
            case .blockQuote(let inner):
                visit(inner, lesson, &afterExperiment, &found)
            case .list(_, _, _, let items):
                for item in items { visit(item.blocks, lesson, &afterExperiment, &found) }
            default: break
            }
        }
    }

    /// One sentence: its text without code, math or results, and what it holds.
    struct Sentence {
        var text = ""
        var quotesResult = false
        var refersToFigure = false
        var marked = false
    }

    static func claims(in inlines: [Inline], at location: SourceLocation, _ lesson: Lesson,
                       afterExperiment: Bool) -> [Diagnostic] {
        let sentences = split(inlines, lesson)
        var found: [Diagnostic] = []
        for (i, sentence) in sentences.enumerated() where !sentence.quotesResult && !sentence.marked {
            let neighbours = sentences[max(0, i - 1)...min(sentences.count - 1, i + 1)]
            let near = afterExperiment || neighbours.contains { $0.quotesResult || $0.refersToFigure }
            guard near, let reason = claim(sentence.text) else { continue }
            let excerpt = sentence.text.trimmingCharacters(in: .whitespaces)
            let shown = excerpt.count > 90 ? String(excerpt.prefix(87)) + "…" : excerpt
            found.append(.warning(at: location, "unguarded claim (\(reason)) next to an experiment: \"\(shown)\"; quote "
                + "the number with {{ }}, or guard it with a check and mark the sentence <!-- no-claim: checked -->, "
                + "or mark it <!-- no-claim --> if it is not a finding"))
        }
        return found
    }

    /// Why the text reads as a claim: "states 4 %" or "says 'lowest'"; nil when it does not.
    static func claim(_ text: String) -> String? {
        let words = text.lowercased().split { !$0.isLetter && !$0.isNumber && $0 != "." && $0 != "," && $0 != "%" }
        // A number starts with a digit: "1,600", "31.6", "4%"; "float64" and "L2" are names.
        if let number = words.first(where: { $0.first?.isNumber == true }) {
            return "states \(number.trimmingCharacters(in: CharacterSet(charactersIn: ".,")))"
        }
        let letters = text.lowercased().split { !$0.isLetter }
        if let word = letters.first(where: { comparisonWords.contains(String($0)) }) { return "says '\(word)'" }
        return nil
    }

    /// The paragraph's sentences: a sentence ends at `.`, `!` or `?` followed by a space or the end.
    static func split(_ inlines: [Inline], _ lesson: Lesson) -> [Sentence] {
        var sentences = [Sentence()]
        func add(_ text: String) {
            var chars = Array(text)
            var i = 0
            while i < chars.count {
                var c = chars[i]
                if c == ProtectedSpans.open, let close = chars[i...].firstIndex(of: ProtectedSpans.close) {
                    let index = Int(String(chars[(i + 1)..<close])) ?? -1
                    if lesson.spans.indices.contains(index) {
                        switch lesson.spans[index].kind {
                        case .inlineResult: sentences[sentences.count - 1].quotesResult = true
                        case .crossReference: if lesson.spans[index].source.hasPrefix("fig:") { sentences[sentences.count - 1].refersToFigure = true }
                        default: break
                        }
                    }
                    i = close + 1
                    sentences[sentences.count - 1].text += " "
                    continue
                }
                if c == "\n" { c = " "; chars[i] = c }
                sentences[sentences.count - 1].text.append(c)
                if ".!?".contains(c), i + 1 == chars.count || chars[i + 1] == " " || chars[i + 1] == "\n" {
                    sentences.append(Sentence())
                }
                i += 1
            }
        }
        for inline in inlines {
            switch inline {
            case .text(let t): add(t)
            case .softBreak, .lineBreak: add(" ")
            case .code: sentences[sentences.count - 1].text += " "
            case .html(let h): if isMarker(h) { sentences[sentences.count - 1].marked = true }
            case .emphasis(let inner), .strong(let inner), .strikethrough(let inner), .link(_, _, let inner):
                for sentence in split(inner, lesson).enumerated() {
                    if sentence.offset > 0 { sentences.append(Sentence()) }
                    sentences[sentences.count - 1].text += sentence.element.text
                    sentences[sentences.count - 1].quotesResult = sentences[sentences.count - 1].quotesResult || sentence.element.quotesResult
                    sentences[sentences.count - 1].refersToFigure = sentences[sentences.count - 1].refersToFigure || sentence.element.refersToFigure
                    sentences[sentences.count - 1].marked = sentences[sentences.count - 1].marked || sentence.element.marked
                }
            default: break
            }
        }
        return sentences.filter { !$0.text.trimmingCharacters(in: .whitespaces).isEmpty || $0.quotesResult }
    }
}
