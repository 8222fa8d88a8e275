import Foundation
import Hashing

/// Finished experiment results on disk (`.sitegen-cache/experiments/<key>.json`), keyed by a hash of
/// the normalised spec and the numeric core's version, so an unchanged experiment never reruns.
/// Every entry carries a checksum of its payload: a truncated, edited or stale entry is ignored and
/// recomputed, never trusted.
public final class ResultCache: @unchecked Sendable {
    public let folder: String
    private let lock = NSLock()
    private var counters = Counters()

    /// What the cache did during a build (reported by the CLI, asserted by tests).
    public struct Counters: Sendable, Equatable {
        public var hits = 0
        public var misses = 0
        /// Entries present but unreadable, failing their checksum, or for another key.
        public var rejected = 0
        public var writes = 0
    }

    public init(folder: String) {
        self.folder = folder
    }

    public var statistics: Counters {
        lock.lock(); defer { lock.unlock() }
        return counters
    }

    private struct Entry: Codable {
        var key: String
        var checksum: String
        var payload: String
    }

    func path(for key: String) -> String {
        (folder as NSString).appendingPathComponent("\(key).json")
    }

    /// The cached result for `key`, or nil (counted as a miss, or as rejected when an entry existed
    /// but could not be trusted).
    public func load(key: String) -> ExperimentResult? {
        let path = path(for: key)
        guard let data = FileManager.default.contents(atPath: path) else {
            count { $0.misses += 1 }
            return nil
        }
        guard let entry = try? JSONDecoder().decode(Entry.self, from: data),
              entry.key == key,
              entry.checksum == ContentHash.hex(entry.payload),
              let result = try? JSONDecoder().decode(ExperimentResult.self, from: Data(entry.payload.utf8)) else {
            count { $0.rejected += 1; $0.misses += 1 }
            return nil
        }
        count { $0.hits += 1 }
        return result
    }

    /// Stores a result; a failure to write only costs a rerun next time, so it is not an error.
    public func store(_ result: ExperimentResult, key: String) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        guard let payloadData = try? encoder.encode(result) else { return }
        let payload = String(decoding: payloadData, as: UTF8.self)
        let entry = Entry(key: key, checksum: ContentHash.hex(payload), payload: payload)
        guard let data = try? encoder.encode(entry) else { return }
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            // Write beside the entry, then rename over it: a killed build leaves no half-written entry.
            let temporary = path(for: key) + ".tmp-\(ProcessInfo.processInfo.processIdentifier)"
            try data.write(to: URL(fileURLWithPath: temporary))
            guard rename(temporary, path(for: key)) == 0 else {
                try? FileManager.default.removeItem(atPath: temporary)
                return
            }
            count { $0.writes += 1 }
        } catch {
            return
        }
    }

    private func count(_ change: (inout Counters) -> Void) {
        lock.lock(); defer { lock.unlock() }
        change(&counters)
    }
}
