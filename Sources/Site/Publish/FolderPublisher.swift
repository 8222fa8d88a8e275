import Diagnostics
import Foundation

/// `sitegen publish --to DIR`: makes a deploy folder hold exactly the built site, for hosts that
/// serve or upload a folder. Like `rsync --delete`: a file whose bytes are already there is left
/// alone (its modification time too, so upload tools skip it), new and changed files are written to
/// a temporary name beside their place and renamed over it (each file is either old or new, never
/// half-written), new files before changed ones and pages last (so a page never links to an asset
/// not there yet), and files the site no longer has are removed at the end, with emptied folders.
/// A folder is only written when `OutputGuard` allows it, as for a build's output folder: the site
/// carries the guard's marker, so a folder published to once is known as sitegen's afterwards.
public struct FolderPublisher {
    /// The built output folder.
    public var site: String
    public var destination: String

    public init(site: String, destination: String) {
        self.site = site
        self.destination = destination
    }

    /// What a publish did, as paths relative to the deploy folder.
    public struct Outcome: Sendable, Equatable {
        public var written: [String] = []
        public var removed: [String] = []
        public var unchanged = 0
    }

    /// Refuses a destination that could hold the author's own files (`OutputGuard`'s rules, with
    /// `replaceOutput` for `--replace-output`), and the build's own output folder, which the next build
    /// replaces whole, or a folder inside or around it.
    public func check(paths: BuildPaths, replaceOutput: Bool) throws(Diagnostic) {
        if let refusal = OutputGuard.check(output: destination, project: paths, replaceOutput: replaceOutput, flag: "--to") { throw refusal }
        let target = BuildPaths.resolved(destination), output = BuildPaths.resolved(paths.output)
        if BuildPaths.isInside(target, output) || BuildPaths.isInside(output, target) {
            throw Diagnostic.error(at: nil, "cannot publish into \(paths.display(destination)): it \(target == output ? "is" : BuildPaths.isInside(target, output) ? "lies inside" : "holds") the output folder \(paths.display(paths.output)), which each build replaces whole; publish into a folder of its own")
        }
    }

    public func publish() throws(Diagnostic) -> Outcome {
        let fm = FileManager.default
        let files = try BranchPublisher.files(in: site)
        let present = Self.entries(in: destination)
        var outcome = Outcome()
        var writes: [(path: String, isNew: Bool)] = []
        for path in files {
            let target = (destination as NSString).appendingPathComponent(path)
            if present[path] == .typeRegular, fm.contentsEqual(atPath: (site as NSString).appendingPathComponent(path), andPath: target) {
                outcome.unchanged += 1
            } else {
                writes.append((path, present[path] == nil))
            }
        }
        writes.sort { a, b in
            let (aPage, bPage) = (a.path.hasSuffix(".html"), b.path.hasSuffix(".html"))
            if a.isNew != b.isNew { return a.isNew }
            if aPage != bPage { return !aPage }
            return a.path < b.path
        }
        for write in writes {
            guard let bytes = fm.contents(atPath: (site as NSString).appendingPathComponent(write.path)) else {
                throw Diagnostic.error(at: nil, "cannot read \(site)/\(write.path)")
            }
            try place(bytes, at: write.path)
            outcome.written.append(write.path)
        }
        // Stale files, then folders left empty (deepest first).
        let wanted = Set(files)
        let folders = Set(files.flatMap { path in
            let parts = path.split(separator: "/").dropLast()
            return parts.indices.map { parts[...$0].joined(separator: "/") }
        })
        for (path, type) in present.sorted(by: { $0.key > $1.key }) where !wanted.contains(path) && !folders.contains(path) {
            let full = (destination as NSString).appendingPathComponent(path)
            // Gone already when a file took its folder's place.
            guard (try? fm.attributesOfItem(atPath: full)) != nil else { continue }
            if type == .typeDirectory {
                if (try? fm.contentsOfDirectory(atPath: full))?.isEmpty ?? false { try? fm.removeItem(atPath: full) }
                continue
            }
            do {
                try fm.removeItem(atPath: full)
            } catch {
                throw Diagnostic.error(at: nil, "cannot remove the stale file \(full): \(OutputWriter.reason(error))")
            }
            outcome.removed.append(path)
        }
        outcome.removed.sort()
        return outcome
    }

    /// Writes `bytes` to a temporary file beside `path`, then renames it over `path`. Whatever stands in
    /// the way (a folder where a file goes, a file where a folder goes) is removed first.
    private func place(_ bytes: Data, at path: String) throws(Diagnostic) {
        let fm = FileManager.default
        let target = (destination as NSString).appendingPathComponent(path)
        let parent = (target as NSString).deletingLastPathComponent
        func type(_ full: String) -> FileAttributeType? { (try? fm.attributesOfItem(atPath: full))?[.type] as? FileAttributeType }
        do {
            let parts = path.split(separator: "/").dropLast()
            for index in parts.indices {
                let folder = (destination as NSString).appendingPathComponent(parts[...index].joined(separator: "/"))
                if let found = type(folder), found != .typeDirectory { try fm.removeItem(atPath: folder) }
            }
            try fm.createDirectory(atPath: parent, withIntermediateDirectories: true)
            if type(target) == .typeDirectory { try fm.removeItem(atPath: target) }
            let temporary = (parent as NSString).appendingPathComponent(".\((path as NSString).lastPathComponent).sitegen-\(ProcessInfo.processInfo.processIdentifier)")
            guard fm.createFile(atPath: temporary, contents: bytes) else {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: temporary])
            }
            guard rename(temporary, target) == 0 else {
                let reason = String(cString: strerror(errno))
                try? fm.removeItem(atPath: temporary)
                throw Diagnostic.error(at: nil, "cannot write \(target): \(reason)")
            }
        } catch let error as Diagnostic {
            throw error
        } catch {
            throw Diagnostic.error(at: nil, "cannot write \(target): \(OutputWriter.reason(error))")
        }
    }

    /// Every file, folder and link under `folder` (links are not followed), by relative path.
    static func entries(in folder: String) -> [String: FileAttributeType] {
        let fm = FileManager.default
        var found: [String: FileAttributeType] = [:]
        var pending = [""]
        while let relative = pending.popLast() {
            let full = relative.isEmpty ? folder : (folder as NSString).appendingPathComponent(relative)
            for name in (try? fm.contentsOfDirectory(atPath: full)) ?? [] {
                let path = relative.isEmpty ? name : relative + "/" + name
                let type = (try? fm.attributesOfItem(atPath: (folder as NSString).appendingPathComponent(path)))?[.type] as? FileAttributeType ?? .typeUnknown
                found[path] = type
                if type == .typeDirectory { pending.append(path) }
            }
        }
        return found
    }
}
