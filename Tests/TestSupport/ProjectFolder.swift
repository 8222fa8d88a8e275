import Foundation

/// A project copied into a temporary folder for a test, whose files the test edits and reads by their path in it.
public protocol ProjectFolder {
    var root: String { get }
}

extension ProjectFolder {
    /// Writes `text` to `relative`, making its folders.
    public func write(_ relative: String, _ text: String) throws {
        let path = "\(root)/\(relative)"
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try text.write(toFile: path, atomically: true, encoding: .utf8)
    }

    public func read(_ relative: String) throws -> String {
        try String(contentsOfFile: "\(root)/\(relative)", encoding: .utf8)
    }
}
