import Foundation
import Hashing

/// What search finds in one lesson, read from its rendered body (the HTML the lesson template receives):
/// one entry per heading with an id (the heading and the prose under it, up to the next such heading),
/// one per numbered figure or table (its label, caption and table labels), and a first entry for the
/// prose before the first heading, under the lesson's title. Math is kept as the characters it shows
/// (`β1`, without its TeX); code listings, charts and the numbers in result tables are left out, and so are
/// the lesson's own links ("Results as CSV", heading anchors).
/// Each lesson's document depends on that lesson alone, so a rebuilt lesson replaces only its part of the index.
public struct SearchDocument: Codable, Equatable, Sendable {
    /// The page below the site root (`optimisers/optimisers/`).
    public var path: String
    public var title: String
    public var entries: [SearchEntry]

    public init(path: String, title: String, body: String) {
        self.path = path
        self.title = title
        entries = Reader.entries(title: title, body: body).map { entry in
            SearchEntry(kind: entry.kind, anchor: entry.anchor, title: entry.title, text: entry.text.composed)
        }
    }
}

/// One place search can lead to: a heading's section, or a figure or table.
public struct SearchEntry: Codable, Equatable, Sendable {
    public enum Kind: Int, Codable, Sendable { case section = 0, figure = 1 }
    public var kind: Kind
    /// The element's id (`sgd-and-momentum`, `experiment-sgd-variants`); empty for the top of the page.
    public var anchor: String
    /// The heading's text, or the figure's label ("Figure 1").
    public var title: String
    /// The prose of a section; the caption and table labels of a figure, each label once.
    public var text: String
}

extension SearchDocument {
    /// An entry as the reader leaves it: its text still the bytes read, which the index cuts into tokens with no String
    /// made of them (`SearchIndexPart`).
    struct ReadEntry {
        var kind: SearchEntry.Kind
        var anchor: String
        var title: String
        var text: CollapsedText
    }

    /// Reads a lesson body's tags and text, keeping track of the section, the figure and what to skip.
    struct Reader: HTMLTextVisitor {
        /// The entries of the lesson titled `title` whose rendered body is `body`.
        static func entries(title: String, body: String) -> [ReadEntry] {
            var reader = Reader(title: title)
            HTMLTextScanner.scan(body, into: &reader)
            return reader.finished()
        }

        /// What a tag name is to the reader, found with one look-up per tag.
        enum Role {
            /// Left out with all it holds.
            case skipped
            /// Flows within a line: no word break at its edges.
            case inline
            case heading
            /// Holds nothing (`<br>`, `<img>`): never left out, since no end tag would close it.
            case void
            case other
            /// The elements the reader keeps track of: `<figure>`, a table cell (`<th>`, `<td>`), `<span>` (which
            /// flows within a line, and may be a figure's label) and `<math>`.
            case figure, cell, span, math

            var isInline: Bool { self == .inline || self == .span }
        }

        static let roles: [String: Role] = {
            var roles: [String: Role] = [:]
            for name in ["script", "style", "svg", "pre", "template", "button", "noscript", "annotation", "annotation-xml"] {
                roles[name] = .skipped
            }
            for name in ["a", "abbr", "b", "cite", "code", "del", "em", "i", "ins", "kbd", "mark", "q", "s", "samp", "small",
                         "strong", "sub", "sup", "u", "var"] {
                roles[name] = .inline
            }
            for name in ["h1", "h2", "h3", "h4", "h5", "h6"] { roles[name] = .heading }
            for name in ["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"] {
                roles[name] = .void
            }
            roles["figure"] = .figure
            roles["th"] = .cell
            roles["td"] = .cell
            roles["span"] = .span
            roles["math"] = .math
            return roles
        }()

        /// The roles by tag name, found by the packed name (every name with a role fits one).
        private static let roleTable = PackedNameTable<Role>(roles.map { name, role in
            guard let packed = HTMLTagName(stringLiteral: name).packed else { preconditionFailure("tag name \(name) is too long to pack") }
            return (packed, role)
        })

        static func role(_ name: HTMLTagName) -> Role {
            name.packed.flatMap { roleTable[$0] } ?? .other
        }

        /// Classes whose elements are left out with all they hold.
        static let skippedClasses = ["anchor", "experiment-meta", "visually-hidden", "copy-button"]

        static func hasSkippedClass(_ classes: UnsafeBufferPointer<UInt8>?) -> Bool { has(classes, oneOf: skippedClassBytes) }

        private static let skippedClassBytes = skippedClasses.map { Array($0.utf8) }
        private static let figureLabel = [Array("figure-label".utf8)]

        /// Whether the class list `classes` holds one of `names`: compared as bytes, space-separated as the renderer
        /// writes them; no list is made.
        private static func has(_ classes: UnsafeBufferPointer<UInt8>?, oneOf names: [[UInt8]]) -> Bool {
            guard let bytes = classes else { return false }
            var start = 0
            for end in 0...bytes.count where end == bytes.count || bytes[end] == UInt8(ascii: " ") {
                let name = bytes[start..<end]
                if !name.isEmpty, names.contains(where: { $0.elementsEqual(name) }) { return true }
                start = end + 1
            }
            return false
        }

