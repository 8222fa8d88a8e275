import Diagnostics
import Escaping

/// Renders parsed templates (`Template`) with a page's context into UTF-8 bytes.
///
/// A context is what `PageContext` builds: dictionaries keyed by name (`[String: Any]`, or `[String: String]`),
/// lists, text, numbers and flags. A name is looked up as the specification says: its first part in the innermost
/// context that has it (the current list item, then the sections around it, then the page), the other parts inside
/// that value. A section shows its content once for a value that is present and not false, once per item for a
/// list, and not at all for a missing value, `false` or an empty list (an inverted section the other way round); a
/// section over a value other than a flag makes that value the innermost context.
struct TemplateRenderer {
    /// The templates partials are found in, by name.
    let templates: [String: Template]
    /// The rendered bytes.
    private(set) var output: [UInt8] = []
    /// The contexts, innermost last.
    private var stack: [Any]
    /// What each line of the partial being rendered starts with (the partials it is included through, each alone on
    /// its line), and whether the next byte starts such a line.
    private var indentation: [UInt8] = []
    private var atLineStart = false

    init(templates: [String: Template], context: Any, capacity: Int = 0) {
        self.templates = templates
        stack = [context]
        output.reserveCapacity(capacity)
    }

    mutating func render(_ nodes: [Template.Node]) throws(Diagnostic) {
        for node in nodes {
            switch node {
            case .text(let text):
                emit(text)
            case .variable(let name, let escaped, let location):
                guard let value = lookUp(name) else { continue }
                try print(value, escaped: escaped, name: name, at: location)
            case .section(let name, let inverted, let nodes, _):
                let value = lookUp(name)
                if inverted {
                    if Self.isEmpty(value) { try render(nodes) }
                } else if let value {
                    try renderSection(nodes, over: value)
                }
            case .partial(let name, let partialIndentation, let location):
                guard let partial = templates[name] else {
                    throw .error(at: location, "missing partial '\(name)'")
                }
                let outer = indentation
                if !partialIndentation.isEmpty {
                    indentation = outer + partialIndentation
                    atLineStart = true
                }
                try render(partial.nodes)
                indentation = outer
            }
        }
    }

    /// A present value: a flag shows the content or not, a list once per item, anything else once, as the
    /// innermost context.
    private mutating func renderSection(_ nodes: [Template.Node], over value: Any) throws(Diagnostic) {
        switch value {
        case let flag as Bool:
            if flag { try render(nodes) }
        case let items as [[String: Any]]:
            for item in items { try render(nodes, in: item) }
        case let items as [Any]:
            for item in items { try render(nodes, in: item) }
        default:
            try render(nodes, in: value)
        }
    }

    private mutating func render(_ nodes: [Template.Node], in context: Any) throws(Diagnostic) {
        stack.append(context)
        defer { stack.removeLast() }
        try render(nodes)
    }

    /// The value `name` stands for here, nil when no context has it.
    private func lookUp(_ name: Template.Name) -> Any? {
        guard case .path(let parts) = name else { return stack.last }
        var found: Any?
        for context in stack.reversed() {
            if let value = Self.child(parts[0], of: context) {
                found = value
                break
            }
        }
        guard var value = found else { return nil }
        for part in parts.dropFirst() {
            guard let inner = Self.child(part, of: value) else { return nil }
            value = inner
        }
        return value
    }

    private static func child(_ key: String, of value: Any) -> Any? {
        switch value {
        case let dictionary as [String: Any]: dictionary[key]
        case let dictionary as [String: String]: dictionary[key]
        default: nil
        }
    }

    /// Whether an inverted section shows: the value is missing, `false`, or an empty list.
    private static func isEmpty(_ value: Any?) -> Bool {
        switch value {
        case nil: true
        case let flag as Bool: !flag
        case let items as [Any]: items.isEmpty
        default: false
        }
    }

    /// Prints text, a number or a flag; a dictionary or a list has no one way to print, and is an error at the tag.
    private mutating func print(_ value: Any, escaped: Bool, name: Template.Name, at location: SourceLocation) throws(Diagnostic) {
        var text: String
        switch value {
        case let string as String: text = string
        case let rendered as RenderedText:
            rendered.utf8.withUnsafeBufferPointer { print($0, escaped: escaped) }
            return
        case let flag as Bool: text = flag ? "true" : "false"
        case let number as Int: text = String(number)
        case is [String: Any], is [String: String], is [Any]:
            let shown = name.text
            throw .error(at: location, "template variable '\(shown)' holds a group of values, not text: print one of its fields (like {{\(shown == "." ? "" : shown + ".")title}}), or open it as a section, {{#\(shown)}}…{{/\(shown)}}")
        default: text = String(describing: value)
        }
        text.withUTF8 { print($0, escaped: escaped) }
    }

    private mutating func print(_ bytes: UnsafeBufferPointer<UInt8>, escaped: Bool) {
        guard !bytes.isEmpty else { return }
        if atLineStart { startLine() }
        if escaped {
            HTMLEscape.append(bytes, escapedTo: &output)
        } else {
            output.append(contentsOf: bytes)
        }
    }

    /// Appends bytes; template text inside an indented partial starts each of its lines with the indentation (a
    /// value's own line breaks are not indented).
    private mutating func emit(_ bytes: [UInt8]) {
        guard !indentation.isEmpty else {
            output.append(contentsOf: bytes)
            return
        }
        var start = 0
        while start < bytes.count {
            if atLineStart { startLine() }
            var end = start
            while end < bytes.count, bytes[end] != UInt8(ascii: "\n") { end += 1 }
            if end < bytes.count {
                end += 1
                atLineStart = true
            }
            output.append(contentsOf: bytes[start..<end])
            start = end
        }
    }

    private mutating func startLine() {
        output.append(contentsOf: indentation)
        atLineStart = false
    }
}

/// Text a template already rendered, as UTF-8 bytes: a page's own template, which the base layout prints as
/// `content`, given to it without being made into a `String` again.
struct RenderedText: Sendable {
    let utf8: [UInt8]
}
