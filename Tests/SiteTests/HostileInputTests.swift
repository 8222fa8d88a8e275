import Diagnostics
import Foundation
import Testing
@testable import Site
import TestSupport

/// The hostile-input corpus: malformed YAML, wrong types, huge numbers, NaN/Inf and diverging learning rates,
/// missing, cyclic and escaping includes, labels with markup, invalid UTF-8, empty files, absurd nesting and a
/// 10 MB lesson. Each case either fails with exactly the listed messages (file:line:col) and leaves the
/// previous public/ untouched, or builds with its hostile part made harmless. None may crash or hang.
@Suite struct HostileInputTests {
    @Test(arguments: HostileInput.corpus) func hostileInput(_ input: HostileInput) async throws {
        try await offThePool { try Self.check(input) }
    }

    static func check(_ input: HostileInput) throws {
        let site = try SiteTest(fixture: input.fixture)
        defer { site.remove() }
        try site.build()
        let before = try site.outputTree()
        try input.edit(site)
        switch input.expected {
        case .fails(let expected):
            let actual = site.buildFailure().map(\.description)
            if actual != expected {
                let got = actual.map { "\"\($0)\"," }.joined(separator: "\n")
                Issue.record("messages differ; got:\n\(got)")
            }
            #expect(try site.outputTree() == before, "the previous public/ must stay intact")
        case .builds(let verify):
            try site.build()
            try verify(site)
        }
    }

    @Test func theCorpusHasAtLeastFortyDistinctCases() {
        #expect(HostileInput.corpus.count >= 40)
        #expect(Set(HostileInput.corpus.map(\.name)).count == HostileInput.corpus.count)
    }
}

struct HostileInput: Sendable, CustomTestStringConvertible {
    enum Expected: Sendable {
        /// The build fails with exactly these messages, in this order.
        case fails([String])
        /// The build succeeds; the closure checks what the page made of the input.
        case builds(@Sendable (SiteTest) throws -> Void)
    }

    let name: String
    let fixture: String
    let edit: @Sendable (SiteTest) throws -> Void
    let expected: Expected

    var testDescription: String { name }

    // MARK: Building cases

    /// The `basic` fixture with content/intro/first.md replaced by `text`.
    static func lessonFile(_ name: String, _ text: String, _ expected: Expected) -> HostileInput {
        HostileInput(name: name, fixture: "basic", edit: { try $0.write(lesson, text) }, expected: expected)
    }

    /// The `basic` fixture with a three-line front matter and then `body` as first.md (the body starts on line 4).
    static func lessonBody(_ name: String, _ body: String, _ expected: Expected) -> HostileInput {
        lessonFile(name, "---\ntitle: First\n---\n" + body, expected)
    }

    /// The `experiments` fixture with `old` (which occurs once) replaced by `new` in its lesson.
    static func experiment(_ name: String, replacing old: String, with new: String, _ expected: Expected) -> HostileInput {
        experiment(name, replacing: [(old, new)], expected)
    }

    /// The `experiments` fixture with each `old` (which occurs once) replaced by its `new`, in order.
    static func experiment(_ name: String, replacing edits: [(String, String)], _ expected: Expected) -> HostileInput {
        HostileInput(name: name, fixture: "experiments", edit: { site in
            var text = try site.read(lab)
            for (old, new) in edits {
                guard text.components(separatedBy: old).count == 2 else { throw FixtureMismatch(text: old) }
                text = text.replacingOccurrences(of: old, with: new)
            }
            try site.write(lab, text)
        }, expected: expected)
    }

    static func config(_ name: String, _ text: String, _ expected: Expected) -> HostileInput {
        HostileInput(name: name, fixture: "basic", edit: { try $0.write("sitegen.yml", text) }, expected: expected)
    }

    struct FixtureMismatch: Error { let text: String }

    static let lesson = "content/intro/first.md"
    static let lab = "content/lab/results.md"
    static let firstPage = "intro/first/index.html"

