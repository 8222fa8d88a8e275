import Diagnostics
import Escaping
import Foundation
import Mustache

/// The Mustache templates of a site (`templates/*.mustache`, partials included by name), checked
/// before rendering: swift-mustache renders an unknown variable as empty text, so every tag name is
/// compared with the names the page context provides and a typo becomes an error with its location.
public struct TemplateSet: Sendable {
    /// Template name (file name without `.mustache`, subfolders kept: `partials/nav`) → source.
    let sources: [String: TemplateSource]
    let library: MustacheLibrary
    let displayFolder: String
    /// The templates a lesson page can use as its layout with its body spliced in (`PageSplice`), found once.
    private(set) var splicingLayouts: Set<String> = []

    struct TemplateSource: Sendable {
        var text: String
        var displayPath: String
        var tags: [TemplateTag]
    }

    /// Loads every `.mustache` file under `folder`; a syntax error stops the build with its location.
    public init(folder: String, displayFolder: String) throws(DiagnosticList) {
        self.displayFolder = displayFolder
        var sources: [String: TemplateSource] = [:]
        var library = MustacheLibrary()
        var problems: [Diagnostic] = []
        let files = FolderListing.entries(under: folder).filter { $0.hasSuffix(".mustache") }
        for relative in files {
            let name = String(relative.dropLast(".mustache".count))
            let display = (displayFolder as NSString).appendingPathComponent(relative)
            guard let data = FileManager.default.contents(atPath: (folder as NSString).appendingPathComponent(relative)),
                  let text = String(data: data, encoding: .utf8) else {
                problems.append(.error(at: SourceLocation(file: display, line: 1, column: 1), "cannot read this template as UTF-8 text"))
                continue
            }
            if let problem = Self.nestingProblem(text, file: display) {
                problems.append(problem)
                continue
            }
            do {
                library.register(try MustacheTemplate(string: Self.escapingPragma + text), named: name)
                sources[name] = TemplateSource(text: text, displayPath: display, tags: TemplateTag.scan(text, file: display))
            } catch let error as MustacheTemplate.ParserError {
                problems.append(.error(
                    at: SourceLocation(file: display, line: Self.editorLine(text, mustacheLine: error.context.lineNumber - 1),
                                       column: max(1, error.context.columnNumber)),
                    "template syntax error: \(error.error)"))
            } catch {
                problems.append(.error(at: SourceLocation(file: display, line: 1, column: 1), "template syntax error: \(error)"))
            }
        }
        if !problems.isEmpty { throw DiagnosticList(problems) }
        self.sources = sources
        self.library = library
        splicingLayouts = PageSplice.layouts(in: self, among: sources.keys)
    }

    public func has(_ name: String) -> Bool { sources[name] != nil }

    /// The line put before every template sitegen gives swift-mustache: the library escapes a `{{name}}` value with
    /// its own escaper, a dictionary look-up per character, which took 3 % of the 200-lesson course's cold build; this
    /// pragma makes it escape with `HTMLEscape`, the project's one escaper. Both escape the same five characters,
    /// `& < > " '` (the apostrophe as `&#39;`); the library compared whole characters, so one of the five joined
    /// with the scalars after it (`"` followed by a combining accent, or `&` by a zero-width joiner) was left as it
    /// was, and a `"` could end an attribute value; `HTMLEscape` finds them on UTF-8 bytes wherever they stand.
    /// A pragma alone on its line is dropped with the line, so the output keeps its bytes; the library's line numbers
    /// count it, and `editorLine` is given them one lower.
    static let escapingPragma: String = {
        MustacheContentTypes.register(SitegenHTML(), named: "SITEGEN_HTML")
        return "{{% CONTENT_TYPE: SITEGEN_HTML}}\n"
    }()

    private struct SitegenHTML: MustacheContentType {
        func escapeText(_ text: String) -> String { HTMLEscape.escapeWithApostrophe(text) }
    }

    /// Sections (`{{#…}}`, `{{^…}}`) nested deeper than this are refused before swift-mustache, whose
    /// parser and renderer recurse once per level, sees them; real templates nest three or four deep.
    static let maxSectionDepth = 100

