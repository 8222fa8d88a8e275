import CFileSwap
import Diagnostics
import Foundation

/// Writes an `OutputTree` to the output folder atomically: everything goes into a fresh staging
/// folder beside it, which then takes the output folder's place in one `renameat2` exchange. A build
/// that fails or is killed before that moment leaves the previous site untouched. The staging folder
/// gets `OutputGuard`'s marker first; the folder about to be replaced is checked against the guard's
/// rules for what is there (a folder, empty or marked, unless `replaceOutput`) just before the swap,
/// and a leftover staging folder is removed only when it holds the marker (or nothing). The tree's
/// `reused` files are hard links to the current output's (copies where the file system has no links), and
/// so is a written file whose bytes the current output already holds at its path (`StagedFile`): the
/// previous site is never written to, so it stays whole until the exchange.
public struct OutputWriter: Sendable {
    public var output: String
    public var displayOutput: String
    /// `--replace-output`: an existing non-empty folder without the marker may be replaced.
    public var replaceOutput: Bool
    /// Where the site an incremental write replaces is kept (nil: it is removed). The next write takes that folder as
    /// its staging folder and brings it up to date: a file it keeps is the same file (hard link) as the
    /// current output's, every other file and folder is removed or written anew, so an edit creates and
    /// removes only what it changes instead of every folder and link of the site (see `recycle`).
    public var keepPrevious: String?
    /// The current output's files as a listing made during this build saw them (`FolderListing.walk`), by path:
    /// recycling then compares the kept site's files with these instead of looking each one up again (a file
    /// kept is the very file, device and inode, the listing found at its path). Nil: each is looked up.
    var currentFiles: [String: stat]?

    public init(output: String, displayOutput: String, replaceOutput: Bool = false, keepPrevious: String? = nil) {
        self.output = output
        self.displayOutput = displayOutput
        self.replaceOutput = replaceOutput
        self.keepPrevious = keepPrevious
    }

    /// A write's staging folder, claimed ahead of the write (`claim`): the kept site (`keepPrevious`) renamed to the
    /// staging name and listed, which an incremental build does while its pages render. No listing: nothing was
    /// claimed, and the write starts from an empty folder.
    public struct Claim: Sendable {
        let staging: String
        let listing: (entries: [FolderListing.Entry], folders: [String])?
    }

    /// When the output folder is one the write may replace (`OutputGuard`), removes what killed builds left
    /// (`removeLeftovers`) and claims the kept site if there is one: renamed to a staging name of this process, so
    /// that no other build takes it, and listed. Otherwise nothing is touched (the write then refuses). Give a
    /// claim that is not written back with `release`.
    public func claim() -> Claim {
        let parent = (output as NSString).deletingLastPathComponent
        let base = (output as NSString).lastPathComponent
        let token = "\(ProcessInfo.processInfo.processIdentifier)-\(UInt64(Date().timeIntervalSince1970 * 1000))"
        let staging = (parent as NSString).appendingPathComponent(".\(base)-staging-\(token)")
        guard OutputGuard.contentsProblem(output: output, display: displayOutput, replaceOutput: replaceOutput) == nil else {
            return Claim(staging: staging, listing: nil)
        }
        removeLeftovers(parent: parent, base: base)
        var folder = stat()
        guard let previous = keepPrevious, lstat(previous, &folder) == 0, folder.st_mode & S_IFMT == S_IFDIR,
              OutputGuard.hasMarker(previous), rename(previous, staging) == 0 else { return Claim(staging: staging, listing: nil) }
        // Its times made now: another build's cleanup removes a staging folder of a live process only once it has
        // been untouched for an hour, and a rename leaves a folder's times as they were.
        utimensat(AT_FDCWD, staging, nil, 0)
        // The listing's lstat of each entry serves recycling (nothing else writes into the claimed folder); with the
        // current output's files known, the folder's own records suffice.
        return Claim(staging: staging, listing: FolderListing.walk(staging, statting: currentFiles == nil))
    }

