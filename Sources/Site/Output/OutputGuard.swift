import Diagnostics
import Foundation

/// The rules that keep sitegen from losing an author's files. A build (and a deploy) replaces its
/// target folder whole, so before anything is written, deleted or swapped the target is checked, and
/// refused with an `error: …` (a `Diagnostic` without location: it belongs to no file) when it
///
/// 1. is `/`, or is or contains the home folder;
/// 2. is, or contains, the project root, the content folder, the templates folder, the site config
///    or the result cache; or lies inside the content folder, the templates folder or the cache;
/// 3. exists and is not a folder (a file, or a symbolic link: the swap would replace the link);
/// 4. exists, is not empty, and holds no marker file (`markerName`), unless the author said
///    `--replace-output` (`replaceOutput`).
///
/// Every folder sitegen writes gets the marker (`OutputWriter` writes it first into its staging
/// folder); its text is fixed, so builds stay byte-identical. Paths are compared after resolving
/// symbolic links, so `--output ../project` or a link to the project is caught too.
///
/// Usage, for any command that replaces a folder (`build`, `serve`, a deploy):
///
/// ```swift
/// if let refusal = OutputGuard.check(output: target, project: paths, replaceOutput: flag) {
///     throw refusal   // prints "error: the output folder … ; …"
/// }
/// ```
///
/// `project` supplies root, content, templates, config and cache; its `output` is not used (the
/// target is `output`), so a deploy folder is checked against the same project paths.
public enum OutputGuard {
    /// The marker every sitegen output folder holds: a hidden file, never served.
    public static let markerName = ".sitegen-output"
    /// The marker's text: fixed, so two builds give the same bytes.
    public static let markerText = """
        This folder is written by sitegen: each build replaces all of it.
        Keep nothing of your own here; it would be deleted by the next build.

        """
    /// The flag that lets a build replace a non-empty folder without the marker.
    public static let replaceFlag = "--replace-output"

    /// Why `output` must not be replaced by a build of `project`, or nil when it may be. `flag` is the option that
    /// named the folder (`--output`, or `--to` for a deploy), for the advice.
    public static func check(output: String, project: BuildPaths, replaceOutput: Bool, flag: String = "--output") -> Diagnostic? {
        placeProblem(output: output, project: project, flag: flag)
            ?? contentsProblem(output: output, display: project.display(output), replaceOutput: replaceOutput, flag: flag)
    }

    /// Rules 1 and 2: where the output lies relative to the project and the home folder. `new lesson`
    /// uses these alone (a lesson written inside the output folder would be deleted by the next build).
    static func placeProblem(output: String, project: BuildPaths, flag: String = "--output") -> Diagnostic? {
        guard let problem = placeViolation(output: output, project: project) else { return nil }
        return .error(at: nil, "\(problem); choose a folder of its own" + (suggestion(project, flag: flag).map { ", such as \($0)" } ?? ""))
    }

    /// "--output public": the first of a few usual folders, relative to the project root, that these rules would
    /// accept as they stand (never one that is refused, such as `public` when it is the content folder); nil if none is.
    /// A deploy folder (any flag but `--output`) is also kept apart from the build's output folder, as `FolderPublisher` requires.
    static func suggestion(_ project: BuildPaths, flag: String) -> String? {
        let root = BuildPaths.resolved(project.root), output = BuildPaths.resolved(project.output)
        let names = ["public", "site"] + (root == "/" ? [] : ["../" + (root as NSString).lastPathComponent + "-site"])
        for name in names {
            let path = (project.root as NSString).appendingPathComponent(name)
            let target = BuildPaths.resolved(path)
            if flag != "--output", BuildPaths.isInside(target, output) || BuildPaths.isInside(output, target) { continue }
            if placeViolation(output: path, project: project) == nil,
               contentsProblem(output: path, display: name, replaceOutput: false, flag: flag) == nil {
                return "\(flag) \(name)"
            }
        }
        return nil
    }