    static func bytes(_ site: SiteTest, _ relative: String, _ data: [UInt8]) throws {
        try Data(data).write(to: URL(fileURLWithPath: "\(site.root)/\(relative)"))
    }

    // MARK: The corpus

    static let corpus: [HostileInput] = frontMatterAndConfig + markdownAndFiles + includes + math + experiments
        + citationsAndReferences
        + HostileInput.longChains + HostileInput.oneTypoOneError + HostileInput.lessonsAndDates + HostileInput.auditedInputs
        + HostileInput.landscapes
        + HostileInput.sweeps
        + HostileInput.quotes
        + HostileInput.lossesAndClipping
        + HostileInput.validationSplits

    static let frontMatterAndConfig: [HostileInput] = [
        lessonFile("front matter: broken YAML", "---\ntitle: First\nsummary: [unclosed\n---\nBody\n", .fails([
            "content/intro/first.md:4:1: error: YAML syntax error: did not find expected ',' or ']' (while parsing a flow sequence that starts at content/intro/first.md:3:10)",
        ])),
        lessonFile("front matter: a list, not a mapping", "---\n- a\n- b\n---\nBody\n", .fails([
            "content/intro/first.md:2:1: error: expected keys and values here (such as 'title: …'), not a list",
        ])),
        lessonFile("front matter: title is a mapping", "---\ntitle: {a: 1}\n---\nBody\n", .fails([
            "content/intro/first.md:2:8: error: 'title' must be text, not a mapping",
        ])),
        lessonFile("front matter: order is text", "---\ntitle: T\norder: first\n---\nBody\n", .fails([
            "content/intro/first.md:3:8: error: 'order' must be a whole number, not 'first'",
        ])),
        lessonFile("front matter: draft is not a boolean", "---\ntitle: T\ndraft: maybe\n---\nBody\n", .fails([
            "content/intro/first.md:3:8: error: 'draft' must be true or false, not 'maybe'",
        ])),
        lessonFile("front matter: negative reading time", "---\ntitle: T\nreading_time: -5\n---\nBody\n", .fails([
            "content/intro/first.md:3:15: error: 'reading_time' is in minutes and must be at least 1",
        ])),
        lessonFile("front matter: duplicate key", "---\ntitle: A\ntitle: B\n---\nBody\n", .fails([
            "content/intro/first.md:2:1: error: duplicate key 'title': each key may appear once in a mapping",
        ])),
        lessonFile("front matter: order beyond Int", "---\ntitle: T\norder: 99999999999999999999999\n---\nBody\n", .fails([
            "content/intro/first.md:3:8: error: 'order' is 99999999999999999999999, beyond the whole numbers allowed here (below 10^15 in size)",
        ])),
        lessonFile("front matter: tab indentation", "---\ntitle: T\nsummary:\n\t- x\n---\nBody\n", .fails([
            "content/intro/first.md:4:1: error: YAML syntax error: found character that cannot start any token (while scanning for the next token that starts at content/intro/first.md:4:1)",
        ])),
        lessonFile("front matter: never closed", "---\ntitle: First\n\nBody\n", .fails([
            "content/intro/first.md:1:1: error: front matter is not closed: add a '---' line after its last key",
        ])),
        config("site config: broken YAML", "title: [x\n", .fails([
            "sitegen.yml:2:1: error: YAML syntax error: did not find expected ',' or ']' (while parsing a flow sequence that starts at sitegen.yml:1:8)",
        ])),
        config("site config: modules is not a list", "title: X\nmodules: intro\n", .fails([
            "sitegen.yml:2:10: error: 'modules' must be a list of module folders (or of mappings with 'slug:')",
        ])),
        config("site config: empty file", "", .fails([
            "sitegen.yml:1:1: error: the site config needs a 'title'",
        ])),
        config("site config: base_url is a list", "title: X\nbase_url: [a]\nmodules: [intro]\n", .fails([
            "sitegen.yml:2:11: error: 'base_url' must be text, not a list",
        ])),
        config("site config: module title is a mapping", "title: X\nmodules:\n  - slug: intro\n    title: {a: 1}\n", .fails([
            "sitegen.yml:4:12: error: 'title' must be text, not a mapping",
        ])),
        config("site config: module lessons hold a list", "title: X\nmodules:\n  - slug: intro\n    lessons: [first, [x]]\n", .fails([
            "sitegen.yml:4:22: error: 'lessons' must be text, not a list",
        ])),
        config("site config: module slug is a number list", "title: X\nmodules:\n  - slug: [1]\n", .fails([
            "sitegen.yml:3:11: error: 'slug' must be text, not a list",
        ])),
        config("site config: module status misspelt", "title: X\nmodules:\n  - slug: intro\n    status: comming-soon\n", .fails([
            "sitegen.yml:4:13: error: 'status' is 'published' or 'coming-soon', not 'comming-soon' (did you mean 'coming-soon'?)",
        ])),
        config("site config: module entry is a list", "title: X\nmodules:\n  - [intro]\n", .fails([
            "sitegen.yml:3:5: error: a module entry is a folder name or a mapping with 'slug:', not a list",
        ])),
    ]

