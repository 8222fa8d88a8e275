import Testing
@testable import Markdown

@Suite struct MarkdownSmokeTests {
    @Test func moduleLoads() { #expect(true) }
}
