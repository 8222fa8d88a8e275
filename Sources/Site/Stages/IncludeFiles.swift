import Diagnostics
import Foundation
import Markdown

/// Fills fenced blocks that name a file (```` ```python file="sgd_variants.py" ````, empty body) with
/// that file's text, read from the lesson's folder, and publishes the file beside the page so readers
/// can download and run it. Paths may not leave the content folder.
public struct IncludeFiles: LessonStage {
    public let name = "include files"
    public init() {}

    /// The name a shown file gets beside the lesson's page: the last part of its path.
    static func attachmentName(_ file: String) -> String {
        // Most are plain file names; `NSString` is asked only about a path.
        file.utf8.contains(UInt8(ascii: "/")) ? (file as NSString).lastPathComponent : file
    }

    public func run(_ lesson: inout Lesson, in context: BuildContext) throws(DiagnosticList) {
        var problems: [Diagnostic] = []
        var attachments: [Lesson.Attachment] = []
        // Resolved only when a block names a file.
        lazy var folder = LessonFolder(of: lesson.absolutePath, contentRoot: context.paths.content)
        // By index, so that the blocks are written where they are (iterating them would hold a second reference).
        for index in lesson.blocks.indices {
            let block = lesson.blocks[index]
            guard case let .codeBlock(info, code) = block.kind else { continue }
            var fence = FenceInfo(info)
            guard let file = fence.attributes["file"] else { continue }
            do throws(Diagnostic) {
                let text = try Self.read(.include(file), from: folder, at: block.location, display: context.paths.display)
                if !code.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                    throw Diagnostic.error(at: block.location, "a block with file=\"\(file)\" shows that file; leave its body empty")
                }
                let name = Self.attachmentName(file)
                if !attachments.contains(where: { $0.name == name }) {
                    attachments.append(Lesson.Attachment(name: name, contents: text))
                }
                fence.attributes["file"] = nil
                fence.attributes["title"] = fence.attributes["title"] ?? name
                fence.attributes["download"] = name
                lesson.blocks[index].kind = .codeBlock(info: fence.text, code: text)
            } catch {
                problems.append(error)
            }
        }
        if !problems.isEmpty { throw DiagnosticList(problems) }
        lesson.attachments += attachments
    }

    /// How a lesson names a file it publishes: a shown block's `file="…"`, or an experiment's `source:`.
    /// The words of every error follow from it.
    enum Reference {
        case include(String)
        case source(String)

        var file: String {
            switch self { case .include(let file), .source(let file): file }
        }
        /// The name as the author wrote it.
        var written: String {
            switch self {
            case .include(let file): "file=\"\(file)\""
            case .source(let file): "source: \(file.isEmpty ? "''" : file)"
            }
        }
        var noun: String { if case .include = self { "included file" } else { "script" } }
        var pathNoun: String { if case .include = self { "include path" } else { "source path" } }
        var example: String { if case .include = self { "file=\"train.py\"" } else { "source: train.py" } }
        var plural: String { if case .include = self { "included files" } else { "scripts" } }
        var folderNoun: String { if case .include = self { "included path" } else { "source path" } }
    }

    /// The text of the file `reference` names, relative to `folder`; it must stay inside the content folder.
    static func read(_ reference: Reference, from folder: LessonFolder, at location: SourceLocation,
                     display: (String) -> String) throws(Diagnostic) -> String {
        let file = reference.file
        guard !file.isEmpty else {
            throw Diagnostic.error(at: location, "\(reference.written) names no file: write the \(reference.noun)'s name, such as \(reference.example)")
        }
        guard !file.hasPrefix("/") else {
            throw Diagnostic.error(at: location, "\(reference.pathNoun) '\(file)' must be relative to the lesson's folder")
        }
        // `locate` standardizes the path itself where it must, so the standardized path (which looks up every
        // component's link) is only made for a message.
        let (joined, resolved) = folder.locate(file)
        func path() -> String { (joined as NSString).standardizingPath }
        let root = folder.contentRoot
        guard resolved != root, BuildPaths.isInside(resolved, root) else {
            throw Diagnostic.error(at: location, "\(reference.pathNoun) '\(file)' leaves the content folder; keep \(reference.plural) beside the lesson")
        }
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: resolved, isDirectory: &isFolder), isFolder.boolValue {
            throw Diagnostic.error(at: location, "\(reference.folderNoun) \(display(path())) is a folder: name a file inside it")
        }
        guard let data = FileManager.default.contents(atPath: resolved) else {
            throw Diagnostic.error(at: location, "\(reference.noun) \(display(path())) does not exist: check the name in \(reference.written)")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw Diagnostic.error(at: location, "\(reference.noun) \(display(path())) is not valid UTF-8 text")
        }
        return text
    }
}
