/// A reference line drawn across the plot, optionally labelled (e.g. a vertical rule "end of warmup").
public struct Annotation: Sendable, Equatable {
    /// Which way the rule runs.
    public enum Kind: Sendable, Equatable {
        /// A vertical rule at an x value (a phase boundary, a chosen epoch).
        case vertical(x: Double)
        /// A horizontal rule at a y value (a target loss, chance accuracy).
        case horizontal(y: Double)
    }

    public var kind: Kind
    public var label: String

    public init(_ kind: Kind, label: String = "") {
        self.kind = kind
        self.label = label
    }

    /// A vertical rule at `x`, labelled above the plot.
    public static func vertical(x: Double, label: String = "") -> Annotation {
        Annotation(.vertical(x: x), label: label)
    }

    /// A horizontal rule at `y`, labelled at its right end.
    public static func horizontal(y: Double, label: String = "") -> Annotation {
        Annotation(.horizontal(y: y), label: label)
    }

    var isLabelledVertical: Bool {
        if case .vertical = kind { return !label.isEmpty }
        return false
    }
}
