import Foundation

/// The repository the tests run in, so they read content/, templates/ and the fixtures where they are.
public enum Repository {
    /// The repository's root folder, found from this file's path (Tests/TestSupport/Repository.swift).
    public static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()
}
