import Diagnostics
import Experiments
import Foundation
import Yams

/// A YAML mapping read with source locations, so that every complaint about a key or value points at
/// its line in the file (front matter, site config).
struct YAMLDocument {
    let root: Node.Mapping?
    let file: String
    /// Lines of the file before the YAML text starts (2 for front matter after `---`).
    let lineOffset: Int

    /// Parses `text`; a syntax error becomes a diagnostic at its line and column in the file.
    init(_ text: String, file: String, lineOffset: Int) throws(Diagnostic) {
        self.file = file
        self.lineOffset = lineOffset
        let node: Node?
        do {
            node = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw Self.diagnostic(error, file: file, lineOffset: lineOffset)
        } catch {
            throw Diagnostic.error(at: SourceLocation(file: file, line: lineOffset + 1, column: 1), "invalid YAML: \(error)")
        }
        switch node {
        case nil:
            root = nil
        case .mapping(let mapping)?:
            root = mapping
        case let other?:
            throw Diagnostic.error(at: Self.location(of: other, file: file, lineOffset: lineOffset), "expected keys and values here (such as 'title: …'), not \(YAMLErrors.describe(other))")
        }
    }

    func location(of node: Node) -> SourceLocation {
        Self.location(of: node, file: file, lineOffset: lineOffset)
    }

    static func location(of node: Node, file: String, lineOffset: Int) -> SourceLocation {
        let mark = node.mark
        return SourceLocation(file: file, line: (mark?.line ?? 1) + lineOffset, column: mark?.column ?? 1)
    }

    /// The first location of the document (for "missing key" complaints).
    var start: SourceLocation {
        root.map { location(of: .mapping($0)) } ?? SourceLocation(file: file, line: lineOffset + 1, column: 1)
    }

    /// Keys and value nodes in document order.
    var entries: [(key: String, keyNode: Node, value: Node)] {
        guard let root else { return [] }
        return root.map { ($0.key.string ?? "", $0.key, $0.value) }
    }

    /// Rejects keys outside `known`, with a did-you-mean.
    func checkKeys(_ known: [String], what: String) throws(Diagnostic) {
        for entry in entries where !known.contains(entry.key) {
            throw Diagnostic.error(
                at: location(of: entry.keyNode),
                "unknown \(what) key '\(entry.key)'\(DidYouMean.hint(for: entry.key, among: known)); known keys: \(known.joined(separator: ", "))"
            )
        }
    }

    func node(_ key: String) -> Node? { root?[key] }

    func string(_ key: String) throws(Diagnostic) -> String? {
        guard let node = node(key) else { return nil }
        guard case .scalar(let scalar) = node, node.null == nil else {
            throw Diagnostic.error(at: location(of: node), "'\(key)' must be text")
        }
        return scalar.string
    }

    func int(_ key: String) throws(Diagnostic) -> Int? {
        guard let node = node(key) else { return nil }
        guard let value = node.int else {
            throw Diagnostic.error(at: location(of: node), "'\(key)' must be a whole number, not '\(node.string ?? "a collection")'")
        }
        return value
    }

    func bool(_ key: String) throws(Diagnostic) -> Bool? {
        guard let node = node(key) else { return nil }
        guard let value = node.bool else {
            throw Diagnostic.error(at: location(of: node), "'\(key)' must be true or false, not '\(node.string ?? "a collection")'")
        }
        return value
    }

    func strings(_ key: String) throws(Diagnostic) -> [String]? {
        guard let node = node(key) else { return nil }
        guard let sequence = node.sequence else {
            throw Diagnostic.error(at: location(of: node), "'\(key)' must be a list")
        }
        var out: [String] = []
        for item in sequence {
            guard case .scalar = item, let s = item.string else {
                throw Diagnostic.error(at: location(of: item), "every entry of '\(key)' must be text")
            }
            out.append(s)
        }
        return out
    }

    static func diagnostic(_ error: YamlError, file: String, lineOffset: Int) -> Diagnostic {
        func at(_ mark: Mark) -> SourceLocation {
            SourceLocation(file: file, line: mark.line + lineOffset, column: mark.column)
        }
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _), let .composer(context, problem, mark, _):
            let extra = context.map { " (\($0.text))" } ?? ""
            return .error(at: at(mark), "invalid YAML: \(YAMLErrors.readable(problem))\(extra)")
        case let .duplicatedKeysInMapping(duplicates, context):
            return .error(at: at(context.mark), "duplicate key '\(duplicates.sorted().joined(separator: "', '"))': each key may appear once")
        case let .reader(problem, _, _, _):
            return .error(at: SourceLocation(file: file, line: lineOffset + 1, column: 1), "unreadable YAML: \(problem)")
        default:
            return .error(at: SourceLocation(file: file, line: lineOffset + 1, column: 1), "invalid YAML: \(error)")
        }
    }
}