    /// The line an editor shows for swift-mustache's line number `mustacheLine`. The library counts every
    /// Unicode line break (vertical tab, form feed, U+2028…) as a new line, where editors and the rest of
    /// sitegen count "\n" only. Its number L puts the error after the (L − 1)th break, so the "\n"s among
    /// those breaks give the editor's line (the library's column already counts from the last "\n").
    static func editorLine(_ text: String, mustacheLine: Int) -> Int {
        var breaks = 0, line = 1
        for character in text where character.isNewline {
            guard breaks < mustacheLine - 1 else { break }
            breaks += 1
            if character.unicodeScalars.contains("\n") { line += 1 }
        }
        return line
    }

    /// The first section opened deeper than `maxSectionDepth`, as an error at its tag.
    static func nestingProblem(_ text: String, file: String) -> Diagnostic? {
        var depth = 0, line = 1, column = 1
        let scalars = Array(text.unicodeScalars)
        var i = 0
        while i < scalars.count {
            if scalars[i] == "{", i + 2 < scalars.count, scalars[i + 1] == "{" {
                let sigil = scalars[i + 2]
                if sigil == "#" || sigil == "^" {
                    depth += 1
                    if depth > maxSectionDepth {
                        return .error(at: SourceLocation(file: file, line: line, column: column),
                                      "template sections nest deeper than \(maxSectionDepth) levels here; flatten the template")
                    }
                } else if sigil == "/" {
                    depth = max(0, depth - 1)
                }
            }
            if scalars[i] == "\n" { line += 1; column = 1 } else { column += 1 }
            i += 1
        }
        return nil
    }

    /// Renders template `name` with `context`, after checking that every variable and partial it uses
    /// (and, recursively, its partials use) exists. `requestedAt` is where the page asked for this
    /// template (a `layout:` key), used when the template itself is missing.
    /// `itemNames` are keys of list items the context may hold none of on this page (a lesson without
    /// headings has an empty table of contents, but `{{title}}` inside `{{#toc}}` is still valid).
    public func render(_ name: String, context: [String: Any], itemNames: Set<String> = [],
                       requestedAt: SourceLocation? = nil) throws(Diagnostic) -> String {
        var names = ContextNames(context, adding: itemNames)
        return try render(name, context: context, names: &names, requestedAt: requestedAt)
    }

    /// `render(_:context:itemNames:requestedAt:)` with the names the context provides (`ContextNames`, item names
    /// included) given: a page renders its own template, then the base layout with the same context and `content`
    /// added, and looks into its context once for both.
    func render(_ name: String, context: [String: Any], names: inout ContextNames,
                requestedAt: SourceLocation? = nil) throws(Diagnostic) -> String {
        guard sources[name] != nil else {
            let known = sources.keys.sorted()
            throw Diagnostic.error(
                at: requestedAt ?? SourceLocation(file: (displayFolder as NSString).appendingPathComponent("\(name).mustache"), line: 1, column: 1),
                "missing template '\(name)': create \((displayFolder as NSString).appendingPathComponent("\(name).mustache"))\(DidYouMean.hint(for: name, among: known))")
        }
        var checked: Set<String> = []
        var path: [String] = []
        try check(name, names: &names, checked: &checked, path: &path)
        return library.render(context, withTemplate: name) ?? ""
    }

    /// `path` is the chain of partials being checked: a partial that includes one of them would make
    /// swift-mustache recurse until the stack overflows, so it is an error.
    private func check(_ name: String, names: inout ContextNames, checked: inout Set<String>, path: inout [String]) throws(Diagnostic) {
        path.append(name)
        defer { path.removeLast() }
        guard checked.insert(name).inserted, let source = sources[name] else { return }
        for tag in source.tags {
            switch tag.kind {
            case .partial:
                guard sources[tag.name] != nil else {
                    throw Diagnostic.error(at: tag.location, "missing partial '\(tag.name)': create \((displayFolder as NSString).appendingPathComponent("\(tag.name).mustache"))\(DidYouMean.hint(for: tag.name, among: sources.keys.sorted()))")
                }
                if path.contains(tag.name) {
                    throw Diagnostic.error(at: tag.location, "partial '\(tag.name)' includes itself (\((path + [tag.name]).joined(separator: " → "))): a template cannot include itself")
                }
                try check(tag.name, names: &names, checked: &checked, path: &path)
            case .variable:
                // Cut at `.` on bytes: the check runs for every tag of every page.
                for component in tag.name.utf8.split(separator: UInt8(ascii: ".")) where !names.contains(String(Substring(component))) {
                    let c = String(Substring(component))
                    let provided = names.all()
                    throw Diagnostic.error(at: tag.location, "unknown template variable '\(c)'\(DidYouMean.hint(for: c, among: provided)): the page provides \(provided.joined(separator: ", "))")
                }
            case .parent, .block, .delimiters, .implicit:
                break
            }
        }
    }

