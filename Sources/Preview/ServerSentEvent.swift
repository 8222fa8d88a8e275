/// One message of a `text/event-stream` response: `event: name` and the data, one `data:` line per
/// line of text, ended by a blank line (the browser's `EventSource` joins the lines again).
public struct ServerSentEvent: Sendable, Equatable {
    /// Tells the page to reload itself: a build succeeded.
    public static let reloadName = "reload"
    /// Carries the error overlay's HTML: a build failed.
    public static let buildErrorName = "build-error"

    public var name: String
    public var data: String

    public init(name: String, data: String) {
        self.name = name
        self.data = data
    }

    public static func reload(generation: Int) -> ServerSentEvent {
        ServerSentEvent(name: reloadName, data: String(generation))
    }

    /// The wire format.
    public var text: String {
        var out = "event: \(name)\n"
        for line in data.split(separator: "\n", omittingEmptySubsequences: false) {
            out += "data: \(line.replacingOccurrences(of: "\r", with: ""))\n"
        }
        return out + "\n"
    }

    /// A comment line: sent on connect so a client knows the stream is open, ignored by browsers.
    public static let greeting = ": sitegen preview\n\n"
}
