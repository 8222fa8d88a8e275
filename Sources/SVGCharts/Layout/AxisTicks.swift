import Foundation

/// One tick on an axis: where it goes, its label (nil when thinned out) and whether it is a minor log tick.
struct AxisTick: Equatable {
    var value: Double
    var position: Double
    var label: String?
    var isMinor: Bool
}

/// Chooses an axis's ticks and labels so that labels never overlap.
///
/// Linear axes ask for one tick per ≈80 units (x) or ≈35 units (y), as Observable Plot does, and ask for
/// fewer while the labels would collide. Log axes draw every decade (and 2…9 × 10^e as minor ticks when a
/// decade is at least 30 units long), label 1-2-5 mantissas when few decades are shown, and otherwise
/// label every k-th decade, k ∈ 1, 2, 3, 5, 10, ….
enum AxisTicks {
    enum Orientation { case horizontal, vertical }

    static let xSpacing = 80.0
    static let ySpacing = 35.0

    static func make(_ scale: Scale, _ orientation: Orientation, fontSize: Double) -> [AxisTick] {
        switch scale.type {
        case .linear: return linear(scale, orientation, fontSize: fontSize)
        case .log: return log(scale, orientation, fontSize: fontSize)
        }
    }

    private static func linear(_ scale: Scale, _ orientation: Orientation, fontSize: Double) -> [AxisTick] {
        let (d0, d1) = scale.domain
        var count = max(scale.length / (orientation == .horizontal ? xSpacing : ySpacing), 1)
        var best: [AxisTick] = []
        for _ in 0..<12 {
            let values = NiceTicks.ticks(d0, d1, count: count)
            let labels = TickFormat.linear(values, step: NiceTicks.step(d0, d1, count: count))
            best = zip(values, labels).compactMap { v, l in
                scale(v).map { AxisTick(value: v, position: $0, label: l, isMinor: false) }
            }
            if fits(best, orientation, fontSize: fontSize) || count <= 1 { return best }
            count = max(count * 0.7, 1)
        }
        return best
    }

    private static func log(_ scale: Scale, _ orientation: Orientation, fontSize: Double) -> [AxisTick] {
        let lo = min(scale.domain.0, scale.domain.1), hi = max(scale.domain.0, scale.domain.1)
        let all = LogTicks.ticks(lo, hi)
        let decadeLength = scale.length / max(log10(hi / lo), 1e-9)
        let showMinor = decadeLength >= 30
        let decadeCount = all.filter(\.isDecade).count
        // Candidate label sets, richest first.
        var rules: [(LogTicks.Tick) -> Bool] = []
        if decadeCount < 2 { rules.append { _ in true } }
        if decadeCount <= 3 { rules.append { [1, 2, 5].contains($0.mantissa) } }
        for k in [1, 2, 3, 5, 10, 20, 50, 100] {
            rules.append { $0.isDecade && $0.exponent % k == 0 }
        }
        var fallback: [AxisTick]? = nil
        for rule in rules {
            let ticks = all.compactMap { t -> AxisTick? in
                let labelled = rule(t)
                guard labelled || (showMinor || t.isDecade), let p = scale(t.value) else { return nil }
                return AxisTick(value: t.value, position: p, label: labelled ? TickFormat.log(t.value) : nil,
                                isMinor: !t.isDecade)
            }
            guard fits(ticks, orientation, fontSize: fontSize) else { continue }
            if ticks.filter({ $0.label != nil }).count >= 2 { return ticks }
            if fallback == nil { fallback = ticks }
        }
        return fallback ?? []
    }

    /// Whether neighbouring labels keep a gap of at least ~0.6 em (horizontal) or 1.15 em pitch (vertical).
    static func fits(_ ticks: [AxisTick], _ orientation: Orientation, fontSize: Double) -> Bool {
        let labelled = ticks.filter { $0.label != nil }.sorted { $0.position < $1.position }
        guard labelled.count > 1 else { return true }
        for i in 1..<labelled.count {
            let a = labelled[i - 1], b = labelled[i]
            let gap = b.position - a.position
            switch orientation {
            case .horizontal:
                let need = (TextWidth.width(a.label ?? "", fontSize: fontSize)
                    + TextWidth.width(b.label ?? "", fontSize: fontSize)) / 2 + 0.6 * fontSize
                if gap < need { return false }
            case .vertical:
                if gap < 1.15 * fontSize { return false }
            }
        }
        return true
    }
}
