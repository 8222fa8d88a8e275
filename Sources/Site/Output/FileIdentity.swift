import Foundation

/// What tells a file's versions apart without reading it: device, inode, size, and the modification and
/// status-change times (`stat`). Any write changes the times, a rename the inode. Kept by `InputDigestCache`
/// (digests of input files) and `SearchIndexStore` (the kept search index a preview server read).
struct FileIdentity: Equatable {
    var device: UInt64, inode: UInt64, size: Int64
    var modified: Int, modifiedNanoseconds: Int, changed: Int, changedNanoseconds: Int

    init(_ info: stat) {
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
        size = Int64(info.st_size)
        modified = info.st_mtim.tv_sec
        modifiedNanoseconds = info.st_mtim.tv_nsec
        changed = info.st_ctim.tv_sec
        changedNanoseconds = info.st_ctim.tv_nsec
    }

    /// The identity of the file at `path` (links followed); nil if there is none.
    init?(path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        self.init(info)
    }

    init(device: UInt64, inode: UInt64, size: Int64, modified: Int, modifiedNanoseconds: Int, changed: Int, changedNanoseconds: Int) {
        self.device = device
        self.inode = inode
        self.size = size
        self.modified = modified
        self.modifiedNanoseconds = modifiedNanoseconds
        self.changed = changed
        self.changedNanoseconds = changedNanoseconds
    }

    /// The later of the two times, in whole seconds.
    var latest: Int { max(modified, changed) }
}
