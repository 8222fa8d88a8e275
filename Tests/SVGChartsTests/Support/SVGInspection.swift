import Foundation

/// Small helpers to read values back out of generated SVG text in tests.
enum SVGInspection {
    /// All captures of the first group of `pattern` in `text`.
    static func captures(_ pattern: String, in text: String) -> [String] {
        guard let regex = try? NSRegularExpression(pattern: pattern) else { return [] }
        let range = NSRange(text.startIndex..., in: text)
        return regex.matches(in: text, range: range).compactMap { match in
            guard match.numberOfRanges > 1, let r = Range(match.range(at: 1), in: text) else { return nil }
            return String(text[r])
        }
    }

    /// The `d` attributes of the series lines.
    static func linePaths(_ svg: String) -> [String] {
        captures("<path class=\"sgc-line\" d=\"([^\"]*)\"", in: svg)
    }

    /// (x, y) pairs of a path's coordinates ("M1,2L3,4 5,6" → [(1,2),(3,4),(5,6)]).
    static func coordinates(_ d: String) -> [(Double, Double)] {
        captures("([-0-9.]+,[-0-9.]+)", in: d).compactMap { pair in
            let parts = pair.split(separator: ",").compactMap { Double($0) }
            return parts.count == 2 ? (parts[0], parts[1]) : nil
        }
    }

    static func count(_ needle: String, in text: String) -> Int {
        text.components(separatedBy: needle).count - 1
    }
}
