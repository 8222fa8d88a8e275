import Foundation
import Testing
@testable import Site

/// `> [!EXERCISE]`: the question shows, the hint and the answer are folded in `<details>` (no script needed),
/// an answer may quote executed results, and a missing or misplaced part is an error at its place. An exercise is a
/// labelled `<aside>` landmark like the other callouts, numbered on its page so that no two labels are the same.
@Suite struct ExerciseCalloutTests {
    static let schedule = """
        ```experiment
        id: halves
        kind: schedule
        steps: [1, 2, 3]
        columns:
          - {name: half, expr: "1 / 2^t"}
        ```

        """

    func lesson(_ body: String) throws -> (SiteTest, String) {
        let site = try SiteTest(fixture: "basic")
        try site.write("content/intro/first.md", "---\ntitle: First\n---\n" + Self.schedule + body)
        _ = try site.build()
        return (site, try site.output("intro/first/index.html"))
    }

    @Test func questionHintAndAnswerFoldedWithAQuotedResult() throws {
        let (site, html) = try lesson("""
            > [!EXERCISE] Predict the third value
            > What is the column at step 3?
            >
            > **Hint.** Halve three times.
            >
            > **Answer.** It is {{ halves.half[3] | .3f }}.
            > Each step halves it.

            """)
        defer { site.remove() }
        #expect(html.contains("""
            <aside class="exercise" aria-label="Exercise 1: Predict the third value">
            <p class="callout-title">Exercise: Predict the third value</p>
            <p>What is the column at step 3?</p>
            <details class="exercise-hint">
            <summary>Hint</summary>
            <p>Halve three times.</p>
            </details>
            <details class="exercise-answer">
            <summary>Answer</summary>
            <p>It is <span class="inline-result"
            """), "\(html)")
        #expect(html.contains(">0.125</span>"))
        #expect(!html.contains("**Answer"))
    }

    @Test func answerWithoutHintAndTitle() throws {
        let (site, html) = try lesson("> [!EXERCISE]\n> Why?\n>\n> **Answer:**\n> Because.\n")
        defer { site.remove() }
        #expect(html.contains("<aside class=\"exercise\" aria-label=\"Exercise 1\">\n<p class=\"callout-title\">Exercise</p>\n<p>Why?</p>\n<details class=\"exercise-answer\">\n<summary>Answer</summary>\n<p>Because.</p>\n</details>\n</aside>"))
        #expect(!html.contains("exercise-hint"))
        #expect(!html.contains("<div class=\"exercise\""))
    }

    /// Landmarks of one role need distinct labels (axe's landmark-unique): each exercise's label carries its number on
    /// the page, counted in reading order (also inside another callout), and its title as plain text, escaped.
    @Test func everyExerciseOnAPageHasItsOwnLabel() throws {
        let (site, html) = try lesson("""
            > [!EXERCISE]
            > One?
            >
            > **Answer.** Yes.

            > [!NOTE]
            > > [!EXERCISE]
            > > Two?
            > >
            > > **Answer.** Yes.

            > [!EXERCISE] The *"best"* epoch & a < b
            > Three?
            >
            > **Answer.** Yes.

            """)
        defer { site.remove() }
        let labels = html.components(separatedBy: "<aside class=\"exercise\" aria-label=\"").dropFirst()
            .map { String($0.prefix { $0 != "\"" }) }
        #expect(labels == ["Exercise 1", "Exercise 2", "Exercise 3: The &quot;best&quot; epoch &amp; a &lt; b"])
    }

    func diagnostics(_ body: String) throws -> [String] {
        let site = try SiteTest(fixture: "basic")
        defer { site.remove() }
        try site.write("content/intro/first.md", "---\ntitle: First\n---\n" + body)
        return site.buildFailure().map(\.description)
    }

    @Test func anExerciseNeedsAnAnswer() throws {
        #expect(try diagnostics("> [!EXERCISE] Guess\n> What is it?\n") == [
            "content/intro/first.md:4:1: error: an [!EXERCISE] needs its answer: a paragraph starting with **Answer.** after the question",
        ])
    }

    @Test func theHintComesBeforeTheAnswerAndOnce() throws {
        #expect(try diagnostics("> [!EXERCISE] Guess\n> What?\n>\n> **Answer.** This.\n>\n> **Hint.** Late.\n") == [
            "content/intro/first.md:9:3: error: an [!EXERCISE] has at most one **Hint** and one **Answer**, the hint first",
        ])
    }
}
