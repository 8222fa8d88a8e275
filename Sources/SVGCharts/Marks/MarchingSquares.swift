/// Contour lines of a function sampled on a regular grid, by marching squares.
///
/// `values[j][i]` is the function at grid column i, row j (rows run along y, columns along x). Each cell
/// whose corners lie on both sides of the level gets one segment (two in a saddle cell, resolved by the
/// average of its corners, the cell's centre value) between points placed on its edges by linear
/// interpolation; segments that share an edge point are then joined into polylines, so a closed contour
/// is one path. A cell with a non-finite corner (NaN from a log of a negative number, ∞) is left out.
/// Coordinates are in grid units: (i, j) with fractional parts, 0…columns−1 and 0…rows−1.
enum MarchingSquares {
    struct Point: Equatable {
        var i: Double
        var j: Double
    }

    /// The polylines of `level`, each at least two points; a closed contour ends at its first point.
    static func lines(_ values: [[Double]], level: Double) -> [[Point]] {
        let rows = values.count, columns = values.first?.count ?? 0
        guard rows >= 2, columns >= 2, values.allSatisfy({ $0.count == columns }) else { return [] }
        var points: [Int: Point] = [:]
        var segments: [(Int, Int)] = []
        // Edge keys: the horizontal edge from (i, j) to (i+1, j) is 2·(j·columns + i); the vertical one to (i, j+1) is that + 1.
        func edge(_ i: Int, _ j: Int, horizontal: Bool) -> Int {
            let key = 2 * (j * columns + i) + (horizontal ? 0 : 1)
            if points[key] == nil {
                let a = values[j][i], b = horizontal ? values[j][i + 1] : values[j + 1][i]
                let t = a == b ? 0.5 : min(max((level - a) / (b - a), 0), 1)
                points[key] = horizontal ? Point(i: Double(i) + t, j: Double(j)) : Point(i: Double(i), j: Double(j) + t)
            }
            return key
        }
        for j in 0..<(rows - 1) {
            for i in 0..<(columns - 1) {
                // Corners counter-clockwise from bottom-left; edge k runs from corner k to corner k+1.
                let corners = [values[j][i], values[j][i + 1], values[j + 1][i + 1], values[j + 1][i]]
                guard corners.allSatisfy(\.isFinite) else { continue }
                let above = corners.map { $0 >= level }
                let crossed = (0..<4).filter { above[$0] != above[($0 + 1) % 4] }
                guard !crossed.isEmpty else { continue }
                func key(_ k: Int) -> Int {
                    switch k {
                    case 0: edge(i, j, horizontal: true)
                    case 1: edge(i + 1, j, horizontal: false)
                    case 2: edge(i, j + 1, horizontal: true)
                    default: edge(i, j, horizontal: false)
                    }
                }
                if crossed.count == 2 {
                    segments.append((key(crossed[0]), key(crossed[1])))
                } else {
                    // A saddle: cut off the corners on the other side of the level from the cell's centre.
                    let centreAbove = corners.reduce(0, +) / 4 >= level
                    for k in 0..<4 where above[k] != centreAbove {
                        segments.append((key((k + 3) % 4), key(k)))
                    }
                }
            }
        }
        return join(segments).map { $0.compactMap { points[$0] } }
    }

    /// Joins segments that share an end into chains of edge keys.
    private static func join(_ segments: [(Int, Int)]) -> [[Int]] {
        var byEdge: [Int: [Int]] = [:]
        for (s, (a, b)) in segments.enumerated() {
            byEdge[a, default: []].append(s)
            byEdge[b, default: []].append(s)
        }
        var used = [Bool](repeating: false, count: segments.count)
        func extend(_ chain: inout [Int]) {
            while let end = chain.last, let next = byEdge[end]?.first(where: { !used[$0] }) {
                used[next] = true
                let (a, b) = segments[next]
                chain.append(a == end ? b : a)
            }
        }
        var chains: [[Int]] = []
        for s in segments.indices where !used[s] {
            used[s] = true
            var forward = [segments[s].0, segments[s].1]
            extend(&forward)
            var backward = [segments[s].0]
            extend(&backward)
            chains.append(backward.dropFirst().reversed() + forward)
        }
        return chains
    }
}
