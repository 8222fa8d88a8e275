/// A horizontal bar chart (one bar per label, value printed at the bar's end), as SVG.
///
/// Bars keep the given order. The value axis always includes zero; negative values extend left of it.
/// A bar whose value is NaN or ±∞ is not drawn; its label reads "NaN" or "∞" instead.
public struct BarChart: Sendable, Equatable {
    /// One bar.
    public struct Bar: Sendable, Equatable {
        public var label: String
        public var value: Double
        public init(label: String, value: Double) {
            self.label = label
            self.value = value
        }
    }

    public var title: String
    public var description: String
    /// What the bars are (e.g. "Schedule"): the header of the table's first column.
    public var categoryLabel: String
    /// Title of the value axis (e.g. "Test MAE").
    public var valueLabel: String
    public var bars: [Bar]
    public var valueFormat: ValueFormat
    /// Width of the viewBox; the height follows from the number of bars.
    public var width: Double
    public var showsTitle: Bool
    /// Element id prefix for `<title>`/`<desc>`; nil derives one from the content.
    public var id: String?

    public init(title: String, description: String = "", categoryLabel: String = "", valueLabel: String = "",
                bars: [(label: String, value: Double)], valueFormat: ValueFormat = .automatic,
                width: Double = ChartSize.standard.width, showsTitle: Bool = false, id: String? = nil) {
        self.title = title
        self.description = description
        self.categoryLabel = categoryLabel
        self.valueLabel = valueLabel
        self.bars = bars.map { Bar(label: $0.label, value: $0.value) }
        self.valueFormat = valueFormat
        self.width = width
        self.showsTitle = showsTitle
        self.id = id
    }

    /// The chart as a self-contained SVG string (byte-identical for equal charts).
    public func svg() -> String {
        let renderer = BarChartRenderer(chart: self)
        let elementID = id.map { $0.filter { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" } }
            ?? SVGDocument.identifier([title, description, valueLabel] + bars.map(\.label))
        return SVGDocument.wrap(size: renderer.size, title: title, description: summary(),
                                id: elementID.isEmpty ? "sgc" : elementID, seriesCount: 1, body: renderer.body())
    }

    /// The bars as a table: label and value columns, values with up to 6 significant digits.
    public func table() -> ChartTable {
        ChartTable(caption: title, columns: [categoryLabel.isEmpty ? "Category" : categoryLabel,
                                            valueLabel.isEmpty ? "Value" : valueLabel],
                   rows: bars.map { [$0.label, ChartTable.cell($0.value)] })
    }

    /// The `<desc>` text: description, then every bar's value in order, then the extremes.
    func summary() -> String {
        var text = description.isEmpty ? "" : (description.hasSuffix(".") ? description : description + ".") + " "
        text += "Bar chart of \(bars.count) bars\(valueLabel.isEmpty ? "" : " showing \(valueLabel)")."
        if !bars.isEmpty {
            text += " " + bars.map { "\($0.label): \(valueFormat.text($0.value))" }.joined(separator: "; ") + "."
        }
        let finite = bars.filter { $0.value.isFinite }
        if finite.count > 1, let low = finite.min(by: { $0.value < $1.value }), let high = finite.max(by: { $0.value < $1.value }) {
            text += " Lowest: \(low.label) (\(valueFormat.text(low.value))); highest: \(high.label) (\(valueFormat.text(high.value)))."
        }
        return text
    }
}
