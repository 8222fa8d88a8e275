import Foundation

/// Wakes the polling watcher as soon as something happens in a watched folder, so an edit is seen at once
/// instead of at the next poll. On Linux it is inotify: one watch per folder (inotify does not recurse) and per
/// single file, read on a thread of its own. Only a hint: the watcher still compares snapshots to know what
/// changed, and still polls at its interval, so a missed or lost watch (a folder created between two looks, a
/// file replaced by a rename, another operating system, inotify's watch limit) costs latency, never an edit.
final class FolderEvents: @unchecked Sendable {
    private let state: State

    /// Nil where inotify is missing or refuses (then the watcher only polls).
    init?() {
        #if os(Linux)
        let fd = inotify_init1(Int32(IN_CLOEXEC) | Int32(IN_NONBLOCK))
        guard fd >= 0 else { return nil }
        state = State(fd: fd)
        let state = self.state
        let thread = Thread { state.readEvents() }
        thread.name = "sitegen folder events"
        thread.start()
        #else
        return nil
        #endif
    }

    deinit { state.stop() }

    /// Adds a watch for each path not watched yet (folders and single files).
    func watch(_ paths: some Sequence<String>) {
        state.watch(paths)
    }

    /// Returns when an event arrives (or has arrived since the last wait), after `timeout`, or when the task
    /// is cancelled.
    func wait(upTo timeout: Duration) async {
        let state = self.state
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                guard let ticket = state.park(continuation, cancelled: Task.isCancelled) else { return }
                Task.detached {
                    try? await Task.sleep(for: timeout)
                    state.expire(ticket)
                }
            }
        } onCancel: {
            state.expire(nil)
        }
    }

    /// What the reading thread and the waiters share, behind one lock.
    private final class State: @unchecked Sendable {
        let fd: Int32
        private let lock = NSLock()
        private var pending = false
        private var waiter: (ticket: Int, continuation: CheckedContinuation<Void, Never>)?
        private var tickets = 0
        private var stopped = false
        private var watched: [String: Int32] = [:]      // path → watch descriptor
        private var paths: [Int32: String] = [:]

        init(fd: Int32) { self.fd = fd }

        func stop() {
            lock.lock(); stopped = true; lock.unlock()
        }

        func watch(_ candidates: some Sequence<String>) {
            #if os(Linux)
            let mask = UInt32(IN_MODIFY | IN_ATTRIB | IN_CLOSE_WRITE | IN_CREATE | IN_DELETE | IN_DELETE_SELF
                | IN_MOVE_SELF | IN_MOVED_FROM | IN_MOVED_TO)
            lock.lock(); defer { lock.unlock() }
            for path in candidates where watched[path] == nil {
                let wd = inotify_add_watch(fd, path, mask)
                guard wd >= 0 else { continue }
                watched[path] = wd
                paths[wd] = path
            }
            #endif
        }

        /// Nil when an event is already pending or the task cancelled (the continuation is resumed at once);
        /// else the waiter's ticket.
        func park(_ continuation: CheckedContinuation<Void, Never>, cancelled: Bool) -> Int? {
            lock.lock()
            if pending || cancelled {
                pending = false
                lock.unlock()
                continuation.resume()
                return nil
            }
            tickets += 1
            waiter = (tickets, continuation)
            lock.unlock()
            return tickets
        }

        /// The waiter with this ticket has waited long enough (a later waiter is left alone); nil: any waiter.
        func expire(_ ticket: Int?) {
            lock.lock()
            guard let parked = waiter, ticket == nil || parked.ticket == ticket else { lock.unlock(); return }
            waiter = nil
            lock.unlock()
            parked.continuation.resume()
        }

        private func signal() {
            lock.lock()
            let parked = waiter
            waiter = nil
            pending = parked == nil
            lock.unlock()
            parked?.continuation.resume()
        }

        /// The reading thread: waits for events (a fifth of a second at a time, to notice `stop`), forgets the
        /// watches the kernel removed (a deleted folder, a file replaced by a rename: they are added again at
        /// the next look), and wakes the waiter.
        func readEvents() {
            #if os(Linux)
            let size = 64 * 1024
            let buffer = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: 8)
            defer { buffer.deallocate(); close(fd) }
            var request = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            while true {
                lock.lock(); let done = stopped; lock.unlock()
                if done { return }
                guard poll(&request, 1, 200) > 0 else { continue }
                let count = read(fd, buffer, size)
                guard count > 0 else { continue }
                var offset = 0
                lock.lock()
                while offset + MemoryLayout<inotify_event>.size <= count {
                    let event = buffer.loadUnaligned(fromByteOffset: offset, as: inotify_event.self)
                    if event.mask & UInt32(IN_IGNORED) != 0, let path = paths.removeValue(forKey: event.wd) {
                        watched[path] = nil
                    }
                    offset += MemoryLayout<inotify_event>.size + Int(event.len)
                }
                lock.unlock()
                signal()
            }
            #endif
        }
    }
}
