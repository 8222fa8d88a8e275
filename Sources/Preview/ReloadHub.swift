import Diagnostics
import Foundation

/// Where builds are announced to open pages: each events stream subscribes here, and every build
/// outcome is broadcast as a server-sent event. It also remembers whether the last build failed, so
/// pages loaded in the meantime show the overlay too.
public actor ReloadHub {
    /// The overlay of the failing build, or nil while the last build was good.
    public private(set) var overlay: ErrorOverlay?
    /// Counts good builds; sent with each reload event.
    public private(set) var generation = 0
    private var subscribers: [UUID: AsyncStream<ServerSentEvent>.Continuation] = [:]
    private var closed = false

    /// Makes each location of the overlay a link into the author's editor (`serve --editor`).
    public let editor: EditorLink?

    public init(editor: EditorLink? = nil) {
        self.editor = editor
    }

    /// A stream of events for one client; it starts with the overlay when the last build failed.
    public func subscribe() -> AsyncStream<ServerSentEvent> {
        let (stream, continuation) = AsyncStream.makeStream(of: ServerSentEvent.self, bufferingPolicy: .bufferingNewest(16))
        if closed {
            continuation.finish()
            return stream
        }
        let id = UUID()
        subscribers[id] = continuation
        continuation.onTermination = { [weak self] _ in
            Task { await self?.unsubscribe(id) }
        }
        if let overlay {
            continuation.yield(ServerSentEvent(name: ServerSentEvent.buildErrorName, data: overlay.html))
        }
        return stream
    }

    /// Number of open event streams.
    public var subscriberCount: Int { subscribers.count }

    /// Records a build and tells every open page: reload after a good build, the overlay after a failed one.
    public func publish(_ outcome: BuildOutcome) {
        let event: ServerSentEvent
        switch outcome {
        case .built:
            overlay = nil
            generation += 1
            event = .reload(generation: generation)
        case .failed(let list):
            let next = ErrorOverlay(list.diagnostics, editor: editor)
            overlay = next
            event = ServerSentEvent(name: ServerSentEvent.buildErrorName, data: next.html)
        }
        for continuation in subscribers.values {
            continuation.yield(event)
        }
    }

    /// Ends every stream (the server is stopping); later subscribers get an empty stream.
    public func close() {
        closed = true
        for continuation in subscribers.values {
            continuation.finish()
        }
        subscribers = [:]
    }

    private func unsubscribe(_ id: UUID) {
        subscribers[id] = nil
    }
}
