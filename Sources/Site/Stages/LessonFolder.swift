import Foundation

/// The folder a lesson's shown files and scripts are read from (`IncludeFiles.read`), with its real path and the
/// content folder's found once per lesson. A file named plainly (`train.py`) that is not a symbolic link then
/// resolves to the folder's real path and its name, found with one `lstat`: glibc's `realpath` reads every part of
/// a path as a link, and resolving each file and the content folder again for every file was 15 600 `readlink`
/// calls in a cold build of the 200-lesson synthetic course.
struct LessonFolder {
    /// The folder as the lesson's path gives it.
    let path: String
    /// Its real path (`BuildPaths.resolved`).
    let realPath: String
    /// The content folder's real path: no file may resolve outside it.
    let contentRoot: String

    init(of lessonPath: String, contentRoot: String) {
        path = (lessonPath as NSString).deletingLastPathComponent
        realPath = BuildPaths.resolved(path)
        self.contentRoot = BuildPaths.resolved(contentRoot)
    }

    /// The folder's `file` joined to it as written (for messages), and with every link resolved, as
    /// `BuildPaths.resolved` resolves the joined path.
    func locate(_ file: String) -> (joined: String, resolved: String) {
        let joined = (path as NSString).appendingPathComponent(file)
        var info = stat()
        guard Self.isPlainName(file), lstat(joined, &info) == 0, info.st_mode & S_IFMT != S_IFLNK else {
            return (joined, BuildPaths.resolved(joined))
        }
        return (joined, realPath == "/" ? "/" + file : realPath + "/" + file)
    }

    /// One part of a path: not empty, `.` or `..`, no `/`, not starting with `~`.
    static func isPlainName(_ name: String) -> Bool {
        !name.isEmpty && name != "." && name != ".." && !name.utf8.contains(UInt8(ascii: "/")) && name.utf8.first != UInt8(ascii: "~")
    }
}
