/// Markdown module.
