/// Texts for checking the escapers' scans, which pass over bytes a word at a time: for each of `specials`, each of
/// `lengths` scalars of `filler` (taken every `step`th, so the scalars' bytes fall at every offset of a word), with the
/// special character at every place; each with a label that names it.
func textsPlacing(_ specials: [String], lengths: [Int], filler: String, step: Int) -> [(text: String, label: String)] {
    textsPlacingRuns(specials.map { String($0.unicodeScalars.first!) }, lengths: lengths, filler: filler, step: step)
}

/// Texts as `textsPlacing` makes them, but with a run of several characters at every place (cut off where the text
/// ends): an escaped character followed by the one that sits a bit above it, which the word tests' borrow marks too,
/// checks that only a first mark is read, and that bytes escaped just before the text's last word mark none of it.
func textsPlacingRuns(_ runs: [String], lengths: [Int], filler: String, step: Int) -> [(text: String, label: String)] {
    let filler = Array(filler.unicodeScalars)
    var texts: [(text: String, label: String)] = []
    for run in runs {
        for length in lengths {
            for at in 0..<length {
                var scalars = (0..<length).map { filler[($0 * step) % filler.count] }
                for (k, scalar) in run.unicodeScalars.enumerated() where at + k < length { scalars[at + k] = scalar }
                texts.append((String(String.UnicodeScalarView(scalars)), "\(run.debugDescription) at \(at) of \(length)"))
            }
        }
    }
    return texts
}
