import Foundation

/// Where a build reads and writes: the project root, content/, templates/, the site config, the
/// output folder and the experiment cache. Diagnostics print paths relative to the root.
public struct BuildPaths: Sendable {
    public var root: String
    public var content: String
    public var templates: String
    public var config: String
    public var output: String
    public var cache: String

    /// Paths given relative to `root` (or absolute); defaults are the README's layout.
    public init(root: String, content: String = "content", templates: String = "templates",
                config: String = "sitegen.yml", output: String = "public", cache: String = ".sitegen-cache") {
        let absoluteRoot = Self.absolute(root, relativeTo: FileManager.default.currentDirectoryPath)
        self.root = absoluteRoot
        self.content = Self.absolute(content, relativeTo: absoluteRoot)
        self.templates = Self.absolute(templates, relativeTo: absoluteRoot)
        self.config = Self.absolute(config, relativeTo: absoluteRoot)
        self.output = Self.absolute(output, relativeTo: absoluteRoot)
        self.cache = Self.absolute(cache, relativeTo: absoluteRoot)
    }

    static func absolute(_ path: String, relativeTo base: String) -> String {
        let joined = path.hasPrefix("/") ? path : (base as NSString).appendingPathComponent(path)
        return (joined as NSString).standardizingPath
    }

    /// A path given relative to the root (or absolute), made absolute.
    public func absolute(_ path: String) -> String { Self.absolute(path, relativeTo: root) }

    /// Whether `path` starts with `/` and none of its parts is empty, `.`, `..` or starts with `~`.
    static func isPlainAbsolute(_ path: String) -> Bool {
        guard path.utf8.first == UInt8(ascii: "/"), path.utf8.count > 1 else { return false }
        return path.utf8.dropFirst().split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false).allSatisfy { part in
            !part.isEmpty && !part.elementsEqual(".".utf8) && !part.elementsEqual("..".utf8) && part.first != UInt8(ascii: "~")
        }
    }

    /// `path` with every symbolic link resolved, also when it does not exist (yet): the real path of
    /// its deepest existing ancestor, then the rest as written. Containment checks compare these.
    public static func resolved(_ path: String) -> String {
        // An absolute path without `.`, `..`, empty or `~` parts is already standard: when it exists, its real
        // path is the answer, without `standardizingPath` (which looks up every component's link first).
        if isPlainAbsolute(path), let real = realpath(path, nil) {
            defer { free(real) }
            return String(cString: real)
        }
        var existing = (path as NSString).standardizingPath
        var rest: [String] = []
        while !existing.isEmpty {
            if let real = realpath(existing, nil) {
                defer { free(real) }
                let base = String(cString: real)
                return rest.isEmpty ? base : (base as NSString).appendingPathComponent(rest.reversed().joined(separator: "/"))
            }
            if existing == "/" { break }
            rest.append((existing as NSString).lastPathComponent)
            existing = (existing as NSString).deletingLastPathComponent
        }
        return "/" + rest.reversed().joined(separator: "/")
    }

    /// Whether `path` is `folder` or lies inside it, both already resolved (see `resolved`).
    public static func isInside(_ path: String, _ folder: String) -> Bool {
        path == folder || folder == "/" || path.hasPrefix(folder + "/")
    }

    /// `path` relative to the root when it lies inside it, else as is.
    public func display(_ path: String) -> String {
        let prefix = root.hasSuffix("/") ? root : root + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
    }
}
