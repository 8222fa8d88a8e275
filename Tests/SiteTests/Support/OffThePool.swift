import Foundation

/// Runs a long synchronous build on a Dispatch thread and suspends meanwhile. Swift Testing runs tests on
/// the cooperative pool, which has one thread per core: tests that build for seconds would otherwise hold
/// those threads and starve the async tests running beside them (the preview server's).
func offThePool(_ work: @escaping @Sendable () throws -> Void) async throws {
    try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
        DispatchQueue.global().async { continuation.resume(with: Result { try work() }) }
    }
}
