/// A build-time syntax highlighter for python, swift, yaml, bash/console and json.
public enum SyntaxHighlight {}
