import Diagnostics
import Escaping

/// Renders parsed templates (`Template`) with a page's context into UTF-8 bytes.
///
/// A context is what `PageContext` builds: dictionaries keyed by name (`[String: Any]`, or `[String: String]`),
/// lists, text, numbers and flags. A name is looked up as the specification says: its first part in the innermost
/// context that has it (the current list item, then the sections around it, then the page), the other parts inside
/// that value. A section shows its content once for a value that is present and not false, once per item for a
/// list, and not at all for a missing value, `false` or an empty list (an inverted section the other way round); while
/// it does, the value (or the item) is the innermost context.
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
    /// Nodes rendered so far, and the innermost section or partial being rendered (where a render that takes too
    /// long is reported).
    private var steps = 0
    private var within: SourceLocation?
    /// The sections and partials being rendered (`Template.maxNesting`).
    private var depth = 0

    /// How many nodes one rendering may visit. A real page visits a few thousand; sections over lists nested in one
    /// another, or partials that each include the next twice, multiply: 28 levels of `{{#toc}}` in 841 bytes would
    /// take hours.
    static let maxSteps = 1_000_000
    private let maxSteps: Int

    init(templates: [String: Template], context: Any, capacity: Int = 0, maxSteps: Int = TemplateRenderer.maxSteps) {
        self.templates = templates
        self.maxSteps = maxSteps
        stack = [context]
        output.reserveCapacity(capacity)
    }

    /// Renders a whole template (its nodes, with its file as where a render that takes too long is reported when no
    /// section or partial is open).
    mutating func render(_ template: Template) throws(Diagnostic) {
        within = within ?? SourceLocation(file: template.file, line: 1, column: 1)
        try render(template.nodes)
    }

    mutating func render(_ nodes: [Template.Node]) throws(Diagnostic) {
        steps += nodes.count
        if steps > maxSteps {
            throw .error(at: within, "this template repeats its content more than \(maxSteps) times for one page: a section over a list nested in a section over a list repeats for every pair of their items, and a partial included twice doubles what it includes; flatten the template")
        }
        for node in nodes {
            switch node {
            case .text(let text):
                emit(text)
            case .variable(let name, let escaped, let location):
                guard let value = lookUp(name) else { continue }
                try print(value, escaped: escaped, name: name, at: location)
            case .section(let name, let inverted, let nodes, let location):
                guard depth < Template.maxNesting else { throw Template.tooDeep(at: location) }
                let outer = within
                (within, depth) = (location, depth + 1)
                defer { (within, depth) = (outer, depth - 1) }
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
                guard depth < Template.maxNesting else { throw Template.tooDeep(at: location) }
                let (outer, outerWithin) = (indentation, within)
                (within, depth) = (location, depth + 1)
                // A partial alone on its line takes the line's place: it starts a line, and what follows it starts the
                // next (the line's own break went with it), whatever the partial's last bytes were.
                if let partialIndentation {
                    indentation = outer + partialIndentation
                    atLineStart = true
                }
                try render(partial)
                (indentation, within, depth) = (outer, outerWithin, depth - 1)
                if partialIndentation != nil { atLineStart = true }
            }
        }
    }

    /// A present value: a list once per item, `false` not at all, anything else once; each item or value is the
    /// innermost context while its content renders (`true` too, as the specification says, so `{{.}}` prints it).
    private mutating func renderSection(_ nodes: [Template.Node], over value: Any) throws(Diagnostic) {
        switch value {
        case let flag as Bool:
            if flag { try render(nodes, in: flag) }
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
        case let dictionary as [String: Any]:
            // The example names a value that prints.
            throw Self.groupError(name, keys: dictionary.filter { $0.value is String || $0.value is Int }.map(\.key), at: location)
        case let dictionary as [String: String]:
            throw Self.groupError(name, keys: Array(dictionary.keys), at: location)
        case is [Any]:
            let shown = name.text
            throw .error(at: location, "template variable '\(shown)' is a list, not text: show its items with a section, {{#\(shown)}}…{{/\(shown)}}, whose content is repeated for each item")
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

    /// The error for printing a dictionary; `keys`: those of its values that print, the first in order named as an
    /// example.
    private static func groupError(_ name: Template.Name, keys: [String], at location: SourceLocation) -> Diagnostic {
        let shown = name.text, example = keys.min() ?? "name"
        let field = name == .implicit ? example : "\(shown).\(example)"
        return .error(at: location, "template variable '\(shown)' holds named values, not text: print one of them, like {{\(field)}}, or open it as a section, {{#\(shown)}}…{{/\(shown)}}, to name them on their own")
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
