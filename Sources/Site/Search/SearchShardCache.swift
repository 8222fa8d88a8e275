import Foundation
import Hashing

/// The shards of the search index's script (`SearchIndex.shardBytes`) the last build wrote, a file each in the cache
/// folder (`search/shards/`), named by what a shard is made from: the outline its lessons were rendered under
/// (`RebuildPlan.site`) and the page key and digest of each of its lessons, in order. An incremental build copies the
/// bytes of every shard none of whose lessons it renders from here and makes only the others, so an edit writes one
/// shard of the script again, not the whole course's; after a build the folder holds its script's shards and no other
/// shard. A missing or damaged file is a miss: the shard is made again.
///
/// A file is the shard's bytes and their seal, FNV-1a over the bytes as 64-bit words (`update(words:)`: a shard of
/// 16 lessons is some 200 kB, read on every edit), so that a damaged file is never copied into the script.
///
/// Only the cache's own folder is used: when `search/shards` (or `search`) is a link that leads elsewhere, nothing is
/// read, written or removed there and every shard is made (`isOwnFolder`); and only files named as shards, or as
/// their temporary files, are ever removed.
struct SearchShardCache: Sendable {
    let folder: String
    private let cache: String

    init(paths: BuildPaths) {
        cache = paths.cache
        folder = (paths.cache as NSString).appendingPathComponent("search/shards")
    }

    /// Whether the folder is where it is written, inside the cache, with no link on the way from the cache to it.
    var isOwnFolder: Bool {
        BuildPaths.resolved(folder) == (BuildPaths.resolved(cache) as NSString).appendingPathComponent("search/shards")
    }

    /// Whether `file` is named as a shard (`name(site:pages:)`: 16 hex digits) or as a shard's temporary file
    /// (`CacheFile`: the name, a dot, a process id, `.tmp`).
    static func isShardFile(_ file: String) -> Bool {
        let parts = file.split(separator: ".", omittingEmptySubsequences: false)
        let isName = parts[0].utf8.count == 16 && parts[0].utf8.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x61 && $0 <= 0x66) }
        switch parts.count {
        case 1: return isName
        case 3: return isName && !parts[1].isEmpty && parts[1].allSatisfy(\.isASCII) && parts[1].allSatisfy(\.isNumber) && parts[2] == "tmp"
        default: return false
        }
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

    /// Removes the shard files of the folder not named in `names` (shards of earlier builds, left temporary files);
    /// any other file stays.
    func keepOnly(_ names: Set<String>) {
        guard isOwnFolder, let files = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        for file in files where !names.contains(file) && Self.isShardFile(file) { unlink(path(file)) }
    }

    private func path(_ name: String) -> String { (folder as NSString).appendingPathComponent(name) }

    private static func seal(_ bytes: [UInt8]) -> UInt64 {
        var hash = ContentHash()
        bytes.withUnsafeBytes { hash.update(words: $0) }
        return hash.value
    }
}