    /// What breaks rules 1 and 2, without advice.
    private static func placeViolation(output: String, project: BuildPaths) -> String? {
        let target = BuildPaths.resolved(output)
        let shown = display(output, project)
        if target == "/" {
            return "the output folder \(shown) is the root of the file system: a build replaces its output folder whole"
        }
        for home in homeFolders() where BuildPaths.isInside(home, target) {
            let what = target == home ? "is your home folder" : "contains your home folder \(home)"
            return "the output folder \(shown) \(what): a build replaces its output folder whole, which would delete it"
        }
        // What must survive, and what replacing it would delete.
        let protected: [(name: String, path: String, loss: String)] = [
            ("the project root", project.root, "the site config, the lessons, the templates and every other file of the project"),
            ("the content folder", project.content, "every lesson"),
            ("the templates folder", project.templates, "every template"),
            ("the site config", project.config, "it"),
            ("the result cache", project.cache, "every cached experiment result"),
        ]
        for (name, path, loss) in protected {
            let real = BuildPaths.resolved(path)
            if target == real {
                return "the output folder \(shown) is \(name): a build replaces its output folder whole, which would delete \(loss)"
            }
            if BuildPaths.isInside(real, target) {
                return "the output folder \(shown) contains \(name) \(display(path, project)): a build replaces its output folder whole, which would delete it"
            }
        }
        for (name, path, _) in protected.dropFirst() where path != project.config && BuildPaths.isInside(target, BuildPaths.resolved(path)) {
            return "the output folder \(shown) lies inside \(name) \(display(path, project)): the site would be mixed with the files it is built from"
        }
        return nil
    }

    /// Rules 3 and 4: what is at the output path now. Checked again by `OutputWriter` just before the
    /// swap, since the folder may have changed while the site was rendered.
    static func contentsProblem(output: String, display shown: String, replaceOutput: Bool, flag: String = "--output") -> Diagnostic? {
        var info = stat()
        guard lstat(output, &info) == 0 else { return nil }  // nothing there yet
        switch info.st_mode & S_IFMT {
        case S_IFDIR:
            break
        case S_IFLNK:
            let target = (try? FileManager.default.destinationOfSymbolicLink(atPath: output)) ?? "?"
            return .error(at: nil, "the output path \(shown) is a symbolic link (to \(target)): a build would replace the link, not the folder it leads to; give the real folder as \(flag)")
        default:
            return .error(at: nil, "the output path \(shown) exists and is not a folder: a build would replace it with the site; move it away or choose another \(flag)")
        }
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: output) else {
            return .error(at: nil, "the output folder \(shown) cannot be read, so sitegen cannot tell whether it wrote it; check its permissions or choose another \(flag)")
        }
        if entries.isEmpty || replaceOutput || hasMarker(output) { return nil }
        let count = entries.count
        return .error(at: nil, "the output folder \(shown) is not empty (\(count) entr\(count == 1 ? "y" : "ies")) and was not written by sitegen (it has no \(markerName) file): a build replaces the whole folder, which would delete what is in it; choose an empty or new folder, or pass \(replaceFlag) to replace it")
    }

    /// Whether `folder` holds sitegen's marker (a regular file, not a folder or a link).
    static func hasMarker(_ folder: String) -> Bool {
        var info = stat()
        let marker = (folder as NSString).appendingPathComponent(markerName)
        return lstat(marker, &info) == 0 && info.st_mode & S_IFMT == S_IFREG
    }

    /// `$HOME` and the account's home folder from the password database, resolved.
    static func homeFolders() -> [String] {
        var homes: [String] = []
        if let home = ProcessInfo.processInfo.environment["HOME"], !home.isEmpty { homes.append(home) }
        if let entry = getpwuid(getuid()), let directory = entry.pointee.pw_dir { homes.append(String(cString: directory)) }
        return Array(Set(homes.map(BuildPaths.resolved))).filter { $0 != "/" }.sorted()
    }

    private static func display(_ path: String, _ project: BuildPaths) -> String {
        path == project.root ? "\(path) (.)" : project.display(path)
    }
}
