import Diagnostics
@testable import Experiments

/// How the spec tests read a block: its messages in compiler form, or the train block it parses to, and a base
/// block with some lines replaced. One copy for every suite that checks what a block says at which `file:line:col`.
enum SpecParsing {
    /// The messages of `yaml` parsed at `origin` (`file:line:col: error: …`); none when it parses.
    static func errors(_ yaml: String, at origin: SourceLocation = TinyBlocks.origin) -> [String] {
        do {
            _ = try ExperimentSpec.parse(yaml: yaml, at: origin)
            return []
        } catch {
            return error.diagnostics.map(\.description)
        }
    }

    /// The train block `yaml` parses to, or nil and the messages (a valid block of another kind: nil and none).
    static func train(_ yaml: String, at origin: SourceLocation) -> (TrainSpec?, [String]) {
        do {
            guard case .train(let train) = try ExperimentSpec.parse(yaml: yaml, at: origin).body else { return (nil, []) }
            return (train, [])
        } catch {
            return (nil, error.diagnostics.map(\.description))
        }
    }

    /// `lines` with some of them replaced, each named by its number when `lines[0]` is numbered `first`.
    static func replacing(_ lines: [String], _ replacements: [Int: String], first: Int) -> [String] {
        var lines = lines
        for (line, text) in replacements { lines[line - first] = text }
        return lines
    }

    /// Lines as a block's YAML, ending with a line break.
    static func yaml(_ lines: [String]) -> String {
        lines.joined(separator: "\n") + "\n"
    }
}
