import Testing
@testable import SyntaxHighlight

@Suite struct SyntaxHighlightSmokeTests {
    @Test func moduleLoads() { #expect(true) }
}
