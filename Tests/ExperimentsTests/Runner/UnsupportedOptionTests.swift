import Diagnostics
import Foundation
import Testing
@testable import Experiments

/// Options the spec accepts but the numeric core cannot run yet are refused before any compute, at the
/// block, with what to write instead.
@Suite struct UnsupportedOptionTests {
    static func errors(_ yaml: String) throws -> [String] {
        let spec = try TinyBlocks.spec(yaml)
        do {
            _ = try ExperimentRunner(cache: nil).run([spec])
            return []
        } catch {
            return error.diagnostics.map(\.description)
        }
    }

    @Test func tanhActivation() throws {
        #expect(try Self.errors(TinyBlocks.train(activation: "tanh"))
                == ["tiny.md:10:1: error: activation 'tanh' is not available in the numeric core yet; use relu"])
    }

    @Test func dropLast() throws {
        #expect(try Self.errors(TinyBlocks.train(dropLast: true))
                == ["tiny.md:10:1: error: drop_last: true is not supported yet; the last, shorter batch is always used"])
    }

    @Test func nothingRunsWhenOneBlockIsRefused() throws {
        let cache = ResultCache(folder: try TinyBlocks.temporaryFolder())
        defer { try? FileManager.default.removeItem(atPath: cache.folder) }
        let specs = [try TinyBlocks.spec(TinyBlocks.trace), try TinyBlocks.spec(TinyBlocks.train(activation: "sigmoid"))]
        #expect(throws: DiagnosticList.self) { try ExperimentRunner(cache: cache).run(specs) }
        #expect(cache.statistics.writes == 0)
    }
}
