import Foundation
import Hashing

/// The up-to-date check of a warm build: a hash of everything a build reads (site config, every file
/// under content/ and templates/, the options, and the sitegen executable itself) plus a listing of the
/// output folder as the last successful build left it (path, size, modification time of each file).
/// When both match, the build would write the same bytes again, so it is skipped, as make skips a target
/// newer than its sources. Any edit, a new sitegen, or a touched or deleted file in public/ makes it run.
struct BuildFingerprint: Equatable {
    var inputs: String
    /// Pages the build rendered, for the "up to date" report.
    var pages: Int
    var output: [String]

    /// Where the last successful build's fingerprint is kept.
    static func file(_ paths: BuildPaths) -> String {
        (paths.cache as NSString).appendingPathComponent("last-build")
    }

    /// The hash of every input of a build with these paths and options.
    static func inputs(_ paths: BuildPaths, _ options: BuildOptions) -> String {
        var hash = ContentHash()
        hash.update("sitegen build inputs v1\n")
        hash.update("base_url=\(options.baseURL ?? "-") drafts=\(options.includeDrafts) output=\(paths.output)\n")
        // The executable: a rebuilt sitegen may render differently.
        let executable = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        hash.update("exe \(executable) \(identity(executable) ?? "?")\n")
        for path in [paths.config] + files(under: paths.content) + files(under: paths.templates) {
            hash.update("file \(path)\n")
            hash.update(FileManager.default.contents(atPath: path) ?? Data("<missing>".utf8))
        }
        return hash.hex
    }

    /// `relative-path size mtime` for every file under `folder`, sorted; empty when it does not exist.
    static func listing(_ folder: String) -> [String] {
        files(under: folder).map { path in
            "\(path.dropFirst(folder.count + 1)) \(identity(path) ?? "?")"
        }
    }

    /// Size and modification time (ns) of a file, from stat(2).
    static func identity(_ path: String) -> String? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return "\(info.st_size) \(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)"
    }

    static func files(under folder: String) -> [String] {
        var result: [String] = []
        for relative in FolderListing.entries(under: folder) {
            let path = (folder as NSString).appendingPathComponent(relative)
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), !isFolder.boolValue {
                result.append(path)
            }
        }
        return result.sorted()
    }

    static func load(_ paths: BuildPaths) -> BuildFingerprint? {
        guard let text = try? String(contentsOfFile: file(paths), encoding: .utf8) else { return nil }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard lines.last == "end", lines.count >= 3, let pages = Int(lines[1]) else { return nil }  // cut short: none
        lines.removeLast()
        return BuildFingerprint(inputs: lines[0], pages: pages, output: Array(lines.dropFirst(2)))
    }

    /// Written atomically (temporary file, then rename), so a killed build leaves the old one or none.
    func save(_ paths: BuildPaths) {
        let path = Self.file(paths)
        try? FileManager.default.createDirectory(atPath: paths.cache, withIntermediateDirectories: true)
        let text = ([inputs, String(pages)] + output + ["end"]).joined(separator: "\n")
        let temporary = path + ".\(getpid()).tmp"
        guard (try? text.write(toFile: temporary, atomically: false, encoding: .utf8)) != nil else { return }
        if rename(temporary, path) != 0 { try? FileManager.default.removeItem(atPath: temporary) }
    }

    static func forget(_ paths: BuildPaths) {
        try? FileManager.default.removeItem(atPath: file(paths))
    }
}
