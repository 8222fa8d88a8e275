import Foundation

/// Every entry under a folder, hidden ones included, with what it holds: a file's bytes, a link's
/// target (links are not followed), or "folder". Equal snapshots mean nothing was removed, added or changed.
struct FolderSnapshot: Equatable, CustomStringConvertible {
    var entries: [String: String] = [:]

    init(_ folder: String) {
        visit(folder, relative: "")
    }

    private mutating func visit(_ folder: String, relative: String) {
        let fm = FileManager.default
        for name in (try? fm.contentsOfDirectory(atPath: folder)) ?? [] {
            let path = (folder as NSString).appendingPathComponent(name)
            let key = relative.isEmpty ? name : relative + "/" + name
            var info = stat()
            guard lstat(path, &info) == 0 else { continue }
            switch info.st_mode & S_IFMT {
            case S_IFDIR:
                entries[key] = "folder"
                visit(path, relative: key)
            case S_IFLNK:
                entries[key] = "link to " + ((try? fm.destinationOfSymbolicLink(atPath: path)) ?? "?")
            default:
                entries[key] = fm.contents(atPath: path).map { "file " + $0.base64EncodedString() } ?? "unreadable"
            }
        }
    }

    var description: String { entries.keys.sorted().joined(separator: ", ") }
}
