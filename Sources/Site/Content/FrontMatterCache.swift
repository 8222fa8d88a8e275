import Diagnostics
import Foundation
import Hashing

/// Front matter as the last build read it, so that an edit does not parse the YAML of every lesson again:
/// kept in the cache folder (`front-matter.json`), each entry under the hash of the file it was read from
/// (as messages name it) and of its YAML text, so any change of the header is a miss and is parsed (and
/// checked) again. Only front matter that parsed without a problem is kept; the whole file is discarded
/// when it was written by another sitegen or with other options (`BuildInputs.setup`). A missing or
/// unreadable file is an empty cache.
///
/// Modules load in parallel, so what this build read is kept under a lock.
final class FrontMatterCache: @unchecked Sendable {
    private struct Stored: Codable {
        var setup: String
        var entries: [String: FrontMatter]
    }

    private let setup: String
    private let known: [String: FrontMatter]
    /// What this build read, by key: the entries the next build may reuse.
    private var read: [String: FrontMatter] = [:]
    private let lock = NSLock()

    /// The cache the last build left, for a build whose setup line is `setup`.
    init(_ paths: BuildPaths, setup: String) {
        self.setup = setup
        let stored = FileManager.default.contents(atPath: Self.file(paths)).flatMap { try? JSONDecoder().decode(Stored.self, from: $0) }
        known = stored?.setup == setup ? stored?.entries ?? [:] : [:]
    }

    static func file(_ paths: BuildPaths) -> String {
        (paths.cache as NSString).appendingPathComponent("front-matter.json")
    }

    /// The front matter of `yaml` (the header of `file`, starting at line `lineOffset + 1`): kept, or parsed now.
    func frontMatter(_ yaml: String, file: String, lineOffset: Int) throws(Diagnostic) -> FrontMatter {
        let key = ContentHash.hex("\(file)\n\(lineOffset)\n\(yaml)")
        let frontMatter: FrontMatter
        if let kept = known[key] {
            frontMatter = kept
        } else {
            frontMatter = try FrontMatter.parse(yaml, file: file, lineOffset: lineOffset)
        }
        lock.withLock { read[key] = frontMatter }
        return frontMatter
    }

    /// Best effort (`CacheFile`): a cache that cannot be written only makes the next build parse more.
    func save(_ paths: BuildPaths) {
        let read = lock.withLock { self.read }
        guard read != known, let data = try? JSONEncoder().encode(Stored(setup: setup, entries: read)) else { return }
        CacheFile.write(data, to: Self.file(paths))
    }
}
