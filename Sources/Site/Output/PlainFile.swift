import Foundation

/// A file written in place: created (or emptied) and written with `open` and `write`, without the
/// temporary file, `fsync` and rename `FileManager.createFile` makes of every file. For files whose
/// atomicity comes from elsewhere: the output's staging folder, swapped in whole, and cache files,
/// written under a temporary name and then renamed (`CacheFile`). The cache's records are read back here too.
enum PlainFile {
    /// The bytes of the regular file at `path`, read straight into the array (no `Data` copied from); nil when it
    /// cannot be opened, is not a regular file, or ends before its size said.
    static func read(_ path: String) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        let size = Int(info.st_size)
        var complete = true
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            count = 0
            while count < size {
                let got = Glibc.read(descriptor, buffer.baseAddress! + count, size - count)
                if got < 0 && errno == EINTR { continue }
                guard got > 0 else { break }
                count += got
            }
            complete = count == size
        }
        return complete ? bytes : nil
    }

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
