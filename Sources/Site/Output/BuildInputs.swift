import Foundation
import Hashing

/// Everything a build reads, hashed: the options, the sitegen executable, the site config and every
/// file under content/ and templates/, each with its own digest (so `RebuildPlan` can tell which
/// changed) and all of them together (`digest`, the up-to-date check of `BuildFingerprint`).
struct BuildInputs: Equatable {
    /// One input file: its absolute path and the hash of its bytes.
    struct File: Equatable {
        var path: String
        var digest: String

        /// Adds the file's line, "file <path> <digest>\n", to `hash` in pieces: no string is made per file.
        func hashLine(into hash: inout ContentHash) {
            hash.update("file ")
            hash.update(path)
            hash.update(" ")
            hash.update(digest)
            hash.update("\n")
        }
    }

    /// The options and the executable, as one line.
    let setup: String
    /// The config, then content/ and templates/, each sorted by path.
    let files: [File]
    private let digests: [String: String]
    /// All inputs as one hash.
    let digest: String

    /// Reads and hashes every input of a build with these paths and options; a file whose identity `known`
    /// holds a digest for is not read (see `InputDigestCache`), and `known` records what was read.
    init(_ paths: BuildPaths, _ options: BuildOptions, known: InputDigestCache? = nil) {
        setup = known?.setup ?? Self.setup(paths, options)   // the cache was opened for this setup
        let inputFiles = [paths.config] + BuildFingerprint.files(under: paths.content) + BuildFingerprint.files(under: paths.templates)
        // Taken before any file is read: a file that changes later gets a later modification time.
        let now = Int(Date().timeIntervalSince1970)
        let hashed = inputFiles.concurrentMap { path -> (file: File, identity: InputDigestCache.Identity?, kept: Bool) in
            var info = stat()
            let identity = stat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFREG ? InputDigestCache.Identity(info) : nil
            if let identity, let digest = known?.digest(of: path, identity: identity) {
                return (File(path: path, digest: digest), identity, true)
            }
            var hash = ContentHash()
            if let data = FileManager.default.contents(atPath: path) {
                data.withUnsafeBytes { hash.update($0) }
            } else {
                hash.update("<missing>")
            }
            return (File(path: path, digest: hash.hex), identity, false)
        }
        if let known {
            for (file, identity, kept) in hashed {
                if kept {
                    known.keep(file.path)
                } else if let identity {
                    known.record(file.path, identity: identity, digest: file.digest, read: now)
                }
            }
        }
        files = hashed.map(\.file)
        digests = Dictionary(files.map { ($0.path, $0.digest) }, uniquingKeysWith: { first, _ in first })
        var all = ContentHash()
        all.update("sitegen build inputs v2\n\(setup)\n")
        for file in files { file.hashLine(into: &all) }
        digest = all.hex
    }

    /// The options and the executable, as one line (`setup`).
    static func setup(_ paths: BuildPaths, _ options: BuildOptions) -> String {
        // The executable: a rebuilt sitegen may render differently.
        let executable = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        return "base_url=\(options.baseURL ?? "-") drafts=\(options.includeDrafts) output=\(paths.output) "
            + "exe \(executable) \(BuildFingerprint.identity(executable) ?? "?")"
    }

    /// The digest of one input file, if it is one.
    func digest(of path: String) -> String? {
        digests[path]
    }
}
