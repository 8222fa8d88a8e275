import Foundation

/// The sidebar's shared module entries (`SidebarEntries`) as the last build rendered them, kept in the cache folder
/// (`sidebar`) under the hash of the site's outline (`RebuildPlan.site`): every entry is made of the outline only, so
/// a build under the same outline takes their HTML as it is. Another outline, a missing or damaged record: none kept.
/// The record is sealed bytes (`CacheRecord`): a header line, the outline, then each entry's module, root and HTML.
struct SidebarCache {
    let file: String
    static let header = Array("sitegen sidebar v1\n".utf8)

    init(paths: BuildPaths) {
        file = (paths.cache as NSString).appendingPathComponent("sidebar")
    }

    func load(outline: String) -> [SidebarEntries.Key: String] {
        guard let data = FileManager.default.contents(atPath: file) else { return [:] }
        return data.withUnsafeBytes { Self.entries(fromRecord: $0.assumingMemoryBound(to: UInt8.self), outline: outline) } ?? [:]
    }

    /// Best effort (`CacheFile`): a record that cannot be written only makes the next build render the entries.
    func save(_ entries: [SidebarEntries.Key: String], outline: String) {
        CacheFile.write(Self.record(entries, outline: outline), to: file)
    }

    static func record(_ entries: [SidebarEntries.Key: String], outline: String) -> [UInt8] {
        var out = CacheRecord.Writer(header: header, capacity: entries.values.reduce(0) { $0 + $1.utf8.count + 64 })
        out.string(outline)
        out.number(entries.count)
        for (key, html) in entries.sorted(by: { ($0.key.module, $0.key.root) < ($1.key.module, $1.key.root) }) {
            out.string(key.module)
            out.string(key.root)
            out.string(html)
        }
        return out.sealed()
    }

    /// The entries of a whole record written under `outline`; nil otherwise.
    static func entries(fromRecord record: UnsafeBufferPointer<UInt8>, outline: String) -> [SidebarEntries.Key: String]? {
        guard let bytes = CacheRecord.unsealed(record), bytes.starts(with: header) else { return nil }
        var reader = CacheRecord.Reader(bytes: bytes, position: header.count)
        guard reader.string() == outline, let count = reader.number(), count <= reader.remaining else { return nil }
        var entries: [SidebarEntries.Key: String] = [:]
        for _ in 0..<count {
            guard let module = reader.string(), let root = reader.string(), let html = reader.string() else { return nil }
            entries[SidebarEntries.Key(module: module, root: root)] = html
        }
        return reader.remaining == 0 ? entries : nil
    }
}
