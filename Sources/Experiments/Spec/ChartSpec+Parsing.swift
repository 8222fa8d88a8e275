import Diagnostics
import Yams

extension ChartSpec {
    static func parse(_ node: Node, kind: ExperimentSpec.Kind, plottable: [String], _ reader: SpecReader) -> ChartSpec? {
        guard let f = Fields(node, "chart", allowed: ["type", "y", "x", "y_scale", "title", "x_label", "y_label", "annotations"],
                             reader: reader) else { return nil }
        let type: ChartType = f.choice("type", "chart type") ?? .line
        var y: [String] = []
        if let yNode = f["y"] {
            let names = yNode.scalar != nil ? reader.string(yNode, "y").map { [$0] } : reader.list(yNode, "y")?.compactMap { reader.string($0, "y") }
            for name in names ?? [] where !plottable.contains(name) && !reader.forgiven.contains(name) {
                reader.error(yNode, "chart y '\(name)' is not recorded in this block" + DidYouMean.hint(for: name, among: plottable)
                    + " (available: \(plottable.joined(separator: ", ")))")
            }
            y = names ?? []
        } else if kind == .schedule {
            y = plottable
        } else if type == .schedule, kind == .train {
            y = ["lr"]
            if !plottable.contains("lr") { reader.error(node, "a schedule chart plots the lr metric; add lr to metrics") }
        } else {
            reader.error(node, "missing required key 'y' in chart (one of: \(plottable.joined(separator: ", ")))")
        }
        let defaultX: Axis = kind == .train ? .epoch : .step
        let x: Axis = f.choice("x", "x axis") ?? defaultX
        if x != defaultX { reader.error(f["x"], "a \(kind.rawValue) chart's x axis is \(defaultX.rawValue)") }
        var annotations: [Annotation] = []
        if let aNode = f["annotations"], let items = reader.list(aNode, "annotations") {
            for (i, item) in items.enumerated() {
                guard let a = Fields(item, "chart.annotations[\(i + 1)]", allowed: ["x", "label"], reader: reader),
                      let ax = a.required("x").flatMap({ reader.double($0, "x") }),
                      let label = a.required("label").flatMap({ reader.string($0, "label") }) else { continue }
                annotations.append(Annotation(x: ax, label: label))
            }
        }
        return ChartSpec(type: type, y: y, x: x, yScale: f.choice("y_scale", "y scale") ?? .linear, title: f.string("title"),
                         xLabel: f.string("x_label"), yLabel: f.string("y_label"), annotations: annotations)
    }

    var canonical: Canonical {
        .object(["type": .string(type.rawValue), "y": .array(y.map { .string($0) }), "x": .string(x.rawValue),
                 "y_scale": .string(yScale.rawValue), "title": title.map { .string($0) } ?? .null,
                 "x_label": xLabel.map { .string($0) } ?? .null, "y_label": yLabel.map { .string($0) } ?? .null,
                 "annotations": .array(annotations.map { .object(["x": .number($0.x), "label": .string($0.label)]) })])
    }
}
