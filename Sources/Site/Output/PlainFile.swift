import Foundation

/// A file written in place: created (or emptied) and written with `open` and `write`, without the
/// temporary file, `fsync` and rename `FileManager.createFile` makes of every file. For files whose
/// atomicity comes from elsewhere: the output's staging folder, swapped in whole, and cache files,
/// written under a temporary name and then renamed (`CacheFile`).
enum PlainFile {
    /// Writes `bytes` to `path` with mode 0666 less the umask, as `createFile` does; the folder must exist and
    /// `path` must not be a symbolic link.
    static func write<Bytes: ContiguousBytes>(_ bytes: Bytes, to path: String) throws {
        // O_NOFOLLOW: a symbolic link at `path` is an error, never a way to write to where it points.
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0o666)
        guard descriptor >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        defer { close(descriptor) }
        try write(bytes, to: descriptor)
    }

    /// Writes all of `bytes` to an open descriptor, from its current offset.
    static func write<Bytes: ContiguousBytes>(_ bytes: Bytes, to descriptor: Int32) throws {
        try bytes.withUnsafeBytes { buffer in
            var written = 0
            while written < buffer.count {
                let count = Glibc.write(descriptor, buffer.baseAddress! + written, buffer.count - written)
                if count < 0 {
                    if errno == EINTR { continue }
                    throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
                }
                written += count
            }
        }
    }
}
