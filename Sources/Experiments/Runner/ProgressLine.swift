import Foundation

/// A one-line progress display for experiment runs on standard error: `experiments 5/13 · ETA 2 s`,
/// redrawn in place on a terminal, printed only at the end when output is a log file.
public final class ProgressLine: @unchecked Sendable {
    private let total: Int
    private let enabled: Bool
    private let interactive: Bool
    private let started = Date()
    private let lock = NSLock()
    private var done = 0

    public init(total: Int, enabled: Bool) {
        self.total = total
        self.enabled = enabled && total > 0
        self.interactive = isatty(STDERR_FILENO) != 0
        if self.enabled && interactive { draw(0) }
    }

    /// Records one finished unit of work.
    public func advance() {
        lock.lock()
        done += 1
        let now = done
        lock.unlock()
        if enabled && interactive { draw(now) }
    }

    /// Ends the line with the total time.
    public func finish(cached: Int) {
        guard enabled else { return }
        let seconds = Date().timeIntervalSince(started)
        let text = "experiments \(done)/\(total) run, \(cached) from cache, \(String(format: "%.1f", seconds)) s"
        FileHandle.standardError.write(Data(((interactive ? "\r\u{1B}[2K" : "") + text + "\n").utf8))
    }

    private func draw(_ now: Int) {
        let elapsed = Date().timeIntervalSince(started)
        var text = "experiments \(now)/\(total)"
        if now > 0 && now < total {
            let remaining = elapsed / Double(now) * Double(total - now)
            text += " · ETA \(Int(remaining.rounded(.up))) s"
        }
        FileHandle.standardError.write(Data(("\r\u{1B}[2K" + text).utf8))
    }
}
