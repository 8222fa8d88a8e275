import Foundation

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
        var reader = Reader(title: title)
        for event in HTMLTextScanner().events(body) { reader.read(event) }
        entries = reader.finished()
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
    /// Walks the events of a lesson body, keeping track of the section, the figure and what to skip.
    fileprivate struct Reader {
        /// Elements whose whole content is left out.
        static let skippedTags: Set<String> = ["script", "style", "svg", "pre", "template", "button", "noscript",
                                               "annotation", "annotation-xml"]
        static let skippedClasses: Set<String> = ["anchor", "experiment-meta", "visually-hidden", "copy-button"]
        /// Elements that flow within a line: no word break at their edges.
        static let inlineTags: Set<String> = ["a", "abbr", "b", "cite", "code", "del", "em", "i", "ins", "kbd", "mark",
                                              "q", "s", "samp", "small", "span", "strong", "sub", "sup", "u", "var"]
        static let headingTags: Set<String> = ["h1", "h2", "h3", "h4", "h5", "h6"]
        static let voidTags: Set<String> = ["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
                                            "source", "track", "wbr"]

        var entries: [SearchEntry]
        var section = 0
        /// The open figure entry's index and the depth of `<figure>` elements it spans.
        var figure: (entry: Int, depth: Int)?
        var figureLabels: [Set<String>] = []
        /// The heading being read: its entry (nil for a heading without an id, read as prose).
        var heading: (entry: Int?, tag: String, text: String)?
        /// The skipped element's tag and how many of that tag are open inside it.
        var skipping: (tag: String, depth: Int)?
        /// A `<th>` or `<td>` being read in a figure, and a `<figcaption>`/`<caption>` or label span.
        var cell: (tag: String, text: String)?
        var inFigureLabel = false
        /// How many `<math>` elements are open: inside math every element flows within the line.
        var mathDepth = 0

        init(title: String) {
            entries = [SearchEntry(kind: .section, anchor: "", title: title, text: "")]
        }

        mutating func read(_ event: HTMLTextScanner.Event) {
            if var skip = skipping {
                switch event {
                case .start(let tag, _, let selfClosing) where tag == skip.tag && !selfClosing: skip.depth += 1
                case .end(let tag) where tag == skip.tag: skip.depth -= 1
                default: break
                }
                skipping = skip.depth == 0 ? nil : skip
                return
            }
            switch event {
            case .text(let text):
                append(text)
            case .start(let tag, let attributes, let selfClosing):
                let classes = Set((attributes["class"] ?? "").split(separator: " ").map(String.init))
                if Self.skippedTags.contains(tag) || !classes.isDisjoint(with: Self.skippedClasses) {
                    if !selfClosing && !Self.voidTags.contains(tag) { skipping = (tag, 1) }
                    return
                }
                if tag == "math" { mathDepth += 1 }
                if mathDepth == 0 && !Self.inlineTags.contains(tag) { append(" ") }
                start(tag, id: attributes["id"], classes: classes)
            case .end(let tag):
                end(tag)
                if tag == "math" { mathDepth = max(0, mathDepth - 1) }
                if mathDepth == 0 && !Self.inlineTags.contains(tag) && tag != "math" { append(" ") }
            }
        }

        private mutating func start(_ tag: String, id: String?, classes: Set<String>) {
            switch tag {
            case _ where Self.headingTags.contains(tag) && heading == nil:
                if let id, !id.isEmpty, figure == nil {
                    entries.append(SearchEntry(kind: .section, anchor: id, title: "", text: ""))
                    section = entries.count - 1
                    heading = (section, tag, "")
                } else {
                    heading = (nil, tag, "")
                }
            case "figure":
                if var open = figure {
                    open.depth += 1
                    figure = open
                } else if let id, !id.isEmpty {
                    entries.append(SearchEntry(kind: .figure, anchor: id, title: "", text: ""))
                    figure = (entries.count - 1, 1)
                    figureLabels.append([])
                }
            case "th" where figure != nil, "td" where figure != nil:
                cell = (tag, "")
            case "span" where figure != nil && classes.contains("figure-label"):
                inFigureLabel = true
            default:
                break
            }
        }

        private mutating func end(_ tag: String) {
            if let open = heading, open.tag == tag {
                heading = nil
                if let entry = open.entry {
                    entries[entry].title = Self.collapsed(open.text)
                } else {
                    append(" " + open.text + " ")
                }
                return
            }
            switch tag {
            case "figure":
                guard var open = figure else { return }
                open.depth -= 1
                figure = open.depth == 0 ? nil : open
            case "th", "td":
                guard let open = cell, open.tag == tag, let entry = figure?.entry else { return }
                cell = nil
                // Row and column labels and cells with words are kept, once each; numbers are not.
                let label = Self.collapsed(open.text)
                guard label.contains(where: \.isLetter), !figureLabels[figureLabels.count - 1].contains(label) else { return }
                figureLabels[figureLabels.count - 1].insert(label)
                entries[entry].text += " " + label + " "
            case "span" where inFigureLabel:
                inFigureLabel = false
            default:
                break
            }
        }

        private mutating func append(_ text: String) {
            if heading != nil {
                heading?.text += text
            } else if cell != nil {
                cell?.text += text
            } else if let entry = figure?.entry {
                if inFigureLabel {
                    entries[entry].title += text
                } else {
                    entries[entry].text += text
                }
            } else {
                entries[section].text += text
            }
        }

        func finished() -> [SearchEntry] {
            entries.map { entry in
                var entry = entry
                entry.title = Self.composed(Self.collapsed(entry.title))
                if entry.kind == .figure, entry.title.hasSuffix(".") { entry.title.removeLast() }
                // Composed characters (é, not e + ´): one word in the index as in the browser.
                entry.text = Self.composed(Self.collapsed(entry.text))
                return entry
            }
        }

        /// Runs of white space (Unicode's White_Space) as one space, none at either end.
        static func collapsed(_ text: String) -> String {
            var out = String.UnicodeScalarView()
            var spaceBefore = false
            for scalar in text.unicodeScalars {
                let value = scalar.value
                let isSpace = value < 0x80 ? value == 0x20 || (value >= 0x09 && value <= 0x0D) : scalar.properties.isWhitespace
                if isSpace {
                    spaceBefore = !out.isEmpty
                    continue
                }
                if spaceBefore { out.append(" ") }
                spaceBefore = false
                out.append(scalar)
            }
            return String(out)
        }

        /// Canonically composed (NFC); ASCII text already is.
        static func composed(_ text: String) -> String {
            text.utf8.allSatisfy { $0 < 0x80 } ? text : text.precomposedStringWithCanonicalMapping
        }
    }
}
