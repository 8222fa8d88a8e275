import Foundation
import Hashing

/// The shards of the search index's script (`SearchIndex.shardBytes`) the last build wrote, a file each in the cache
/// folder (`search/shards/`), named by what a shard is made from: the outline its lessons were rendered under
/// (`RebuildPlan.site`) and the page key and digest of each of its lessons, in order. An incremental build copies the
/// bytes of every shard none of whose lessons it renders from here and makes only the others, so an edit writes one
/// shard of the script again, not the whole course's; after a build the folder holds its script's shards and nothing
/// else. A missing or damaged file is a miss: the shard is made again.
///
/// A file is the shard's bytes and their seal, FNV-1a over the bytes as 64-bit words (`update(words:)`: a shard of
/// 16 lessons is some 200 kB, read on every edit), so that a damaged file is never copied into the script.
struct SearchShardCache: Sendable {
    let folder: String

    init(paths: BuildPaths) {
        folder = (paths.cache as NSString).appendingPathComponent("search/shards")
    }

    /// The name of the shard made of `pages` (each with its `RebuildPlan` key and digest) under the outline `site`.
    static func name(site: String, pages: ArraySlice<SearchIndex.Page>) -> String {
        var hash = ContentHash()
        // Each string after its length: no two lists of pages give the same text.
        hash.update("sitegen search shard v1\n\(site.utf8.count):\(site)\n")
        for page in pages { hash.update("\(page.key.utf8.count):\(page.key)\(page.digest.utf8.count):\(page.digest)\n") }
        return hash.hex
    }

    /// The bytes of shard `name`, if its file is there and whole.
    func read(_ name: String) -> [UInt8]? {
        guard var bytes = PlainFile.read(path(name)), bytes.count >= 8 else { return nil }
        let stored = bytes.withUnsafeBytes { UInt64(littleEndian: $0.loadUnaligned(fromByteOffset: bytes.count - 8, as: UInt64.self)) }
        bytes.removeLast(8)
        return Self.seal(bytes) == stored ? bytes : nil
    }

    /// Writes shard `name` (best effort, as every cache file: a shard not written is made again next time).
    func write(_ bytes: [UInt8], name: String) {
        var sealed = bytes
        withUnsafeBytes(of: Self.seal(bytes).littleEndian) { sealed.append(contentsOf: $0) }
        CacheFile.write(sealed, to: path(name))
    }

    /// Removes the files of the folder that are not shards named in `names` (shards of earlier builds, left
    /// temporary files).
    func keepOnly(_ names: Set<String>) {
        guard let files = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        for file in files where !names.contains(file) { unlink(path(file)) }
    }

    private func path(_ name: String) -> String { (folder as NSString).appendingPathComponent(name) }

    private static func seal(_ bytes: [UInt8]) -> UInt64 {
        var hash = ContentHash()
        bytes.withUnsafeBytes { hash.update(words: $0) }
        return hash.value
    }
}
