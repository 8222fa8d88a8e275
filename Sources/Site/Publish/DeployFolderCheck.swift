import Diagnostics
import Foundation

/// What `sitegen publish --to DIR` may write into: a deploy folder that cannot be the author's own
/// files. Refused, before anything is written: `/`, the home folder, an existing path that is not a
/// folder, a folder that is or holds the project root, content, templates, config, cache or output
/// folder, or lies inside content, templates or output; and a non-empty folder that sitegen did not
/// publish to before (it holds `marker`), unless the author says `--replace-folder`.
///
/// A minimal, private version of the output-folder guard of issue #15, written while that guard was
/// not merged yet: when it is, this check should call it (same rules, one place).
struct DeployFolderCheck {
    /// Left in every deploy folder, so a later publish knows sitegen wrote it.
    static let marker = ".sitegen-deploy"
    static let markerText = "This folder is a copy of a site built by sitegen (sitegen publish --to). Its files are replaced at each publish.\n"

    var paths: BuildPaths
    var replaceFolder: Bool

    func check(_ destination: String) throws(Diagnostic) {
        let fm = FileManager.default
        let target = Self.resolved(destination)
        let home = Self.resolved(NSHomeDirectory())
        func refuse(_ why: String) -> Diagnostic {
            Diagnostic.error(at: nil, "refusing to publish into \(destination): \(why)")
        }
        if target == "/" || target == home { throw refuse("it is \(target == "/" ? "the root folder" : "your home folder"); name a folder of its own") }
        let protected = [("project root", paths.root), ("content folder", paths.content), ("templates folder", paths.templates),
                         ("site config", paths.config), ("result cache", paths.cache), ("output folder", paths.output)]
        for (name, path) in protected.map({ ($0.0, Self.resolved($0.1)) }) {
            if target == path || path.hasPrefix(target + "/") {
                throw refuse("it \(target == path ? "is" : "holds") the \(name); publish into a folder of its own")
            }
        }
        for (name, path) in protected.dropFirst().map({ ($0.0, Self.resolved($0.1)) }) where target.hasPrefix(path + "/") {
            throw refuse("it lies inside the \(name); publish into a folder of its own")
        }
        var isFolder: ObjCBool = false
        guard fm.fileExists(atPath: target, isDirectory: &isFolder) else { return }
        guard isFolder.boolValue else { throw refuse("it exists and is not a folder") }
        let names = (try? fm.contentsOfDirectory(atPath: target)) ?? []
        if !names.isEmpty, !names.contains(Self.marker), !replaceFolder {
            throw refuse("it is not empty and sitegen did not publish there before (it has no \(Self.marker)); its files would be replaced or removed. Empty it, pick another folder, or pass --replace-folder if its files may go")
        }
    }

    /// An absolute path with symbolic links resolved, as far as it exists.
    static func resolved(_ path: String) -> String {
        let absolute = BuildPaths.absolute(path, relativeTo: FileManager.default.currentDirectoryPath)
        return (absolute as NSString).resolvingSymlinksInPath
    }
}
