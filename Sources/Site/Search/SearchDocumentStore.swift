import Foundation
import Hashing

/// Each lesson's search document as its page last rendered it, in the cache folder (`search/`), keyed by
/// the lesson's page key and the digest of what that page depends on (`RebuildPlan.pages`). An
/// incremental build renders only the changed lessons, yet writes an index of every lesson: the others'
/// documents come from here. A missing or unreadable record is a miss (the build then renders everything).
struct SearchDocumentStore {
    let folder: String

    init(paths: BuildPaths) {
        folder = (paths.cache as NSString).appendingPathComponent("search")
    }

    /// `<hash of the key>-<hash of the digest>.json`: a lesson's older records share the prefix.
    private func file(key: String, digest: String) -> String {
        (folder as NSString).appendingPathComponent(ContentHash.hex(key) + "-" + ContentHash.hex(digest) + ".json")
    }

    func load(key: String, digest: String) -> SearchDocument? {
        guard let data = FileManager.default.contents(atPath: file(key: key, digest: digest)) else { return nil }
        return try? JSONDecoder().decode(SearchDocument.self, from: data)
    }

    /// Best effort: a record that cannot be written only makes a later build render more.
    func save(_ document: SearchDocument, key: String, digest: String) {
        guard let data = try? JSONEncoder().encode(document) else { return }
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let target = file(key: key, digest: digest)
        // The lesson's older records are of no further use.
        let prefix = ContentHash.hex(key) + "-", name = (target as NSString).lastPathComponent
        for old in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] where old.hasPrefix(prefix) && old != name {
            try? FileManager.default.removeItem(atPath: (folder as NSString).appendingPathComponent(old))
        }
        let temporary = target + ".\(ProcessInfo.processInfo.processIdentifier).tmp"
        guard FileManager.default.createFile(atPath: temporary, contents: data) else { return }
        if rename(temporary, target) != 0 { try? FileManager.default.removeItem(atPath: temporary) }
    }
}
