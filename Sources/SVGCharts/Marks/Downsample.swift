/// Reduces long polylines in pixel space without changing what is drawn.
///
/// Two passes, both on screen coordinates:
/// 1. M4 aggregation: per 1-unit pixel column keep the first, lowest, highest and last point (in order),
///    plus the corner where a flat run at an extreme ends,
///    which preserves the column's ink exactly, extremes included (Jugel et al., "M4", VLDB 2014);
/// 2. Ramer–Douglas–Peucker with a tolerance of a fifth of a unit, which drops points lying on straight runs.
/// Applied only when a segment has more points than the plot is wide.
enum Downsample {
    typealias Pixel = (x: Double, y: Double)

    /// `points` unchanged when short enough, otherwise reduced by M4 then RDP.
    static func ifNeeded(_ points: [Pixel], plotWidth: Double) -> [Pixel] {
        guard Double(points.count) > max(plotWidth, 1) else { return points }
        return simplify(m4(points, column: 1), tolerance: 0.2)
    }

    /// Scattered points thinned to one per 1-unit cell (first one wins) when there are more points than the
    /// plot is wide; markers 7 units across make points closer than that indistinguishable anyway.
    static func thinPoints(_ points: [Pixel], plotWidth: Double) -> [Pixel] {
        guard Double(points.count) > max(plotWidth, 1) else { return points }
        var seen = Set<Int64>()
        return points.filter { p in
            // Clamped like coordinates, so the integer conversion can never overflow.
            let cx = min(max(p.x, -1e6), 1e6).rounded(.down), cy = min(max(p.y, -1e6), 1e6).rounded(.down)
            let key = Int64(cx) &* 4_000_037 &+ Int64(cy)
            return seen.insert(key).inserted
        }
    }

    /// First, min-y, max-y and last point of every run of points sharing a pixel column of width `column`
/// (with the corner of a step kept, see above).
    static func m4(_ points: [Pixel], column: Double) -> [Pixel] {
        guard points.count > 4 else { return points }
        var out: [Pixel] = []
        var start = 0
        while start < points.count {
            let bucket = (points[start].x / column).rounded(.down)
            var end = start
            var firstLo = start, lastLo = start, firstHi = start, lastHi = start
            while end + 1 < points.count, (points[end + 1].x / column).rounded(.down) == bucket {
                end += 1
                let y = points[end].y
                if y < points[firstLo].y { firstLo = end; lastLo = end } else if y == points[firstLo].y { lastLo = end }
                if y > points[firstHi].y { firstHi = end; lastHi = end } else if y == points[firstHi].y { lastHi = end }
            }
            // Of the extreme reached first keep its last occurrence, of the other its first, so a step
            // (a run at one level, then a jump) keeps its corner instead of becoming a slant.
            var keep = [start, end]
            if lastLo < firstHi {
                keep += [lastLo, firstHi]
            } else if lastHi < firstLo {
                keep += [lastHi, firstLo]
            } else {
                keep += [firstLo, lastLo, firstHi, lastHi]
            }
            keep.sort()
            var previous = -1
            for i in keep where i != previous {
                out.append(points[i])
                previous = i
            }
            start = end + 1
        }
        return out
    }

    /// Ramer–Douglas–Peucker: keeps the endpoints and every point farther than `tolerance` from the chord
    /// of its span (iterative, so very long inputs cannot overflow the stack).
    static func simplify(_ points: [Pixel], tolerance: Double) -> [Pixel] {
        guard points.count > 2 else { return points }
        var keep = [Bool](repeating: false, count: points.count)
        keep[0] = true
        keep[points.count - 1] = true
        var stack = [(0, points.count - 1)]
        while let (a, b) = stack.popLast() {
            guard b > a + 1 else { continue }
            var farthest = a, distance = -1.0
            for i in (a + 1)..<b {
                let d = distanceToSegment(points[i], points[a], points[b])
                if d > distance { distance = d; farthest = i }
            }
            if distance > tolerance {
                keep[farthest] = true
                stack.append((a, farthest))
                stack.append((farthest, b))
            }
        }
        return points.indices.filter { keep[$0] }.map { points[$0] }
    }

    /// Distance from p to the segment a–b.
    private static func distanceToSegment(_ p: Pixel, _ a: Pixel, _ b: Pixel) -> Double {
        let dx = b.x - a.x, dy = b.y - a.y
        let len2 = dx * dx + dy * dy
        var t = len2 > 0 ? ((p.x - a.x) * dx + (p.y - a.y) * dy) / len2 : 0
        t = min(max(t, 0), 1)
        let ex = p.x - (a.x + t * dx), ey = p.y - (a.y + t * dy)
        return (ex * ex + ey * ey).squareRoot()
    }
}
