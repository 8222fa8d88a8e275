/// Our own rendered HTML as a stream of start tags, end tags and text, for reading what a reader sees
/// (the search index). Like `HTMLReferences` it is a small scanner over output sitegen wrote, not a full
/// HTML parser: comments are skipped, script and style contents are skipped, and entities are decoded in
/// text and attribute values (with `HTMLReferences.decodeEntities`).
struct HTMLTextScanner {
    enum Event: Equatable {
        /// A start tag, its name lower-cased; `attributes` holds the decoded values of the ones asked for.
        case start(tag: String, attributes: [String: String], selfClosing: Bool)
        case end(tag: String)
        case text(String)
    }

    /// Attribute names whose values are kept (every other attribute is skipped).
    var keptAttributes: Set<String> = ["id", "class"]

    func events(_ html: String) -> [Event] {
        let bytes = Array(html.utf8)
        var events: [Event] = []
        var i = 0
        var textStart = 0
        func flushText(upTo end: Int) {
            guard end > textStart else { return }
            let raw = String(decoding: bytes[textStart..<end], as: UTF8.self)
            events.append(.text(HTMLReferences.decodeEntities(raw)))
        }
        while i < bytes.count {
            guard bytes[i] == UInt8(ascii: "<") else { i += 1; continue }
            if Self.starts("<!--", bytes, at: i) {
                flushText(upTo: i)
                i = Self.find("-->", bytes, from: i + 4) + 3
                textStart = min(i, bytes.count)
                continue
            }
            let closing = i + 1 < bytes.count && bytes[i + 1] == UInt8(ascii: "/")
            let nameStart = closing ? i + 2 : i + 1
            guard nameStart < bytes.count, HTMLReferences.isNameStart(bytes[nameStart]) else { i += 1; continue }
            flushText(upTo: i)
            var j = nameStart
            while j < bytes.count, HTMLReferences.isNameByte(bytes[j]) { j += 1 }
            let tag = String(decoding: bytes[nameStart..<j].map(HTMLReferences.lower), as: UTF8.self)
            var attributes: [String: String] = [:]
            var selfClosing = false
            while j < bytes.count, bytes[j] != UInt8(ascii: ">") {
                if HTMLReferences.isSpace(bytes[j]) { j += 1; continue }
                if bytes[j] == UInt8(ascii: "/") { selfClosing = true; j += 1; continue }
                selfClosing = false
                let attribute = HTMLReferences.attribute(in: bytes, at: j)
                j = attribute.next
                if let value = attribute.value, keptAttributes.contains(attribute.name) {
                    attributes[attribute.name] = HTMLReferences.decodeEntities(String(decoding: bytes[value], as: UTF8.self))
                }
            }
            i = min(j + 1, bytes.count)
            if closing {
                events.append(.end(tag: tag))
            } else {
                events.append(.start(tag: tag, attributes: attributes, selfClosing: selfClosing))
                if tag == "script" || tag == "style" {
                    i = Self.find("</\(tag)", bytes, from: i)
                }
            }
            textStart = i
        }
        flushText(upTo: bytes.count)
        return events
    }

    private static func starts(_ prefix: String, _ bytes: [UInt8], at start: Int) -> Bool {
        let p = Array(prefix.utf8)
        return start + p.count <= bytes.count && bytes[start..<start + p.count].elementsEqual(p)
    }

    /// The offset of `needle` (lower-case ASCII) from `start`, case-insensitively; the end when absent.
    private static func find(_ needle: String, _ bytes: [UInt8], from start: Int) -> Int {
        let n = Array(needle.utf8)
        var j = start
        search: while j + n.count <= bytes.count {
            for k in 0..<n.count where HTMLReferences.lower(bytes[j + k]) != n[k] {
                j += 1
                continue search
            }
            return j
        }
        return bytes.count
    }
}
