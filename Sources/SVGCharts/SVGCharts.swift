/// SVG charts: series in, a self-contained inline SVG string (plus its data as a table) out.
///
/// Public entry points: `LineChart` (line, step and point series; linear or log axes; reference lines) and
/// `BarChart` (horizontal bars), each with `svg()` and `table()`. The module knows no optimiser, no
/// experiment and no page: callers hand it numbers and labels, and place the returned strings themselves.
///
/// Theming is by CSS on the page: `color` (text, axes, gridlines use `currentColor`), `--chart-series-1`
/// … `--chart-series-8` (series colours, Okabe–Ito by default) and `--chart-bg` (label halos, default
/// `Canvas`). Every rule of the embedded stylesheet is scoped under the `.sgc` class of the root `<svg>` and
/// every class name inside starts with `sgc-`, so page styles (a `.note` callout, a `.title`) never leak in.
///
/// (No type shares the module's name, so callers can write `SVGCharts.Series` where `Series` is taken.)