        /// Each entry's kind and anchor, with its title and text as they are read.
        var entries: [(kind: SearchEntry.Kind, anchor: String, title: CollapsedText, text: CollapsedText)]
        var section = 0
        /// The open figure entry's index and the depth of `<figure>` elements it spans.
        var figure: (entry: Int, depth: Int)?
        var figureLabels: [Set<String>] = []
        /// The heading being read: its entry (nil for a heading without an id, read as prose).
        var heading: (entry: Int?, tag: HTMLTagName, text: CollapsedText)?
        /// A `<th>` or `<td>` being read in a figure, and a `<figcaption>`/`<caption>` or label span.
        var cell: (tag: HTMLTagName, text: CollapsedText)?
        var inFigureLabel = false
        /// How many `<math>` elements are open: inside math every element flows within the line.
        var mathDepth = 0

        init(title: String) {
            var collapsed = CollapsedText()
            collapsed.append(title)
            entries = [(.section, "", collapsed, CollapsedText())]
        }

        mutating func text(_ utf8: UnsafeBufferPointer<UInt8>) {
            append(utf8)
        }

        /// Left out with all they hold (the scanner goes past their end): the skipped tags and classes; a void or
        /// self-closed one, which holds nothing, is only not read.
        mutating func start(_ tag: HTMLTextScanner.StartTag) -> HTMLTextScanner.Element {
            let role = Self.role(tag.name)
            if role == .skipped || Self.hasSkippedClass(tag.classes) { return role == .void ? .read : .leftOut }
            if role == .math { mathDepth += 1 }
            if mathDepth == 0 && !role.isInline { appendSpace() }
            start(tag.name, role: role, id: tag.id, classes: tag.classes)
            return .read
        }

        mutating func end(_ name: HTMLTagName) {
            let role = Self.role(name)
            endElement(name, role: role)
            if role == .math {
                mathDepth = max(0, mathDepth - 1)
            } else if mathDepth == 0 && !role.isInline {
                appendSpace()
            }
        }

        /// `id`: the tag's id, as its bytes (made a String only for the heading or figure that starts an entry).
        private mutating func start(_ tag: HTMLTagName, role: Role, id: UnsafeBufferPointer<UInt8>?,
                                    classes: UnsafeBufferPointer<UInt8>?) {
            switch role {
            case .heading where heading == nil:
                if let id, !id.isEmpty, figure == nil {
                    entries.append((.section, String(decoding: id, as: UTF8.self), CollapsedText(), CollapsedText()))
                    section = entries.count - 1
                    heading = (section, tag, CollapsedText())
                } else {
                    heading = (nil, tag, CollapsedText())
                }
            case .figure:
                if var open = figure {
                    open.depth += 1
                    figure = open
                } else if let id, !id.isEmpty {
                    entries.append((.figure, String(decoding: id, as: UTF8.self), CollapsedText(), CollapsedText()))
                    figure = (entries.count - 1, 1)
                    figureLabels.append([])
                }
            case .cell where figure != nil:
                cell = (tag, CollapsedText())
            case .span where figure != nil && Self.has(classes, oneOf: Self.figureLabel):
                inFigureLabel = true
            default:
                break
            }
        }

        private mutating func endElement(_ tag: HTMLTagName, role: Role) {
            if let open = heading, open.tag == tag {
                heading = nil
                if let entry = open.entry {
                    entries[entry].title = open.text
                } else {
                    appendSpace()
                    open.text.withBytes { append($0) }
                    appendSpace()
                }
                return
            }
            switch role {
            case .figure:
                guard var open = figure else { return }
                open.depth -= 1
                figure = open.depth == 0 ? nil : open
            case .cell:
                guard let open = cell, open.tag == tag, let entry = figure?.entry else { return }
                cell = nil
                // Row and column labels and cells with words are kept, once each; numbers are not.
                let label = open.text.string
                guard label.contains(where: \.isLetter), !figureLabels[figureLabels.count - 1].contains(label) else { return }
                figureLabels[figureLabels.count - 1].insert(label)
                entries[entry].text.appendSpace()
                open.text.withBytes { entries[entry].text.append($0) }
                entries[entry].text.appendSpace()
            case .span where inFigureLabel:
                inFigureLabel = false
            default:
                break
            }
        }

        /// Appends to what is being read: the heading, the table cell, the figure's label or text, or the section.
        private mutating func append(_ utf8: UnsafeBufferPointer<UInt8>) {
            if heading != nil {
                heading?.text.append(utf8)
            } else if cell != nil {
                cell?.text.append(utf8)
            } else if let entry = figure?.entry {
                if inFigureLabel {
                    entries[entry].title.append(utf8)
                } else {
                    entries[entry].text.append(utf8)
                }
            } else {
                entries[section].text.append(utf8)
            }
        }

        private mutating func appendSpace() {
            if heading != nil {
                heading?.text.appendSpace()
            } else if cell != nil {
                cell?.text.appendSpace()
            } else if let entry = figure?.entry {
                if inFigureLabel {
                    entries[entry].title.appendSpace()
                } else {
                    entries[entry].text.appendSpace()
                }
            } else {
                entries[section].text.appendSpace()
            }
        }

        /// The entries, each title composed (é, not e + ´: one word in the index as in the browser; the text is
        /// composed where it is read).
        private func finished() -> [ReadEntry] {
            entries.map { entry in
                var title = entry.title.composed
                if entry.kind == .figure, title.hasSuffix(".") { title.removeLast() }
                return ReadEntry(kind: entry.kind, anchor: entry.anchor, title: title, text: entry.text)
            }
        }
    }
}
