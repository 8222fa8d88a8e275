/// Places series labels at their lines' ends, nudged apart vertically so none overlap.
///
/// Overlapping labels are merged into clusters stacked `pitch` apart and centred on the mean of their
/// anchors (clamped to the plot), repeating until no clusters touch — the classic "dodge" used for
/// direct labelling. When all labels cannot fit in the plot's height, `place` returns nil and the chart
/// falls back to a legend.
enum DirectLabels {
    /// Label centres (same order as `anchors`), or nil when `anchors.count` labels do not fit between
    /// `top` and `bottom` at `pitch` apart.
    static func place(_ anchors: [Double], pitch: Double, top: Double, bottom: Double) -> [Double]? {
        guard !anchors.isEmpty else { return [] }
        guard Double(anchors.count - 1) * pitch <= bottom - top, anchors.allSatisfy(\.isFinite) else { return nil }
        // Sort by anchor, ties by original order, so the result is deterministic.
        let order = anchors.indices.sorted { (anchors[$0], $0) < (anchors[$1], $1) }

        struct Cluster {
            var members: [Int]
            var anchorSum: Double
            var top: Double
        }
        func settle(_ c: inout Cluster) {
            let n = Double(c.members.count)
            let ideal = c.anchorSum / n - (n - 1) * pitch / 2
            c.top = min(max(ideal, top), bottom - (n - 1) * pitch)
        }

        var clusters: [Cluster] = []
        for i in order {
            var c = Cluster(members: [i], anchorSum: anchors[i], top: anchors[i])
            settle(&c)
            clusters.append(c)
            // Merge with the previous cluster while they overlap.
            while clusters.count > 1 {
                let last = clusters[clusters.count - 1], prev = clusters[clusters.count - 2]
                let prevBottom = prev.top + Double(prev.members.count - 1) * pitch
                guard prevBottom + pitch > last.top + 1e-9 else { break }
                var merged = Cluster(members: prev.members + last.members,
                                     anchorSum: prev.anchorSum + last.anchorSum, top: prev.top)
                settle(&merged)
                clusters.removeLast(2)
                clusters.append(merged)
            }
        }

        var result = [Double](repeating: 0, count: anchors.count)
        for c in clusters {
            for (k, member) in c.members.enumerated() {
                result[member] = c.top + Double(k) * pitch
            }
        }
        return result
    }
}
