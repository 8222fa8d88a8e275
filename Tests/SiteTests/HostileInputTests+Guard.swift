import Foundation
import Testing
@testable import Site

/// Hostile inputs of issue 15: flat chains of 50 000 terms in every expression language (checks, inline
/// results, `lr_lambda`, schedule columns, TeX, markdown), a model that needs more memory than the
/// budget, one typo that used to give a cascade of errors, a lesson that is a link out of the content
/// folder, and a date that is no day of the calendar.
extension HostileInput {
    /// `1 + 1 + … + 1` with `terms` ones.
    static func chain(_ terms: Int, _ op: String = " + ") -> String {
        Array(repeating: "1", count: terms).joined(separator: op)
    }

    static let longChains: [HostileInput] = [
        experiment("chain: a check of 50 000 terms", replacing: "\"double[3] == 6\"", with: "\"\(chain(50_000)) > 0\"", .fails([
            "content/lab/results.md:23:1006: error: in 'check': the expression is longer than 500 tokens (numbers, names, operators); split it, or compute part of it in a schedule column or a constant",
        ])),
        experiment("chain: a check of 240 terms still builds", replacing: "\"double[3] == 6\"", with: "\"\(chain(240)) == 240\"", .builds { site in
            let html = try site.output("lab/results/index.html")
            #expect(html.contains("Doubling"))
        }),
        experiment("chain: a schedule column of 50 000 terms", replacing: "expr: \"2 * t\"", with: "expr: \"\(chain(50_000, " * "))\"", .fails([
            "content/lab/results.md:14:1027: error: in 'expr': the expression is longer than 500 tokens (numbers, names, operators); split it, or compute part of it in a schedule column or a constant",
        ])),
        experiment("chain: lr_lambda of 50 000 terms", replacing: "{name: Adam, lr: 1e-3}",
                   with: "{name: Adam, lr: 1e-3}\n    scheduler: {name: LambdaLR, lr_lambda: \"\(chain(50_000)) - 49999\"}", .fails([
            "content/lab/results.md:67:1045: error: in 'lr_lambda': the expression is longer than 500 tokens (numbers, names, operators); split it, or compute part of it in a schedule column or a constant",
        ])),
        experiment("chain: an inline result of 50 000 terms", replacing: "{{ tiny-trace.param | .3f }}",
                   with: "{{ \(chain(50_000)) | d }}", .fails([
            "content/lab/results.md:45:1036: error: inline result: the expression is longer than 500 tokens (numbers, names, operators); split it, or compute part of it in a schedule column or a constant",
        ])),
        lessonBody("chain: TeX of 50 000 terms", "Sum $" + chain(50_000, "+") + "$.\n", .builds { site in
            let html = try site.output(firstPage)
            #expect(html.contains("<math"))
        }),
        lessonBody("chain: markdown list of 20 000 items and 20 000 links", String(repeating: "- [a](b) *c*\n", count: 20_000), .builds { site in
            let html = try site.output(firstPage)
            #expect(html.components(separatedBy: "<li><a href=\"b\">a</a> <em>c</em></li>").count == 20_001)
        }),
        // Within the compute budget (2 runs × 1 epoch × 10 samples × 9·10⁹ parameters = 1.8·10¹¹), but 288 GB.
        experiment("memory: 9·10^9 parameters are refused at the layers", replacing: [
            ("layers: [4, 8, 1]", "layers: [4, 100000, 90000, 1]"), ("n_samples: 60", "n_samples: 10"), ("epochs: 3,", "epochs: 1,"),
        ], .fails([
            "content/lab/results.md:59:17: error: this experiment would need about 288.0 GB of memory (parameters and optimiser state 288.0 GB, activations 21.3 MB, recorded series 0.1 KB, data 1.2 KB), over the memory budget of 2.0 GB; reduce layer widths",
        ])),
    ]

    static let oneTypoOneError: [HostileInput] = [
        experiment("one error: a misspelt optimiser in a run that checks name", replacing: [
            ("{name: Adam, lr: 1e-3}", "{name: SDG, lr: 1e-3}"),
            ("metrics: [train_loss, test_mae]\n", "metrics: [train_loss, test_mae]\nchecks:\n  - \"['Adam'].train_loss[3] > 0\"\n  - \"['Adam'].test_mae < 100\"\n"),
        ], .fails([
            "content/lab/results.md:66:23: error: unknown optimiser 'SDG' (did you mean 'SGD'?)",
        ])),
        experiment("one error: a misspelt scheduler", replacing: [
            ("{name: Adam, lr: 1e-3}", "{name: Adam, lr: 1e-3}\n    scheduler: {name: StepLRR, step_size: 1}"),
            ("metrics: [train_loss, test_mae]\n", "metrics: [train_loss, test_mae]\nchecks:\n  - \"['Adam'].train_loss[3] > 0\"\n"),
        ], .fails([
            "content/lab/results.md:67:23: error: unknown scheduler 'StepLRR' (did you mean 'StepLR'?)",
        ])),
        experiment("one error: a misspelt metric", replacing: [
            ("metrics: [train_loss, test_mae]\n", "metrics: [train_loss, test_mea]\nchecks:\n  - \"['Adam'].test_mae < 100\"\n"),
        ], .fails([
            "content/lab/results.md:67:23: error: unknown metric 'test_mea' (did you mean 'test_mae'?)",
        ])),
        experiment("one error: a broken schedule column", replacing: "expr: \"2 * t\"", with: "expr: \"2 *\"", .fails([
            "content/lab/results.md:14:30: error: in 'expr': expected a value but found the end of the expression",
        ])),
        experiment("one error: a misspelt scheduler of a schedule block", replacing: "name: StepLR, step_size: 2", with: "name: StepRL, step_size: 2", .fails([
            "content/lab/results.md:16:28: error: unknown scheduler 'StepRL' (did you mean 'StepLR'?)",
        ])),
        experiment("one error: a misspelt block id referenced inline", replacing: "{{ tiny-trace.param | .3f }}", with: "{{ tiny-trcae.param | .3f }}", .fails([
            "content/lab/results.md:45:36: error: inline result: no experiment with id 'tiny-trcae' on this page (did you mean 'tiny-trace'?)",
        ])),
    ]

