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
        let addition = (overlay?.html ?? "") + script
        if let range = html.range(of: "</body>", options: [.backwards, .caseInsensitive]) {
            return html.replacingCharacters(in: range.lowerBound..<range.lowerBound, with: addition)
        }
        return html + addition
    }
}
