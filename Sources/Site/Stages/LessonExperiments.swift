import Diagnostics
import Experiments
import Foundation
import Markdown

/// The one path from a lesson to its experiments' results. The build's `RunExperiments` stage,
/// `sitegen verify` and `sitegen bench` all find blocks, read their specs and run them through here, so a
/// new block kind or key works in all three at once.
public enum LessonExperiments {
    /// The experiment blocks among `blocks` (top level of a parsed lesson), read, with their positions in
    /// the array; ids must be unique on the page.
    public static func blocks(in blocks: [Block]) throws(DiagnosticList) -> [(spec: ExperimentSpec, index: Int)] {
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

    /// A loaded lesson's experiment blocks, parsed as the build parses the lesson (`ParseMarkdown`).
    public static func specs(of lesson: Lesson, in context: BuildContext) throws(DiagnosticList) -> [ExperimentSpec] {
        var parsed = lesson
        try ParseMarkdown().run(&parsed, in: context)
        return try blocks(in: parsed.blocks).map(\.spec)
    }

    /// The results cache of the project at `paths` (`.sitegen-cache/experiments`).
    public static func cache(_ paths: BuildPaths) -> ResultCache {
        ResultCache(folder: (paths.cache as NSString).appendingPathComponent("experiments"))
    }

    /// Results by block id, reusing `cache` unless `options.noCache`, with a progress line when asked.
    public static func run(_ specs: [ExperimentSpec], cache: ResultCache?,
                           options: BuildOptions) throws(DiagnosticList) -> [String: ExperimentResult] {
        try ExperimentRunner(cache: cache, useCache: !options.noCache, showProgress: options.showProgress).run(specs)
    }
}
