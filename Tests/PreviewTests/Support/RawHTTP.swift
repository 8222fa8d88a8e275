import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A minimal HTTP/1.1 client over a POSIX socket, so tests can send request paths exactly as written
/// (`/%2e%2e/`, `/../`), which URL libraries would normalise away, and read event streams line by line.
final class RawHTTP {
    struct Response {
        var status: Int
        var headers: [String: String]
        var body: String
    }

    enum Failure: Error { case connect(Int32), timeout, closed }

    private let fd: Int32
    private var buffer: [UInt8] = []

    init(port: Int) throws {
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard result == 0 else {
            close(fd)
            throw Failure.connect(errno)
        }
    }

    deinit { close(fd) }

    func send(_ text: String) {
        let bytes = Array(text.utf8)
        var sent = 0
        while sent < bytes.count {
            let n = bytes[sent...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            if n <= 0 { return }
            sent += n
        }
    }

    /// Runs blocking socket work on a dispatch thread, never on the (small) cooperative pool that the
    /// server under test also needs.
    static func offPool<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(with: Result { try work() }) }
        }
    }

    /// One GET (or other method) with `Connection: close`, read to the end.
    static func get(_ path: String, port: Int, method: String = "GET", timeout: Double = 60) async throws -> Response {
        try await offPool { try blockingGet(path, port: port, method: method, timeout: timeout) }
    }

    /// Reads until the event `name` has arrived whole; returns everything received up to its end.
    func next(event name: String, timeout: Double = 60) async throws -> String {
        let client = UncheckedBox(self)
        return try await Self.offPool {
            let head = try client.value.readUntil("event: \(name)\n", timeout: timeout)
            let rest = try client.value.readUntil("\n\n", timeout: timeout)
            return head + rest
        }
    }

    /// Reads until `marker` has arrived, off the cooperative pool.
    func read(until marker: String, timeout: Double = 60) async throws -> String {
        let client = UncheckedBox(self)
        return try await Self.offPool { try client.value.readUntil(marker, timeout: timeout) }
    }

    static func blockingGet(_ path: String, port: Int, method: String, timeout: Double) throws -> Response {
        let client = try RawHTTP(port: port)
        client.send("\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n\r\n")
        let deadline = Date().addingTimeInterval(timeout)
        while try client.fill(until: deadline) {}
        return try parse(String(decoding: client.buffer, as: UTF8.self))
    }

    /// Opens an event stream; read it with `next(event:)`.
    static func events(port: Int, path: String = "/_sitegen/events") throws -> RawHTTP {
        let client = try RawHTTP(port: port)
        client.send("GET \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nAccept: text/event-stream\r\n\r\n")
        return client
    }

    /// Reads until the received text contains `marker`; returns everything received so far and
    /// forgets it.
    func readUntil(_ marker: String, timeout: Double) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            let text = String(decoding: buffer, as: UTF8.self)
            if let range = text.range(of: marker) {
                buffer = Array(text[range.upperBound...].utf8)
                return String(text[..<range.upperBound])
            }
            guard try fill(until: deadline) else { throw Failure.closed }
        }
    }

    /// Waits for bytes; false when the peer closed.
    private func fill(until deadline: Date) throws -> Bool {
        let remaining = deadline.timeIntervalSinceNow
        guard remaining > 0 else { throw Failure.timeout }
        var descriptor = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        let ready = poll(&descriptor, 1, Int32(min(remaining, 1) * 1000))
        if ready == 0 { return true }
        var chunk = [UInt8](repeating: 0, count: 65536)
        let n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
        if n <= 0 { return false }
        buffer += chunk[0..<n]
        return true
    }

    static func parse(_ text: String) throws -> Response {
        guard let split = text.range(of: "\r\n\r\n") else { throw Failure.closed }
        let head = text[..<split.lowerBound].components(separatedBy: "\r\n")
        let status = Int(head.first?.split(separator: " ").dropFirst().first ?? "") ?? 0
        var headers: [String: String] = [:]
        for line in head.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        var body = String(text[split.upperBound...])
        if headers["transfer-encoding"] == "chunked" { body = dechunk(body) }
        return Response(status: status, headers: headers, body: body)
    }

    private static func dechunk(_ text: String) -> String {
        var bytes = Substring(text), out = ""
        while let lineEnd = bytes.range(of: "\r\n") {
            let size = Int(bytes[..<lineEnd.lowerBound], radix: 16) ?? 0
            if size == 0 { break }
            let start = lineEnd.upperBound
            let utf8 = bytes[start...].utf8
            let end = utf8.index(utf8.startIndex, offsetBy: min(size, utf8.count))
            out += String(bytes[start..<end])
            bytes = bytes[end...].dropFirst(2)
        }
        return out
    }
}

/// Hands the (single-owner) client to the dispatch thread that reads it.
struct UncheckedBox<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}
