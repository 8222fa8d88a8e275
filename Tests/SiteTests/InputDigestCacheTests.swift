import Foundation
import Testing
@testable import Site

/// Digests of input files kept under the files' identities: used while a file keeps its identity and was read
/// long enough after it last changed, and never otherwise.
@Suite struct InputDigestCacheTests {
    static let identity = InputDigestCache.Identity(device: 1, inode: 2, size: 3, modified: 1_000, modifiedNanoseconds: 5,
                                                    changed: 1_000, changedNanoseconds: 6)

    /// Every field survives the record, the largest device and inode numbers and a negative time too; a record cut or
    /// changed anywhere, or written for another setup, keeps nothing.
    @Test func entriesSurviveTheRecordAndADamagedOneKeepsNothing() throws {
        let site = try SiteTest(fixture: "basic", options: BuildOptions(skipWhenUpToDate: true))
        defer { site.remove() }
        let cache = InputDigestCache(site.paths, setup: "setup")
        let odd = InputDigestCache.Identity(device: .max, inode: 1 << 63, size: 1 << 40, modified: -5, modifiedNanoseconds: 999_999_999,
                                            changed: 1_700_000_000, changedNanoseconds: 0)
        cache.record("/päth with spaces.md", identity: odd, digest: "d1", read: odd.latest + InputDigestCache.margin)
        cache.record("/b.md", identity: Self.identity, digest: "d2", read: Self.identity.latest + InputDigestCache.margin)
        cache.save(site.paths)
        #expect(InputDigestCache(site.paths, setup: "setup").digest(of: "/päth with spaces.md", identity: odd) == "d1")
        #expect(InputDigestCache(site.paths, setup: "other").digest(of: "/b.md", identity: Self.identity) == nil)
        let file = InputDigestCache.file(site.paths)
        let bytes = try #require(FileManager.default.contents(atPath: file))
        for at in stride(from: 0, to: bytes.count, by: 7) {
            var damaged = bytes
            damaged[at] ^= 0x10
            try damaged.write(to: URL(fileURLWithPath: file))
            #expect(InputDigestCache(site.paths, setup: "setup").digest(of: "/b.md", identity: Self.identity) == nil)
        }
        try bytes.prefix(bytes.count - 1).write(to: URL(fileURLWithPath: file))
        #expect(InputDigestCache(site.paths, setup: "setup").digest(of: "/b.md", identity: Self.identity) == nil)
    }

    @Test func aDigestIsUsedOnlyForTheSameIdentityReadAfterTheMargin() throws {
        let site = try SiteTest(fixture: "basic", options: BuildOptions(skipWhenUpToDate: true))
        defer { site.remove() }
        let cache = InputDigestCache(site.paths, setup: "setup")
        let old = Self.identity
        cache.record("/a b.md", identity: old, digest: "d1", read: old.latest + InputDigestCache.margin)
        cache.record("/racy.md", identity: old, digest: "d2", read: old.latest + InputDigestCache.margin - 1)
        cache.save(site.paths)
        let next = InputDigestCache(site.paths, setup: "setup")
        #expect(next.digest(of: "/a b.md", identity: old) == "d1")
        // Read within the margin of its last change: the file may have changed again within the clock's tick.
        #expect(next.digest(of: "/racy.md", identity: old) == nil)
        var changed = [old, old, old, old, old]
        changed[0].size += 1
        changed[1].modifiedNanoseconds += 1
        changed[2].changed += 1
        changed[3].inode += 1
        changed[4].device += 1
        for identity in changed { #expect(next.digest(of: "/a b.md", identity: identity) == nil) }
        #expect(next.digest(of: "/other.md", identity: old) == nil)
        // Written for another setup (options, executable): nothing is kept.
        #expect(InputDigestCache(site.paths, setup: "other").digest(of: "/a b.md", identity: old) == nil)
    }

    @Test func buildInputsUseAKeptDigestInsteadOfReadingTheFile() throws {
        let site = try SiteTest(fixture: "basic", options: BuildOptions(skipWhenUpToDate: true))
        defer { site.remove() }
        let options = BuildOptions(skipWhenUpToDate: true)
        let setup = BuildInputs.setup(site.paths, options)
        let fresh = BuildInputs(site.paths, options)
        let lesson = "\(site.paths.content)/intro/first.md"
        var info = stat()
        try #require(stat(lesson, &info) == 0)
        // A digest planted for the file's present identity is taken as it is: the file is not read.
        let planted = InputDigestCache(site.paths, setup: setup)
        planted.record(lesson, identity: InputDigestCache.Identity(info), digest: "planted", read: Int(info.st_ctim.tv_sec) + 10)
        planted.save(site.paths)
        #expect(BuildInputs(site.paths, options, known: InputDigestCache(site.paths, setup: setup)).digest(of: lesson) == "planted")
        // Once the file changes, it is read again, and the cache records what was read.
        try site.write("content/intro/first.md", try site.read("content/intro/first.md") + "\nMore.\n")
        let known = InputDigestCache(site.paths, setup: setup)
        let inputs = BuildInputs(site.paths, options, known: known)
        #expect(inputs.digest(of: lesson) != "planted")
        #expect(inputs.digest(of: lesson) != fresh.digest(of: lesson))
        #expect(inputs.digest(of: lesson) == BuildInputs(site.paths, options).digest(of: lesson))
        known.save(site.paths)
        let record = try #require(FileManager.default.contents(atPath: InputDigestCache.file(site.paths)))
        #expect(record.firstRange(of: Data((inputs.digest(of: lesson) ?? "?").utf8)) != nil)
    }
}
