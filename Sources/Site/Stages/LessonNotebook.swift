import Bibliography
import Diagnostics
import Escaping
import Foundation

/// Writes the lesson as a Jupyter notebook (nbformat 4.5) beside its page, `<lesson>.ipynb`: markdown
/// cells hold the prose as written (math stays `$…$` for Jupyter's renderer, callouts become plain
/// block quotes with a bold title, citations and cross-references become their labels, inline results
/// the expression that names them), code cells hold the included Python scripts in reading order. The
/// first code cell installs the third-party packages the scripts import; a script that another one
/// imports is written to disk by its cell (`%%writefile`). No cell holds a result: the learner runs it.
public struct LessonNotebook: LessonStage {
    public let name = "notebook"
    public init() {}

    /// Import names that are not their PyPI names, and the packages the notebook installs; any other
    /// import that is not a script beside the lesson is taken to be Python's standard library.
    static let packages: [String: String] = [
        "torch": "torch", "numpy": "numpy", "sklearn": "scikit-learn", "scipy": "scipy", "pandas": "pandas",
        "matplotlib": "matplotlib", "torchvision": "torchvision",
    ]

    public static func fileName(_ lesson: Lesson) -> String { "\(lesson.slug).ipynb" }

    public func run(_ lesson: inout Lesson, in context: BuildContext) throws(DiagnosticList) {
        guard lesson.slug != "index" else { return }
        let folder = (lesson.absolutePath as NSString).deletingLastPathComponent
        // A script beside the lesson that the shown scripts import but the lesson does not show.
        let localModule = { (name: String) -> String? in
            let path = (folder as NSString).appendingPathComponent(name + ".py")
            guard name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }),
                  let data = FileManager.default.contents(atPath: path) else { return nil }
            return String(data: data, encoding: .utf8)
        }
        let json = Self.notebook(lesson, bibliography: context.bibliography, style: context.site.citationStyle,
                                 localModule: localModule)
        lesson.attachments.append(Lesson.Attachment(name: Self.fileName(lesson), bytes: json))
    }

    enum Cell: Equatable {
        case markdown(String)
        case code(String)
    }

    static func cells(_ lesson: Lesson, bibliography: Bibliography, style: CitationStyle,
                      localModule: (String) -> String?) -> [Cell] {
        // The parse stage's cut (made again when the lesson did not go through it), so math and results
        // come back exactly as written.
        let (spans, text): ([ProtectedSpans.Span], String)
        if let masked = lesson.maskedBody {
            (spans, text) = (lesson.spans, masked)
        } else {
            let masked = try? ProtectedSpans(body: lesson.body, file: lesson.sourcePath, lineOffset: lesson.bodyLineOffset)
            (spans, text) = (masked?.spans ?? [], masked?.masked ?? lesson.body)
        }
        var cells: [Cell] = []
        var scripts: [(name: String, code: String)] = []
        var utf8 = text
        utf8.withUTF8 { bytes in
            // The prose since the last code cell, as bytes: its lines joined by line feeds. Most lines go in as they are
            // written; only one that may hold an alert or a cut-out span is made a string and rewritten.
            var prose: [UInt8] = []
            var proseLines = 0
            // Lines that go in as they are written and stand next to each other in the text, not yet written: one run
            // of its bytes (the line feeds between them included), copied at once when another line comes.
            var unwritten: Range<Int>?
            func writeUnwritten() {
                guard let run = unwritten else { return }
                unwritten = nil
                if proseLines > 0 { prose.append(UInt8(ascii: "\n")) }
                prose.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run]))
                proseLines += 1
            }
            func addProse(lineAt range: Range<Int>) {
                if let run = unwritten, run.upperBound + 1 == range.lowerBound {
                    unwritten = run.lowerBound..<range.upperBound
                } else {
                    writeUnwritten()
                    unwritten = range
                }
            }
            func addProse(_ line: UnsafeBufferPointer<UInt8>) {
                writeUnwritten()
                if proseLines > 0 { prose.append(UInt8(ascii: "\n")) }
                prose.append(contentsOf: line)
                proseLines += 1
            }
            func addProse(_ line: String) {
                var line = line
                line.withUTF8 { addProse($0) }
            }
            // A line with its cut-out spans put back (`appendMarkdown`), written straight into the prose.
            func addMarkdown(_ line: UnsafeBufferPointer<UInt8>) {
                writeUnwritten()
                if proseLines > 0 { prose.append(UInt8(ascii: "\n")) }
                appendMarkdown(line, to: &prose, spans: spans, lesson: lesson, bibliography: bibliography, style: style)
                proseLines += 1
            }
            func flushProse() {
                writeUnwritten()
                defer { prose.removeAll(keepingCapacity: true); proseLines = 0 }
                guard proseLines > 0 else { return }
                let kept = prose.withUnsafeBufferPointer { Self.trimmingNewlines($0) }
                guard !kept.isEmpty else { return }
                // Valid UTF-8 without a look at it: whole lines of the text and whole strings, cut where a newline
                // character or a placeholder's mark (which `forEachPlainPiece` finds beside ASCII) starts or ends.
                cells.append(.markdown(prose.withUnsafeBufferPointer { String(vouchedUTF8: UnsafeBufferPointer(rebasing: $0[kept])) }))
            }
            func line(_ range: Range<Int>) -> UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(rebasing: bytes[range]) }
            func string(_ range: Range<Int>) -> String { String(decoding: line(range), as: UTF8.self) }
            // The open fence: its marker (a run of ` or ~), its info, and the lines inside it so far.
            var fence: (marker: UInt8, length: Int, info: FenceInfo, lines: [Range<Int>])?
            for range in TextLines.ranges(bytes) {
                let text = line(range)
                let spaces = text.prefix { $0 == UInt8(ascii: " ") }.count
                let trimmed = UnsafeBufferPointer(rebasing: text[spaces...])
                // Only a line whose first byte after its spaces is ` or ~ can open or close a fence.
                let fenceLike = trimmed.first.map { $0 == UInt8(ascii: "`") || $0 == UInt8(ascii: "~") } ?? false
                if var open = fence {
                    let run = trimmed.prefix { $0 == open.marker }.count
                    if fenceLike, run >= open.length, trimmed[run...].allSatisfy({ $0 == UInt8(ascii: " ") }) {
                        fence = nil
                        if let file = open.info.attributes["file"], open.info.language == "python",
                           case let name = IncludeFiles.attachmentName(file),
                           let attachment = lesson.attachments.first(where: { $0.name == name }) {
                            flushProse()
                            let code = attachment.contents
                            scripts.append((attachment.name, code))
                            cells.append(.code(code))
                        } else if open.info.language == "experiment" {
                            let id = open.lines.lazy.compactMap { l -> String? in
                                line(l).starts(with: "id:".utf8) ? string(l.lowerBound + 3..<l.upperBound).trimmingWhitespace() : nil
                            }.first
                            if let id, let target = lesson.crossReferenceTargets["fig:\(id)"] {
                                addProse("*\(target.label) is computed on the lesson's page when the site is built.*")
                            }
                        } else {
                            addProse(String(repeating: Character(Unicode.Scalar(open.marker)), count: open.length) + open.info.text)
                            for inside in open.lines { addProse(lineAt: inside) }
                            addProse(lineAt: range)
                        }
                    } else {
                        open.lines.append(range)
                        fence = open
                    }
                    continue
                }
                if fenceLike, spaces < 4, case let marker = trimmed[0], case let length = trimmed.prefix(while: { $0 == marker }).count,
                   length >= 3 {
                    let info = String(decoding: UnsafeBufferPointer(rebasing: trimmed[length...]), as: UTF8.self)
                    fence = (marker, length, FenceInfo(info), [])
                    continue
                }
                if mayBeAlert(text) {
                    var alert = callout(text)
                    alert.withUTF8 { addMarkdown($0) }
                } else if ProtectedSpans.mayHoldPlaceholder(text) {
                    addMarkdown(text)
                } else {
                    addProse(lineAt: range)
                }
            }
            flushProse()
        }
        if !lesson.citedKeys.isEmpty {
            var list = "## References\n"
            for (n, key) in lesson.citedKeys.enumerated() {
                guard let reference = bibliography.reference(key) else { continue }
                list += "\n\(n + 1). " + reference.parts.map { part in
                    switch part {
                    case .text(let t): return t
                    case .emphasis(let t): return "*\(t)*"
                    case let .link(t, url): return "[\(t)](\(url))"
                    }
                }.joined()
            }
            cells.append(.markdown(list))
        }
        // Scripts imported but not shown are written first, after the install cell. Each script's
        // imports are read once (a lesson shows the same few scripts in many cells).
        var importsByName: [String: Set<String>] = [:]
        let shownImports = scripts.map { script in
            if let known = importsByName[script.name] { return known }
            let found = imports(script.code)
            importsByName[script.name] = found
            return found
        }
        var shownModules = Set(scripts.map { moduleName($0.name) })
        var helpers: [(name: String, code: String)] = []
        var helperImports: [Set<String>] = []
        var pending = shownImports.flatMap { $0.sorted() }
        while let module = pending.first {
            pending.removeFirst()
            guard packages[module] == nil, !shownModules.contains(module), let code = localModule(module) else { continue }
            shownModules.insert(module)
            helpers.append((module + ".py", code))
            helperImports.append(imports(code))
            pending += helperImports[helperImports.count - 1].sorted()
        }
        let head = header(lesson, scripts: scripts + helpers, imports: shownImports + helperImports)
            + helpers.map { Cell.code("%%writefile \($0.name)\n" + $0.code) }
        let importedByShown = shownImports.reduce(into: Set<String>()) { $0.formUnion($1) }
        return head + cells.map { cell in
            // A script that another one imports is written as a module before it is shown.
            if case .code(let code) = cell, let script = scripts.first(where: { $0.code == code }),
               importedByShown.contains(moduleName(script.name)) {
                return .code("%%writefile \(script.name)\n" + code)
            }
            return cell
        }
    }

    /// The title cell and the install cell; `imports` are the scripts' `imports(_:)`, in the same order.
    static func header(_ lesson: Lesson, scripts: [(name: String, code: String)], imports: [Set<String>]) -> [Cell] {
        var title = "# \(lesson.frontMatter.title)"
        if !lesson.frontMatter.summary.isEmpty { title += "\n\n\(lesson.frontMatter.summary)" }
        let local = Set(scripts.map { moduleName($0.name) })
        let needed = imports.reduce(into: Set<String>()) { $0.formUnion($1) }.subtracting(local).compactMap { packages[$0] }.sorted()
        var cells: [Cell] = [.markdown(title)]
        if !needed.isEmpty {
            cells.append(.code("# The packages the scripts below import\n%pip install --quiet " + needed.joined(separator: " ")))
        }
        return cells
    }

    static func moduleName(_ file: String) -> String { String(file.dropLast(file.hasSuffix(".py") ? 3 : 0)) }

    /// The top-level packages a script imports (`import torch.nn as nn` → `torch`): on a line whose first word is
    /// `import`, each name up to `as`; after `from`, the one name; of each, its first part between dots (`from .utils`
    /// → `utils`), stripped of commas at either end. Read on bytes (words are split at spaces): a lesson's scripts are
    /// read once each per build.
    static func imports(_ code: String) -> Set<String> {
        var found: Set<String> = []
        var code = code
        code.withUTF8 { bytes in
            func isWord(_ range: Range<Int>, _ word: StaticString) -> Bool {
                range.count == word.utf8CodeUnitCount
                    && memcmp(bytes.baseAddress! + range.lowerBound, word.utf8Start, range.count) == 0
            }
            TextLines.forEach(bytes) { line in
                // Most lines start with neither word: their first byte decides, before their first word is read.
                var first = line.lowerBound
                while first < line.upperBound, bytes[first] == UInt8(ascii: " ") { first += 1 }
                guard first < line.upperBound, bytes[first] == UInt8(ascii: "i") || bytes[first] == UInt8(ascii: "f") else { return }
                var firstEnd = first
                while firstEnd < line.upperBound, bytes[firstEnd] != UInt8(ascii: " ") { firstEnd += 1 }
                guard isWord(first..<firstEnd, "import") || isWord(first..<firstEnd, "from") else { return }
                // The line's next word from `from` on, between spaces; empty at the line's end.
                func word(after from: Int) -> Range<Int> {
                    var start = from
                    while start < line.upperBound, bytes[start] == UInt8(ascii: " ") { start += 1 }
                    var end = start
                    while end < line.upperBound, bytes[end] != UInt8(ascii: " ") { end += 1 }
                    return start..<end
                }
                // After `import`, each word up to `as`; after `from`, the one word.
                let importing = isWord(first..<firstEnd, "import")
                var module = word(after: firstEnd)
                while !module.isEmpty, !(importing && isWord(module, "as")) {
                    // The first part between dots (`.utils` → `utils`), without commas at either end.
                    let first = bytes[module].firstIndex { $0 != UInt8(ascii: ".") } ?? module.upperBound
                    var top = first..<(bytes[first..<module.upperBound].firstIndex(of: UInt8(ascii: ".")) ?? module.upperBound)
                    while !top.isEmpty, bytes[top.lowerBound] == UInt8(ascii: ",") { top = top.lowerBound + 1..<top.upperBound }
                    while !top.isEmpty, bytes[top.upperBound - 1] == UInt8(ascii: ",") { top = top.lowerBound..<top.upperBound - 1 }
                    if !top.isEmpty { found.insert(String(decoding: UnsafeBufferPointer(rebasing: bytes[top]), as: UTF8.self)) }
                    module = importing ? word(after: module.upperBound) : line.upperBound..<line.upperBound
                }
            }
        }
        return found
    }

    /// `> [!NOTE] Title` → `> **Title**` and an empty quote line, so the title stands as its own paragraph
    /// (Jupyter renders alerts as plain quotes).
    /// `line` (UTF-8) must be one that `mayBeAlert`: its bytes are read, and its characters only beyond ASCII.
    static func callout(_ line: UnsafeBufferPointer<UInt8>) -> String {
        asciiCallout(line) ?? characterCallout(String(decoding: line, as: UTF8.self))
    }

    /// `callout` of a line that `mayBeAlert`, read as characters.
    static func characterCallout(_ line: String) -> String {
        let quote = line.prefix { $0 == ">" || $0 == " " }
        guard quote.utf8.contains(UInt8(ascii: ">")), line.dropFirst(quote.count).hasPrefix("[!"),
              let close = line.dropFirst(quote.count).firstIndex(of: "]") else { return line }
        let kind = line[line.index(quote.endIndex, offsetBy: 2)..<close].uppercased()
        guard LessonFurniture.kinds.contains(kind) else { return line }
        let title = line[line.index(after: close)...].trimmingWhitespace()
        let fallback = LessonFurniture.calloutTitles[kind] ?? notebookTitles[kind, default: ""]
        let shown = title.isEmpty ? fallback : title
        let bare = String(quote.reversed().drop { $0 == " " }.reversed())
        return shown.isEmpty ? bare : quote + "**\(shown)**\n" + bare
    }

    /// `callout` of a line that `mayBeAlert`, read on its bytes when they are all ASCII (then each byte is a character,
    /// but for a "\r\n" that no step here looks into, and uppercasing and trimming are ASCII's). Nil for a line beyond
    /// ASCII, which is read as characters.
    static func asciiCallout(_ line: UnsafeBufferPointer<UInt8>) -> String? {
        guard line.allSatisfy({ $0 < 0x80 }) else { return nil }
        let string = { (range: Range<Int>) in String(decoding: UnsafeBufferPointer(rebasing: line[range]), as: UTF8.self) }
        // The quote marks, which `mayBeAlert` found followed by `[!`.
        let quote = line.prefix { $0 == UInt8(ascii: ">") || $0 == UInt8(ascii: " ") }.count
        guard let close = line[(quote + 2)...].firstIndex(of: UInt8(ascii: "]")) else { return string(0..<line.count) }
        let kind = String(decoding: line[(quote + 2)..<close].map { $0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z") ? $0 - 32 : $0 },
                          as: UTF8.self)
        guard LessonFurniture.kinds.contains(kind) else { return string(0..<line.count) }
        var title = close + 1..<line.count
        let isBlank = { (byte: UInt8) in byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }
        while let first = title.first, isBlank(line[first]) { title = first + 1..<title.upperBound }
        while let last = title.last, isBlank(line[last]) { title = title.lowerBound..<last }
        let fallback = LessonFurniture.calloutTitles[kind] ?? notebookTitles[kind, default: ""]
        let shown = title.isEmpty ? fallback : string(title)
        var bareEnd = quote
        while bareEnd > 0, line[bareEnd - 1] == UInt8(ascii: " ") { bareEnd -= 1 }
        let bare = string(0..<bareEnd)
        return shown.isEmpty ? bare : string(0..<quote) + "**\(shown)**\n" + bare
    }

    /// Whether `line`'s bytes (UTF-8) are quote marks (`>` and spaces, at least one `>`) followed by `[!`: what the
    /// characters of an alert's line must also be.
    static func mayBeAlert(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        var sawQuote = false
        var bytes = line.makeIterator()
        while let byte = bytes.next() {
            if byte == UInt8(ascii: ">") {
                sawQuote = true
            } else if byte != UInt8(ascii: " ") {
                return sawQuote && byte == UInt8(ascii: "[") && bytes.next() == UInt8(ascii: "!")
            }
        }
        return false
    }

    /// Titles of the blocks `LessonFurniture` titles by itself, for the notebook's plain quotes.
    static let notebookTitles = ["TAKEAWAYS": "Key takeaways", "EXERCISE": "Exercise"]

    /// A line's UTF-8 bytes with what `ProtectedSpans` cut out put back as Jupyter's markdown reads it, appended to
    /// `out`: the text between placeholders is copied as it is, unless a placeholder stands beside text beyond ASCII
    /// (see `ProtectedSpans.forEachPlainPiece`); then what was written is taken back and the line is read again, as
    /// characters.
    static func appendMarkdown(_ line: UnsafeBufferPointer<UInt8>, to out: inout [UInt8], spans: [ProtectedSpans.Span],
                               lesson: Lesson, bibliography: Bibliography, style: CitationStyle) {
        let start = out.count
        let plain = ProtectedSpans.forEachPlainPiece(line) { range in
            out.append(contentsOf: UnsafeBufferPointer(rebasing: line[range]))
        } span: { index in
            appendSpan(index, to: &out, spans: spans, lesson: lesson, bibliography: bibliography, style: style)
        }
        guard !plain else { return }
        out.removeSubrange(start...)
        for piece in ProtectedSpans.characterPieces(String(decoding: line, as: UTF8.self)) {
            switch piece {
            case .text(var text): text.withUTF8 { out.append(contentsOf: $0) }
            case .span(let index): appendSpan(index, to: &out, spans: spans, lesson: lesson, bibliography: bibliography, style: style)
            }
        }
    }

    /// What stands in a notebook for the span of placeholder `index`, appended to `out`: math as written between its dollars, an inline
    /// result's expression as code, a cross-reference's label, a citation's labels.
    private static func appendSpan(_ index: Int, to out: inout [UInt8], spans: [ProtectedSpans.Span], lesson: Lesson,
                                   bibliography: Bibliography, style: CitationStyle) {
        guard index < spans.count else { return }
        // The span's kind and source, not a copy of all of it; each string's bytes appended at once.
        let kind = spans[index].kind, source = spans[index].source
        func add(_ text: String) {
            var text = text
            text.withUTF8 { out.append(contentsOf: $0) }
        }
        func add(mark: StaticString) { out.append(contentsOf: UnsafeBufferPointer(start: mark.utf8Start, count: mark.utf8CodeUnitCount)) }
        switch kind {
        case .inlineMath: add(mark: "$"); add(source); add(mark: "$")
        case .displayMath: add(mark: "$$"); add(source); add(mark: "$$")
        case .inlineResult:
            add(mark: "`"); add(source.split(separator: "|").first.map { $0.trimmingWhitespace() } ?? source); add(mark: "`")
        case .crossReference: add(lesson.crossReferenceTargets[source]?.label ?? source)
        case .citation:
            let labels = CitationSyntax.keys(source).compactMap { key, _ -> String? in
                guard let reference = bibliography.reference(key) else { return nil }
                return style == .numbered ? String((lesson.citedKeys.firstIndex(of: key) ?? 0) + 1) : reference.authorYear
            }
            add(style == .numbered ? "[" + labels.joined(separator: ", ") + "]" : "(" + labels.joined(separator: "; ") + ")")
        }
    }

    /// The bytes of UTF-8 `text` without the newline characters (`Character.isNewline`: U+000A to U+000D, U+0085,
    /// U+2028, U+2029) at either end: each is a character of its own (grapheme clusters break around controls and
    /// line and paragraph separators) and a "\r\n" goes as its two bytes.
    static func trimmingNewlines(_ text: UnsafeBufferPointer<UInt8>) -> Range<Int> {
        // The length of the newline that starts at `i`, or 0.
        func newline(at i: Int) -> Int {
            switch text[i] {
            case 0x0A...0x0D: 1
            case 0xC2 where i + 1 < text.count && text[i + 1] == 0x85: 2
            case 0xE2 where i + 2 < text.count && text[i + 1] == 0x80 && (text[i + 2] == 0xA8 || text[i + 2] == 0xA9): 3
            default: 0
            }
        }
        var start = 0, end = text.count
        while start < end, case let length = newline(at: start), length > 0 { start += length }
        while start < end {
            // A newline ends the text at `end` when its first byte is one, two or three bytes back.
            if (0x0A...0x0D).contains(text[end - 1]) { end -= 1 }
            else if end - start >= 2, newline(at: end - 2) == 2 { end -= 2 }
            else if end - start >= 3, newline(at: end - 3) == 3 { end -= 3 }
            else { break }
        }
        return start..<end
    }

    /// The notebook as nbformat 4.5 JSON (UTF-8): keys sorted, so the same lesson gives the same bytes.
    static func notebook(_ lesson: Lesson, bibliography: Bibliography, style: CitationStyle,
                         localModule: (String) -> String? = { _ in nil }) -> [UInt8] {
        NotebookJSON.bytes(cells: cells(lesson, bibliography: bibliography, style: style, localModule: localModule))
    }
}
