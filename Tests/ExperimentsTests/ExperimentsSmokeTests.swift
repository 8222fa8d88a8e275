import Testing
@testable import Experiments

@Suite struct ExperimentsSmokeTests {
    @Test func moduleLoads() { #expect(true) }
}
