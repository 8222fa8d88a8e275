import ArgumentParser
import Site

/// Flags shared by every subcommand that builds the site.
struct SiteOptions: ParsableArguments {
    @Option(help: "Project root: where sitegen.yml, content/ and templates/ live.")
    var root: String = "."

    @Option(help: "Folder of module folders with markdown lessons (relative to --root).")
    var content: String = "content"

    @Option(help: "Folder of Mustache templates and assets/ (relative to --root).")
    var templates: String = "templates"

    @Option(help: "Site config file (relative to --root).")
    var config: String = "sitegen.yml"

    @Option(help: "Output folder, replaced atomically when the build succeeds (relative to --root). It may not be or contain the project, content, templates, config or cache; an existing non-empty folder must be one sitegen wrote.")
    var output: String = "public"

    @Flag(name: .customLong("replace-output"), help: "Replace an existing non-empty output folder that sitegen did not write (it has no .sitegen-output marker); everything in it is deleted.")
    var replaceOutput = false

    @Option(name: .customLong("base-url"), help: "Base URL the site is served from, e.g. https://example.org/courses/ml/ (overrides base_url in the config).")
    var baseURL: String?

    @Flag(help: "Include lessons whose front matter says 'draft: true'.")
    var drafts = false

    @Flag(name: .customLong("no-cache"), help: "Rerun every experiment instead of reusing cached results.")
    var noCache = false

    @Flag(help: "Render and write the site even when nothing changed since the last build.")
    var force = false

    @Flag(name: .shortAndLong, help: "Print each pipeline stage as it runs.")
    var verbose = false

    var paths: BuildPaths {
        BuildPaths(root: root, content: content, templates: templates, config: config, output: output)
    }

    var buildOptions: BuildOptions {
        BuildOptions(baseURL: baseURL, includeDrafts: drafts, noCache: noCache, showProgress: true, skipWhenUpToDate: !noCache && !force,
                     replaceOutput: replaceOutput)
    }
}
