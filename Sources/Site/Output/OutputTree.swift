import Foundation

/// The files of a finished build, kept in memory until every page rendered: path (relative to the
/// output folder, `/`-separated) → bytes. Nothing touches public/ before the build has succeeded.
/// An incremental build (see `RebuildPlan`) also names the files it carries over unchanged from the
/// current output folder: `OutputWriter` links them into the new site instead of writing them again.
public struct OutputTree: Sendable {
    public private(set) var files: [String: [UInt8]] = [:]
    /// Paths of the current output folder that the new site keeps as they are (none in a full build).
    public internal(set) var reused: [String] = []
    /// Files whose bytes are still being made when the tree goes to the writer (an edit's search index, made while
    /// the writer brings the staging folder up to date and writes the pages): each is in `files` (empty until
    /// `finishPending`) like any other path, and `OutputWriter` writes it last, once its bytes are there.
    var pending: [String: Background<[UInt8]>] = [:]

    public init() {}

    /// Adds a file whose bytes `later` makes.
    mutating func add(_ path: String, later: Background<[UInt8]>) {
        files[path] = []
        pending[path] = later
    }

    /// Puts the bytes of every pending file in place (waiting for them).
    mutating func finishPending() {
        for (path, bytes) in pending { files[path] = bytes.value }
        pending = [:]
    }

    public mutating func add(_ path: String, _ text: String) { add(path, bytes: Array(text.utf8)) }

    public mutating func add(_ path: String, bytes: [UInt8]) {
        files[path] = bytes
        pending[path] = nil
    }

    public subscript(path: String) -> String? {
        files[path].map { String(decoding: $0, as: UTF8.self) }
    }
}
