import Diagnostics
import Foundation
import Testing
@testable import Experiments

/// The experiment cache through the runner: hits, misses after a spec change, rejected entries, and
/// `useCache: false`. Each test uses its own folder; a fresh `ResultCache` per build gives clean counters.
@Suite struct ResultCacheTests {
    typealias Counters = ResultCache.Counters

    static func counters(hits: Int = 0, misses: Int = 0, rejected: Int = 0, writes: Int = 0) -> Counters {
        var c = Counters()
        c.hits = hits; c.misses = misses; c.rejected = rejected; c.writes = writes
        return c
    }

    /// Runs `specs` with a new cache on `folder`; the results and what the cache counted.
    static func build(_ specs: [ExperimentSpec], _ folder: String, useCache: Bool = true) throws -> ([String: ExperimentResult], Counters) {
        let cache = ResultCache(folder: folder)
        let results = try ExperimentRunner(cache: cache, useCache: useCache).run(specs)
        return (results, cache.statistics)
    }

    static func entryPath(_ spec: ExperimentSpec, _ folder: String) -> String {
        ResultCache(folder: folder).path(for: ExperimentRunner.cacheKey(spec))
    }

    @Test func aSecondBuildLoadsEveryBlock() throws {
        let folder = try TinyBlocks.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let specs = try TinyBlocks.all()
        let (first, stored) = try Self.build(specs, folder)
        #expect(stored == Self.counters(misses: 3, writes: 3))
        #expect(first.keys.sorted() == ["tiny-schedule", "tiny-trace", "tiny-train"])
        for spec in specs { #expect(FileManager.default.fileExists(atPath: Self.entryPath(spec, folder))) }
        let (second, loaded) = try Self.build(specs, folder)
        #expect(loaded == Self.counters(hits: 3))
        #expect(second == first)
    }

    @Test func changingOneBlockRerunsOnlyThatBlock() throws {
        let folder = try TinyBlocks.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let (first, _) = try Self.build(try TinyBlocks.all(epochs: 3), folder)
        let (second, counters) = try Self.build(try TinyBlocks.all(epochs: 4), folder)
        #expect(counters == Self.counters(hits: 2, misses: 1, writes: 1))
        #expect(second["tiny-train"]?.positions == [1, 2, 3, 4])
        #expect(second["tiny-train"]?.runs.map { $0.scalars("train_loss")?.count } == [4, 4])
        #expect(second["tiny-trace"] == first["tiny-trace"])
        #expect(second["tiny-schedule"] == first["tiny-schedule"])
        // The first three epochs are the same computation.
        #expect(second["tiny-train"]?.run("SGD")?.scalars("train_loss")?.prefix(3).map { $0 }
                == first["tiny-train"]?.run("SGD")?.scalars("train_loss"))
    }

    /// A damaged entry is rejected and recomputed, never trusted; the rewritten entry then loads.
    @Test(arguments: ["truncated", "edited", "another key", "not JSON"])
    func aDamagedEntryIsRecomputed(_ damage: String) throws {
        let folder = try TinyBlocks.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let specs = try TinyBlocks.all()
        let (first, _) = try Self.build(specs, folder)
        let path = Self.entryPath(specs[1], folder)
        let original = try #require(FileManager.default.contents(atPath: path))
        let damaged: Data
        switch damage {
        case "truncated":
            damaged = original.prefix(original.count / 2)
        case "edited":
            // Still valid JSON with a valid-looking result: 0.75 becomes 0.25 in the payload.
            let text = String(decoding: original, as: UTF8.self)
            #expect(text.contains("0.75"))
            damaged = Data(text.replacingOccurrences(of: "0.75", with: "0.25").utf8)
        case "another key":
            damaged = try #require(FileManager.default.contents(atPath: Self.entryPath(specs[2], folder)))
        default:
            damaged = Data("garbage".utf8)
        }
        try damaged.write(to: URL(fileURLWithPath: path))
        let (second, counters) = try Self.build(specs, folder)
        #expect(counters == Self.counters(hits: 2, misses: 1, rejected: 1, writes: 1))
        #expect(second == first)
        let (_, again) = try Self.build(specs, folder)
        #expect(again == Self.counters(hits: 3))
    }

    @Test func withoutTheCacheEveryBlockRerunsAndIsStored() throws {
        let folder = try TinyBlocks.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let specs = try TinyBlocks.all()
        let (first, _) = try Self.build(specs, folder)
        let (second, counters) = try Self.build(specs, folder, useCache: false)
        #expect(counters == Self.counters(writes: 3))
        #expect(second == first)
    }
}
