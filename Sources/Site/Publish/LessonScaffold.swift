import Diagnostics
import Foundation

/// `sitegen new lesson <module>/<slug>`: writes `content/<module>/<slug>.md` with front matter and a
/// small experiment block that builds in milliseconds, and nothing else. It never overwrites a file;
/// it creates the module folder when needed and says what to add to the site config.
public struct LessonScaffold {
    public var paths: BuildPaths

    public init(paths: BuildPaths) {
        self.paths = paths
    }

    /// What was written, and what the author still has to do.
    public struct Result: Sendable, Equatable {
        /// The new file, relative to the project root.
        public var file: String
        public var createdModuleFolder: Bool
        /// Steps left to the author (config entries), one sentence each.
        public var notes: [String]
    }

    /// Creates the lesson named `module/slug`.
    public func create(_ name: String) throws(Diagnostic) -> Result {
        let parts = name.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 2 else {
            throw Diagnostic.error(at: nil, "name the lesson as <module>/<slug>, e.g. optimisers/momentum, not '\(name)'")
        }
        let (module, slug) = (parts[0], parts[1].hasSuffix(".md") ? String(parts[1].dropLast(3)) : parts[1])
        let origin = SourceLocation(file: name, line: 1, column: 1)
        try SiteConfig.checkSlug(module, at: origin)
        try SiteConfig.checkSlug(slug, at: origin)
        guard slug != "index" else {
            throw Diagnostic.error(at: nil, "'index' is the module's landing page, not a lesson: choose another slug")
        }
        // A lesson written where a build replaces everything would be deleted by the next build.
        if let refusal = OutputGuard.placeProblem(output: paths.output, project: paths) { throw refusal }
        let fm = FileManager.default
        let folder = (paths.content as NSString).appendingPathComponent(module)
        guard BuildPaths.isInside(BuildPaths.resolved(folder), BuildPaths.resolved(paths.content)) else {
            throw Diagnostic.error(at: nil, "\(paths.display(folder)) leads outside \(paths.display(paths.content)) (a symbolic link): lessons live inside the content folder")
        }
        let file = (folder as NSString).appendingPathComponent("\(slug).md")
        guard !fm.fileExists(atPath: file) else {
            throw Diagnostic.error(at: nil, "\(paths.display(file)) already exists; it was left untouched (choose another slug or edit that file)")
        }
        var isDirectory: ObjCBool = false
        let folderExists = fm.fileExists(atPath: folder, isDirectory: &isDirectory)
        if folderExists && !isDirectory.boolValue {
            throw Diagnostic.error(at: nil, "\(paths.display(folder)) is a file, not a module folder")
        }
        do {
            try fm.createDirectory(atPath: folder, withIntermediateDirectories: true)
            // `withoutOverwriting`: a file that appeared since the check above is not replaced.
            try Data(Self.text(module: module, slug: slug).utf8).write(to: URL(fileURLWithPath: file), options: .withoutOverwriting)
        } catch {
            throw Diagnostic.error(at: nil, "cannot write \(paths.display(file)): \(error.localizedDescription)")
        }
        return Result(file: paths.display(file), createdModuleFolder: !folderExists,
                      notes: notes(module: module, slug: slug, newFolder: !folderExists))
    }

    /// What the site config still needs for the lesson to appear.
    private func notes(module: String, slug: String, newFolder: Bool) -> [String] {
        let configName = paths.display(paths.config)
        guard let config = try? SiteConfig.load(path: paths.config, displayPath: configName) else {
            return ["\(configName) could not be read: list the module there with '- slug: \(module)' under 'modules:'"]
        }
        guard let entry = config.modules.first(where: { $0.slug == module }) else {
            let title = newFolder ? "\n    title: \(Self.title(from: module))" : ""
            return ["module '\(module)' is not in \(configName) yet: add it under 'modules:' as\n  - slug: \(module)\(title)"]
        }
        var notes: [String] = []
        if entry.comingSoon {
            notes.append("module '\(module)' is marked 'status: coming-soon' in \(configName): remove that line to build it")
        }
        if let lessons = entry.lessons, !lessons.contains(slug) {
            notes.append("module '\(module)' lists its lessons in \(configName): add '\(slug)' to 'lessons: [\(lessons.joined(separator: ", "))]' to place it (unlisted lessons come last)")
        }
        return notes
    }

    /// `momentum-and-nesterov` → `Momentum and nesterov`.
    static func title(from slug: String) -> String {
        let words = slug.split(whereSeparator: { $0 == "-" || $0 == "_" }).joined(separator: " ")
        return words.prefix(1).uppercased() + words.dropFirst()
    }

    /// An experiment id made of the slug's letters and digits (`[a-z0-9]` words joined by hyphens).
    static func experimentID(from slug: String) -> String {
        let words = slug.split(whereSeparator: { !($0.isASCII && ($0.isLetter || $0.isNumber)) }).map { $0.lowercased() }
        return (words.isEmpty ? ["lesson"] : words).joined(separator: "-") + "-warmup"
    }

    /// The new lesson: front matter, a paragraph, and a schedule experiment that runs in milliseconds.
    static func text(module: String, slug: String) -> String {
        let id = experimentID(from: slug)
        return """
        ---
        title: \(title(from: slug))
        summary: One or two sentences on what the reader will be able to do after this lesson.
        ---
        Start with the question this lesson answers. Every `##` heading becomes an entry of the page's
        table of contents; see the README ("Content format") for callouts, math and included files.

        ## A first experiment

        The block below runs when the site is built, so its numbers are computed, never pasted. It
        evaluates a linear learning-rate warm-up over the first five steps; change `warmup` and save to
        see the table follow (docs/experiment-format.md lists every kind of block).

        ```experiment
        id: \(id)
        kind: schedule
        title: Linear warm-up of the learning rate
        steps: {from: 0, to: 10, every: 2}
        constants: {lr: 0.001, warmup: 5}
        columns:
          - {name: warmup_lr, expr: "lr * min((t + 1) / warmup, 1)"}
        table:
          columns:
            - {header: Step, value: t, format: d}
            - {header: Learning rate, value: warmup_lr, format: .6f}
        ```

        """
    }
}
