import Diagnostics
import Foundation
import Testing
@testable import Preview

/// The event stream's wire format, the overlay's escaping, the hub and the script injection.
@Suite struct ReloadEventsTests {
    @Test func eventsSplitDataIntoLines() {
        #expect(ServerSentEvent.reload(generation: 3).text == "event: reload\ndata: 3\n\n")
        #expect(ServerSentEvent(name: "build-error", data: "a\nb").text == "event: build-error\ndata: a\ndata: b\n\n")
    }

    @Test func overlayEscapesMessagesAndKeepsLocations() {
        let overlay = ErrorOverlay([.error(at: SourceLocation(file: "content/<m>/a.md", line: 3, column: 7), "unknown '<script>' & \"x\"")])
        #expect(overlay.html.contains("<code style=\"\(ErrorOverlay.chipStyle)\">content/&lt;m&gt;/a.md:3:7</code>"))
        #expect(overlay.html.contains("unknown &#39;&lt;script&gt;&#39; &amp; &quot;x&quot;"))
        #expect(!overlay.html.contains("<script>"))
        #expect(!overlay.html.contains("\n"))
        #expect(overlay.html.contains("the build failed with 1 error</strong>"))
    }

    @Test func scriptGoesBeforeTheLastBodyTag() {
        let html = "<html><body><p>&lt;/body&gt;</p></BODY></html>"
        let injected = ReloadScript.inject(into: html, overlay: nil)
        #expect(injected == "<html><body><p>&lt;/body&gt;</p>\(ReloadScript.script)</BODY></html>")
        #expect(ReloadScript.inject(into: "<p>x</p>", overlay: nil) == "<p>x</p>" + ReloadScript.script)
        let overlay = ErrorOverlay([.error(at: nil, "broken")])
        #expect(ReloadScript.inject(into: "<body></body>", overlay: overlay) == "<body>\(overlay.html)\(ReloadScript.script)</body>")
    }

    @Test func hubSendsTheOverlayToLateSubscribersAndReloadsAfterAFix() async {
        let hub = ReloadHub()
        let failure = DiagnosticList([.error(at: SourceLocation(file: "a.md", line: 1, column: 1), "bad")])
        await hub.publish(.failed(failure))
        var late = await hub.subscribe().makeAsyncIterator()
        let first = await late.next()
        #expect(first == ServerSentEvent(name: "build-error", data: ErrorOverlay(failure.diagnostics).html))
        await hub.publish(.built(pages: 1, files: 1, seconds: 0, experimentsRun: 0, experimentsCached: 0))
        #expect(await late.next() == .reload(generation: 1))
        #expect(await hub.overlay == nil)
        await hub.close()
        #expect(await late.next() == nil)
    }
}

/// Polling sees additions, edits and removals, and ignores editor litter and ignored folders.
@Suite struct PollingWatcherTests {
    @Test func changesBetweenSnapshots() throws {
        let root = (NSTemporaryDirectory() as NSString).appendingPathComponent("sitegen-watch-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.createDirectory(atPath: "\(root)/content/m", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: "\(root)/content/public", withIntermediateDirectories: true)
        try "a".write(toFile: "\(root)/content/m/a.md", atomically: false, encoding: .utf8)
        let watcher = PollingWatcher(paths: ["\(root)/content", "\(root)/sitegen.yml"], ignoring: ["\(root)/content/public"])
        let before = watcher.snapshot()
        #expect(before.keys.sorted() == ["\(root)/content/m/a.md"])

        try "ab".write(toFile: "\(root)/content/m/a.md", atomically: false, encoding: .utf8)
        try "b".write(toFile: "\(root)/content/m/b.md", atomically: false, encoding: .utf8)
        try "x".write(toFile: "\(root)/content/m/.a.md.swp", atomically: false, encoding: .utf8)
        try "x".write(toFile: "\(root)/content/public/index.html", atomically: false, encoding: .utf8)
        try "title: x".write(toFile: "\(root)/sitegen.yml", atomically: false, encoding: .utf8)
        let after = watcher.snapshot()
        #expect(PollingWatcher.changes(from: before, to: after) == ["\(root)/content/m/a.md", "\(root)/content/m/b.md", "\(root)/sitegen.yml"])

        try FileManager.default.removeItem(atPath: "\(root)/content/m/b.md")
        #expect(PollingWatcher.changes(from: after, to: watcher.snapshot()) == ["\(root)/content/m/b.md"])
    }

    @Test func nextChangeWaitsForAnEdit() async throws {
        let root = (NSTemporaryDirectory() as NSString).appendingPathComponent("sitegen-watch-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        let watcher = PollingWatcher(paths: [root], interval: .milliseconds(20), settle: .milliseconds(10))
        var snapshot = watcher.snapshot()
        let writer = Task {
            try await Task.sleep(for: .milliseconds(100))
            try "new".write(toFile: "\(root)/new.md", atomically: false, encoding: .utf8)
        }
        let changed = await watcher.nextChange(after: &snapshot)
        try await writer.value
        #expect(changed == ["\(root)/new.md"])
        #expect(snapshot.keys.sorted() == ["\(root)/new.md"])
    }

    #if os(Linux)
    /// With a poll interval of an hour, only inotify can report these edits before the deadline: a file
    /// written in a watched folder, one in a folder made after the first look, and the config replaced by a
    /// rename twice (its watch is lost with the old file and added again at the next look). The deadline is
    /// generous (three minutes, far below the poll) because the whole suite runs at once on two cores: the
    /// tasks of this test can wait tens of seconds for a thread.
    @Test func folderEventsReportAnEditBeforeTheNextPoll() async throws {
        let root = (NSTemporaryDirectory() as NSString).appendingPathComponent("sitegen-watch-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.createDirectory(atPath: "\(root)/content/m", withIntermediateDirectories: true)
        try "title: x".write(toFile: "\(root)/sitegen.yml", atomically: false, encoding: .utf8)
        let watcher = PollingWatcher(paths: ["\(root)/content", "\(root)/sitegen.yml"], interval: .seconds(3600),
                                     settle: .milliseconds(10))
        var snapshot = watcher.snapshot()
        func change(_ edit: @escaping @Sendable () throws -> Void) async throws -> [String]? {
            let writer = Task {
                try await Task.sleep(for: .milliseconds(50))
                try edit()
            }
            let look = Task { [snapshot] in
                var after = snapshot
                return (await watcher.nextChange(after: &after), after)
            }
            let deadline = Task {
                try await Task.sleep(for: .seconds(180))
                Issue.record("no change reported within 3 minutes: the watcher waited for its poll")
                look.cancel()
            }
            let (changed, after) = await look.value
            deadline.cancel()
            snapshot = after
            try await writer.value
            return changed
        }
        #expect(try await change { try "a".write(toFile: "\(root)/content/m/a.md", atomically: false, encoding: .utf8) }
                == ["\(root)/content/m/a.md"])
        // A folder made after the first look is watched from the next look on (an empty folder changes no snapshot).
        try FileManager.default.createDirectory(atPath: "\(root)/content/n", withIntermediateDirectories: false)
        _ = watcher.snapshot()
        #expect(try await change { try "c".write(toFile: "\(root)/content/n/c.md", atomically: false, encoding: .utf8) }
                == ["\(root)/content/n/c.md"])
        for title in ["y", "zz"] {
            #expect(try await change { try "title: \(title)".write(toFile: "\(root)/sitegen.yml", atomically: true, encoding: .utf8) }
                    == ["\(root)/sitegen.yml"])
        }
    }
    #endif
}
