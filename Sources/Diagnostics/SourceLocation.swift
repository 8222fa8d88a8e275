/// A position in a source file, 1-based, as compilers print it (`content/m/lesson.md:3:7`).
public struct SourceLocation: Hashable, Sendable, Comparable, Codable, CustomStringConvertible {
    /// The path as the user should see it, usually relative to the project root.
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// The same file, moved down by `lines` lines and to `column` (used to map a position inside an
    /// embedded block, such as YAML in a fenced block, onto the enclosing markdown file).
    public func offset(lines: Int, column newColumn: Int) -> SourceLocation {
        SourceLocation(file: file, line: line + lines, column: newColumn)
    }

    public var description: String { "\(file):\(line):\(column)" }

    public static func < (a: SourceLocation, b: SourceLocation) -> Bool {
        (a.file, a.line, a.column) < (b.file, b.line, b.column)
    }
}
