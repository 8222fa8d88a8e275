/// The `Content-Type` and `Cache-Control` a served file gets, chosen by its extension.
public enum ContentType {
    /// Media types by lower-cased file extension; text types carry `charset=utf-8`.
    static let byExtension: [String: String] = [
        "html": "text/html; charset=utf-8",
        "htm": "text/html; charset=utf-8",
        "css": "text/css; charset=utf-8",
        "js": "text/javascript; charset=utf-8",
        "mjs": "text/javascript; charset=utf-8",
        "svg": "image/svg+xml",
        "png": "image/png",
        "jpg": "image/jpeg",
        "jpeg": "image/jpeg",
        "gif": "image/gif",
        "webp": "image/webp",
        "ico": "image/x-icon",
        "json": "application/json",
        "csv": "text/csv; charset=utf-8",
        // Scripts are published for reading and downloading, never for running in the browser.
        "py": "text/plain; charset=utf-8",
        "xml": "application/xml",
        "txt": "text/plain; charset=utf-8",
        "md": "text/plain; charset=utf-8",
        "woff2": "font/woff2",
        "woff": "font/woff",
    ]

    /// The media type for `path` (`application/octet-stream` when the extension is unknown).
    public static func of(path: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return "application/octet-stream" }
        let ext = name[name.index(after: dot)...].lowercased()
        return byExtension[ext] ?? "application/octet-stream"
    }

    /// `text/html…` and nothing else gets the reload script injected while serving.
    public static func isHTML(_ type: String) -> Bool { type.hasPrefix("text/html") }

    /// Hashed assets (`assets/style.3f2a9c1b0d.css`) never change under their name: cache them for a
    /// year; HTML must be revalidated on every visit; everything else for a short while.
    public static func cacheControl(path: String) -> String {
        if of(path: path).hasPrefix("text/html") { return "no-cache" }
        if path.hasPrefix("assets/"), isHashed(path) { return "public, max-age=31536000, immutable" }
        return "public, max-age=300"
    }

    /// `stem.<10 hex digits>.ext`, as `AssetPipeline` names files.
    static func isHashed(_ path: String) -> Bool {
        let parts = (path.split(separator: "/").last ?? "").split(separator: ".")
        guard parts.count >= 3 else { return false }
        let hash = parts[parts.count - 2]
        return hash.count == 10 && hash.allSatisfy { $0.isHexDigit }
    }
}
