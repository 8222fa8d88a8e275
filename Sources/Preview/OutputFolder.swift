import Foundation

/// Maps request paths onto files of the output folder, mounted at the site's base path, and refuses
/// anything that would leave the folder: `..` (also percent-encoded), encoded slashes, NUL bytes,
/// and symbolic links whose real path lies outside. Hidden files (`.gitkeep`) are not served.
public struct OutputFolder: Sendable {
    /// Absolute path of the output folder as configured (it is replaced by each build, so its real
    /// path is resolved on every request).
    public let path: String
    /// Where the site is mounted, `/` or `/courses/ml/`: always starts and ends with `/`.
    public let basePath: String

    public init(path: String, basePath: String) {
        self.path = path
        var base = basePath.hasPrefix("/") ? basePath : "/" + basePath
        if !base.hasSuffix("/") { base += "/" }
        self.basePath = base
    }

    /// What a request path leads to.
    public enum Resolution: Sendable, Equatable {
        /// A file to send: its real path on disk and its path relative to the output folder.
        case file(realPath: String, relative: String)
        /// A folder asked for without its trailing slash, or a request outside the base path that has
        /// an obvious home: the location to redirect to (the query is the caller's to keep).
        case redirect(String)
        case notFound
        /// A path that tries to leave the output folder.
        case forbidden
    }

    /// Resolves `rawPath`, the request's path as sent (percent-encoded, without the query).
    public func resolve(_ rawPath: String) -> Resolution {
        guard rawPath.hasPrefix("/") else { return .forbidden }
        if rawPath == "/" || rawPath + "/" == basePath, basePath != "/" { return .redirect(basePath) }
        guard rawPath.hasPrefix(basePath) else { return .notFound }
        let rest = rawPath.dropFirst(basePath.count)
        var segments: [String] = []
        let parts = rest.split(separator: "/", omittingEmptySubsequences: false)
        for (index, part) in parts.enumerated() {
            if part.isEmpty {
                // Only the trailing slash of a folder may leave an empty segment; `//x` is refused.
                if index == parts.count - 1 { continue }
                return .forbidden
            }
            guard let decoded = String(part).removingPercentEncoding else { return .forbidden }
            if decoded == ".." || decoded == "." || decoded.contains("/") || decoded.contains("\\") || decoded.contains("\0") {
                return .forbidden
            }
            if decoded.hasPrefix(".") { return .notFound }
            segments.append(decoded)
        }
        guard let root = Self.realPath(path) else { return .notFound }
        let relative = segments.joined(separator: "/")
        let candidate = relative.isEmpty ? root : root + "/" + relative
        guard let real = Self.realPath(candidate) else { return .notFound }
        guard Self.isInside(real, root: root) else { return .forbidden }
        if Self.isDirectory(real) {
            guard rawPath.hasSuffix("/") else { return .redirect(rawPath + "/") }
            guard let index = Self.realPath(real + "/index.html") else { return .notFound }
            guard Self.isInside(index, root: root) else { return .forbidden }
            guard !Self.isDirectory(index) else { return .notFound }
            return .file(realPath: index, relative: relative.isEmpty ? "index.html" : relative + "/index.html")
        }
        // A file asked for as a folder (`lesson.py/`) does not exist.
        if rawPath.hasSuffix("/") { return .notFound }
        return .file(realPath: real, relative: relative)
    }

    /// The site's own not-found page, if the build wrote one.
    public var notFoundPage: String? {
        guard let root = Self.realPath(path), let page = Self.realPath(root + "/404.html"),
              Self.isInside(page, root: root), !Self.isDirectory(page) else { return nil }
        return page
    }

    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    static func isInside(_ real: String, root: String) -> Bool {
        real == root || real.hasPrefix(root.hasSuffix("/") ? root : root + "/")
    }

    static func isDirectory(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }
}
