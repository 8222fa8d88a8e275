import Escaping
import Hashing

/// The outer `<svg>` element shared by all charts: responsive viewBox, accessible name and description,
/// embedded stylesheet.
enum SVGDocument {
    /// A complete, self-contained SVG string around `body` (which must already be escaped).
    static func wrap(size: ChartSize, title: String, description: String, id: String, seriesCount: Int,
                     body: [String]) -> String {
        let c = NumberText.coordinate
        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"sgc\" viewBox=\"0 0 \(c(size.width)) \(c(size.height))\""
        out += " width=\"100%\" role=\"img\" aria-labelledby=\"\(id)-title \(id)-desc\">\n"
        out += "<title id=\"\(id)-title\">\(HTMLEscape.xml(title))</title>\n"
        out += "<desc id=\"\(id)-desc\">\(HTMLEscape.xml(description))</desc>\n"
        out += "<style>\(Theme.stylesheet(seriesCount: seriesCount))</style>\n"
        for part in body where !part.isEmpty { out += part + "\n" }
        return out + "</svg>\n"
    }

    /// A deterministic element id from the chart's content (FNV-1a, 32 bit), e.g. `sgc-3f2a9c01`.
    static func identifier(_ parts: [String]) -> String {
        var hash = FNV1a<UInt32>()
        for part in parts {
            hash.update(part)
            hash.update(byte: 0x1F)
        }
        return "sgc-" + hash.hex
    }
}

/// A plot area in viewBox units.
struct PlotRect {
    var left: Double
    var top: Double
    var right: Double
    var bottom: Double
    var width: Double { right - left }
    var height: Double { bottom - top }
}

/// Gridlines, axis lines, tick marks and tick labels for the x (bottom) and y (left) axes.
enum AxisDrawing {
    private static let c = NumberText.coordinate

    /// Vertical gridlines plus the bottom axis with its ticks and labels.
    static func bottom(_ ticks: [AxisTick], plot: PlotRect, fontSize: Double, name: String = "x-axis") -> (grid: String, axis: String) {
        var grid = "<g class=\"sgc-grid\" role=\"group\" aria-label=\"x-grid\">"
        var axis = "<g role=\"group\" aria-label=\"\(name)\"><path class=\"sgc-axis\" d=\"M\(c(plot.left)),\(c(plot.bottom))H\(c(plot.right))"
        var labels = ""
        for t in ticks {
            grid += "<line\(t.isMinor ? " class=\"sgc-minor\"" : "") x1=\"\(c(t.position))\" x2=\"\(c(t.position))\" y1=\"\(c(plot.top))\" y2=\"\(c(plot.bottom))\"/>"
            axis += "M\(c(t.position)),\(c(plot.bottom))v\(t.isMinor ? 3 : 5)"
            if let label = t.label {
                labels += "<text class=\"sgc-tick\" x=\"\(c(t.position))\" y=\"\(c(plot.bottom + 7 + fontSize * 0.8))\" text-anchor=\"middle\">\(HTMLEscape.xml(label))</text>"
            }
        }
        return (grid + "</g>", axis + "\"/>" + labels + "</g>")
    }

    /// Horizontal gridlines plus the left axis with its ticks and labels.
    static func left(_ ticks: [AxisTick], plot: PlotRect, fontSize: Double) -> (grid: String, axis: String) {
        var grid = "<g class=\"sgc-grid\" role=\"group\" aria-label=\"y-grid\">"
        var axis = "<g role=\"group\" aria-label=\"y-axis\"><path class=\"sgc-axis\" d=\"M\(c(plot.left)),\(c(plot.top))V\(c(plot.bottom))"
        var labels = ""
        for t in ticks {
            grid += "<line\(t.isMinor ? " class=\"sgc-minor\"" : "") x1=\"\(c(plot.left))\" x2=\"\(c(plot.right))\" y1=\"\(c(t.position))\" y2=\"\(c(t.position))\"/>"
            axis += "M\(c(plot.left)),\(c(t.position))h\(t.isMinor ? -3 : -5)"
            if let label = t.label {
                labels += "<text class=\"sgc-tick\" x=\"\(c(plot.left - 8))\" y=\"\(c(t.position))\" dy=\"0.32em\" text-anchor=\"end\">\(HTMLEscape.xml(label))</text>"
            }
        }
        return (grid + "</g>", axis + "\"/>" + labels + "</g>")
    }

    /// Widest tick label, in viewBox units.
    static func maxLabelWidth(_ ticks: [AxisTick], fontSize: Double) -> Double {
        ticks.compactMap(\.label).map { TextWidth.width($0, fontSize: fontSize) }.max() ?? 0
    }
}
