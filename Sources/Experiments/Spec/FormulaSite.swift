import Diagnostics

/// Where a formula (a check, a column's `expr`, a table `value`, an `lr_lambda`) is written, so that an error found
/// in it, when it is parsed or later when it is evaluated, points at the character: in a one-line scalar an offset
/// into the formula is that many columns past its start (after the opening quote); a block scalar (`>-`, `|`)
/// starts its text on the next line, so there the error stays at the scalar's indicator.
public struct FormulaSite: Sendable, Hashable {
    /// Where the formula's text starts (a block scalar: its indicator).
    public var start: SourceLocation
    /// Whether an offset into the text moves along the start's line (false for a block scalar).
    var offsetsAlongLine: Bool

    public init(start: SourceLocation, offsetsAlongLine: Bool = true) {
        self.start = start
        self.offsetsAlongLine = offsetsAlongLine
    }

    /// The location of the character `offset` bytes into the formula.
    public func location(at offset: Int) -> SourceLocation {
        guard offsetsAlongLine else { return start }
        var location = start
        location.column += offset
        return location
    }
}
