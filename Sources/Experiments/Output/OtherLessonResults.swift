/// The results of the site's other lessons, for references that name one
/// (`optimisers/optimisers#sgd-variants["SGD (lr=0.01)"].test_mae`). The site build supplies the lookup,
/// which finds the lesson by its path under content/ (without `.md`) and runs or loads its blocks once
/// per build; an unknown lesson, or one whose experiments fail, is a `ReferenceError`.
public struct OtherLessonResults: Sendable {
    /// A lesson's results and specs, by block id.
    public typealias Lookup = @Sendable (_ lesson: String) throws(ReferenceError)
        -> (results: [String: ExperimentResult], specs: [String: ExperimentSpec])

    let lookup: Lookup

    public init(_ lookup: @escaping Lookup) {
        self.lookup = lookup
    }
}
