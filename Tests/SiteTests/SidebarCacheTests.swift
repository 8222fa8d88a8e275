import Foundation
import Testing
@testable import Site

/// The sidebar's shared entries kept between builds (`SidebarCache`): taken only under the outline they were made
/// for, refused when cut or changed, and used by the next incremental build in place of rendering them.
@Suite struct SidebarCacheTests {
    static let entries: [SidebarEntries.Key: String] = [
        .init(module: "intro", root: "../../"): "<li class=\"nav-module\">Intro — “quoted”</li>",
        .init(module: "intro", root: "../"): "<li>Intro</li>",
        .init(module: "later", root: ""): "",
    ]

    @Test func entriesRoundTripUnderTheirOutlineOnly() {
        let bytes = SidebarCache.record(Self.entries, outline: "outline 1")
        #expect(bytes.withUnsafeBufferPointer { SidebarCache.entries(fromRecord: $0, outline: "outline 1") } == Self.entries)
        #expect(bytes.withUnsafeBufferPointer { SidebarCache.entries(fromRecord: $0, outline: "outline 2") } == nil)
        expectEveryCutAndChangeRefused(bytes, flip: 0x04) { SidebarCache.entries(fromRecord: $0, outline: "outline 1") }
    }

    /// An entry planted in the cache under the current outline shows on the page an edit renders (so the build took
    /// it instead of rendering it); once the outline changes (a lesson's title), every entry is rendered again and
    /// the site is what a clean build writes.
    @Test func anIncrementalBuildTakesTheKeptEntries() throws {
        let site = try IncrementalBuildTests.site()
        defer { site.remove() }
        // The fixture's second module ("Later module", coming soon) is an entry the lesson pages share.
        try site.build()
        let cache = SidebarCache(paths: site.paths)
        let outline = try #require(BuildFingerprint.load(site.paths)?.site)
        var kept = cache.load(outline: outline)
        let key = SidebarEntries.Key(module: "later", root: "../../")
        #expect(kept[key]?.contains("Later module") == true, "\(kept.keys)")
        kept[key] = "<li>planted entry</li>"
        cache.save(kept, outline: outline)
        try IncrementalBuildTests.Edit.prose.apply(to: site)
        let report = try site.build()
        #expect(report.rendered == 1)
        #expect(try site.output("intro/first/index.html").contains("<li>planted entry</li>"))
        try IncrementalBuildTests.Edit.title.apply(to: site)
        try site.build()
        #expect(try !site.output("intro/first/index.html").contains("planted"))
        try IncrementalBuildTests.expectSameAsCleanBuild(site)
    }
}
