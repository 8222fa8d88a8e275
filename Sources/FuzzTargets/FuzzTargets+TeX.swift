import MathML

/// The `tex` fuzzer: one formula.
extension FuzzTargets {
    /// The formula as `RenderMath` converts it, inline and display. A conversion must either throw a
    /// `TeXError` whose offset lies inside the formula (the stage maps it to a column) or produce
    /// MathML whose tags balance.
    public static func tex(_ bytes: [UInt8]) -> [Outcome] {
        let tex = String(decoding: bytes, as: UTF8.self)
        return [false, true].map { (display: Bool) -> Outcome in
            do throws(TeXError) {
                let mathML = try TeXToMathML.convert(tex, display: display)
                if let problem = MarkupCheck.problem(in: mathML) {
                    fatalError("unbalanced MathML for \(tex.debugDescription) (display: \(display)): \(problem)\n\(mathML)")
                }
                return .accepted("\(mathML.utf8.count)")
            } catch {
                guard error.offset >= 0, error.offset <= tex.utf8.count else {
                    fatalError("TeXError offset \(error.offset) outside the formula (\(tex.utf8.count) bytes): \(error.message)")
                }
                return .rejected([error.message])
            }
        }
    }
}
