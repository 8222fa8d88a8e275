import Diagnostics
import Foundation

/// The Mustache templates of a site (`templates/*.mustache`, partials included by name), parsed by sitegen's own
/// reader (`TemplateParser`) and checked before rendering: an unknown variable would render as empty text, so every
/// tag name is compared with the names the page context provides and a typo becomes an error with its location.
public struct TemplateSet: Sendable {
    /// Template name (file name without `.mustache`, subfolders kept: `partials/nav`) → parsed template.
    let templates: [String: Template]
    let displayFolder: String

    /// Loads every `.mustache` file under `folder`; a syntax error stops the build with its location.
    public init(folder: String, displayFolder: String) throws(DiagnosticList) {
        self.displayFolder = displayFolder
        var templates: [String: Template] = [:]
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
            do {
                templates[name] = try TemplateParser.parse(text, file: display)
            } catch {
                problems.append(error)
            }
        }
        if !problems.isEmpty { throw DiagnosticList(problems) }
        self.templates = templates
    }

    public func has(_ name: String) -> Bool { templates[name] != nil }

    /// Where template `name` is, or would be, as messages show it (`templates/partials/nav.mustache`).
    private func displayPath(of name: String) -> String {
        (displayFolder as NSString).appendingPathComponent("\(name).mustache")
    }

    /// Renders template `name` with `context`, after checking that every variable and partial it uses
    /// (and, recursively, its partials use) exists. `requestedAt` is where the page asked for this
    /// template (a `layout:` key), used when the template itself is missing.
    /// `itemNames` are keys of list items the context may hold none of on this page (a lesson without
    /// headings has an empty table of contents, but `{{title}}` inside `{{#toc}}` is still valid).
    public func render(_ name: String, context: [String: Any], itemNames: Set<String> = [],
                       requestedAt: SourceLocation? = nil) throws(Diagnostic) -> String {
        var names = ContextNames(context, adding: itemNames)
        return String(decoding: try render(name, context: context, names: &names, requestedAt: requestedAt), as: UTF8.self)
    }

    /// `render(_:context:itemNames:requestedAt:)` with the names the context provides (`ContextNames`, item names
    /// included) given, as UTF-8 bytes: a page renders its own template, then the base layout with the same context
    /// and `content` added, and looks into its context once for both. `capacity`: the bytes to reserve.
    func render(_ name: String, context: [String: Any], names: inout ContextNames,
                requestedAt: SourceLocation? = nil, capacity: Int = 0) throws(Diagnostic) -> [UInt8] {
        guard let template = templates[name] else {
            let known = templates.keys.sorted()
            throw Diagnostic.error(
                at: requestedAt ?? SourceLocation(file: displayPath(of: name), line: 1, column: 1),
                "missing template '\(name)': create \(displayPath(of: name))\(DidYouMean.hint(for: name, among: known))")
        }
        var checked: Set<String> = []
        var path: [String] = []
        try check(name, names: &names, checked: &checked, path: &path)
        var renderer = TemplateRenderer(templates: templates, context: context, capacity: capacity)
        try renderer.render(template)
        return renderer.output
    }

    /// `path` is the chain of partials being checked: a partial that includes one of them would recurse without
    /// end, so it is an error.
    private func check(_ name: String, names: inout ContextNames, checked: inout Set<String>, path: inout [String],
                       depth: Int = 0) throws(Diagnostic) {
        path.append(name)
        defer { path.removeLast() }
        guard checked.insert(name).inserted, let template = templates[name] else { return }
        try check(template.nodes, names: &names, checked: &checked, path: &path, depth: depth)
    }

    /// `depth`: the sections and partials `nodes` stand in (`Template.maxNesting`).
    private func check(_ nodes: [Template.Node], names: inout ContextNames, checked: inout Set<String>,
                       path: inout [String], depth: Int) throws(Diagnostic) {
        func checkName(_ name: Template.Name, at location: SourceLocation) throws(Diagnostic) {
            guard case .path(let parts) = name else { return }
            for part in parts where !names.contains(part) {
                let provided = names.all()
                throw Diagnostic.error(at: location, "unknown template variable '\(part)'\(DidYouMean.hint(for: part, among: provided)): the page provides \(provided.joined(separator: ", "))")
            }
        }
        for node in nodes {
            switch node {
            case .text:
                break
            case .variable(let name, _, let location):
                try checkName(name, at: location)
            case .section(let name, _, let inner, let location):
                try checkName(name, at: location)
                guard depth < Template.maxNesting else { throw Template.tooDeep(at: location) }
                try check(inner, names: &names, checked: &checked, path: &path, depth: depth + 1)
            case .partial(let partial, _, let location):
                guard depth < Template.maxNesting else { throw Template.tooDeep(at: location) }
                guard templates[partial] != nil else {
                    throw Diagnostic.error(at: location, "missing partial '\(partial)': create \(displayPath(of: partial))\(DidYouMean.hint(for: partial, among: templates.keys.sorted()))")
                }
                if path.contains(partial) {
                    throw Diagnostic.error(at: location, "partial '\(partial)' includes itself (\((path + [partial]).joined(separator: " → "))): a template cannot include itself")
                }
                try check(partial, names: &names, checked: &checked, path: &path, depth: depth + 1)
            }
        }
    }
}
