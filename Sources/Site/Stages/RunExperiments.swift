import Diagnostics
import Experiments
import Foundation
import Markdown

/// Runs the lesson's ```` ```experiment ```` blocks through the numeric core (reusing cached results),
/// replaces each with its figure (table, chart, caption, CSV link, and a link to the script it
/// reproduces, published beside the page), checks every claim, and fills in the inline results
/// (`{{ block["run"].metric | .4f }}`) cut out of the prose.
public struct RunExperiments: LessonStage {
    public let name = "experiments"

    /// Computes the results of a lesson's blocks, by id.
    public typealias Runner = @Sendable (_ specs: [ExperimentSpec], _ context: BuildContext) throws(DiagnosticList) -> [String: ExperimentResult]

    private let runner: Runner

    /// The build's stage: blocks run through `ExperimentRunner` with the build's cache and options.
    public init() {
        self.runner = { specs, context throws(DiagnosticList) in
            try ExperimentRunner(cache: context.cache, useCache: !context.options.noCache,
                                 showProgress: context.options.showProgress).run(specs)
        }
    }

    /// The stage with results from elsewhere (the fuzzers use it to skip minutes of training); everything
    /// after the run (figures, checks, inline results) is the same.
    public init(runner: @escaping Runner) {
        self.runner = runner
    }

    public func run(_ lesson: inout Lesson, in context: BuildContext) throws(DiagnosticList) {
        var problems: [Diagnostic] = []
        let found = try Self.specs(in: lesson.blocks)
        let specs = found.map(\.spec)
        let blockIndex = Dictionary(found.map { ($0.spec.id, $0.index) }, uniquingKeysWith: { first, _ in first })

        // The scripts the figures link to are published beside the page; a wrong name fails before
        // anything is trained.
        let folder = (lesson.absolutePath as NSString).deletingLastPathComponent
        var published: Set<String> = []   // blocks often share a script: read each once
        for spec in specs {
            guard let source = spec.source, !published.contains(source) else { continue }
            do throws(Diagnostic) {
                let text = try IncludeFiles.read(.source(source), from: folder, contentRoot: context.paths.content,
                                                 at: spec.sourceLocation ?? spec.location, display: context.paths.display)
                let name = (source as NSString).lastPathComponent
                if !lesson.attachments.contains(where: { $0.name == name }) {
                    lesson.attachments.append(Lesson.Attachment(name: name, contents: text))
                }
                published.insert(source)
            } catch {
                problems.append(error)
            }
        }
        if !problems.isEmpty { throw DiagnosticList(problems) }

        let results = try runner(specs, context)
        let byID = Dictionary(specs.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for (number, spec) in zip(1..., specs) {
            problems += DivergenceCheck.diagnostics(spec, result: results[spec.id])
            let target = CrossReferenceTarget.figure(id: spec.id, number: number)
            lesson.crossReferenceTargets[target.key] = target
            do {
                let figure = try ExperimentFigure.render(spec, results: results, specs: byID, label: target.label)
                if let index = blockIndex[spec.id] {
                    lesson.blocks[index].kind = .rawHTML(figure.html)
                }
                lesson.attachments.append(Lesson.Attachment(name: figure.csvName, contents: figure.csv))
            } catch {
                problems += error.diagnostics
            }
        }
        var rendered: [Int: String] = [:]
        let resolver = ResultResolver(results: results, specs: byID, current: nil)
        for (index, span) in lesson.spans.enumerated() where span.kind == .inlineResult {
            do {
                rendered[index] = try Self.inlineResult(span, resolver: resolver)
            } catch {
                problems.append(error)
            }
        }
        if !problems.isEmpty { throw DiagnosticList(problems) }
        if !rendered.isEmpty { lesson.blocks = SpanReplacement.replace(in: lesson.blocks) { rendered[$0] } }
    }

    /// The experiment blocks among `blocks` (top level), parsed, with their positions in the array.
    public static func specs(in blocks: [Block]) throws(DiagnosticList) -> [(spec: ExperimentSpec, index: Int)] {
        var problems: [Diagnostic] = []
        var found: [(spec: ExperimentSpec, index: Int)] = []
        for (index, block) in blocks.enumerated() {
            guard case let .codeBlock(info, code) = block.kind, FenceInfo(info).language == "experiment" else { continue }
            // The YAML starts on the line after the opening fence.
            let start = SourceLocation(file: block.location.file, line: block.location.line + 1, column: block.location.column)
            do {
                found.append((try ExperimentSpec.parse(yaml: code, at: start), index))
            } catch {
                problems += error.diagnostics
            }
        }
        problems += ExperimentSpec.duplicateIDs(in: found.map(\.spec))
        if !problems.isEmpty { throw DiagnosticList(problems) }
        return found
    }

    /// `{{ expr | format }}` → `<span class="inline-result" title="expr">3.2816</span>`.
    static func inlineResult(_ span: ProtectedSpans.Span, resolver: ResultResolver) throws(Diagnostic) -> String {
        // Locations: the span's source starts right after `{{`; the scanner counts from `{{`.
        var at = span.location
        do {
            let segments = try InlineReference.scan("{{" + span.source + "}}")
            guard segments.count == 1, case .reference(let reference) = segments[0] else {
                throw Diagnostic.error(at: at, "an inline result holds one expression: {{ block[\"run\"].metric | .4f }}")
            }
            let value: Value
            do {
                value = try reference.expression.evaluate(using: resolver)
            } catch {
                at.column += max(0, error.offset - 2)
                throw Diagnostic.error(at: at, "inline result: \(error.message)")
            }
            let text = value.formatted(with: reference.format)
            return "<span class=\"inline-result\" title=\"\(HTMLEscape.escape(reference.expression.description))\">\(HTMLEscape.escape(text))</span>"
        } catch let error as Diagnostic {
            throw error
        } catch let error as ExpressionError {
            at.column += max(0, error.offset - 2)
            throw Diagnostic.error(at: at, "inline result: \(error.message)")
        } catch {
            throw Diagnostic.error(at: at, "inline result: \(error)")
        }
    }
}
