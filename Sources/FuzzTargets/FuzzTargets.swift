import Foundation
import Diagnostics

/// The code under fuzzing, one entry per fuzzer (`Sources/fuzz-*`, built by `scripts/fuzz.sh`) and
/// replayed by `FuzzRegressionTests` over the kept corpus. Each entry takes the raw bytes of an input
/// and runs them through the real parser or pipeline. A thrown diagnostic is the expected answer to a
/// bad input; a crash, a trap or a hang is a bug. Each entry also checks a few invariants that the
/// types cannot (an error offset inside the formula, balanced MathML tags) and traps when one breaks,
/// so the fuzzer reports it like a crash.
public enum FuzzTargets {
    /// The scratch folder of one fuzzer in this process (`templateFolder`, `writerFolder`), in the temporary folder.
    static func scratchFolder(_ fuzzer: String) -> String {
        (NSTemporaryDirectory() as NSString).appendingPathComponent("sitegen-fuzz-\(fuzzer)-\(getpid())")
    }

    /// Made once, by the first scratch folder: removes the scratch folders when the process exits, so a test run or a
    /// fuzzing session leaves none behind.
    static let scratchRemovedAtExit: Void = {
        atexit {
            for fuzzer in ["template", "writer"] { try? FileManager.default.removeItem(atPath: FuzzTargets.scratchFolder(fuzzer)) }
        }
    }()

    /// What one input produced.
    public enum Outcome: Equatable, Sendable {
        /// Accepted: a summary of the output (its length in UTF-8 bytes, and for the spec target the id).
        case accepted(String)
        /// Rejected with these diagnostics (at least one).
        case rejected([String])

        public var isAccepted: Bool {
            if case .accepted = self { return true }
            return false
        }
    }

    /// The fuzzers, by the names `scripts/fuzz.sh` and the corpus folders use.
    public static let names = ["spec", "lesson", "tex", "template", "writer"]

    public static func run(_ name: String, _ bytes: [UInt8]) -> [Outcome] {
        switch name {
        case "spec": return [spec(bytes)]
        case "lesson": return [lesson(bytes)]
        case "tex": return tex(bytes)
        case "template": return [template(bytes)]
        case "writer": return [writer(bytes)]
        default: fatalError("unknown fuzz target \(name)")
        }
    }

    /// The diagnostics of a rejected input; a stage that fails without one is a bug.
    static func rejected(_ diagnostics: [Diagnostic]) -> Outcome {
        guard !diagnostics.isEmpty else { fatalError("a stage failed without a diagnostic") }
        return .rejected(diagnostics.map(\.description))
    }
}
