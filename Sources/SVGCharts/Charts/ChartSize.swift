/// The chart's coordinate system (the SVG viewBox); the chart itself always scales to 100% of its container.
///
/// Text is 15 units high, so at the default 560-unit width it renders at about 8.6 px in a 320 px column
/// and about 27 px at 1,000 px. Pick a narrower size for charts that will be shown small.
public struct ChartSize: Sendable, Equatable {
    public var width: Double
    public var height: Double

    public init(width: Double, height: Double) {
        self.width = width
        self.height = height
    }

    /// 560 × 350 units (16:10).
    public static let standard = ChartSize(width: 560, height: 350)

    /// Sizes below 200 × 150 leave no room for axes; they are raised to that minimum.
    var clamped: ChartSize {
        ChartSize(width: width.isFinite ? max(width, 200) : 560, height: height.isFinite ? max(height, 150) : 350)
    }
}