    /// Gives up a claim that is not written: the kept site goes back where it was kept (or is removed, if that
    /// place is taken meanwhile).
    public func release(_ claim: Claim) {
        guard claim.listing != nil else { return }
        var info = stat()
        if let previous = keepPrevious, lstat(previous, &info) != 0, errno == ENOENT, rename(claim.staging, previous) == 0 { return }
        try? FileManager.default.removeItem(atPath: claim.staging)
    }

    /// Writes `tree`, into the staging folder `claimed` when it was claimed ahead (`claim`), else one claimed now.
    public func write(_ tree: OutputTree, claimed: Claim? = nil) throws(Diagnostic) {
        let fm = FileManager.default
        let parent = (output as NSString).deletingLastPathComponent
        for path in tree.files.keys.sorted() + tree.reused where !Self.isSafe(path) {
            claimed.map(release)
            throw Diagnostic.error(at: nil, "cannot write '\(path)' into \(displayOutput): an output path must be relative, without '.', '..' or empty parts, and not \(OutputGuard.markerName)")
        }
        if let refusal = OutputGuard.contentsProblem(output: output, display: displayOutput, replaceOutput: replaceOutput) {
            claimed.map(release)
            throw refusal
        }
        let claim = claimed ?? self.claim()
        let staging = claim.staging
        let reusedOnly = tree.reused.filter { tree.files[$0] == nil }
        // The site before the current one, claimed (renamed to this write's staging name) and brought up to date.
        var kept: Set<String>?
        // Files of the new site that are the current output's (hard links), counted for `swapIn`.
        var shared = 0
        if let listing = claim.listing {
            kept = try? recycle(staging, listing: listing, for: tree)
            if kept == nil { try? fm.removeItem(atPath: staging) }
        }
        do {
            try fm.createDirectory(atPath: parent, withIntermediateDirectories: true)
            if kept == nil { try fm.createDirectory(atPath: staging, withIntermediateDirectories: false) }
            // In place (the staging folder is what the exchange makes atomic), as the site's files are.
            try PlainFile.write(Array(OutputGuard.markerText.utf8), to: (staging as NSString).appendingPathComponent(OutputGuard.markerName))
            var folders = StagingFolders(root: staging)
            func makeFolder(of path: String) throws { try folders.make(folderOf: path) }
            // No temporary file or `fsync` per file: the staging folder is what the exchange in `swapIn` makes
            // atomic. Bytes the current output or the recycled folder already holds are linked or kept, a
            // recycled file no other name shares is written in place (`StagedFile`). The files are placed on every
            // core (each reads, compares or writes its own path; their folders are made first); files whose bytes
            // are still being made (`OutputTree.pending`) come last, each once its bytes are there.
            let ready = tree.files.keys.filter { tree.pending[$0] == nil }.sorted()
            try folders.make(foldersOf: ready)
            // After a failure (a full disk) no worker takes another file; the first failure in path order is reported.
            let output = self.output, failed = FailureFlag()
            let placed = ready.concurrentMap { path -> Result<StagedFile, Error>? in
                guard !failed.isSet else { return nil }
                let outcome = Result { try StagedFile.place(tree.files[path] ?? [], at: staging + "/" + path, current: output + "/" + path) }
                if case .failure = outcome { failed.set() }
                return outcome
            }
            for outcome in placed {
                if let placed = try outcome?.get(), placed.isShared { shared += 1 }
            }
            for path in tree.pending.keys.sorted() {
                try makeFolder(of: path)
                let bytes = tree.pending[path]?.value ?? []
                if try StagedFile.place(bytes, at: staging + "/" + path, current: output + "/" + path).isShared {
                    shared += 1
                }
            }
            for path in reusedOnly {
                if kept?.contains(path) ?? false {
                    shared += 1
                    continue
                }
                let full = staging + "/" + path, current = output + "/" + path
                try makeFolder(of: path)
                if link(current, full) == 0 { shared += 1 } else { try fm.copyItem(atPath: current, toPath: full) }
            }
        } catch {
            try? fm.removeItem(atPath: staging)
            throw Diagnostic.error(at: nil, "cannot write the site to \(displayOutput): \(Self.reason(error)); check that its parent exists, is a folder and is writable")
        }
        // The folder may have changed while the site was written: check it again before replacing it.
        if let refusal = OutputGuard.contentsProblem(output: output, display: displayOutput, replaceOutput: replaceOutput) {
            try? fm.removeItem(atPath: staging)
            throw refusal
        }
        try swapIn(staging: staging, keep: shared > 0 && shared * 2 >= tree.files.count + reusedOnly.count)
    }

