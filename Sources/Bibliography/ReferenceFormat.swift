import Foundation

/// How citations look in prose: `[1]` (numbered, in order of first citation) or `(Kingma & Ba, 2015)`.
public enum CitationStyle: String, Sendable, CaseIterable {
    case numbered
    case authorYear = "author-year"
}

/// A piece of a formatted reference; the site renders it as HTML, the notebook as markdown.
public enum ReferencePart: Sendable, Equatable {
    case text(String)
    /// A title of a journal, proceedings or book: shown in italics.
    case emphasis(String)
    case link(text: String, url: String)
}

/// The reference list entry and the in-text label of one `BibEntry`.
public enum ReferenceFormat {
    /// `Kingma & Ba, 2015`, `Keskar et al., 2017`, `Nesterov, 1983`.
    public static func authorYear(_ entry: BibEntry) -> String {
        let names = entry.authors
        let family = names.filter { !$0.isOthers }.map(\.family)
        let who: String
        switch (family.count, names.contains(where: \.isOthers)) {
        case (0, _): who = entry.text("title") ?? entry.key
        case (1, false): who = family[0]
        case (2, false): who = "\(family[0]) & \(family[1])"
        default: who = "\(family[0]) et al."
        }
        return "\(who), \(entry.year ?? "n.d.")"
    }

    /// `D. P. Kingma and J. Ba. 2015. Adam: A method for stochastic optimization. In *ICLR*. arXiv:1412.6980.`
    public static func parts(_ entry: BibEntry) -> [ReferencePart] {
        var parts: [ReferencePart] = []
        let names = entry.authors.map { $0.isOthers ? "others" : $0.displayName }
        if !names.isEmpty {
            var list = names.count <= 2 ? names.joined(separator: " and ")
                : names.dropLast().joined(separator: ", ") + ", and " + names[names.count - 1]
            if list.hasSuffix("and others") { list = String(list.dropLast("and others".count)) + "et al." }
            parts.append(.text(list.hasSuffix(".") ? list + " " : list + ". "))
        }
        if let year = entry.year { parts.append(.text("\(year). ")) }
        let title = entry.text("title") ?? entry.key
        if entry.type == "book" {
            parts.append(.emphasis(title)); parts.append(.text(". "))
        } else {
            parts.append(.text(title.hasSuffix("?") || title.hasSuffix(".") ? title + " " : title + ". "))
        }
        if let journal = entry.text("journal") {
            parts.append(.emphasis(journal))
            var detail = ""
            if let volume = entry.text("volume") { detail += ", \(volume)" }
            if let number = entry.text("number") { detail += "(\(number))" }
            if let pages = entry.text("pages") { detail += ", \(pages)" }
            parts.append(.text(detail.isEmpty && journal.hasSuffix(".") ? " " : detail + ". "))
        } else if let booktitle = entry.text("booktitle") {
            parts.append(.text("In "))
            parts.append(.emphasis(booktitle))
            parts.append(.text(entry.text("pages").map { ", pages \($0). " } ?? (booktitle.hasSuffix(".") ? " " : ". ")))
        }
        if let publisher = entry.text("publisher") ?? entry.text("institution") ?? entry.text("school") {
            parts.append(.text("\(publisher). "))
        }
        if let how = entry.text("howpublished") ?? entry.text("note") { parts.append(.text("\(how). ")) }
        if let doi = entry.text("doi") {
            let bare = doi.replacingPrefix("https://doi.org/", with: "")
            parts.append(.link(text: "doi:\(bare)", url: "https://doi.org/\(bare)"))
        } else if let eprint = entry.text("eprint"), (entry.text("archiveprefix") ?? entry.text("eprinttype") ?? "arXiv").lowercased() == "arxiv" {
            parts.append(.link(text: "arXiv:\(eprint)", url: "https://arxiv.org/abs/\(eprint)"))
        } else if let url = entry.fields["url"].map(LaTeXURL.clean), !url.isEmpty {
            parts.append(.link(text: url, url: url))
        }
        // Trim the space after the last piece.
        if case .text(let last)? = parts.last { parts[parts.count - 1] = .text(last.trimmingSpaces()) }
        return parts
    }

    /// The reference as plain text (for hover previews and screen readers).
    public static func plainText(_ entry: BibEntry) -> String { plainText(parts(entry)) }

    static func plainText(_ parts: [ReferencePart]) -> String {
        parts.map { part in
            switch part {
            case .text(let t), .emphasis(let t): return t
            case .link(let text, _): return text
            }
        }.joined()
    }
}

/// One entry's reference as `ReferenceFormat` writes it, in every form the site shows.
public struct FormattedReference: Sendable, Equatable {
    public let key: String
    /// The reference list entry (`ReferenceFormat.parts`).
    public let parts: [ReferencePart]
    /// The list entry as plain text (`ReferenceFormat.plainText`).
    public let plainText: String
    /// The in-text label (`ReferenceFormat.authorYear`).
    public let authorYear: String

    public init(_ entry: BibEntry) {
        key = entry.key
        parts = ReferenceFormat.parts(entry)
        plainText = ReferenceFormat.plainText(parts)
        authorYear = ReferenceFormat.authorYear(entry)
    }
}

/// URLs in `.bib` files are written raw, sometimes with `\_` or `\%` escapes; only those are undone.
enum LaTeXURL {
    static func clean(_ raw: String) -> String {
        raw.replacingOccurrences(of: "\\_", with: "_").replacingOccurrences(of: "\\%", with: "%")
            .replacingOccurrences(of: "\\&", with: "&").replacingOccurrences(of: "{", with: "")
            .replacingOccurrences(of: "}", with: "").trimmingSpaces()
    }
}

extension String {
    func replacingPrefix(_ prefix: String, with replacement: String) -> String {
        hasPrefix(prefix) ? replacement + dropFirst(prefix.count) : self
    }
}
