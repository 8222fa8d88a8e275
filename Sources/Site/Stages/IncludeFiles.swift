import Diagnostics
import Foundation
import Markdown

/// Fills fenced blocks that name a file (```` ```python file="sgd_variants.py" ````, empty body) with
/// that file's text, read from the lesson's folder, and publishes the file beside the page so readers
/// can download and run it. Paths may not leave the content folder.
public struct IncludeFiles: LessonStage {
    public let name = "include files"
    public init() {}

    public func run(_ lesson: inout Lesson, in context: BuildContext) throws(DiagnosticList) {
        var problems: [Diagnostic] = []
        var attachments: [Lesson.Attachment] = []
        let folder = (lesson.absolutePath as NSString).deletingLastPathComponent
        for (index, block) in lesson.blocks.enumerated() {
            guard case let .codeBlock(info, code) = block.kind else { continue }
            var fence = FenceInfo(info)
            guard let file = fence.attributes["file"] else { continue }
            do throws(Diagnostic) {
                let text = try Self.read(file, from: folder, contentRoot: context.paths.content, at: block.location,
                                         display: context.paths.display)
                if !code.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                    throw Diagnostic.error(at: block.location, "a block with file=\"\(file)\" shows that file; leave its body empty")
                }
                let name = (file as NSString).lastPathComponent
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

    static func read(_ file: String, from folder: String, contentRoot: String, at location: SourceLocation,
                     display: (String) -> String) throws(Diagnostic) -> String {
        guard !file.isEmpty else {
            throw Diagnostic.error(at: location, "file=\"\" names no file: write the included file's name, such as file=\"train.py\"")
        }
        guard !file.hasPrefix("/") else {
            throw Diagnostic.error(at: location, "include path '\(file)' must be relative to the lesson's folder")
        }
        let path = ((folder as NSString).appendingPathComponent(file) as NSString).standardizingPath
        let resolved = (path as NSString).resolvingSymlinksInPath
        let root = (contentRoot as NSString).resolvingSymlinksInPath
        guard resolved.hasPrefix(root + "/") else {
            throw Diagnostic.error(at: location, "include path '\(file)' leaves the content folder; keep included files beside the lesson")
        }
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: resolved, isDirectory: &isFolder), isFolder.boolValue {
            throw Diagnostic.error(at: location, "included path \(display(path)) is a folder: name a file inside it")
        }
        guard let data = FileManager.default.contents(atPath: resolved) else {
            throw Diagnostic.error(at: location, "included file \(display(path)) does not exist: check the name in file=\"\(file)\"")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw Diagnostic.error(at: location, "included file \(display(path)) is not valid UTF-8 text")
        }
        return text
    }
}