    static let lessonsAndDates: [HostileInput] = [
        HostileInput(name: "template: a partial that includes itself", fixture: "basic", edit: { site in
            try site.write("templates/partials/footer.mustache", "<footer>{{>partials/footer}}</footer>\n")
        }, expected: .fails([
            "templates/partials/footer.mustache:1:9: error: partial 'partials/footer' includes itself (base → partials/footer → partials/footer): a template cannot include itself",
        ])),
        lessonFile("front matter: 30 February", "---\ntitle: T\ndate: 2026-02-30\n---\nBody\n", .fails([
            "content/intro/first.md:3:7: error: 'date' 2026-02-30 is not a day of the calendar: February 2026 has 28 days",
        ])),
        lessonFile("front matter: 29 February of a leap year builds", "---\ntitle: T\ndate: 2028-02-29\n---\nBody\n", .builds { site in
            let html = try site.output(firstPage)
            #expect(html.contains("29 February 2028"))
        }),
        lessonFile("front matter: 31 April", "---\ntitle: T\ndate: 2026-04-31\n---\nBody\n", .fails([
            "content/intro/first.md:3:7: error: 'date' 2026-04-31 is not a day of the calendar: April 2026 has 30 days",
        ])),
        HostileInput(name: "lesson: a symbolic link to a file outside the content folder", fixture: "basic", edit: { site in
            try site.write("outside.md", "---\ntitle: Outside\n---\nSecret\n")
            try FileManager.default.createSymbolicLink(atPath: "\(site.root)/content/intro/escape.md", withDestinationPath: "\(site.root)/outside.md")
        }, expected: .fails([
            "content/intro/escape.md:1:1: error: this lesson is a symbolic link to a file outside the content folder; keep lessons inside content (copy the file in)",
        ])),
        HostileInput(name: "lesson: a symbolic link inside the content folder builds", fixture: "basic", edit: { site in
            try FileManager.default.createSymbolicLink(atPath: "\(site.root)/content/intro/alias.md", withDestinationPath: "first.md")
        }, expected: .builds { site in
            let html = try site.output("intro/alias/index.html")
            #expect(html.contains("<h1>First lesson</h1>"))
        }),
    ]

    /// Crashes and hangs found by the audit of issue 15 (every allocation sized by input, every loop
    /// bounded by input): each used to abort or spin on the old binary and is now refused at its key.
    static let auditedInputs: [HostileInput] = [
        // Before: refused as "208000000.0 GB of activations; reduce layer widths or n_samples", because the
        // trainer sized its batch buffers batch_size × width (a trap on overflow without the memory budget).
        experiment("audit: batch_size 10^15 trains the 45 rows as one batch, as torch does",
                   replacing: "batch_size: 16", with: "batch_size: 999999999999999", .builds { site in
            let html = try site.output("lab/results/index.html")
            #expect(html.contains("Two optimisers"))
        }),
        // Before: 10⁵ steps × 10⁴ params drew 8 GB of gradients and recorded 16 GB more; under
        // `ulimit -v 4000000` the old binary aborted with "Fatal error: failed to allocate".
        experiment("audit: a trace that would record 24 GB is refused at its gradients", replacing: [
            ("params: [1.0, -2.0]", "params: [" + Array(repeating: "0.5", count: 10_000).joined(separator: ", ") + "]"),
            ("gradients: [[0.5, 0.25], [0.5, -0.25]]", "gradients: {numpy_randn: {seed: 0, steps: 100000}}"),
        ], .fails([
            "content/lab/results.md:34:12: error: this trace would record about 24.0 GB (100000 steps × 10000 params, for the gradients and 1 run(s) × 2 series), over the memory budget of 2.0 GB; reduce the steps or the params",
        ])),
        // Before: "did you mean" filled a 10⁵ × 10⁵ table of edit distances (80 GB) and aborted with
        // "failed to allocate" (or swapped for minutes without a memory limit).
        experiment("audit: a misspelt 100 000-character run label gets its error, not an 80 GB table", replacing: [
            ("  - label: SGD\n    optimizer: {name: SGD, lr: 0.01}", "  - label: \(String(repeating: "A", count: 100_000))\n    optimizer: {name: SGD, lr: 0.01}"),
            ("metrics: [train_loss, test_mae]\n", "metrics: [train_loss, test_mae]\nchecks:\n  - \"['\(String(repeating: "B", count: 100_000))'].test_mae < 100\"\n"),
            ("SGD ends at {{ tiny-train[\"SGD\"].test_mae | .4f }} minutes.", ""),
        ], .fails([
            "content/lab/results.md:69:6: error: unknown run '\(String(repeating: "B", count: 100_000))' in 'check'",
        ])),
        // Before: the scheduler was stepped one by one up to step 10¹² (the old binary was still
        // looping after minutes).
        experiment("audit: a schedule with schedulers and a step of 10^12 is refused at its steps",
                   replacing: "steps: [1, 2, 3]", with: "steps: [1, 2, 1000000000000]", .fails([
            "content/lab/results.md:12:8: error: steps go up to 1000000000000, but a schedule block with schedulers steps them one by one up to the largest step; keep steps at most 1000000",
        ])),
    ]
}
