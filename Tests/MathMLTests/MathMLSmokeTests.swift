import Testing
@testable import MathML

@Suite struct MathMLSmokeTests {
    @Test func moduleLoads() { #expect(true) }
}
