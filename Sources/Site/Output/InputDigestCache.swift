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

    private struct Entry {
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

    /// Best effort (`CacheFile`), and only when something changed: one line per file,
    /// `digest read device inode size mtime mtime-ns ctime ctime-ns path`.
    func save(_ paths: BuildPaths) {
        guard changed || recorded.count != known.count else { return }
        var lines = ["sitegen input digests v1", setup]
        for path in recorded.keys.sorted() {
            guard let entry = recorded[path] else { continue }
            let i = entry.identity
            lines.append("\(entry.digest) \(entry.read) \(i.device) \(i.inode) \(i.size) \(i.modified) \(i.modifiedNanoseconds) \(i.changed) \(i.changedNanoseconds) \(path)")
        }
        lines.append("end")
        CacheFile.write(Data(lines.joined(separator: "\n").utf8), to: Self.file(paths))
    }

    private static func load(_ file: String, setup: String) -> [String: Entry] {
        guard let text = try? String(contentsOfFile: file, encoding: .utf8) else { return [:] }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.count >= 3, lines[0] == "sitegen input digests v1", lines[1] == setup, lines.last == "end" else { return [:] }
        var entries: [String: Entry] = [:]
        for line in lines.dropFirst(2).dropLast() {
            // The path, last, may hold spaces.
            let fields = line.split(separator: " ", maxSplits: 9, omittingEmptySubsequences: false)
            guard fields.count == 10, let read = Int(fields[1]), let device = UInt64(fields[2]), let inode = UInt64(fields[3]),
                  let size = Int64(fields[4]), let modified = Int(fields[5]), let modifiedNanoseconds = Int(fields[6]),
                  let changed = Int(fields[7]), let changedNanoseconds = Int(fields[8]) else { return [:] }
            entries[String(fields[9])] = Entry(
                identity: Identity(device: device, inode: inode, size: size, modified: modified, modifiedNanoseconds: modifiedNanoseconds,
                                   changed: changed, changedNanoseconds: changedNanoseconds),
                digest: String(fields[0]), read: read)
        }
        return entries
    }
}