    /// Whether template `name`, rendered as a page (not as a partial), prints the value under `key` only through tags
    /// that print it raw and whole, so that a marker given as that value stands in the output exactly where the value
    /// would, with the same bytes around it (`PageSplice`). Tags that may print it are those whose last name
    /// component is `key` (`{{{lesson.body}}}`, or `{{{body}}}` inside `{{#lesson}}`). Refused, in the template or any
    /// partial it includes: such a tag escaped, as a section or through a transform; one in an indented partial
    /// (swift-mustache indents what follows a line break, and the value's last line break is not the marker's); what
    /// prints the dictionary holding the value: a variable named one of `containers`, `{{.}}` inside a section over
    /// one of them or at the top level (the page's whole context); any transform (`{{#sorted(.)}}` turns a dictionary
    /// into a list of its entries, which print in forms no check after rendering recognises); a missing partial; and
    /// tags the scan cannot follow: inheritance (`{{<parent}}`, `{{$block}}`) and changed delimiters.
    func printsRawOnly(_ key: String, in name: String, containers: Set<String> = []) -> Bool {
        var seen: Set<String> = []
        /// `section`: the innermost section the template is included in (nil: the top level).
        func check(_ name: String, indented: Bool, section: String?) -> Bool {
            guard let source = sources[name] else { return false }
            guard seen.insert("\(indented) \(section ?? "") \(name)").inserted else { return true }
            return source.tags.allSatisfy { tag in
                if tag.transformed { return false }
                switch tag.kind {
                case .partial:
                    return check(tag.name, indented: indented || tag.indented, section: tag.enclosing ?? section)
                case .implicit:
                    guard let around = tag.enclosing ?? section else { return false }
                    return !containers.contains(around.split(separator: ".").last.map(String.init) ?? "")
                case .parent, .block, .delimiters:
                    return false
                case .variable:
                    let last = tag.name.split(separator: ".").last.map(String.init) ?? ""
                    if last == key { return tag.printsRaw && !indented }
                    return tag.isSection || !containers.contains(last)
                }
            }
        }
        return check(name, indented: false, section: nil)
    }
}

/// A `{{…}}` tag found in a template, with its position: what the checker compares with the context, and what
/// `printsRawOnly` reads.
struct TemplateTag: Sendable, Equatable {
    /// `variable`: a variable or section. The others the checker passes over: `parent`, `{{<name}}`, a template this
    /// one extends (swift-mustache's inheritance); `block`, `{{$name}}`; `delimiters`, `{{=<% %>=}}`, after which the
    /// scan no longer sees the tags; `implicit`, `{{.}}`, the current item.
    enum Kind: Sendable { case variable, partial, parent, block, delimiters, implicit }
    var kind: Kind
    var name: String
    var location: SourceLocation
    /// A variable printed as it is and whole: `{{{name}}}` or `{{&name}}`, without a transform. False for an
    /// escaped variable, a section, a transform and a partial.
    var printsRaw = false
    /// A section, `{{#name}}` or `{{^name}}`: it prints no value of its own.
    var isSection = false
    /// A partial on a line of its own after spaces or tabs, which swift-mustache renders indented.
    var indented = false
    /// The innermost section the tag stands in (`lesson` for a tag inside `{{#lesson}}…{{/lesson}}`), for a partial
    /// and `{{.}}`; nil at the template's top level.
    var enclosing: String?
    /// A transform: `{{uppercased(name)}}`, `{{#sorted(.)}}`, or `{{#odd()}}` (an `implicit` tag without a name).
    var transformed = false

