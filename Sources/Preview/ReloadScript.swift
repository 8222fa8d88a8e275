import Foundation

/// The snippet added to HTML responses while serving (never to the built files): it listens to the
/// events stream, reloads the page after a good build and shows the error overlay after a failed one.
public enum ReloadScript {
    /// Inline JavaScript; the overlay HTML arrives as the event's data.
    public static let script = """
    <script data-sitegen-preview>(function(){if(!window.EventSource)return;\
    var s=new EventSource("\(Preview.eventsPath)");\
    s.addEventListener("\(ServerSentEvent.reloadName)",function(){s.close();location.reload();});\
    s.addEventListener("\(ServerSentEvent.buildErrorName)",function(e){\
    var o=document.getElementById("\(ErrorOverlay.elementID)");if(o)o.remove();\
    var t=document.createElement("template");t.innerHTML=e.data;\
    if(t.content.firstChild)document.body.appendChild(t.content.firstChild);});})();</script>
    """

    /// `html` with the script (and the overlay, while the last build failed) before `</body>`, or
    /// appended when the page has no closing body tag.
    public static func inject(into html: String, overlay: ErrorOverlay?) -> String {
        String(decoding: inject(into: Array(html.utf8), overlay: overlay), as: UTF8.self)
    }

    /// The same on the file's bytes: a backwards scan for the last `</body>` (ASCII, any case), so a
    /// 300 KB page costs microseconds per request instead of a Unicode-aware string search.
    public static func inject(into html: [UInt8], overlay: ErrorOverlay?) -> [UInt8] {
        let addition = Array(((overlay?.html ?? "") + script).utf8)
        let tag = Array("</body>".utf8)
        var result = html
        var start = html.count - tag.count
        while start >= 0 {
            if html[start] == UInt8(ascii: "<"), zip(html[start..<start + tag.count], tag).allSatisfy({ $0 | 0x20 == $1 | 0x20 }) {
                result.insert(contentsOf: addition, at: start)
                return result
            }
            start -= 1
        }
        return result + addition
    }
}
