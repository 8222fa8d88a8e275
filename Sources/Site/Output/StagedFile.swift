import Foundation

/// How `OutputWriter` puts one file of the tree into its staging folder, cheapest first, so that a build
/// whose output mostly did not change (a rebuild after `--force`, a template edit that leaves most bytes
/// alone, a build with an emptied cache) does not create and delete an inode per file:
///
/// - `kept`: the staging folder (a recycled previous site) already holds these bytes at that path, in a
///   regular file that is either the writer's alone (one link) or the current output's very file;
/// - `linked`: the current output holds these bytes at that path in a regular file: the new site gets a
///   hard link to it, as an incremental build's reused files do;
/// - `rewritten`: the staging folder holds a regular file there that no other name shares (`st_nlink` 1,
///   so it is not a file of the current output): emptied and written in place, same inode;
/// - `created`: anything else there is unlinked (never written through) and a new file is written.
///
/// The current output is only ever read and linked to, never written into, and the staging folder is
/// swapped in whole, so a build killed at any point still leaves the old site as it was.
enum StagedFile: Equatable {
    case kept, linked, rewritten, created

    /// Whether the new site's file is the current output's file (a hard link between the two sites).
    var isShared: Bool { self == .linked }

    /// Puts `bytes` at `staged`; `current` is the same path in the current output folder. The folder of
    /// `staged` must exist.
    static func place(_ bytes: [UInt8], at staged: String, current: String) throws -> StagedFile {
        var mine = stat(), theirs = stat()
        let haveMine = lstat(staged, &mine) == 0
        let haveTheirs = lstat(current, &theirs) == 0 && theirs.st_mode & S_IFMT == S_IFREG
        // Read at most once: whether the current output's file already holds these bytes.
        var currentHolds: Bool?
        func currentIsEqual() -> Bool {
            if let known = currentHolds { return known }
            let equal = haveTheirs && holds(current, bytes)
            currentHolds = equal
            return equal
        }
        if haveMine {
            let regular = mine.st_mode & S_IFMT == S_IFREG
            let isCurrent = haveTheirs && mine.st_dev == theirs.st_dev && mine.st_ino == theirs.st_ino
            if regular, mine.st_nlink == 1 || isCurrent, holds(staged, bytes) {
                return isCurrent ? .linked : .kept
            }
            // Linking the current output's equal file frees this one; otherwise a file of the writer's alone is reused.
            if regular, mine.st_nlink == 1, !isCurrent, !currentIsEqual(), try rewrite(bytes, at: staged) {
                return .rewritten
            }
            guard unlink(staged) == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        }
        if currentIsEqual(), link(current, staged) == 0 {
            return .linked
        }
        try PlainFile.write(bytes, to: staged)
        return .created
    }

    /// Whether the regular file at `path` (not followed if it is a link) holds exactly `bytes`: sizes first,
    /// then the contents in blocks.
    static func holds(_ path: String, _ bytes: [UInt8]) -> Bool {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG, Int(info.st_size) == bytes.count else { return false }
        let blockSize = 1 << 16
        // Read into, never read before it is written: not zeroed first.
        let blockCount = min(blockSize, max(bytes.count, 1))
        var block = [UInt8](unsafeUninitializedCapacity: blockCount) { _, count in count = blockCount }
        return bytes.withUnsafeBytes { expected in
            block.withUnsafeMutableBytes { buffer in
                var offset = 0
                while offset < expected.count {
                    let count = read(descriptor, buffer.baseAddress!, min(buffer.count, expected.count - offset))
                    if count < 0, errno == EINTR { continue }
                    guard count > 0, memcmp(buffer.baseAddress!, expected.baseAddress! + offset, count) == 0 else { return false }
                    offset += count
                }
                // The file must end there: one more byte would mean it grew since `fstat`.
                var extra: UInt8 = 0
                return read(descriptor, &extra, 1) == 0
            }
        }
    }

    /// Overwrites the file at `path` in place when it is still a regular file with one link (checked on the open
    /// descriptor, so a name swapped meanwhile is not written through); false when it is not.
    private static func rewrite(_ bytes: [UInt8], at path: String) throws -> Bool {
        let descriptor = open(path, O_WRONLY | O_CLOEXEC | O_NOFOLLOW)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG, info.st_nlink == 1 else { return false }
        guard ftruncate(descriptor, 0) == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        try PlainFile.write(bytes, to: descriptor)
        return true
    }
}
