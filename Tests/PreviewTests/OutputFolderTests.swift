import Foundation
import Testing
@testable import Preview

/// Request paths → files of the output folder, and nothing outside it.
@Suite struct OutputFolderTests {
    /// public/{index.html, a/index.html, a/x.py, assets/s.0123456789.css} beside secret.txt, plus
    /// links: public/out → ../secret.txt, public/in → a/x.py.
    static func makeSite() throws -> (root: String, folder: OutputFolder) {
        let fm = FileManager.default
        let root = (NSTemporaryDirectory() as NSString).appendingPathComponent("sitegen-folder-\(UUID().uuidString)")
        for dir in ["public/a", "public/assets", "public/empty"] {
            try fm.createDirectory(atPath: "\(root)/\(dir)", withIntermediateDirectories: true)
        }
        for file in ["public/index.html", "public/a/index.html", "public/a/x.py", "public/assets/s.0123456789.css", "secret.txt", "public/.hidden"] {
            try Data(file.utf8).write(to: URL(fileURLWithPath: "\(root)/\(file)"))
        }
        try fm.createSymbolicLink(atPath: "\(root)/public/out", withDestinationPath: "../secret.txt")
        try fm.createSymbolicLink(atPath: "\(root)/public/in", withDestinationPath: "a/x.py")
        return (root, OutputFolder(path: "\(root)/public", basePath: "/courses/ml/"))
    }

    @Test func resolvesFilesFoldersAndRedirects() throws {
        let (root, folder) = try Self.makeSite()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let real = try #require(OutputFolder.realPath("\(root)/public"))
        #expect(folder.resolve("/courses/ml/") == .file(realPath: "\(real)/index.html", relative: "index.html"))
        #expect(folder.resolve("/courses/ml/a/") == .file(realPath: "\(real)/a/index.html", relative: "a/index.html"))
        #expect(folder.resolve("/courses/ml/a") == .redirect("/courses/ml/a/"))
        #expect(folder.resolve("/courses/ml") == .redirect("/courses/ml/"))
        #expect(folder.resolve("/") == .redirect("/courses/ml/"))
        #expect(folder.resolve("/courses/ml/a/x.py") == .file(realPath: "\(real)/a/x.py", relative: "a/x.py"))
        #expect(folder.resolve("/courses/ml/in") == .file(realPath: "\(real)/a/x.py", relative: "in"))
        #expect(folder.resolve("/courses/ml/%61/x.py") == .file(realPath: "\(real)/a/x.py", relative: "a/x.py"))
        #expect(folder.resolve("/courses/ml/empty/") == .notFound)
        #expect(folder.resolve("/courses/ml/a/x.py/") == .notFound)
        #expect(folder.resolve("/courses/ml/nope") == .notFound)
        #expect(folder.resolve("/other/") == .notFound)
        #expect(folder.resolve("/courses/ml/.hidden") == .notFound)
    }

    @Test func refusesEscapes() throws {
        let (root, folder) = try Self.makeSite()
        defer { try? FileManager.default.removeItem(atPath: root) }
        for path in ["/courses/ml/../secret.txt", "/courses/ml/%2e%2e/secret.txt", "/courses/ml/%2E%2E/secret.txt",
                     "/courses/ml/a%2F..%2F..%2Fsecret.txt", "/courses/ml//etc/passwd", "/courses/ml/%2Fetc%2Fpasswd",
                     "/courses/ml/out", "/courses/ml/a/%00", "/courses/ml/a/..\\..\\secret.txt", "/courses/ml/%zz",
                     "/courses/ml/./index.html", "courses/ml/"] {
            #expect(folder.resolve(path) == .forbidden, "\(path)")
        }
    }
}

/// Media types and caching by file name.
@Suite struct ContentTypeTests {
    @Test func typesByExtension() {
        let expected = [
            "index.html": "text/html; charset=utf-8", "assets/site.0123456789.css": "text/css; charset=utf-8",
            "assets/site.0123456789.js": "text/javascript; charset=utf-8", "chart.svg": "image/svg+xml",
            "a.PNG": "image/png", "data.json": "application/json", "runs.csv": "text/csv; charset=utf-8",
            "sgd.py": "text/plain; charset=utf-8", "sitemap.xml": "application/xml", "robots.txt": "text/plain; charset=utf-8",
            "font.woff2": "font/woff2", "blob": "application/octet-stream", ".profile": "application/octet-stream",
        ]
        for (path, type) in expected {
            #expect(ContentType.of(path: path) == type, "\(path)")
        }
    }

    @Test func hashedAssetsAreImmutableAndHTMLIsRevalidated() {
        #expect(ContentType.cacheControl(path: "assets/style.3f2a9c1b0d.css") == "public, max-age=31536000, immutable")
        #expect(ContentType.cacheControl(path: "assets/style.css") == "public, max-age=300")
        #expect(ContentType.cacheControl(path: "intro/first/index.html") == "no-cache")
        #expect(ContentType.cacheControl(path: "intro/first/sgd.py") == "public, max-age=300")
    }
}
