import Diagnostics
import LocatedYAML
import Yams

/// A YAML mapping read with source locations (front matter, site config), on LocatedYAML's reader, so
/// that front matter and `sitegen.yml` speak the same vocabulary as experiment blocks. The first problem
/// is thrown: a page's metadata is read whole or not at all.
struct YAMLDocument {
    let root: Node.Mapping?
    private let reader: YAMLReader

    /// Parses `text`, whose first line is line `lineOffset + 1` of `file`; a syntax error becomes a
    /// diagnostic at its line and column in the file.
    init(_ text: String, file: String, lineOffset: Int) throws(Diagnostic) {
        reader = YAMLReader(origin: SourceLocation(file: file, line: lineOffset + 1, column: 1))
        let node = reader.compose(text)
        if let first = reader.diagnostics.first { throw first }
        switch node {
        case nil:
            root = nil
        case .mapping(let mapping)?:
            root = mapping
        case let other?:
            throw Diagnostic.error(at: reader.location(of: other), "expected keys and values here (such as 'title: …'), not \(YAMLReader.describe(other))")
        }
    }

    func location(of node: Node) -> SourceLocation { reader.location(of: node) }

    /// The first location of the document (for "missing key" complaints).
    var start: SourceLocation {
        root.map { location(of: .mapping($0)) } ?? reader.origin
    }

    /// Rejects keys outside `known`, with a did-you-mean; `what` names the mapping (`front matter`).
    func checkKeys(_ known: [String], what: String) throws(Diagnostic) {
        guard let root else { return }
        try Self.checkKeys(of: .mapping(root), known, what: what, reader: reader)
    }

    /// The same check for a nested mapping (a module entry of the site config).
    func checkKeys(of node: Node, _ known: [String], what: String) throws(Diagnostic) {
        try Self.checkKeys(of: node, known, what: what, reader: reader)
    }

    private static func checkKeys(of node: Node, _ known: [String], what: String, reader: YAMLReader) throws(Diagnostic) {
        _ = reader.entries(node, what, allowed: known)
        if let first = reader.diagnostics.first { throw first }
    }

    func node(_ key: String) -> Node? { root?[key] }

    /// A key of a nested mapping (a module entry), read like a top-level key.
    func string(_ key: String, in mapping: Node.Mapping) throws(Diagnostic) -> String? { try read(mapping[key], key, reader.string) }
    func strings(_ key: String, in mapping: Node.Mapping) throws(Diagnostic) -> [String]? { try read(mapping[key], key, reader.strings) }

    func string(_ key: String) throws(Diagnostic) -> String? { try read(key, reader.string) }
    func int(_ key: String) throws(Diagnostic) -> Int? { try read(key, reader.int) }
    func bool(_ key: String) throws(Diagnostic) -> Bool? { try read(key, reader.bool) }

    private func read<T>(_ key: String, _ get: (Node, String) -> T?) throws(Diagnostic) -> T? {
        try read(node(key), key, get)
    }

    private func read<T>(_ node: Node?, _ key: String, _ get: (Node, String) -> T?) throws(Diagnostic) -> T? {
        guard let node else { return nil }
        let value = get(node, key)
        if let first = reader.diagnostics.first { throw first }
        return value
    }
}
