import Foundation

/// A file of the cache folder written whole or not at all: into a temporary file beside it, then renamed over
/// it, so a build killed meanwhile leaves the old file or none. Best effort: a cache file that cannot be
/// written only makes a later build do more work, so failures are not reported.
enum CacheFile {
    /// Writes `data` to `path`, creating its folder when the first attempt finds none.
    static func write(_ data: Data, to path: String) {
        let fm = FileManager.default
        let temporary = path + ".\(getpid()).tmp"
        if !fm.createFile(atPath: temporary, contents: data) {
            try? fm.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            guard fm.createFile(atPath: temporary, contents: data) else { return }
        }
        if rename(temporary, path) != 0 { try? fm.removeItem(atPath: temporary) }
    }
}
