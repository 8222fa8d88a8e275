/// SVG charts: series in, a self-contained inline SVG string out. Knows no optimiser and no page.
public enum SVGCharts {}