    /// Finds the tags in the default delimiters; comments and closing tags are skipped.
    static func scan(_ text: String, file: String) -> [TemplateTag] {
        var tags: [TemplateTag] = []
        // Read as UTF-8 bytes (every byte the scan looks for is ASCII); a column is a scalar, so a continuation byte
        // (10xxxxxx) does not start one.
        let bytes = Array(text.utf8)
        struct Cursor {
            var i = 0, line = 1, column = 1
            // Whether only spaces and tabs stand before `i` on its line.
            var blankSoFar = true

            mutating func advance(over byte: UInt8) {
                if byte == UInt8(ascii: "\n") {
                    line += 1; column = 1; blankSoFar = true
                } else {
                    if byte & 0xC0 != 0x80 { column += 1 }
                    if byte != UInt8(ascii: " ") && byte != UInt8(ascii: "\t") { blankSoFar = false }
                }
                i += 1
            }
        }
        var cursor = Cursor()
        func advance() { cursor.advance(over: bytes[cursor.i]) }
        let opening = UInt8(ascii: "{"), closing = UInt8(ascii: "}")
        // The sections open at the cursor, innermost last.
        var sections: [String] = []
        while cursor.i + 1 < bytes.count {
            guard bytes[cursor.i] == opening, bytes[cursor.i + 1] == opening else { advance(); continue }
            let at = SourceLocation(file: file, line: cursor.line, column: cursor.column)
            let afterBlanks = cursor.blankSoFar && cursor.column > 1
            advance(); advance()
            let start = cursor.i
            while cursor.i + 1 < bytes.count, !(bytes[cursor.i] == closing && bytes[cursor.i + 1] == closing) { advance() }
            // A tag never closed: its body is all but the text's last scalar (where the loop stopped, on its last byte).
            var end = cursor.i
            while cursor.i + 1 >= bytes.count, end > start, bytes[end] & 0xC0 == 0x80 { end -= 1 }
            let body = String(decoding: bytes[start..<max(start, end)], as: UTF8.self)
            if cursor.i + 1 < bytes.count { advance(); advance() }
            if cursor.i < bytes.count, bytes[cursor.i] == closing, body.hasPrefix("{") { advance() }
            var trimmed = Self.trimmingWhitespace(Substring(body))
            guard let sigil = trimmed.first else { continue }
            let named = Self.trimmingWhitespace(trimmed.dropFirst())
            var raw = false, section = false
            switch sigil {
            case "!": continue
            case "/":
                if sections.last == named { sections.removeLast() }
                continue
            case "=":
                tags.append(TemplateTag(kind: .delimiters, name: "", location: at))
                continue
            case "$":
                tags.append(TemplateTag(kind: .block, name: named, location: at))
                continue
            case "<":
                tags.append(TemplateTag(kind: .parent, name: named, location: at))
                continue
            case ">":
                tags.append(TemplateTag(kind: .partial, name: named, location: at, indented: afterBlanks, enclosing: sections.last))
                continue
            case "#", "^", "&", "{":
                raw = sigil == "&" || sigil == "{"
                section = sigil == "#" || sigil == "^"
                trimmed = named
                if section { sections.append(named) }
            default: break
            }
            // A transform `name(variable)` checks the variable only.
            var transformed = false
            if let open = trimmed.firstIndex(of: "("), let close = trimmed.lastIndex(of: ")"), open < close {
                trimmed = String(trimmed[trimmed.index(after: open)..<close])
                raw = false
                transformed = true
            }
            if trimmed == "." || (trimmed.isEmpty && transformed) {
                tags.append(TemplateTag(kind: .implicit, name: ".", location: at, enclosing: sections.last, transformed: transformed))
            } else if !trimmed.isEmpty {
                tags.append(TemplateTag(kind: .variable, name: trimmed, location: at, printsRaw: raw, isSection: section,
                                        transformed: transformed))
            }
        }
        return tags
    }

    /// `text` without the white space at its ends: what `trimmingCharacters(in: .whitespaces)` gives, by scalars,
    /// without Foundation's round trip through another string for each of a template's hundreds of tags.
    static func trimmingWhitespace(_ text: Substring) -> String {
        func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
            scalar == " " || (scalar.value >= 0x80 || scalar == "\t") && CharacterSet.whitespaces.contains(scalar)
        }
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !isWhitespace($0) }),
              let last = scalars.lastIndex(where: { !isWhitespace($0) }) else { return "" }
        return String(scalars[first...last])
    }
}
