import Foundation
import Testing
@testable import Preview

/// Edits reach open pages: a reload event after a good build, the error overlay after a failed one,
/// and a reload again once the error is fixed.
@Suite(.serialized) struct ReloadTests {
    @Test func proseEditSendsAReloadEvent() async throws {
        let site = try PreviewFixture()
        let port = try await site.serve()
        defer { Task { try await site.stop() } }
        let stream = try RawHTTP.events(port: port)
        let opening = try await stream.read(until: ": sitegen preview")
        #expect(opening.contains("Content-Type: text/event-stream"))

        try site.write("content/intro/second.md", try site.read("content/intro/second.md") + "\nA new sentence.\n")
        let event = try await stream.next(event: "reload")
        #expect(event.contains("event: reload\ndata: 2\n"))
        #expect(try await RawHTTP.get("/courses/ml/intro/second/", port: port).body.contains("A new sentence."))
    }

    @Test func brokenEditShowsTheOverlayUntilTheFix() async throws {
        let site = try PreviewFixture()
        let port = try await site.serve()
        defer { Task { try await site.stop() } }
        let stream = try RawHTTP.events(port: port)
        _ = try await stream.read(until: ": sitegen preview")

        let good = try site.read("content/intro/first.md")
        try site.write("content/intro/first.md", good + "\n> [!NOTICE] <b>bold</b>\n> text\n")
        let failure = try await stream.next(event: "build-error")
        #expect(failure.contains("event: build-error\n"))
        #expect(failure.contains("<code style=\"\(ErrorOverlay.chipStyle)\">content/intro/first.md:24:1</code>"))
        #expect(failure.contains("unknown callout kind &#39;[!NOTICE]&#39;"))
        #expect(!failure.contains("<b>bold</b>"))

        // The last good build is still served, with the overlay in the page.
        let page = try await RawHTTP.get("/courses/ml/intro/first/", port: port)
        #expect(page.status == 200)
        #expect(page.body.contains("<h1>First lesson</h1>"))
        #expect(page.body.contains("id=\"sitegen-overlay\""))
        #expect(page.body.contains("content/intro/first.md:24:1"))
        // A page opened now gets the overlay on its own stream too.
        let late = try RawHTTP.events(port: port)
        #expect(try await late.next(event: "build-error").contains("sitegen: the build failed with 1 error"))

        try site.write("content/intro/first.md", good)
        let fixed = try await stream.next(event: "reload")
        #expect(fixed.contains("event: reload\n"))
        #expect(try await !RawHTTP.get("/courses/ml/intro/first/", port: port).body.contains("id=\"sitegen-overlay\""))
    }
}
