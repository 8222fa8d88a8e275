import Foundation

/// Watches files by polling (native notifications alone are unreliable across file systems and
/// editors): every `interval` it compares each file's modification time and size with the previous
/// look; once something changed it waits until the files are `settle` time quiet (editors write in
/// several steps) and reports the changed paths. Where the system tells (`FolderEvents`: inotify on
/// Linux), an event in a watched folder starts the next look at once instead of at the next interval.
public struct PollingWatcher: Sendable {
    /// Folders (walked recursively) and single files to watch.
    public var paths: [String]
    /// Folders to skip inside the watched ones (the output folder, the experiment cache).
    public var ignoring: [String]
    public var interval: Duration
    public var settle: Duration

    public init(paths: [String], ignoring: [String] = [], interval: Duration = .milliseconds(100),
                settle: Duration = .milliseconds(30)) {
        self.paths = paths
        self.ignoring = ignoring.map { $0.hasSuffix("/") ? String($0.dropLast()) : $0 }
        self.interval = interval
        self.settle = settle
        events = FolderEvents()
    }

    /// Early wake-ups (nil: polling only).
    private let events: FolderEvents?

    /// Modification time (nanoseconds) and size of one file.
    public struct Stamp: Sendable, Equatable {
        public var modified: Int64
        public var size: Int64
    }

    /// Every watched file's stamp, by absolute path.
    public typealias Snapshot = [String: Stamp]

    public func snapshot() -> Snapshot {
        var files: Snapshot = [:]
        var folders: [String] = []
        for path in paths {
            collect(path, into: &files, folders: &folders)
        }
        // Folders, and the single files asked for, are watched from the first look on (new ones at each look).
        events?.watch(folders + paths.filter { files[$0] != nil })
        return files
    }

    /// Paths added, removed or changed between two snapshots, sorted.
    public static func changes(from old: Snapshot, to new: Snapshot) -> [String] {
        var changed: [String] = []
        for (path, stamp) in new where old[path] != stamp { changed.append(path) }
        for path in old.keys where new[path] == nil { changed.append(path) }
        return changed.sorted()
    }

    /// Waits for the next change after `snapshot` (which it updates) and returns the changed paths,
    /// or nil when the task is cancelled.
    public func nextChange(after snapshot: inout Snapshot) async -> [String]? {
        while !Task.isCancelled {
            if let events {
                await events.wait(upTo: interval)
                if Task.isCancelled { return nil }
            } else {
                do { try await Task.sleep(for: interval) } catch { return nil }
            }
            var current = self.snapshot()
            guard current != snapshot else { continue }
            // Debounce: wait until two looks in a row agree.
            while true {
                do { try await Task.sleep(for: settle) } catch { return nil }
                let again = self.snapshot()
                if again == current { break }
                current = again
            }
            let changed = Self.changes(from: snapshot, to: current)
            snapshot = current
            if !changed.isEmpty { return changed }
        }
        return nil
    }

    private func collect(_ path: String, into files: inout Snapshot, folders: inout [String]) {
        var info = stat()
        guard stat(path, &info) == 0 else { return }
        if (info.st_mode & S_IFMT) == S_IFDIR {
            if ignoring.contains(path) { return }
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: path) else { return }
            folders.append(path)
            for name in names where !Self.isEditorLitter(name) {
                collect(path + "/" + name, into: &files, folders: &folders)
            }
        } else {
            #if os(Linux)
            let time = info.st_mtim
            #else
            let time = info.st_mtimespec
            #endif
            files[path] = Stamp(modified: Int64(time.tv_sec) * 1_000_000_000 + Int64(time.tv_nsec), size: Int64(info.st_size))
        }
    }

    /// Swap and backup files editors write beside the real one (`.x.md.swp`, `x.md~`, `#x.md#`).
    static func isEditorLitter(_ name: String) -> Bool {
        name.hasPrefix(".") || name.hasSuffix("~") || name.hasPrefix("#") || name.hasSuffix(".swp")
    }
}
