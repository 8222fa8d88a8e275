/// A synthetic regression generator: `count` rows of four features drawn from numpy's legacy
/// `RandomState(seed)` and a target linear in three of them plus Gaussian noise, clipped, bit for bit as
/// numpy computes it. Its columns model food deliveries (hence the name, and the experiment format's
/// `dataset: delivery-times`); nothing here depends on a lesson (docs/parity.md §3.1).
public struct DeliveryTimes: Sendable, Equatable {
    /// Column names of `features`, in order.
    public static let featureNames = ["distance", "traffic", "prep", "value"]

    /// Rows: distance (km), traffic (1…10), preparation time (min), order value.
    public let features: Matrix
    /// Delivery time in minutes, one per row.
    public let targets: [Double]

    /// Draws, in order, n each: `distance = clip(|normal(4, 2)|, 0.5, 15)`, `traffic = randint(1, 11)`,
    /// `prep = clip(|normal(15, 5)|, 5, 35)`, `value = clip(|normal(350, 150)|, 50, 1200)`,
    /// `e = normal(0, noise)`; then `clip(8.6 + 7.3·distance + 0.8·prep + 1.5·traffic + e, 10, 120)`
    /// evaluated left to right without fusion.
    public init(count: Int = 2000, seed: Int64 = 42, noise: Double = 4.0) throws {
        guard count >= 1 else { throw DataError.invalidCount(name: "count", value: count, minimum: 1) }
        guard noise >= 0 else {
            throw DataError.invalidParameter(name: "noise", value: noise, allowed: "a standard deviation ≥ 0")
        }
        var rng = try NumpyRandomState(seed: seed)
        let distance = try rng.normal(loc: 4.0, scale: 2.0, count: count).map { clip(abs($0), 0.5, 15) }
        let traffic = try rng.randint(low: 1, high: 11, count: count).map { Double($0) }
        let prep = try rng.normal(loc: 15, scale: 5, count: count).map { clip(abs($0), 5, 35) }
        let value = try rng.normal(loc: 350, scale: 150, count: count).map { clip(abs($0), 50, 1200) }
        let e = try rng.normal(loc: 0, scale: noise, count: count)
        var x = [Double]()
        x.reserveCapacity(4 * count)
        var y = [Double]()
        y.reserveCapacity(count)
        for i in 0..<count {
            x.append(contentsOf: [distance[i], traffic[i], prep[i], value[i]])
            let a = 8.6 + 7.3 * distance[i]
            let b = a + 0.8 * prep[i]
            let c = b + 1.5 * traffic[i]
            y.append(clip(c + e[i], 10, 120))
        }
        features = Matrix(unchecked: count, 4, x)
        targets = y
    }
}

/// numpy's `clip(v, lo, hi)`.
private func clip(_ v: Double, _ lo: Double, _ hi: Double) -> Double { min(max(v, lo), hi) }
