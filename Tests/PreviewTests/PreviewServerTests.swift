import Foundation
import Testing
@testable import Preview

/// The server of `sitegen serve` against a built fixture on a free port.
@Suite(.serialized) struct PreviewServerTests {
    @Test func servesPagesWithContentTypesAndCachingHeaders() async throws {
        let site = try PreviewFixture()
        try site.write("templates/assets/data.json", "{\"a\": 1}\n")
        let port = try await site.serve()
        defer { Task { try await site.stop() } }

        let home = try await RawHTTP.get("/courses/ml/", port: port)
        #expect(home.status == 200)
        #expect(home.headers["content-type"] == "text/html; charset=utf-8")
        #expect(home.headers["cache-control"] == "no-cache")
        #expect(home.body.contains("<h1>Fixture Course</h1>"))
        // The reload script is added to responses only, never to the built file.
        #expect(home.body.contains("new EventSource(\"/_sitegen/events\")"))
        #expect(try !site.read("public/index.html").contains("EventSource"))

        let css = try #require(home.body.firstMatch(of: /href="(assets\/style\.[0-9a-f]{10}\.css)"/)?.1)
        let stylesheet = try await RawHTTP.get("/courses/ml/\(css)", port: port)
        #expect(stylesheet.status == 200)
        #expect(stylesheet.headers["content-type"] == "text/css; charset=utf-8")
        #expect(stylesheet.headers["cache-control"] == "public, max-age=31536000, immutable")
        #expect(!stylesheet.body.contains("EventSource"))

        let json = try #require(home.body.firstMatch(of: /(assets\/data\.[0-9a-f]{10}\.json)/)?.1 ?? site.builtFile(prefix: "assets/data."))
        #expect(try await RawHTTP.get("/courses/ml/\(json)", port: port).headers["content-type"] == "application/json")
        #expect(try await RawHTTP.get("/courses/ml/sitemap.xml", port: port).headers["content-type"] == "application/xml")
        #expect(try await RawHTTP.get("/courses/ml/robots.txt", port: port).headers["content-type"] == "text/plain; charset=utf-8")
    }

    @Test func foldersRedirectAndMissingPagesGetTheSite404() async throws {
        let site = try PreviewFixture()
        let port = try await site.serve()
        defer { Task { try await site.stop() } }

        let folder = try await RawHTTP.get("/courses/ml/intro", port: port)
        #expect(folder.status == 301)
        #expect(folder.headers["location"] == "/courses/ml/intro/")
        #expect(try await RawHTTP.get("/", port: port).headers["location"] == "/courses/ml/")
        let lesson = try await RawHTTP.get("/courses/ml/intro/first/", port: port)
        #expect(lesson.status == 200)
        #expect(lesson.body.contains("<h1>First lesson</h1>"))

        let missing = try await RawHTTP.get("/courses/ml/intro/nope/", port: port)
        #expect(missing.status == 404)
        #expect(missing.headers["content-type"] == "text/html; charset=utf-8")
        #expect(missing.body.contains("<h1>Page not found</h1>"))
        #expect(missing.body.contains("<a href=\"/courses/ml/\">Go to the home page</a>"))
        #expect(try await RawHTTP.get("/courses/ml/intro/first/", port: port, method: "POST").status == 405)
    }

    @Test func refusesPathsThatLeaveTheOutputFolder() async throws {
        let site = try PreviewFixture()
        try site.write("secret.txt", "top secret\n")
        let port = try await site.serve(basePath: "/")
        defer { Task { try await site.stop() } }
        // A symbolic link inside the output folder that points outside it.
        try FileManager.default.createSymbolicLink(atPath: "\(site.root)/public/escape.txt", withDestinationPath: "\(site.root)/secret.txt")
        try FileManager.default.createSymbolicLink(atPath: "\(site.root)/public/escape-dir", withDestinationPath: site.root)

        for path in ["/../secret.txt", "/%2e%2e/secret.txt", "/%2E%2E%2Fsecret.txt", "/intro/..%2F..%2Fsecret.txt",
                     "//etc/passwd", "/%2Fetc%2Fpasswd", "/escape.txt", "/escape-dir/secret.txt", "/intro/%00index.html",
                     "/.gitkeep"] {
            let response = try await RawHTTP.get(path, port: port)
            #expect([403, 404].contains(response.status), "\(path) answered \(response.status)")
            #expect(!response.body.contains("top secret"), "\(path) leaked the file")
        }
        #expect(try await RawHTTP.get("/intro/first/", port: port).status == 200)
    }
}

extension PreviewFixture {
    /// The built file whose path starts with `prefix`.
    func builtFile(prefix: String) -> Substring? {
        let files = FileManager.default.enumerator(atPath: "\(root)/public")?.allObjects as? [String] ?? []
        return files.first { $0.hasPrefix(prefix) }.map { Substring($0) }
    }
}
