import Diagnostics
import Foundation
import Hashing

/// Copies `templates/assets/` into the output with a content hash in each file name
/// (`style.css` → `assets/style.3f2a9c1b.css`), so pages can be cached forever and still change.
public struct AssetPipeline {
    /// Asset key for templates (`style.css` → `style_css`) → URL path relative to the site root.
    public private(set) var urls: [String: String] = [:]

    public init() {}

    /// Adds every file under `folder` to `tree`; returns the template keys.
    public mutating func copy(from folder: String, into tree: inout OutputTree) throws(Diagnostic) {
        let fm = FileManager.default
        guard fm.fileExists(atPath: folder) else { return }
        let files = FolderListing.entries(under: folder)
        for relative in files {
            let full = (folder as NSString).appendingPathComponent(relative)
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: full, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
            guard let data = fm.contents(atPath: full) else {
                throw Diagnostic.error(at: SourceLocation(file: relative, line: 1, column: 1), "cannot read asset \(relative)")
            }
            add(relative, bytes: [UInt8](data), into: &tree)
        }
    }

    /// Adds one asset, copied or made by the build, under its hashed name; `hashed: false` keeps the name
    /// for an asset every page links to that changes with any lesson (the search index), so that editing
    /// one lesson does not change every page.
    public mutating func add(_ relative: String, bytes: [UInt8], into tree: inout OutputTree, hashed: Bool = true) {
        let name = hashed ? Self.hashedName(relative, hash: String(ContentHash.hex(bytes: bytes).prefix(10))) : relative
        tree.add("assets/" + name, bytes: bytes)
        urls[Self.key(relative)] = "assets/" + name
    }

    /// `add` of an unhashed asset whose bytes `later` makes while the tree is written (`OutputTree.pending`).
    mutating func add(_ relative: String, later: Background<[UInt8]>, into tree: inout OutputTree) {
        tree.add("assets/" + relative, later: later)
        urls[Self.key(relative)] = "assets/" + relative
    }

    /// Names an unhashed asset whose bytes are made later in the build (the search index, which is made
    /// from the very pages that link to it); `add` it with `hashed: false` once they are known.
    public mutating func reserve(_ relative: String) {
        urls[Self.key(relative)] = "assets/" + relative
    }

    /// `css/style.css` → `css/style.<hash>.css`.
    static func hashedName(_ relative: String, hash: String) -> String {
        let ext = (relative as NSString).pathExtension
        let stem = (relative as NSString).deletingPathExtension
        return ext.isEmpty ? "\(stem).\(hash)" : "\(stem).\(hash).\(ext)"
    }

    /// `css/style.css` → `css_style_css` (Mustache reads dots as paths).
    static func key(_ relative: String) -> String {
        String(relative.map { $0.isLetter || $0.isNumber ? $0 : "_" })
    }
}
