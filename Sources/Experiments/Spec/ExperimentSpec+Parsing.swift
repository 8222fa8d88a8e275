import Diagnostics
import LocatedYAML
import Yams

extension ExperimentSpec {
    static let commonKeys = ["id", "kind", "title", "caption", "table", "chart", "checks", "source", "sweep"]

    /// Parses a block's YAML. `location` is where the block's first content line starts in the markdown
    /// file; every diagnostic is mapped there. All problems found are thrown together.
    public static func parse(yaml: String, at location: SourceLocation) throws(DiagnosticList) -> ExperimentSpec {
        let reader = SpecReader(origin: location)
        guard let root = reader.compose(yaml) else {
            throw DiagnosticList(reader.diagnostics.isEmpty ? [.error(at: location, "the experiment block is empty")] : reader.diagnostics)
        }
        let spec = parse(root, reader)
        if let spec, reader.diagnostics.isEmpty { return spec }
        throw DiagnosticList(reader.diagnostics.isEmpty
            ? [.error(at: location, "the experiment block could not be read")] : reader.diagnostics)
    }

    private static func parse(_ root: Node, _ reader: SpecReader) -> ExperimentSpec? {
        guard root.mapping != nil else {
            reader.error(root, "an experiment block must be a YAML mapping starting with 'id:' and 'kind:'")
            return nil
        }
        let kindNode = root.mapping?["kind"]
        guard let kindNode else {
            reader.error(root, "missing required key 'kind' (train, trace, schedule or landscape)")
            return nil
        }
        guard let kind: Kind = reader.choice(kindNode, "kind") else { return nil }
        let kindKeys = switch kind {
        case .train: TrainSpec.keys
        case .trace: TraceSpec.keys
        case .schedule: ScheduleSpec.keys
        case .landscape: LandscapeSpec.keys
        }
        guard let f = Fields(root, "the experiment", allowed: commonKeys + kindKeys, reader: reader) else { return nil }
        let id = f.required("id", " (a slug such as sgd-variants)").flatMap { parseID($0, reader) }
        var sweep: SweepSpec?
        let body: Body?
        if let sweepNode = f["sweep"] {
            if kind == .train, let (train, parsed) = SweepSpec.parse(sweepNode, root: root, reader) {
                (body, sweep) = (.train(train), parsed)
            } else {
                if kind != .train { reader.error(sweepNode, "'sweep' varies run options of train blocks; a \(kind.rawValue) block cannot sweep") }
                body = nil
            }
        } else {
            body = switch kind {
            case .train: TrainSpec.parse(f, reader).map { .train($0) }
            case .trace: TraceSpec.parse(f, reader).map { .trace($0) }
            case .schedule: ScheduleSpec.parse(f, reader).map { .schedule($0) }
            case .landscape: LandscapeSpec.parse(f, reader).map { .landscape($0) }
            }
        }
        guard let id, let body else { return nil }
        var spec = ExperimentSpec(id: id, location: reader.origin, title: f.string("title"), caption: f.string("caption"),
                                  source: f.string("source"), sourceLocation: f["source"].map { reader.location(of: $0) },
                                  table: nil, chart: nil, checks: [], body: body, sweep: sweep)
        let base = spec
        spec.table = f["table"].flatMap { TableSpec.parse($0, kind: kind, scopes: { base.scope(rows: $0) }, reader) }
        if kind == .landscape, let chart = f["chart"] {
            reader.error(chart, "a landscape block always draws its contour plot with the runs' paths; remove 'chart' "
                + "(set the region with 'view', the contour lines with 'levels' and 'level_spacing')")
        }
        spec.chart = kind == .landscape ? nil : f["chart"].flatMap { ChartSpec.parse($0, kind: kind, plottable: base.plottable, reader) }
        spec.checks = parseChecks(f["checks"], base, reader)
        return spec
    }

    /// `[a-z0-9]` words joined by single hyphens.
    private static func parseID(_ node: Node, _ reader: SpecReader) -> String? {
        guard let id = reader.string(node, "id") else { return nil }
        let words = id.split(separator: "-", omittingEmptySubsequences: false)
        let valid = !words.isEmpty && words.allSatisfy { word in
            !word.isEmpty && word.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) }
        }
        guard valid else {
            reader.error(node, "id '\(id)' must be a slug: lowercase letters and digits joined by single hyphens, such as sgd-variants")
            return nil
        }
        return id
    }

    private static func parseChecks(_ node: Node?, _ spec: ExperimentSpec, _ reader: SpecReader) -> [CheckSpec] {
        guard let node, let items = reader.list(node, "checks") else { return [] }
        var checks: [CheckSpec] = []
        for item in items {
            guard let source = reader.string(item, "check"), let expression = reader.expression(item, "check") else { continue }
            spec.scope(rows: nil).check(expression, in: item, "check", reader)
            checks.append(CheckSpec(expression: expression, source: source, site: reader.site(of: item)))
        }
        return checks
    }

    /// Checks that ids are unique on a page: one diagnostic per repeated id, at the later block.
    public static func duplicateIDs(in specs: [ExperimentSpec]) -> [Diagnostic] {
        var seen: [String: SourceLocation] = [:]
        var diagnostics: [Diagnostic] = []
        for spec in specs {
            if let first = seen[spec.id] {
                diagnostics.append(.error(at: spec.location, "duplicate experiment id '\(spec.id)' (first used at \(first))"))
            } else {
                seen[spec.id] = spec.location
            }
        }
        return diagnostics
    }
}
