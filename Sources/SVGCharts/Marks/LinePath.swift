/// Turns a series into pixel polylines, breaking at points that cannot be drawn (NaN, ±∞, ≤ 0 on a log scale).
struct LinePath {
    typealias Pixel = Downsample.Pixel

    /// Runs of consecutive drawable points, in pixel coordinates.
    var segments: [[Pixel]]

    init(series: Series, x: Scale, y: Scale) {
        var segments: [[Pixel]] = []
        var current: [Pixel] = []
        for p in series.points {
            if let px = x(p.x), let py = y(p.y) {
                current.append((px, py))
            } else if !current.isEmpty {
                segments.append(current)
                current = []
            }
        }
        if !current.isEmpty { segments.append(current) }
        self.segments = segments
    }

    /// Step-after shape: each value holds until the next point's x, then jumps.
    func stepped() -> LinePath {
        var copy = self
        copy.segments = segments.map { seg in
            guard seg.count > 1 else { return seg }
            var out: [Pixel] = [seg[0]]
            out.reserveCapacity(seg.count * 2)
            for i in 1..<seg.count {
                out.append((seg[i].x, seg[i - 1].y))
                out.append(seg[i])
            }
            return out
        }
        return copy
    }

    /// Each segment downsampled when it is longer than the plot is wide.
    func downsampled(plotWidth: Double) -> LinePath {
        var copy = self
        copy.segments = segments.map { Downsample.ifNeeded($0, plotWidth: plotWidth) }
        return copy
    }

    /// The SVG path data ("M…L…") of all multi-point segments, coordinates at one decimal, repeated
    /// coordinates (after rounding) dropped.
    var pathData: String {
        var d = ""
        for seg in segments where seg.count > 1 {
            var previous = ""
            var written = 0
            for p in seg {
                let xy = NumberText.coordinate(p.x) + "," + NumberText.coordinate(p.y)
                if xy == previous { continue }
                // "M x,y L x,y x,y …": after the first L, further points are implicit line-tos.
                d += (written == 0 ? "M" : written == 1 ? "L" : " ") + xy
                previous = xy
                written += 1
            }
        }
        return d
    }

    /// Points that form a segment of their own (isolated by gaps): drawn as dots so they stay visible.
    var isolatedPoints: [Pixel] {
        segments.filter { $0.count == 1 }.map { $0[0] }
    }
}
