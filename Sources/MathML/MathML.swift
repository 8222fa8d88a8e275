/// A TeX subset to MathML converter, standalone so it can be fuzzed on its own.
public enum MathML {}
