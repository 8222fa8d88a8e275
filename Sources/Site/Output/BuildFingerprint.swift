import Foundation
import Hashing

/// What the last successful build recorded, for the next one: a hash of everything it read (site config,
/// every file under content/ and templates/, the options, and the sitegen executable itself; see
/// `BuildInputs`), the `RebuildPlan` keys of its pages, the blocks of other lessons each page quotes, and
/// a listing of the output folder as it left it (path, size, modification time of each file). When inputs and listing both match, the build would
/// write the same bytes again, so it is skipped, as make skips a target newer than its sources; when
/// only the listing matches, the pages whose keys are unchanged are reused from the output folder. Any
/// touched or deleted file in public/ makes the next build render and write everything.
struct BuildFingerprint: Equatable {
    var inputs: String
    /// Pages the build rendered, for the "up to date" report.
    var pages: Int
    /// `RebuildPlan.site` and `RebuildPlan.pages` of that build.
    var site: String = ""
    var pageKeys: [String: String] = [:]
    /// The blocks of other lessons each page quoted when it was last rendered, by page key (pages that quote none are left out).
    var quotes: [String: [QuotedBlock]] = [:]
    var output: [String]

    /// Where the last successful build's fingerprint is kept.
    static func file(_ paths: BuildPaths) -> String {
        (paths.cache as NSString).appendingPathComponent("last-build")
    }

    /// `relative-path size mtime` for every file under `folder`, sorted; empty when it does not exist.
    static func listing(_ folder: String) -> [String] {
        listing(FolderListing.walk(folder).entries, in: folder)
    }

    /// The listing of `folder` from a walk of it (`FolderListing.walk`).
    static func listing(_ entries: [FolderListing.Entry], in folder: String) -> [String] {
        var line: [UInt8] = []
        return entries.compactMap { entry in
            listingLine(entry, in: folder, into: &line) ? String(decoding: line, as: UTF8.self) : nil
        }
    }

    /// Whether `recorded` is the listing of `folder` from a walk of it (`listing(_:in:)`), compared line by line as
    /// bytes, without making the listing's strings (the up-to-date check of every build).
    static func listing(_ recorded: [String], matches entries: [FolderListing.Entry], in folder: String) -> Bool {
        var line: [UInt8] = []
        var next = 0
        for entry in entries where listingLine(entry, in: folder, into: &line) {
            guard next < recorded.count else { return false }
            var expected = recorded[next]
            guard expected.withUTF8({ $0.elementsEqual(line) }) else { return false }
            next += 1
        }
        return next == recorded.count
    }

    /// `entry`'s line of a listing (`path size mtime`) in `line`; false when it has none (a folder, a link that
    /// leads nowhere or to a folder, an entry the walk could not `lstat`).
    private static func listingLine(_ entry: FolderListing.Entry, in folder: String, into line: inout [UInt8]) -> Bool {
        // The walk's lstat(2) serves regular files; a symbolic link is followed (stat(2)): a link to a folder is no file.
        guard var info = entry.info else { return false }
        if info.st_mode & S_IFMT == S_IFLNK {
            guard stat((folder as NSString).appendingPathComponent(entry.path), &info) == 0 else { return false }
        }
        guard info.st_mode & S_IFMT != S_IFDIR else { return false }
        line.removeAll(keepingCapacity: true)
        line.append(contentsOf: entry.path.utf8)
        line.append(UInt8(ascii: " "))
        appendIdentity(info, to: &line)
        return true
    }

    /// The lines of `previous` (a listing, sorted by path; `paths` its `paths(inListing:)`) that stay true for the
    /// files `reused`, with their paths, in the same order: what `listing(afterWriting:into:kept:)` starts from, found
    /// while the site is written.
    static func keptLines(_ previous: [String], paths: [String], reused: [String]) -> [(path: String, line: String)] {
        let reused = Set(reused)
        return zip(paths, previous).filter { reused.contains($0.0) }.map { (path: $0.0, line: $0.1) }
    }

    /// The listing of `folder` just after `tree` was written into it: a reused file is a hard link to the file the
    /// previous listing named, so it keeps that line (`kept`, from `keptLines`); the files written now (and the marker)
    /// are read from disk. Were a file copied instead of linked, its line would differ from the disk and the next
    /// build would render everything: never a wrong reuse.
    static func listing(afterWriting tree: OutputTree, into folder: String, kept: [(path: String, line: String)]) -> [String] {
        var written: [(path: String, line: String)] = []
        var listed = Set(kept.map(\.path))
        for path in Array(tree.files.keys) + tree.reused + [OutputGuard.markerName] where listed.insert(path).inserted {
            guard let identity = identity((folder as NSString).appendingPathComponent(path)) else { continue }
            written.append((path, "\(path) \(identity)"))
        }
        // Both sorted by path as a walk sorts (`FolderListing.precedes`), then merged; a `kept` out of order (a record not written by this function) only
        // makes the next build's comparison fail, which renders everything.
        written.sort { FolderListing.precedes($0.path, $1.path) }
        var lines: [String] = []
        lines.reserveCapacity(kept.count + written.count)
        var k = 0, w = 0
        while k < kept.count || w < written.count {
            if w == written.count || (k < kept.count && FolderListing.precedes(kept[k].path, written[w].path)) {
                lines.append(kept[k].line)
                k += 1
            } else {
                lines.append(written[w].line)
                w += 1
            }
        }
        return lines
    }