    /// Brings a claimed previous site in `staging` to where the writing loops can finish it: a file the tree
    /// reuses stays when it is the very file (same device and inode, a regular file) the current output
    /// holds at that path; what lies at a path the tree writes is left for `StagedFile`, which writes into it
    /// only when no other name shares it; every other entry (links, anything else) is unlinked, never
    /// written into, since it may be a hard link to a file of the current output; folders no path of the
    /// tree needs are removed. The marker (never a link to the output's) is kept. Returns the kept paths; throws when
    /// something cannot be removed (the caller then starts from an empty folder).
    private func recycle(_ staging: String, listing: (entries: [FolderListing.Entry], folders: [String]),
                         for tree: OutputTree) throws -> Set<String> {
        struct CannotRecycle: Error {}
        let reused = Set(tree.reused).subtracting(tree.files.keys)
        var needed: Set<Substring> = []
        for path in Array(tree.files.keys) + tree.reused {
            var folder = Substring(path)
            while let slash = folder.utf8.lastIndex(of: UInt8(ascii: "/")) {
                folder = Substring(folder.utf8[..<slash])
                if !needed.insert(folder).inserted { break }
            }
        }
        var kept: Set<String> = []
        // The claim's listing: its lstat of each entry, or with the current output's files known the folder's own
        // records: inode numbers, compared on one device.
        let (listed, folders) = listing
        var folderInfo = stat()
        let device = lstat(staging, &folderInfo) == 0 ? folderInfo.st_dev : nil
        // The marker stays (the writer then writes it again): a build killed while recycling leaves a
        // staging folder the next build's cleanup recognises and removes.
        for listing in listed where listing.path != OutputGuard.markerName {
            let entry = listing.path
            // A path the tree writes: `StagedFile` keeps, rewrites or replaces what is there.
            if tree.files[entry] != nil { continue }
            // Kept: the very file (device and inode, a regular file) the current output holds at that path, as the
            // build's listing found it or as looked up now; this side from its `lstat`, or the folder's record.
            var current = stat()
            if reused.contains(entry),
               let found = currentFiles.map({ $0[entry] }) ?? (lstat(output + "/" + entry, &current) == 0 ? current : nil),
               found.st_mode & S_IFMT == S_IFREG,
               listing.info.map({ $0.st_mode & S_IFMT == S_IFREG && $0.st_dev == found.st_dev && $0.st_ino == found.st_ino })
                ?? (listing.type == UInt8(DT_REG) && device == found.st_dev && listing.inode == UInt64(found.st_ino)) {
                kept.insert(entry)
                continue
            }
            guard unlink(staging + "/" + entry) == 0 else { throw CannotRecycle() }
        }
        for folder in folders.reversed() where !needed.contains(Substring(folder)) {
            guard rmdir(staging + "/" + folder) == 0 else { throw CannotRecycle() }
        }
        return kept
    }

    /// A tree path the writer may create: relative, `/`-separated names that are not `.`, `..` or
    /// empty, no NUL, and not the marker (which only the writer writes).
    static func isSafe(_ path: String) -> Bool {
        guard path != OutputGuard.markerName else { return false }
        // Read as bytes in one pass (an edit checks every kept file's path): `/`, `.` and NUL are ASCII, so no
        // character of the path hides them. Each part, between slashes: not empty, `.` or `..`; no NUL anywhere.
        var path = path
        return path.withUTF8 { bytes in
            guard let first = bytes.first, first != UInt8(ascii: "/") else { return false }
            var partLength = 0, dots = 0
            for byte in bytes {
                if byte == UInt8(ascii: "/") {
                    guard partLength > 0, dots < partLength || partLength > 2 else { return false }
                    partLength = 0
                    dots = 0
                } else {
                    guard byte != 0 else { return false }
                    partLength += 1
                    if byte == UInt8(ascii: ".") { dots += 1 }
                }
            }
            return partLength > 0 && (dots < partLength || partLength > 2)
        }
    }

