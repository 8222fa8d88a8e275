/// numpy's `np.linspace(start, stop, num, endpoint)` in binary64: `step = (stop − start) / div` with
/// div = num − 1 (endpoint) or num; value i = i ⊗ step ⊕ start; with the endpoint the last value is `stop` itself.
public func linspace(_ start: Double, _ stop: Double, count: Int, endpoint: Bool = true) -> [Double] {
    guard count > 0 else { return [] }
    let div = endpoint ? count - 1 : count
    guard div > 0 else { return [start] }
    let step = (stop - start) / Double(div)
    var values = (0..<count).map { Double($0) * step + start }
    if endpoint, count > 1 { values[count - 1] = stop }
    return values
}
