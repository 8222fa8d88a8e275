import Foundation
import Hummingbird

/// The HTTP side of the preview: serves the output folder (see `OutputFolder`) with content types
/// and caching headers, the site's 404 page, and the events stream that reloads open pages.
/// HTML responses get the reload script (and the error overlay while the last build failed).
public struct PreviewServer: Sendable {
    public var folder: OutputFolder
    public var host: String
    public var port: Int
    public var hub: ReloadHub

    public init(folder: OutputFolder, host: String = Preview.defaultHost, port: Int = Preview.defaultPort, hub: ReloadHub) {
        self.folder = folder
        self.host = host
        self.port = port
        self.hub = hub
    }

    /// Serves until the task is cancelled; `onListening` gets the bound port (useful with port 0).
    public func run(onListening: @escaping @Sendable (Int) async -> Void = { _ in }) async throws {
        let responder = PreviewResponder(folder: folder, hub: hub)
        var app = Application(
            responder: CallbackResponder<BasicRequestContext> { request, _ in await responder.respond(to: request) },
            configuration: ApplicationConfiguration(address: .hostname(host, port: port), serverName: "sitegen-preview"),
            onServerRunning: { channel in await onListening(channel.localAddress?.port ?? port) }
        )
        // Stopping is cancellation, which the server logs as an error; failures to start are thrown.
        app.logger.logLevel = .critical
        try await app.run()
    }
}

/// Answers one request; never throws, so every failure is a proper HTTP status.
struct PreviewResponder: Sendable {
    let folder: OutputFolder
    let hub: ReloadHub

    func respond(to request: Request) async -> Response {
        guard request.method == .get || request.method == .head else {
            return Self.text(.methodNotAllowed, "Only GET and HEAD are served.\n", extra: [.allow: "GET, HEAD"])
        }
        let path = request.uri.path
        if path == Preview.eventsPath { return await events() }
        let head = request.method == .head
        switch folder.resolve(path) {
        case let .file(realPath, relative):
            return await file(realPath, relative: relative, status: .ok, head: head)
        case .redirect(let location):
            let query = request.uri.query.map { "?" + $0 } ?? ""
            return Response(status: .movedPermanently, headers: [.location: location + query, .cacheControl: "no-cache"])
        case .forbidden:
            return Self.text(.forbidden, "Forbidden: this path leaves the site's folder.\n")
        case .notFound:
            return await notFound(head: head)
        }
    }

    private func file(_ realPath: String, relative: String, status: HTTPResponse.Status, head: Bool) async -> Response {
        guard let data = FileManager.default.contents(atPath: realPath) else {
            return Self.text(.notFound, "Not found.\n")
        }
        let type = ContentType.of(path: relative)
        var bytes = [UInt8](data)
        if ContentType.isHTML(type) {
            let overlay = await hub.overlay
            bytes = ReloadScript.inject(into: bytes, overlay: overlay)
        }
        var headers: HTTPFields = [.contentType: type, .cacheControl: ContentType.cacheControl(path: relative)]
        if head {
            headers[.contentLength] = String(bytes.count)
            return Response(status: status, headers: headers)
        }
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    /// The site's `404.html` with status 404; while no build has produced one, a bare page (which
    /// still carries the overlay when the build failed).
    private func notFound(head: Bool) async -> Response {
        if let page = folder.notFoundPage {
            var response = await file(page, relative: "404.html", status: .notFound, head: head)
            response.headers[.cacheControl] = "no-cache"
            return response
        }
        let html = "<!doctype html>\n<html><head><meta charset=\"utf-8\"><title>Not found</title></head><body><h1>Not found</h1><p>No such page in the site.</p></body></html>\n"
        let overlay = await hub.overlay
        let body = ReloadScript.inject(into: html, overlay: overlay)
        return Response(status: .notFound, headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-cache"],
                        body: ResponseBody(byteBuffer: ByteBuffer(string: body)))
    }

    /// `text/event-stream`: a greeting, then one event per build until the client or server leaves.
    private func events() async -> Response {
        let stream = await hub.subscribe()
        let headers: HTTPFields = [.contentType: "text/event-stream; charset=utf-8", .cacheControl: "no-cache"]
        return Response(status: .ok, headers: headers, body: ResponseBody { writer in
            try await writer.write(ByteBuffer(string: ServerSentEvent.greeting))
            for await event in stream {
                try await writer.write(ByteBuffer(string: event.text))
            }
            try await writer.finish(nil)
        })
    }

    static func text(_ status: HTTPResponse.Status, _ message: String, extra: HTTPFields = [:]) -> Response {
        var headers: HTTPFields = [.contentType: "text/plain; charset=utf-8", .cacheControl: "no-cache"]
        headers.append(contentsOf: extra)
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: message)))
    }
}
