/// The Preview module is `sitegen serve`: build once, serve the output folder over HTTP, watch the
/// sources by polling, rebuild on change and tell open pages to reload (or show the build's errors)
/// through server-sent events.
///
/// It does NOT know how a site is built (it calls `SiteBuilder`), never writes into the output folder
/// itself, and adds its reload script only to responses, never to the built files.
public enum Preview {
    /// The path of the server-sent events stream, outside any site's base path.
    public static let eventsPath = "/_sitegen/events"
    /// Default address of `sitegen serve`.
    public static let defaultHost = "127.0.0.1"
    public static let defaultPort = 8000
}
