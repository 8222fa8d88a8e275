/// Point markers, one shape per series style, so series differ by shape as well as colour and dash.
enum MarkerShape: CaseIterable {
    case circle, square, triangle, diamond, triangleDown, cross, plus, ring

    static func forSeries(_ index: Int) -> MarkerShape {
        allCases[index % allCases.count]
    }

    /// Stroked (open) shapes get the `open` class: they have no area to fill.
    var isOpen: Bool { self == .cross || self == .plus || self == .ring }

    /// An SVG element (circle or path) of radius `r` centred on (x, y).
    func element(x: Double, y: Double, r: Double) -> String {
        let c = NumberText.coordinate
        switch self {
        case .circle:
            return "<circle cx=\"\(c(x))\" cy=\"\(c(y))\" r=\"\(c(r))\"/>"
        case .ring:
            return "<circle cx=\"\(c(x))\" cy=\"\(c(y))\" r=\"\(c(r * 0.9))\"/>"
        case .square:
            let s = r * 0.9
            return path("M\(c(x - s)),\(c(y - s))H\(c(x + s))V\(c(y + s))H\(c(x - s))Z")
        case .triangle:
            let h = r * 1.15
            return path("M\(c(x)),\(c(y - h))L\(c(x + h)),\(c(y + h * 0.8))H\(c(x - h))Z")
        case .triangleDown:
            let h = r * 1.15
            return path("M\(c(x)),\(c(y + h))L\(c(x + h)),\(c(y - h * 0.8))H\(c(x - h))Z")
        case .diamond:
            let h = r * 1.25
            return path("M\(c(x)),\(c(y - h))L\(c(x + h)),\(c(y))L\(c(x)),\(c(y + h))L\(c(x - h)),\(c(y))Z")
        case .cross:
            let s = r * 0.9
            return path("M\(c(x - s)),\(c(y - s))L\(c(x + s)),\(c(y + s))M\(c(x - s)),\(c(y + s))L\(c(x + s)),\(c(y - s))")
        case .plus:
            let s = r * 1.1
            return path("M\(c(x - s)),\(c(y))H\(c(x + s))M\(c(x)),\(c(y - s))V\(c(y + s))")
        }
    }

    private func path(_ d: String) -> String {
        "<path d=\"\(d)\"/>"
    }
}