    /// The file paths of a `listing`, relative to the folder.
    static func paths(inListing listing: [String]) -> [String] {
        listing.map { line in
            // `path size mtime`: the path ends before the second space from the end (it may hold spaces itself).
            let utf8 = line.utf8
            guard let last = utf8.lastIndex(of: UInt8(ascii: " ")), let before = utf8[..<last].lastIndex(of: UInt8(ascii: " ")) else { return "" }
            return String(decoding: utf8[..<before], as: UTF8.self)
        }
    }

    /// Size and modification time (ns) of a file, from stat(2).
    static func identity(_ path: String) -> String? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return identity(info)
    }

    static func identity(_ info: stat) -> String {
        var bytes: [UInt8] = []
        appendIdentity(info, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `identity(info)`'s bytes, appended.
    static func appendIdentity(_ info: stat, to bytes: inout [UInt8]) {
        bytes.appendDecimal(info.st_size)
        bytes.append(UInt8(ascii: " "))
        bytes.appendDecimal(info.st_mtim.tv_sec)
        bytes.append(UInt8(ascii: "."))
        bytes.appendDecimal(info.st_mtim.tv_nsec)
    }

    /// The files under `folder` as absolute paths, sorted as the walk sorts (`FolderListing.precedes`; one prefix before
    /// every path keeps that order): regular files, and links that lead to one.
    static func files(under folder: String) -> [String] {
        FolderListing.walk(folder).entries.compactMap { entry in
            guard var info = entry.info else { return nil }
            let path = (folder as NSString).appendingPathComponent(entry.path)
            if info.st_mode & S_IFMT == S_IFLNK, stat(path, &info) != 0 { return nil }
            return info.st_mode & S_IFMT == S_IFDIR ? nil : path
        }
    }

    static func load(_ paths: BuildPaths) -> BuildFingerprint? {
        PlainFile.read(file(paths)).flatMap(parse)
    }

    /// The fingerprint a record's bytes hold; nil when they are not valid UTF-8, cut short, or written by an older
    /// sitegen. Read as bytes, line by line (cut at each newline byte: the record is written with `\n` only), since the
    /// record of a 200-lesson site has some 2 400 lines and is read on every build.
    static func parse(_ record: [UInt8]) -> BuildFingerprint? {
        guard String(validating: record, as: UTF8.self) != nil else { return nil }
        return record.withUnsafeBufferPointer { bytes -> BuildFingerprint? in
            func text(_ part: Slice<UnsafeBufferPointer<UInt8>>) -> String { String(decoding: part, as: UTF8.self) }
            let lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
            guard lines.count >= 4, let last = lines.last, last.elementsEqual("end".utf8), lines[0].starts(with: "v5 ".utf8),
                  let pages = Int(text(lines[1])) else { return nil }
            var fingerprint = BuildFingerprint(inputs: text(lines[0].dropFirst(3)), pages: pages, site: text(lines[2]), output: [])
            fingerprint.output.reserveCapacity(lines.count)
            for line in lines.dropFirst(3).dropLast() {
                if line.starts(with: "file ".utf8) {
                    fingerprint.output.append(text(line.dropFirst(5)))
                } else if line.starts(with: "page ".utf8), let space = line.dropFirst(5).firstIndex(of: UInt8(ascii: " ")) {
                    fingerprint.pageKeys[text(line[(space + 1)...])] = text(line[(line.startIndex + 5)..<space])
                } else if line.starts(with: "quote ".utf8) {
                    // `quote <digest> <lesson> <block> <page key>`: the key, last, may hold spaces.
                    let fields = line.dropFirst(6).split(separator: UInt8(ascii: " "), maxSplits: 3, omittingEmptySubsequences: false)
                    guard fields.count == 4 else { return nil }
                    fingerprint.quotes[text(fields[3]), default: []].append(
                        QuotedBlock(lesson: text(fields[1]), block: text(fields[2]), digest: text(fields[0])))
                } else {
                    return nil
                }
            }
            return fingerprint
        }
    }

    /// Written atomically (temporary file, then rename), so a killed build leaves the old one or none.
    func save(_ paths: BuildPaths) {
        CacheFile.write(record(), to: Self.file(paths))
    }

    /// The record's bytes (what `parse` reads): its lines joined by `\n`, written as bytes, not as a string per line.
    func record() -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(output.reduce(64 + inputs.utf8.count + site.utf8.count) { $0 + $1.utf8.count + 6 }
                            + pageKeys.reduce(0) { $0 + $1.key.utf8.count + $1.value.utf8.count + 7 })
        func line(_ parts: String...) {
            if !out.isEmpty { out.append(UInt8(ascii: "\n")) }
            for part in parts { out.append(contentsOf: part.utf8) }
        }
        line("v5 ", inputs)
        line(String(pages))
        line(site)
        for key in pageKeys.keys.sorted() { line("page ", pageKeys[key] ?? "", " ", key) }
        for key in quotes.keys.sorted() {
            for quote in quotes[key] ?? [] { line("quote ", quote.digest, " ", quote.lesson, " ", quote.block, " ", key) }
        }
        for file in output { line("file ", file) }
        line("end")
        return out
    }

    static func forget(_ paths: BuildPaths) {
        try? FileManager.default.removeItem(atPath: file(paths))
    }
}
