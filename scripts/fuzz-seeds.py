#!/usr/bin/env python3
"""Seed corpora and dictionaries for scripts/fuzz.sh, made from the real lesson and the test fixtures.

Usage: fuzz-seeds.py OUT_DIR   (run from the repository root)
Writes OUT_DIR/seeds/{spec,lesson,tex,template,writer}/ (one input per file, named by content hash) and
OUT_DIR/dict/{spec,lesson,tex,template,writer}.dict (libFuzzer dictionaries).
"""
import glob
import hashlib
import os
import re
import sys
import textwrap

out = sys.argv[1]
seeds = {"spec": set(), "lesson": set(), "tex": set(), "template": set(), "writer": set()}
words = {"spec": set(), "lesson": set(), "tex": set(), "template": set(), "writer": set()}

markdown = sorted(glob.glob("content/**/*.md", recursive=True)
                  + glob.glob("Tests/**/Fixtures/**/*.md", recursive=True))
for path in markdown:
    text = open(path, encoding="utf-8").read()
    seeds["lesson"].add(text)
    # The lesson cut at its level-2 headings, each piece under the file's front matter.
    m = re.match(r"(---\n.*?\n---\n)(.*)", text, re.S)
    if m:
        head, body = m.groups()
        for part in re.split(r"\n(?=## )", body):
            seeds["lesson"].add(head + part)
    for block in re.findall(r"^```experiment\n(.*?)^```", text, re.S | re.M):
        seeds["spec"].add(block)
    # Math: $$…$$ then $…$ on one line (a rough cut; the fuzzer does the rest).
    for formula in re.findall(r"\$\$(.+?)\$\$", text, re.S):
        seeds["tex"].add(formula.strip())
    for formula in re.findall(r"(?<![\\$])\$([^$\n]+?)\$(?!\$)", re.sub(r"\$\$.+?\$\$", "", text, flags=re.S)):
        seeds["tex"].add(formula)

# Spec blocks written in the tests as Swift multi-line strings.
for path in glob.glob("Tests/ExperimentsTests/**/*.swift", recursive=True):
    for block in re.findall(r'"""\n(.*?)\n\s*"""', open(path, encoding="utf-8").read(), re.S):
        text = textwrap.dedent(block) + "\n"
        if re.search(r"^kind:", text, re.M):
            seeds["spec"].add(text.replace("\\\\", "\\"))

# Formulas written in the MathML tests as Swift strings.
for path in glob.glob("Tests/MathMLTests/*.swift"):
    for literal in re.findall(r'"((?:[^"\\\n]|\\.)*)"', open(path, encoding="utf-8").read()):
        tex = literal.replace('\\"', '"').replace("\\\\", "\\")
        if tex and not tex.startswith("<") and "\\(" not in literal:
            seeds["tex"].add(tex)

# Dictionaries: the TeX commands and environments the converter knows, the spec's keys and names.
for path in glob.glob("Sources/MathML/*.swift"):
    for name in re.findall(r'"([A-Za-z]{2,})"', open(path, encoding="utf-8").read()):
        words["tex"].update({"\\" + name, "\\begin{%s}" % name, "\\end{%s}" % name})
words["tex"].update(["{", "}", "^", "_", "&", "\\\\", "\\left(", "\\right)", "\\{", "\\}", "\\,", "\\;", "'"])
for path in glob.glob("Sources/Experiments/**/*.swift", recursive=True):
    for name in re.findall(r'"([a-z][a-z0-9_-]{1,30})"', open(path, encoding="utf-8").read()):
        words["spec"].update({name, name + ": "})
words["spec"].update(["\n  - ", ": {", "}", "[", "]", "\"", "'", "&a ", "*a", "\n", "'](", "].", "[1]"])
words["lesson"].update(words["spec"])
words["lesson"].update(["---\n", "\n---\n", "title: ", "date: ", "order: ", "draft: ", "reading_time: ", "layout: ",
                        "summary: ", "$", "$$", "\\$", "{{", "}}", "| .4f", "```", "```experiment\n", "```python file=\"",
                        "~~~", "> [!NOTE]", "> [!QA] ", "> [!COMPARE]", "> [!TAKEAWAYS]", "### ", "## ", "[^1]", "[^1]: ",
                        "- [ ] ", "| a | b |\n|---|---|\n", "`", "<div>", "](/", "![", "*", "_", "\r\n"])

# Templates: the real ones (a partial after a `----` line), and the tags and names they use.
for path in sorted(glob.glob("templates/**/*.mustache", recursive=True)):
    text = open(path, encoding="utf-8").read()
    seeds["template"].add(text)
    seeds["template"].add(text + "\n----\n{{#lesson.toc}}{{title}}{{/lesson.toc}}")
    for tag in re.findall(r"\{\{\{?[^}]*\}?\}\}", text):
        words["template"].add(tag)
words["template"].update(["{{", "}}", "{{{", "}}}", "{{#", "{{/", "{{^", "{{>", "{{>partials/part}}", "{{!", "{{&",
                          "{{=<% %>=}}", "\n----\n", "site.title", "lesson.title", "lesson.toc", "content", "."])
# Output trees: the paths a build writes, and hostile ones.
seeds["writer"].update(["index.html\t<p>home</p>\nassets/style.css\tbody{}\n",
                        "optimisers/optimisers/index.html\tx\noptimisers/optimisers/sgd.py\tprint(1)\n",
                        "../escape\tx\n", "a\tfile\na/b\tfolder?\n", ".sitegen-output\tforged\n"])
words["writer"].update(["/", "../", "./", "//", "\t", "\n", "index.html", ".sitegen-output", ".gitkeep", "assets/", "\x00"])

def escape(word):
    return "".join(c if 32 <= ord(c) < 127 and c not in '"\\' else "\\x%02x" % b
                   for c in word for b in ([ord(c)] if ord(c) < 128 else c.encode("utf-8")))

for target in seeds:
    folder = os.path.join(out, "seeds", target)
    os.makedirs(folder, exist_ok=True)
    for text in seeds[target]:
        data = text.encode("utf-8")
        open(os.path.join(folder, hashlib.sha1(data).hexdigest()), "wb").write(data)
    os.makedirs(os.path.join(out, "dict"), exist_ok=True)
    with open(os.path.join(out, "dict", target + ".dict"), "w") as f:
        for word in sorted(words[target]):
            # \x escapes per UTF-8 byte for anything outside printable ASCII.
            f.write('"%s"\n' % "".join(
                ch if 32 <= ord(ch) < 127 and ch not in '"\\' else "".join("\\x%02x" % b for b in ch.encode("utf-8"))
                for ch in word))
    print(f"{target}: {len(seeds[target])} seeds, {len(words[target])} dictionary words")
