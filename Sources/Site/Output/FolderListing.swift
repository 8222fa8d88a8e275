import Foundation

/// What lies below a folder, as paths relative to it. Real folders are descended into (iteratively: no
/// recursion over the input's depth) and not listed themselves; symbolic links are listed, not followed.
///
/// `FileManager.enumerator(atPath:)` is not used: it strips the folder's prefix by Characters, so a name
/// that begins with a combining mark (which joins the "/" before it into one Character) comes back as a
/// full path instead of a relative one (found by the writer fuzzer, input `zKA=`, U+0320).
public enum FolderListing {
    /// Every entry that is not a real folder, sorted; empty when `folder` cannot be read.
    public static func entries(under folder: String) -> [String] {
        contents(under: folder).entries
    }

    /// The entries that are not real folders and, apart, the real folders (a folder before the folders
    /// inside it), each sorted.
    public static func contents(under folder: String) -> (entries: [String], folders: [String]) {
        var entries: [String] = [], folders: [String] = []
        var pending = [""]
        while let relative = pending.popLast() {
            let path = relative.isEmpty ? folder : folder + "/" + relative
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: path) else { continue }
            for name in names {
                let child = relative.isEmpty ? name : relative + "/" + name
                var info = stat()
                if lstat(folder + "/" + child, &info) == 0, info.st_mode & S_IFMT == S_IFDIR {
                    pending.append(child)
                    folders.append(child)
                } else {
                    entries.append(child)
                }
            }
        }
        return (entries.sorted(), folders.sorted())
    }
}
