import Diagnostics

/// When a code listing is shown folded after its first lines, with "Show all N lines" and its download link.
///
/// An included file (```` ```python file="train.py" ````) longer than `defaultLimit` lines folds; a fence's
/// `fold="N"` folds any listing longer than N lines (an included file or not), `fold="no"` never folds it.
/// Folding is CSS over a `<details>` toggle: the whole text is always in the page (search engines, print,
/// readers without JavaScript or CSS, screen readers).
struct FoldedListing: Equatable {
    /// Included files longer than this fold unless their fence says otherwise.
    static let defaultLimit = 25
    /// A folded listing shows at most this many lines.
    static let shownLines = 15

    /// Lines in the listing.
    var lines: Int
    /// Lines shown while folded.
    var shown: Int

    /// The fold of a listing of `code` with these fence attributes, or nil when it is shown whole; a `fold`
    /// value that is neither a positive number of lines nor `no` is an error at the fence.
    static func of(_ code: String, attributes: [String: String], at location: SourceLocation) throws(Diagnostic) -> FoldedListing? {
        let limit: Int
        switch attributes["fold"] {
        case nil:
            guard attributes["download"] != nil else { return nil }
            limit = defaultLimit
        case "no":
            return nil
        case let value?:
            guard let n = Int(value), n > 0 else {
                throw Diagnostic.error(at: location, "fold=\"\(value)\" is not a number of lines: write fold=\"40\" to fold this listing when it is longer than 40 lines, or fold=\"no\" to always show it whole")
            }
            limit = n
        }
        var lines = TextLines.count(code)
        if code.hasSuffix("\n") { lines -= 1 }
        guard lines > limit else { return nil }
        return FoldedListing(lines: lines, shown: min(limit, shownLines))
    }
}
