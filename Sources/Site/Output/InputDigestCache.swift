import Foundation

/// The digests `BuildInputs` computed for input files, each under the identity the file had when it was read
/// (device, inode, size, modification and status-change times, from `stat`), kept in the cache folder
/// (`input-digests`): a file whose identity is unchanged is not read and hashed again, as git's index and
/// make trust a file's times. Any write changes the times (and a rename the inode), except a write within
/// the clock tick of an earlier one: a digest taken less than `margin` after the file's last modification is
/// not trusted, so the file is read again until it is older than that when a build reads it (git's "racy"
/// rule). A missing or unreadable file, or one written for another setup, is an empty cache.
final class InputDigestCache: @unchecked Sendable {
    /// How long after its modification a file must have been read for its digest to be kept.
    static let margin: Int = 2

    typealias Identity = FileIdentity

    struct Entry {
        var identity: Identity
        var digest: String
        /// When the file was read (seconds since 1970).
        var read: Int
    }

    /// The setup line (`BuildInputs.setup`) the cache was opened for.
    let setup: String
    private let known: [String: Entry]
    private var recorded: [String: Entry] = [:]

    init(_ paths: BuildPaths, setup: String) {
        self.setup = setup
        known = Self.load(Self.file(paths), setup: setup)
    }

    static func file(_ paths: BuildPaths) -> String {
        (paths.cache as NSString).appendingPathComponent("input-digests")
    }

    /// The digest kept for `path`, if the file still has the identity it had when it was read and was read
    /// at least `margin` seconds after it last changed.
    func digest(of path: String, identity: Identity) -> String? {
        guard let entry = known[path], entry.identity == identity, entry.read >= identity.latest + Self.margin else { return nil }
        return entry.digest
    }

    /// Keeps `digest` for `path`, whose identity was `identity` before it was read at `read` (seconds).
    func record(_ path: String, identity: Identity, digest: String, read: Int) {
        recorded[path] = Entry(identity: identity, digest: digest, read: read)
        changed = true
    }

    /// Keeps what the cache knew of `path` (its digest was just used).
    func keep(_ path: String) {
        recorded[path] = known[path]
    }

    /// Whether anything was recorded or dropped since the cache was read.
    private var changed = false

    /// Best effort (`CacheFile`), and only when something changed. Sealed bytes (`CacheRecord`): the setup line,
    /// then per file its path, digest, read time, device, inode, size, and modification and change times.
    func save(_ paths: BuildPaths) {
        guard changed || recorded.count != known.count else { return }
        let entries = recorded.sorted { $0.key < $1.key }
        var out = CacheRecord.sealedWriter(header: Self.header, key: setup, count: entries.count, capacity: 96 * entries.count)
        for (path, entry) in entries {
            let i = entry.identity
            out.string(path)
            out.string(entry.digest)
            out.signed(entry.read)
            out.signed(Int(Int64(bitPattern: i.device)))
            out.signed(Int(Int64(bitPattern: i.inode)))
            out.signed(Int(i.size))
            out.signed(i.modified)
            out.signed(i.modifiedNanoseconds)
            out.signed(i.changed)
            out.signed(i.changedNanoseconds)
        }
        CacheFile.write(out.sealed(), to: Self.file(paths))
    }

    static let header = Array("sitegen input digests v2\n".utf8)

    private static func load(_ file: String, setup: String) -> [String: Entry] {
        CacheRecord.readSealed(file, header: header, key: setup, item: item) ?? [:]
    }

    /// One file's path and entry.
    private static func item(_ reader: inout CacheRecord.Reader) -> (String, Entry)? {
        guard let path = reader.string(), let digest = reader.string(), let read = reader.signed(),
              let device = reader.signed(), let inode = reader.signed(), let size = reader.signed(),
              let modified = reader.signed(), let modifiedNanoseconds = reader.signed(),
              let changed = reader.signed(), let changedNanoseconds = reader.signed() else { return nil }
        return (path, Entry(
            identity: Identity(device: UInt64(bitPattern: Int64(device)), inode: UInt64(bitPattern: Int64(inode)), size: Int64(size),
                               modified: modified, modifiedNanoseconds: modifiedNanoseconds,
                               changed: changed, changedNanoseconds: changedNanoseconds),
            digest: digest, read: read))
    }
}
