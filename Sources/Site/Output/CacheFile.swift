import Foundation

/// A file of the cache folder written whole or not at all: into a temporary file beside it, then renamed over
/// it, so a build killed meanwhile leaves the old file or none. Best effort: a cache file that cannot be
/// written only makes a later build do more work, so failures are not reported.
enum CacheFile {
    /// Writes `data` to `path`, creating its folder when the first attempt finds none.
    static func write<Bytes: ContiguousBytes>(_ data: Bytes, to path: String) {
        let fm = FileManager.default
        let temporary = path + ".\(getpid()).tmp"
        if (try? PlainFile.write(data, to: temporary)) == nil {
            try? fm.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            guard (try? PlainFile.write(data, to: temporary)) != nil else {
                try? fm.removeItem(atPath: temporary)
                return
            }
        }
        if rename(temporary, path) != 0 { try? fm.removeItem(atPath: temporary) }
    }
}
