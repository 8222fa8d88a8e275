import Diagnostics
import Foundation
@testable import Experiments
import TestSupport

/// The optimisers lesson's ```` ```experiment ```` blocks, read from content/optimisers/optimisers.md in the
/// repository (found from this file's path), so the parity tests follow the lesson as it is written. Each
/// block's YAML starts on the line after its opening fence, as the site's experiment stage maps it.
enum LessonBlocks {
    struct Missing: Error, CustomStringConvertible {
        let description: String
    }

    /// One fenced block: the markdown line its YAML starts on, and the YAML.
    struct Block {
        let line: Int
        let yaml: String
    }

    static let lessonPath = "content/optimisers/optimisers.md"

    /// The experiment fences of `markdown`: an opening line of three or more backticks followed by
    /// `experiment`, closed by a line of at least as many backticks.
    static func blocks(in markdown: String) -> [Block] {
        let lines = markdown.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var blocks: [Block] = []
        var index = 0
        while index < lines.count {
            let line = lines[index]
            let ticks = line.prefix { $0 == "`" }.count
            guard ticks >= 3, line.dropFirst(ticks).trimmingCharacters(in: .whitespaces) == "experiment" else {
                index += 1
                continue
            }
            var body: [String] = []
            var end = index + 1
            while end < lines.count {
                let candidate = lines[end].trimmingCharacters(in: .whitespaces)
                if candidate.count >= ticks, candidate.allSatisfy({ $0 == "`" }) { break }
                body.append(lines[end])
                end += 1
            }
            blocks.append(Block(line: index + 2, yaml: body.map { $0 + "\n" }.joined()))
            index = end + 1
        }
        return blocks
    }

    /// The lesson's blocks, parsed with locations in the lesson file.
    static func specs() throws -> [ExperimentSpec] {
        let markdown = try String(contentsOfFile: "\(Repository.root)/\(lessonPath)", encoding: .utf8)
        let found = blocks(in: markdown)
        guard !found.isEmpty else { throw Missing(description: "no experiment blocks in \(lessonPath)") }
        return try found.map { block throws(DiagnosticList) in
            try ExperimentSpec.parse(yaml: block.yaml, at: SourceLocation(file: lessonPath, line: block.line, column: 1))
        }
    }
}
