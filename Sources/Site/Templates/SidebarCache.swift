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
        CacheRecord.readSealed(file, header: Self.header, key: outline, item: Self.item) ?? [:]
    }

    /// Best effort (`CacheFile`): a record that cannot be written only makes the next build render the entries.
    func save(_ entries: [SidebarEntries.Key: String], outline: String) {
        CacheFile.write(Self.record(entries, outline: outline), to: file)
    }

    static func record(_ entries: [SidebarEntries.Key: String], outline: String) -> [UInt8] {
        var out = CacheRecord.sealedWriter(header: header, key: outline, count: entries.count,
                                           capacity: entries.values.reduce(0) { $0 + $1.utf8.count + 64 })
        for (key, html) in entries.sorted(by: { ($0.key.module, $0.key.root) < ($1.key.module, $1.key.root) }) {
            out.string(key.module)
            out.string(key.root)
            out.string(html)
        }
        return out.sealed()
    }

    /// The entries of a whole record written under `outline`; nil otherwise.
    static func entries(fromRecord bytes: UnsafeBufferPointer<UInt8>, outline: String) -> [SidebarEntries.Key: String]? {
        CacheRecord.entries(ofSealed: bytes, header: header, key: outline, item: item)
    }

    /// One entry's module, root and HTML.
    private static func item(_ reader: inout CacheRecord.Reader) -> (SidebarEntries.Key, String)? {
        guard let module = reader.string(), let root = reader.string(), let html = reader.string() else { return nil }
        return (SidebarEntries.Key(module: module, root: root), html)
    }
}
