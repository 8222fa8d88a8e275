/// The numeric core: seeded random streams, data sets, float32 MLPs, losses, optimisers and
/// learning-rate schedulers with PyTorch's, numpy's and scikit-learn's exact semantics.
///
/// It knows nothing of markdown, YAML, HTML or files.
public enum NumericCore {
    /// Bumped whenever a change can alter any computed number; part of every experiment cache key.
    public static let version = "11"
}
