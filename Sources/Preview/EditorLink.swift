import Diagnostics
import Foundation

/// How a location in the error overlay opens the file at its line in the author's editor
/// (`serve --editor`): `vscode`, `idea`, or a URL pattern with `{file}` (the absolute path,
/// percent-encoded), `{line}` and `{column}`, such as `subl://open?url=file://{file}&line={line}`.
public struct EditorLink: Sendable, Equatable {
    /// The URL pattern, with `{file}`, `{line}` and `{column}` to fill in.
    public let pattern: String
    /// The project root: locations are relative to it.
    public let root: String

    /// The editors known by name.
    public static let named = [
        "vscode": "vscode://file{file}:{line}:{column}",
        "idea": "idea://open?file={file}&line={line}&column={column}",
    ]

    /// `choice` is a name from `named` or a pattern; a pattern needs `{file}` and a URL scheme other than
    /// `javascript:` or `data:`.
    public init(_ choice: String, root: String) throws(Diagnostic) {
        self.root = root
        if let known = Self.named[choice.lowercased()] {
            pattern = known
            return
        }
        let scheme = choice.prefix { $0 != ":" }.lowercased()
        guard choice.contains("{file}"), scheme.count < choice.count, !scheme.isEmpty,
              scheme.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) }),
              !["javascript", "data", "vbscript"].contains(scheme) else {
            throw Diagnostic.error(at: nil, "--editor must be vscode, idea, or a URL pattern with {file} (and optionally {line} and {column}), such as 'subl://open?url=file://{file}&line={line}', not '\(choice)'")
        }
        pattern = choice
    }

    /// The URL that opens `location`'s file at its line and column.
    public func url(for location: SourceLocation) -> String {
        let path = location.file.hasPrefix("/") ? location.file : (root as NSString).appendingPathComponent(location.file)
        var allowed = CharacterSet.alphanumerics.intersection(CharacterSet(charactersIn: Unicode.Scalar(0)..<Unicode.Scalar(128)))
        allowed.insert(charactersIn: "-._~/")
        let file = path.addingPercentEncoding(withAllowedCharacters: allowed) ?? path
        return pattern.replacingOccurrences(of: "{file}", with: file)
            .replacingOccurrences(of: "{line}", with: String(location.line))
            .replacingOccurrences(of: "{column}", with: String(location.column))
    }
}