    /// `keep`: the replaced site may be kept (`keepPrevious`). Only when it shares at least half of the new
    /// site's files (an incremental write, or a full one whose bytes mostly did not change): removing it then
    /// frees few files, and recycling it costs the next build little; a site that shares few files is
    /// removed now rather than freed file by file during the next (incremental) build.
    private func swapIn(staging: String, keep: Bool) throws(Diagnostic) {
        let fm = FileManager.default
        if fm.fileExists(atPath: output) {
            let result = sitegen_exchange_paths(staging, output)
            if result == 0 {
                // `staging` now holds the previous site: kept for the next write, or removed. Only a site sitegen
                // wrote (one with the marker) is kept; a folder `replaceOutput` let it replace is removed.
                var info = stat()
                if keep, OutputGuard.hasMarker(staging), let previous = keepPrevious, lstat(previous, &info) != 0, errno == ENOENT,
                   (try? fm.createDirectory(atPath: (previous as NSString).deletingLastPathComponent, withIntermediateDirectories: true)) != nil,
                   rename(staging, previous) == 0 {
                    return
                }
                try? fm.removeItem(atPath: staging)
                return
            }
            // No exchange on this file system: move the old site aside, then the new one in.
            let old = staging + "-previous"
            do {
                try fm.moveItem(atPath: output, toPath: old)
                try fm.moveItem(atPath: staging, toPath: output)
                try? fm.removeItem(atPath: old)
            } catch {
                if !fm.fileExists(atPath: output), fm.fileExists(atPath: old) { try? fm.moveItem(atPath: old, toPath: output) }
                try? fm.removeItem(atPath: staging)
                throw Diagnostic.error(at: nil, "cannot replace \(displayOutput): \(Self.reason(error))")
            }
        } else {
            do {
                try fm.moveItem(atPath: staging, toPath: output)
            } catch {
                try? fm.removeItem(atPath: staging)
                throw Diagnostic.error(at: nil, "cannot create \(displayOutput): \(Self.reason(error))")
            }
        }
    }

    /// Staging folders left by a killed build. The folder name carries the writer's process id: a
    /// folder whose process is gone is removed at once; one whose process still runs (a preview server
    /// beside `sitegen build`, or this process) is kept unless it has been untouched for an hour. Only
    /// folders that hold the marker, or nothing, are removed: a folder of the author's that happens to
    /// have such a name is left alone.
    private func removeLeftovers(parent: String, base: String) {
        let fm = FileManager.default
        let prefix = ".\(base)-staging-"
        for name in (try? fm.contentsOfDirectory(atPath: parent)) ?? [] where name.hasPrefix(prefix) {
            let path = (parent as NSString).appendingPathComponent(name)
            var info = stat()
            guard lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFDIR,
                  OutputGuard.hasMarker(path) || ((try? fm.contentsOfDirectory(atPath: path))?.isEmpty ?? false) else { continue }
            if let owner = Self.ownerProcess(stagingName: name, prefix: prefix), !Self.processIsRunning(owner) {
                try? fm.removeItem(atPath: path)
                continue
            }
            guard let modified = (try? fm.attributesOfItem(atPath: path))?[.modificationDate] as? Date,
                  Date().timeIntervalSince(modified) > 3600 else { continue }
            try? fm.removeItem(atPath: path)
        }
    }

    /// The process id in `.public-staging-PID-MILLISECONDS[-previous]`.
    static func ownerProcess(stagingName name: String, prefix: String) -> pid_t? {
        let token = name.dropFirst(prefix.count)
        guard let digits = token.split(separator: "-").first, let pid = pid_t(digits), pid > 0 else { return nil }
        return pid
    }

