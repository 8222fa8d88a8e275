/// One named series of (x, y) points, drawn as a line, a step line or as separate points.
///
/// Points may contain NaN or ±∞ (e.g. a run that diverged): they are skipped and the line breaks there.
public struct Series: Sendable, Equatable {
    /// How consecutive points are joined.
    public enum Mark: Sendable, Equatable {
        /// Straight segments between points.
        case line
        /// Horizontal then vertical segments: each value holds until the next x ("step-after"),
        /// the natural shape for a learning rate that changes at step boundaries.
        case step
        /// Unconnected dots (a scatter of the points).
        case points
        /// Straight segments with a marker at every point: few points that each matter, such as a sweep's
        /// values (a final loss against the learning rate).
        case connectedPoints
    }

    /// One data point.
    public struct Point: Sendable, Equatable {
        public var x: Double
        public var y: Double
        public init(x: Double, y: Double) {
            self.x = x
            self.y = y
        }
    }

    /// The edges of a band drawn under the line at one x (such as ± one standard deviation over seeds).
    public struct BandPoint: Sendable, Equatable {
        public var x: Double
        public var low: Double
        public var high: Double
        public init(x: Double, low: Double, high: Double) {
            self.x = x
            self.low = low
            self.high = high
        }
    }

    public var label: String
    public var points: [Point]
    public var mark: Mark
    /// A shaded band in the series' colour, under its line (empty: none).
    public var band: [BandPoint] = []

    /// A series from `(x, y)` tuples.
    public init(label: String, points: [(x: Double, y: Double)], mark: Mark = .line) {
        self.label = label
        self.points = points.map { Point(x: $0.x, y: $0.y) }
        self.mark = mark
    }

    /// A series from values at x = `xStart`, `xStart + 1`, … (epochs counted from 1 by default).
    public init(label: String, values: [Double], xStart: Double = 1, mark: Mark = .line) {
        self.label = label
        self.points = values.enumerated().map { Point(x: xStart + Double($0.offset), y: $0.element) }
        self.mark = mark
    }

    /// The last point whose x and y are both finite (and accepted by `accept`), if any.
    func lastDrawable(_ accept: (Point) -> Bool) -> Point? {
        points.last { $0.x.isFinite && $0.y.isFinite && accept($0) }
    }
}