    static let markdownAndFiles: [HostileInput] = [
        lessonFile("lesson: empty file", "", .fails([
            "content/intro/first.md:1:1: error: missing front matter: start the file with a '---' line, then at least 'title: …', then '---'",
        ])),
        HostileInput(name: "lesson: invalid UTF-8", fixture: "basic", edit: { site in
            try bytes(site, lesson, Array("---\ntitle: T\n---\nCaf".utf8) + [0xC3, 0x28, 0xFF, 0x0A])
        }, expected: .fails([
            "content/intro/first.md:1:1: error: the file is not valid UTF-8: save it as UTF-8",
        ])),
        lessonBody("lesson: NUL bytes become U+FFFD", "Before\u{0}after.\n", .builds { site in
            let html = try site.output(firstPage)
            #expect(html.contains("<p>Before\u{FFFD}after.</p>"))
        }),
        lessonBody("lesson: block quotes 50 000 deep", String(repeating: "> ", count: 50_000) + "deep\n", .fails([
            "content/intro/first.md:4:129: error: markdown nests deeper than 64 levels here (block quotes, lists, emphasis or links inside each other); flatten the structure",
        ])),
        lessonBody("lesson: block quotes 60 deep still build", String(repeating: "> ", count: 60) + "deep enough\n", .builds { site in
            let html = try site.output(firstPage)
            #expect(html.components(separatedBy: "<blockquote>").count == 61)
        }),
        lessonBody("lesson: emphasis 50 000 deep",
                   String(repeating: "*a ", count: 50_000) + "x" + String(repeating: " b*", count: 50_000) + "\n", .fails([
            "content/intro/first.md:4:188: error: markdown nests deeper than 64 levels here (block quotes, lists, emphasis or links inside each other); flatten the structure",
        ])),
        lessonBody("lesson: links 50 000 deep are flattened by cmark",
                   String(repeating: "[a ", count: 50_000) + "x" + String(repeating: "](u)", count: 50_000) + "\n", .builds { site in
            let html = try site.output(firstPage)
            #expect(html.contains("<a href=\"u\">"))
        }),
        lessonBody("lesson: unknown callout kind", "> [!NOTEE] Title\n> Body\n", .fails([
            "content/intro/first.md:4:1: error: unknown callout kind '[!NOTEE]' (did you mean 'NOTE'?); use one of NOTE, TIP, IMPORTANT, WARNING, CAUTION, ANALOGY, QA, COMPARE, TAKEAWAYS, EXERCISE",
        ])),
        HostileInput(name: "lesson: title and heading with script", fixture: "basic", edit: { site in
            try site.write(lesson, "---\ntitle: \"<script>alert(1)</script>\"\n---\n## <img src=x onerror=alert(1)> & co\n")
        }, expected: .builds { site in
            let html = try site.output(firstPage)
            #expect(!html.contains("<script>alert(1)"))
            #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        }),
        HostileInput(name: "lesson: 10 MB of prose, code and math", fixture: "basic", edit: { site in
            let paragraph = "Adam keeps running means of *gradients* and **their squares** ([docs](https://pytorch.org)), "
                + "`m / (sqrt(v) + eps)`, and corrects their bias by $1 - \\beta_1^t$.\n\n"
            let body = String(repeating: paragraph, count: 10_000_000 / paragraph.utf8.count + 1)
            try site.write(lesson, "---\ntitle: Huge\n---\n## Long\n\n" + body)
        }, expected: .builds { site in
            let html = try site.output(firstPage)
            #expect(html.utf8.count > 10_000_000)
            #expect(html.contains("<math"))
        }),
    ]

    static let includes: [HostileInput] = [
        lessonBody("include: missing file", "```python file=\"gone.py\"\n```\n", .fails([
            "content/intro/first.md:4:1: error: included file content/intro/gone.py does not exist: check the name in file=\"gone.py\"",
        ])),
        lessonBody("include: path traversal", "```python file=\"../../sitegen.yml\"\n```\n", .fails([
            "content/intro/first.md:4:1: error: include path '../../sitegen.yml' leaves the content folder; keep included files beside the lesson",
        ])),
        lessonBody("include: absolute path", "```python file=\"/etc/passwd\"\n```\n", .fails([
            "content/intro/first.md:4:1: error: include path '/etc/passwd' must be relative to the lesson's folder",
        ])),
        HostileInput(name: "include: symlink leaving the content folder", fixture: "basic", edit: { site in
            try FileManager.default.createSymbolicLink(atPath: "\(site.root)/content/intro/escape.py", withDestinationPath: "/etc/hostname")
            try site.write(lesson, "---\ntitle: T\n---\n```python file=\"escape.py\"\n```\n")
        }, expected: .fails([
            "content/intro/first.md:4:1: error: include path 'escape.py' leaves the content folder; keep included files beside the lesson",
        ])),
        lessonBody("include: a folder", "```python file=\".\"\n```\n", .fails([
            "content/intro/first.md:4:1: error: included path content/intro is a folder: name a file inside it",
        ])),
        lessonBody("include: empty name", "```python file=\"\"\n```\n", .fails([
            "content/intro/first.md:4:1: error: file=\"\" names no file: write the included file's name, such as file=\"train.py\"",
        ])),
        HostileInput(name: "include: invalid UTF-8 file", fixture: "basic", edit: { site in
            try bytes(site, "content/intro/binary.py", [0x80, 0x81, 0xFE, 0xFF])
            try site.write(lesson, "---\ntitle: T\n---\n```python file=\"binary.py\"\n```\n")
        }, expected: .fails([
            "content/intro/first.md:4:1: error: included file content/intro/binary.py is not valid UTF-8 text",
        ])),
        // Includes are shown as code, never expanded, so a lesson including itself is shown once: no cycle.
        lessonBody("include: the lesson includes itself", "```markdown file=\"first.md\"\n```\n", .builds { site in
            let html = try site.output(firstPage)
            #expect(html.components(separatedBy: "file=&quot;first.md&quot;").count == 2)
        }),
    ]

    static let math: [HostileInput] = [
        lessonBody("math: unknown command", "Rule: $\\fracc{a}{b}$.\n", .fails([
            "content/intro/first.md:4:8: error: invalid math: unknown command \\fracc (did you mean \\frac?)",
        ])),
        lessonBody("math: display math not closed", "Cost $$x^2\n", .fails([
            "content/intro/first.md:4:6: error: display math is not closed: end it with '$$' on the same line",
        ])),
        lessonBody("math: braces 50 000 deep",
                   "Deep $" + String(repeating: "{", count: 50_000) + "x" + String(repeating: "}", count: 50_000) + "$.\n", .fails([
            "content/intro/first.md:4:207: error: invalid math: formula nests deeper than 200 levels",
        ])),
        lessonBody("math: \\frac without arguments", "Broken $\\frac$ here.\n", .fails([
            "content/intro/first.md:4:9: error: invalid math: \\frac is missing an argument",
        ])),
        lessonBody("inline result: not closed", "Value {{ a.b\n", .fails([
            "content/intro/first.md:4:7: error: inline result is not closed: add '}}' on the same line",
        ])),
    ]

    static let experiments: [HostileInput] = [
        experiment("experiment: unknown optimiser", replacing: "{name: Adam, lr: 1e-3}", with: "{name: Adamw, lr: 1e-3}", .fails([
            "content/lab/results.md:66:23: error: unknown optimiser 'Adamw' (did you mean 'AdamW'?)",
        ])),
        experiment("experiment: lr .nan", replacing: "{name: Adam, lr: 1e-3}", with: "{name: Adam, lr: .nan}", .fails([
            "content/lab/results.md:66:33: error: 'lr' must be a number, not '.nan'",
        ])),
        experiment("experiment: lr .inf", replacing: "{name: Adam, lr: 1e-3}", with: "{name: Adam, lr: .inf}", .fails([
            "content/lab/results.md:66:33: error: 'lr' must be a number, not '.inf'",
        ])),
        experiment("experiment: lr overflows binary64", replacing: "{name: Adam, lr: 1e-3}", with: "{name: Adam, lr: 1e400}", .fails([
            "content/lab/results.md:66:33: error: 'lr' is 1e400, beyond the largest 64-bit float (about 1.8e308)",
        ])),
        experiment("experiment: negative lr", replacing: "{name: SGD, lr: 0.01}", with: "{name: SGD, lr: -0.1}", .fails([
            "content/lab/results.md:64:32: error: 'lr' must be positive, got -0.1",
        ])),
        experiment("experiment: lr quoted", replacing: "{name: SGD, lr: 0.01}", with: "{name: SGD, lr: \"0.01\"}", .fails([
            "content/lab/results.md:64:32: error: 'lr' must be a number, not the quoted text '0.01'",
        ])),
        experiment("experiment: lr that makes the loss NaN", replacing: "{name: SGD, lr: 0.01}", with: "{name: SGD, lr: 1e4}", .fails([
            "content/lab/results.md:64:32: error: run 'SGD' diverged: its loss became NaN or infinite at epoch 1, step 3 (lr 10000); lower the learning rate, or add 'diverges: true' to the run to show the divergence on purpose",
            "content/lab/results.md:75:16: error: inline result: 'SGD' diverged at epoch 1, so its test_mae has no final value",
        ])),
        experiment("experiment: schedule dividing by zero", replacing: "{name: Adam, lr: 1e-3}",
                   with: "{name: Adam, lr: 1e-3}\n    scheduler: {name: LambdaLR, lr_lambda: \"1 / step\"}", .fails([
            "content/lab/results.md:67:49: error: run 'Adam': 'lr_lambda' cannot be evaluated for step = 0: division by zero; write a formula defined at every step from 0 (PyTorch raises this error too)",
        ])),
        experiment("experiment: a trillion epochs", replacing: "epochs: 3,", with: "epochs: 1000000000000,", .fails([
            "content/lab/results.md:61:20: error: 'epochs' must be from 1 to 100000, got 1000000000000",
        ])),
        experiment("experiment: batch size 0", replacing: "batch_size: 16", with: "batch_size: 0", .fails([
            "content/lab/results.md:61:35: error: 'batch_size' must be at least 1, got 0",
        ])),
        experiment("experiment: absurd layer width", replacing: "layers: [4, 8, 1]", with: "layers: [4, 100000000000000, 1]", .fails([
            "content/lab/results.md:59:17: error: layer widths must be from 1 to 100000, got 100000000000000",
        ])),
        experiment("experiment: negative sample count", replacing: "n_samples: 60", with: "n_samples: -5", .fails([
            "content/lab/results.md:55:14: error: 'n_samples' must be from 10 to 1000000, got -5",
        ])),
        experiment("experiment: seed beyond 64 bits", replacing: "seed: 7", with: "seed: 100000000000000000000000", .fails([
            "content/lab/results.md:56:9: error: 'seed' is 100000000000000000000000, beyond the whole numbers allowed here (below 10^15 in size)",
        ])),
        experiment("experiment: broken YAML", replacing: "model: {layers: [4, 8, 1], activation: relu, seed: 1}",
                   with: "model: {layers: [4, 8, 1, activation: relu", .fails([
            "content/lab/results.md:60:5: error: YAML syntax error: did not find expected ',' or ']' (while parsing a flow sequence that starts at content/lab/results.md:59:17)",
        ])),
        experiment("experiment: alias bomb", replacing: "metrics: [train_loss, test_mae]\n",
                   with: "metrics: [train_loss, test_mae]\nconstants:\n  a: &a [1, 1, 1, 1, 1, 1, 1, 1, 1, 1]\n"
                       + "  b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\n  c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\n"
                       + "  d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n  e: [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\n", .fails([
            "content/lab/results.md:69:6: error: 'a' must be a number, not a list",
            "content/lab/results.md:70:6: error: 'b' must be a number, not a list",
            "content/lab/results.md:71:6: error: 'c' must be a number, not a list",
            "content/lab/results.md:72:6: error: 'd' must be a number, not a list",
            "content/lab/results.md:73:3: error: 'e' cannot be a constant name: use letters, digits and _, and not a built-in name (pi, e, t, step, epoch, label, and, or, not, final or a function)",
        ])),
        experiment("experiment: YAML nested 20 000 deep", replacing: "metrics: [train_loss, test_mae]\n",
                   with: "metrics: [train_loss, test_mae]\nconstants: {x: " + String(repeating: "[", count: 20_000)
                       + String(repeating: "]", count: 20_000) + "}\n", .fails([
            "content/lab/results.md:68:17: error: YAML syntax error: lists and mappings are nested too deeply (libyaml allows 1000 levels)",
        ])),
        experiment("experiment: duplicate id", replacing: "id: tiny-trace", with: "id: tiny-schedule", .fails([
            "content/lab/results.md:31:1: error: duplicate experiment id 'tiny-schedule' (first used at content/lab/results.md:9:1)",
        ])),
        experiment("experiment: unknown kind", replacing: "kind: trace", with: "kind: tracer", .fails([
            "content/lab/results.md:32:7: error: unknown kind 'tracer' (did you mean 'trace'?)",
        ])),
        experiment("experiment: text before the keys", replacing: "id: tiny-trace\nkind: trace\n",
                   with: "just text\n", .fails([
            "content/lab/results.md:32:7: error: YAML syntax error: mapping values are not allowed in this context",
        ])),
        experiment("experiment: check with a syntax error", replacing: "\"double[3] == 6\"", with: "\"double[3] ==\"", .fails([
            "content/lab/results.md:23:18: error: in 'check': expected a value but found the end of the expression",
        ])),
        experiment("experiment: check that fails", replacing: "\"double[3] == 6\"", with: "\"double[3] == 7\"", .fails([
            "content/lab/results.md:23:6: error: check failed: double[3] == 7; left side = 6, right side = 7",
        ])),
        experiment("experiment: unknown key in a run", replacing: "{name: Adam, lr: 1e-3}",
                   with: "{name: Adam, lr: 1e-3}\n    diverge: true", .fails([
            "content/lab/results.md:67:5: error: unknown key 'diverge' in runs[2] (did you mean 'diverges'?)",
        ])),
        experiment("inline result: unknown experiment", replacing: "{{ tiny-train[\"SGD\"]", with: "{{ tiny-trian[\"SGD\"]", .fails([
            "content/lab/results.md:75:16: error: inline result: no experiment with id 'tiny-trian' on this page (did you mean 'tiny-train'?)",
        ])),
        HostileInput(name: "experiment: run label with script", fixture: "experiments", edit: { site in
            let text = try site.read(lab)
            try site.write(lab, text.replacingOnce("label: SGD\n    optimizer: {name: SGD, lr: 0.01}",
                                                   with: "label: \"<script>alert(1)</script>\"\n    optimizer: {name: SGD, lr: 0.01}")
                .replacingOnce("tiny-train[\"SGD\"]", with: "tiny-train[\"<script>alert(1)</script>\"]"))
        }, expected: .builds { site in
            let html = try site.output("lab/results/index.html")
            #expect(!html.contains("<script>alert(1)"))
            #expect(html.contains("<th scope=\"row\">&lt;script&gt;alert(1)&lt;/script&gt;</th>"))
        }),
    ]
}

// MARK: Citations, bibliographies and cross-references

extension HostileInput {
    static let validBib = "@misc{kingma2015adam, author = {Kingma, D. and Ba, J.}, title = {Adam}, year = 2015}\n"

    /// The `basic` fixture with `bib` as content/references.bib and `body` as first.md's body (from line 4).
    static func cited(_ name: String, bib: String, _ body: String, _ expected: Expected) -> HostileInput {
        HostileInput(name: name, fixture: "basic", edit: { site in
            try site.write("content/references.bib", bib)
            try site.write(lesson, "---\ntitle: First\n---\n" + body)
        }, expected: expected)
    }

    static let citationsAndReferences: [HostileInput] = [
        cited("bibliography: unclosed brace", bib: "@article{a,\n  title = {Adam: a method,\n  year = 2015\n}\n@misc{b, title = {B}}\n", "Text.\n", .fails([
            "content/references.bib:1:1: error: @article{a, … is not closed before the next entry: is a '{' in one of its values missing its '}'?",
        ])),
        cited("bibliography: unknown macro and missing comma", bib: "@misc{a, month = juni}\n@misc{b title = {x}}\n", "Text.\n", .fails([
            "content/references.bib:1:18: error: unknown macro 'juni' (did you mean 'jun'?): put text in braces, {juni}, or define it with @string",
            "content/references.bib:2:9: error: expected ',' after the key (or '}' to end the entry), found 't'",
        ])),
        cited("bibliography: duplicate key", bib: validBib + validBib, "Text.\n", .fails([
            "content/references.bib:2:1: error: duplicate citation key 'kingma2015adam': it is already defined at content/references.bib:1:1; rename one of them",
        ])),
        cited("bibliography: entry never closed", bib: "@misc{a, title = {t}", "Text.\n", .fails([
            "content/references.bib:1:1: error: @misc{a, … is not closed: add '}' at its end",
        ])),
        HostileInput(name: "bibliography: invalid UTF-8", fixture: "basic", edit: { site in
            try bytes(site, "content/references.bib", [0x40, 0x6D, 0x69, 0x73, 0x63, 0x7B, 0xFF, 0xFE])
        }, expected: .fails(["content/references.bib:1:1: error: the bibliography is not valid UTF-8: save it as UTF-8"])),
        cited("citation: unknown key", bib: validBib, "As shown [@other; @kingma2014adam].\n", .fails([
            "content/intro/first.md:4:12: error: unknown citation key 'other': add it to content/references.bib",
            "content/intro/first.md:4:20: error: unknown citation key 'kingma2014adam' (did you mean 'kingma2015adam'?): add it to content/references.bib",
        ])),
        lessonBody("citation: no bibliography at all", "As shown [@kingma2015adam].\n", .fails([
            "content/intro/first.md:4:12: error: unknown citation key 'kingma2015adam': the site has no bibliography: create content/references.bib (see README, 'Citations')",
        ])),
        cited("citation: markup in a reference is escaped", bib: "@misc{x, title = {<script>alert(1)</script>}, url = {javascript:alert(1)}}\n",
              "See [@x].\n", .builds { site in
            let html = try site.output(firstPage)
            #expect(!html.contains("<script>alert(1)"))
            #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
            #expect(!html.contains("href=\"javascript:"))
        }),
        cited("citation: links, e-mails and code that look like citations", bib: validBib,
              "[@kingma2015adam](https://example.org/a), x@fig:y, `[@nokey]` and [@ not a key].\n", .builds { site in
            let html = try site.output(firstPage)
            #expect(html.contains("<a href=\"https://example.org/a\">@kingma2015adam</a>"))
            #expect(html.contains("x@fig:y"))
            #expect(html.contains("<code>[@nokey]</code>"))
            #expect(!html.contains("References"))
        }),
        lessonBody("cross-reference: unknown figure", "See @fig:sgd.\n", .fails([
            "content/intro/first.md:4:5: error: '@fig:sgd' refers to no figure (an experiment block's id) of this lesson",
        ])),
        lessonBody("cross-reference: unknown table, with a suggestion",
                   "| a |\n|---|\n| 1 |\n\nTable: One. {#tbl:one}\n\nSee @tbl:onw.\n", .fails([
            "content/intro/first.md:10:5: error: '@tbl:onw' refers to no table (a caption ending in {#tbl:onw}) of this lesson (did you mean 'tbl:one'?); the lesson has @tbl:one",
        ])),
        lessonBody("cross-reference: malformed and duplicate table ids",
                   "| a |\n|---|\n| 1 |\n\nTable: One. {#tbl:o n}\n\n| b |\n|---|\n| 2 |\n\nTable: Two. {#tbl:t}\n\n| c |\n|---|\n| 3 |\n\nTable: Three. {#tbl:t}\n", .fails([
            "content/intro/first.md:8:1: error: a table's id is written {#tbl:name} at the end of its caption, with letters, digits, '-' and '_', not '{#tbl:o n}'",
            "content/intro/first.md:20:1: error: '{#tbl:t}' names two tables of this lesson: give each its own id",
        ])),
        experiment("cross-reference: figure id mistyped", replacing: "## A training run", with: "See @fig:tiny-trian.\n\n## A training run", .fails([
            "content/lab/results.md:47:5: error: '@fig:tiny-trian' refers to no figure (an experiment block's id) of this lesson (did you mean 'fig:tiny-train'?); the lesson has @fig:tiny-schedule, @fig:tiny-trace, @fig:tiny-train",
        ])),
        config("config: bibliography outside the content folder", "title: T\nbibliography: ../secrets.bib\nmodules: [intro]\n", .fails([
            "sitegen.yml:2:15: error: 'bibliography' is a path inside the content folder, such as references.bib, not '../secrets.bib'",
        ])),
        config("config: bibliography file missing", "title: T\nbibliography: refs.bib\nmodules: [intro]\n", .fails([
            "sitegen.yml:2:15: error: no bibliography at content/refs.bib: create it, or correct 'bibliography'",
        ])),
        config("config: unknown citation style", "title: T\ncitation_style: authoryear\nmodules: [intro]\n", .fails([
            "sitegen.yml:2:17: error: 'citation_style' is 'numbered' or 'author-year', not 'authoryear' (did you mean 'author-year'?)",
        ])),
        config("config: repository that is not on GitHub", "title: T\nrepository: ftp://example.org/x\nmodules: [intro]\n", .fails([
            "sitegen.yml:2:13: error: 'repository' is a GitHub repository's address, such as https://github.com/owner/course, not 'ftp://example.org/x'",
        ])),
    ]
}