    /// `kill(pid, 0)` sends nothing; it fails with ESRCH only when no such process exists.
    static func processIsRunning(_ pid: pid_t) -> Bool {
        kill(pid, 0) == 0 || errno != ESRCH
    }

    static func reason(_ error: Error) -> String {
        if let posix = error as? POSIXError { return String(cString: strerror(posix.code.rawValue)) }
        if let cocoa = error as? CocoaError, let underlying = cocoa.userInfo[NSUnderlyingErrorKey] as? NSError {
            return String(cString: strerror(Int32(underlying.code)))
        }
        // Foundation's sentence ends with a full stop; the message goes on after it with "; …".
        let text = (error as NSError).localizedDescription
        return text.hasSuffix(".") ? String(text.dropLast()) : text
    }
}

/// Set once by the first of the writer's workers that fails, read by the others before each file.
private final class FailureFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    var isSet: Bool { lock.withLock { value } }
    func set() { lock.withLock { value = true } }
}

/// The folders of a staging folder that the files placed in it need, each made once, parents first, with `mkdir`:
/// `FileManager.createDirectory(withIntermediateDirectories:)` checked each one's path part by part, which took a
/// cold build of the 211-page synthetic course about 17 ms of the writer's serial start (perf).
private struct StagingFolders {
    let root: String
    /// Folders below `root` made or found (`""` is `root` itself).
    private var made: Set<Substring> = [""]

    init(root: String) { self.root = root }

    /// Makes the folder that holds `path` (a safe tree path: relative, `/`-separated) and its parents.
    mutating func make(folderOf path: String) throws {
        try make(foldersOf: [path])
    }

    /// Makes the folders that hold `paths` and their parents: a level of the tree at a time (a folder's parent is made
    /// before it), each level's folders on every core. Making a folder is the file system's to do, and some are slow
    /// at it: ext4 without a journal (this machine kind's) passes over every inode freed in the last minute or more
    /// before it hands out a new one: after a site was removed, 220 folders made in one sequence took 58–88 ms (2–9 ms
    /// otherwise), 36 ms of `mkdir` calls in a cold build of a course of 200 lessons (`strace -T`). The first failure,
    /// in level and path order, is thrown (the staging folder is then removed whole).
    mutating func make(foldersOf paths: [String]) throws {
        var levels: [[Substring]] = []
        for path in paths {
            // The folders of `path` not made yet, deepest first.
            var folder = Self.folder(of: path)
            var missing: [Substring] = []
            while made.insert(folder).inserted {
                missing.append(folder)
                guard let slash = folder.utf8.lastIndex(of: UInt8(ascii: "/")) else { break }
                folder = Substring(folder.utf8[..<slash])
            }
            guard let deepest = missing.first else { continue }
            let depth = deepest.utf8.count(where: { $0 == UInt8(ascii: "/") })
            for (above, folder) in missing.enumerated() {
                while levels.count <= depth - above { levels.append([]) }
                levels[depth - above].append(folder)
            }
        }
        let root = self.root
        for level in levels {
            let outcomes = level.map(String.init).concurrentMap { folder in Result { try Self.makeOne(root + "/" + folder) } }
            for outcome in outcomes { try outcome.get() }
        }
    }

    /// The folder part of a tree path (`""` for a file at the root).
    private static func folder(of path: String) -> Substring {
        path.utf8.lastIndex(of: UInt8(ascii: "/")).map { Substring(path.utf8[..<$0]) } ?? ""
    }

    /// Makes the folder at `path`, whose parent exists.
    private static func makeOne(_ path: String) throws {
        guard mkdir(path, 0o777) != 0 else { return }
        let failure = errno
        // A folder already there (a recycled site's) is used as it is; anything else there is an error.
        var info = stat()
        guard failure == EEXIST, lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else {
            throw POSIXError(POSIXErrorCode(rawValue: failure == EEXIST ? ENOTDIR : failure) ?? .EIO)
        }
    }
}
