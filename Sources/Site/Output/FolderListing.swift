import Foundation

/// What lies below a folder, as paths relative to it. Real folders are descended into (iteratively: no
/// recursion over the input's depth) and not listed themselves; symbolic links are listed, not followed.
///
/// Read with `readdir` and one `fstatat` (no following of links) per name, relative to the open folder: a
/// listing of the 2,221 files of a 200-lesson site is the cost of the system calls, not of building paths.
/// `FileManager.enumerator(atPath:)` is not used: it strips the folder's prefix by Characters, so a name
/// that begins with a combining mark (which joins the "/" before it into one Character) comes back as a
/// full path instead of a relative one (found by the writer fuzzer, input `zKA=`, U+0320).
public enum FolderListing {
    /// One name below the folder that is not a real folder, with what `lstat` said of it (nil when it failed).
    public struct Entry: Sendable {
        public var path: String
        public var info: stat?
        /// What the folder's record says: the entry's inode number and type (`DT_REG`, `DT_LNK`, …), known
        /// without `lstat` (`walk(_:statting: false)`); `DT_UNKNOWN` where the file system does not tell.
        public var inode: UInt64 = 0
        public var type: UInt8 = UInt8(DT_UNKNOWN)
    }

    /// Every entry that is not a real folder, sorted (`precedes`); empty when `folder` cannot be read.
    public static func entries(under folder: String) -> [String] {
        walk(folder).entries.map(\.path)
    }

    /// The entries that are not real folders and, apart, the real folders (a folder before the folders
    /// inside it), each sorted (`precedes`).
    public static func contents(under folder: String) -> (entries: [String], folders: [String]) {
        let (entries, folders) = walk(folder)
        return (entries.map(\.path), folders)
    }

    /// The entries with their `lstat` information, and the real folders, each sorted by path (`precedes`). Without
    /// `statting`, `info` is left out where the folder's record gives the entry's type (each entry still has its
    /// `inode` and `type`): a listing that needs no sizes or times costs no system call per file.
    public static func walk(_ folder: String, statting: Bool = true) -> (entries: [Entry], folders: [String]) {
        var entries: [Entry] = [], folders: [String] = []
        var pending = [""]
        while let relative = pending.popLast() {
            let path = relative.isEmpty ? folder : folder + "/" + relative
            guard let directory = opendir(path) else { continue }
            defer { closedir(directory) }
            let descriptor = dirfd(directory)
            while let record = readdir(directory) {
                var info = stat()
                let type = record.pointee.d_type, inode = UInt64(record.pointee.d_ino)
                let needsStat = statting || type == UInt8(DT_UNKNOWN)
                let (name, found) = withUnsafePointer(to: &record.pointee.d_name) { field in
                    field.withMemoryRebound(to: CChar.self, capacity: MemoryLayout.size(ofValue: field.pointee)) { cName in
                        (String(cString: cName), needsStat && fstatat(descriptor, cName, &info, AT_SYMLINK_NOFOLLOW) == 0)
                    }
                }
                if name == "." || name == ".." { continue }
                let child = relative.isEmpty ? name : relative + "/" + name
                if found ? info.st_mode & S_IFMT == S_IFDIR : (!needsStat && type == UInt8(DT_DIR)) {
                    pending.append(child)
                    folders.append(child)
                } else {
                    entries.append(Entry(path: child, info: found ? info : nil, inode: inode, type: type))
                }
            }
        }
        // Sorted through their indices: an entry (with its `stat`) is moved once, not at every step of the sort.
        let order = entries.indices.sorted { precedes(entries[$0].path, entries[$1].path) }
        return (order.map { entries[$0] }, folders.sorted(by: precedes))
    }

    /// The order of a listing's paths: by their UTF-8 bytes (for paths in Unicode's composed form, which file names
    /// nearly always are, the order of `<`, which compares canonical equivalents as equal). The walk sorts by it, and
    /// so must everything that merges paths with a walk's (`BuildFingerprint.listing(afterWriting:into:kept:)`).
    public static func precedes(_ a: String, _ b: String) -> Bool {
        let order = a.utf8.withContiguousStorageIfAvailable { x in
            b.utf8.withContiguousStorageIfAvailable { y -> Bool in
                let common = min(x.count, y.count)
                let compared = common == 0 ? 0 : memcmp(x.baseAddress!, y.baseAddress!, common)
                return compared != 0 ? compared < 0 : x.count < y.count
            }
        }
        return (order ?? nil) ?? a.utf8.lexicographicallyPrecedes(b.utf8)
    }
}
