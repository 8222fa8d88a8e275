import Escaping

/// A wrapped row-by-row legend (swatch + marker + label) used when direct labels cannot fit.
struct Legend {
    struct Entry {
        var index: Int
        var text: String
        var x: Double
        var y: Double
    }

    static let swatchWidth = 26.0

    var entries: [Entry]
    var height: Double

    /// Lays out `labels` (series index, text) in rows within `width` units starting at (`left`, `top`).
    init(labels: [(Int, String)], left: Double, top: Double, width: Double, fontSize: Double) {
        let rowHeight = fontSize * 1.5
        var x = left, row = 0.0
        var entries: [Entry] = []
        for (index, text) in labels {
            let w = Legend.swatchWidth + 6 + TextWidth.width(text, fontSize: fontSize)
            if x > left && x + w > left + width {
                x = left
                row += 1
            }
            entries.append(Entry(index: index, text: text, x: x, y: top + row * rowHeight + rowHeight / 2))
            x += w + fontSize * 1.2
        }
        self.entries = entries
        self.height = entries.isEmpty ? 0 : (row + 1) * rowHeight
    }

    /// The legend's `<g>`.
    func svg(fontSize: Double) -> String {
        guard !entries.isEmpty else { return "" }
        let c = NumberText.coordinate
        var out = "<g role=\"group\" aria-label=\"legend\">"
        for e in entries {
            out += "<g class=\"sgc-entry \(Theme.seriesClass(e.index))\" data-series=\"\(e.index)\">"
            out += "<path class=\"sgc-line\" d=\"M\(c(e.x)),\(c(e.y))H\(c(e.x + Legend.swatchWidth))\"/>"
            out += "<g class=\"sgc-mark\(MarkerShape.forSeries(e.index).isOpen ? " sgc-open" : "")\">"
            out += MarkerShape.forSeries(e.index).element(x: e.x + Legend.swatchWidth / 2, y: e.y, r: 3.5) + "</g>"
            out += "<text class=\"sgc-key\" x=\"\(c(e.x + Legend.swatchWidth + 6))\" y=\"\(c(e.y))\" dy=\"0.35em\">"
            out += HTMLEscape.xml(e.text) + "</text></g>"
        }
        return out + "</g>"
    }
}
