import Diagnostics
import Foundation
import Site

extension FuzzTargets {
    /// The writer fuzzer's folder: `project/` holds the author's files and the output `project/public`.
    static let writerFolder: String = {
        _ = scratchRemovedAtExit
        let folder = scratchFolder("writer")
        try? FileManager.default.createDirectory(atPath: folder + "/project/notes", withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: folder + "/project/notes/keep.txt", contents: Data("the author's".utf8))
        _ = FileManager.default.createFile(atPath: folder + "/project/sitegen.yml", contents: Data("title: T\n".utf8))
        return folder
    }()

    /// An output tree as bytes: one file per line, `path<TAB>contents` (a line without a tab is an empty
    /// file). `OutputWriter` writes it into `project/public` (replacing the previous tree, which it wrote
    /// itself). Invariants, checked after every input, trapping when broken: the author's files beside
    /// the output are untouched and nothing else appears beside it (no staging folder left over); an
    /// accepted tree is on disk exactly, with the marker; a refused one leaves the previous output as it was.
    public static func writer(_ bytes: [UInt8]) -> Outcome {
        let project = writerFolder + "/project"
        let output = project + "/public"
        var tree = OutputTree()
        for line in String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: true) {
            let fields = line.split(separator: "\t", maxSplits: 1, omittingEmptySubsequences: false)
            tree.add(String(fields[0]), fields.count > 1 ? String(fields[1]) : "")
        }
        let before = listing(output)
        let outcome: Outcome
        do {
            try OutputWriter(output: output, displayOutput: "public").write(tree)
            let written = listing(output)
            var expected = tree.files.mapValues { Data($0) }
            expected[OutputGuard.markerName] = Data(OutputGuard.markerText.utf8)
            guard written == expected else {
                fatalError("the output differs from the tree: wrote \(written.keys.sorted()), expected \(expected.keys.sorted())")
            }
            outcome = .accepted("\(written.count)")
        } catch {
            guard listing(output) == before else { fatalError("a refused tree changed the previous output: \(error)") }
            outcome = rejected([error])
        }
        let beside = (try? FileManager.default.contentsOfDirectory(atPath: project).sorted()) ?? []
        guard beside == ["notes", "public", "sitegen.yml"] || beside == ["notes", "sitegen.yml"] else {
            fatalError("the writer left \(beside) beside the output")
        }
        guard FileManager.default.contents(atPath: project + "/notes/keep.txt") == Data("the author's".utf8),
              FileManager.default.contents(atPath: project + "/sitegen.yml") == Data("title: T\n".utf8) else {
            fatalError("the writer touched the author's files")
        }
        return outcome
    }

    /// Every file under `folder` (relative path → bytes); links are listed as their target.
    static func listing(_ folder: String) -> [String: Data] {
        var result: [String: Data] = [:]
        for relative in FolderListing.entries(under: folder) {
            let path = (folder as NSString).appendingPathComponent(relative)
            var info = stat()
            guard lstat(path, &info) == 0, info.st_mode & S_IFMT != S_IFDIR else { continue }
            result[relative] = FileManager.default.contents(atPath: path) ?? Data()
        }
        return result
    }
}
