import NumericCore

/// Executed experiments: the `experiment` block spec, its runner and cache, tables, charts and checks.
public enum Experiments {
    public static var coreVersion: String { NumericCore.version }
}
