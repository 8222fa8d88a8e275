/// Colours, dash patterns and the stylesheet every chart embeds; all colours are CSS custom properties.
///
/// Pages theme the charts by setting, on any ancestor:
/// `--chart-series-1` … `--chart-series-8` (series colours), `--chart-bg` (halo behind labels that sit on
/// the plot; defaults to the `Canvas` system colour) and the text `color` (axes, ticks, labels and gridlines
/// all use `currentColor`). Nothing is hard-coded black, so dark themes only need a light `color`.
enum Theme {
    /// Okabe & Ito's colour-blind-safe palette, reordered so the first colours have the best contrast on
    /// white and on dark backgrounds (the black and the yellow of the original set come last / not at all).
    static let palette = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#8F7A00", "#7F7F7F"]

    /// Dash patterns (in px) so series stay apart in greyscale; series 1 is solid.
    static let dashes = ["", "7 3", "2 2.5", "9 3 2 3", "4 3", "12 3 3 3", "1.5 3", "6 2 2 2 2 2"]

    /// Number of distinct series styles before colours, dashes and markers repeat.
    static var styleCount: Int { palette.count }

    /// Class name of the n-th series style (0-based index → `s1`…`s8`).
    static func seriesClass(_ index: Int) -> String {
        "sgc-s\(index % styleCount + 1)"
    }

    /// The extra rules of a landscape chart (contour lines and labels, step dots, the start ring), scoped like `stylesheet`.
    static let landscapeStylesheet = ".sgc .sgc-contour{fill:none;stroke:currentColor;stroke-opacity:.3;stroke-width:1px}"
        + ".sgc .sgc-contour-label{font-size:14px;fill-opacity:.85}.sgc .sgc-step{fill:var(--c)}"
        + ".sgc .sgc-start{fill:none;stroke:currentColor;stroke-width:2px}"

    /// The embedded stylesheet; every rule is scoped under `.sgc` because an inline SVG's `<style>` applies
    /// to the whole HTML page.
    static func stylesheet(seriesCount: Int) -> String {
        var css = ".sgc{font-family:system-ui,-apple-system,'Segoe UI',Roboto,'Helvetica Neue',Arial,sans-serif;"
        css += "font-size:15px;font-variant-numeric:tabular-nums}"
        css += ".sgc text{fill:currentColor;stroke:none}"
        css += ".sgc line,.sgc path{vector-effect:non-scaling-stroke}"
        css += ".sgc .sgc-grid{stroke:currentColor;stroke-opacity:.14}"
        css += ".sgc .sgc-grid .sgc-minor{stroke-opacity:.06}"
        css += ".sgc .sgc-axis{fill:none;stroke:currentColor;stroke-opacity:.55}"
        css += ".sgc .sgc-tick{fill-opacity:.8}"
        css += ".sgc .sgc-title{font-weight:600}"
        css += ".sgc .sgc-rule{stroke:currentColor;stroke-opacity:.6;stroke-dasharray:5 4}"
        css += ".sgc .sgc-note{font-size:14px}"
        css += ".sgc .sgc-halo{paint-order:stroke;stroke:var(--chart-bg,Canvas);stroke-width:4px;stroke-linejoin:round}"
        css += ".sgc .sgc-line{fill:none;stroke:var(--c);stroke-width:2px;stroke-linejoin:round;stroke-linecap:round}"
        css += ".sgc .sgc-mark{fill:var(--c);stroke:var(--chart-bg,Canvas);stroke-width:1px}"
        css += ".sgc .sgc-mark.sgc-open{fill:none;stroke:var(--c);stroke-width:1.5px}"
        css += ".sgc .sgc-leader{fill:none;stroke:var(--c);stroke-opacity:.7}"
        css += ".sgc .sgc-bar{fill:var(--c)}"
        // Series label text: the series colour pulled toward the text colour, readable on light and dark pages.
        css += ".sgc .sgc-key{fill:var(--c);fill:color-mix(in srgb,var(--c) 65%,currentColor)}"
        for i in 0..<min(max(seriesCount, 1), styleCount) {
            css += ".sgc .sgc-s\(i + 1){--c:var(--chart-series-\(i + 1),\(palette[i]))"
            if !dashes[i].isEmpty { css += ";--dash:\(dashes[i])" }
            css += "}"
        }
        css += ".sgc .sgc-line{stroke-dasharray:var(--dash,none)}"
        return css
    }
}
