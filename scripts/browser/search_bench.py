#!/usr/bin/env python3
"""`make bench`'s search rows: the index's size against the pages' HTML, and query time in headless Chromium.

Size: the bytes of assets/search-index.js against the bytes of every .html file of the site (and both
gzip-compressed, as a host would send them). Query time: the site is served from 127.0.0.1, the first lesson
opened, the index loaded, then each query is typed into the box (an input event) and timed until its results
are in the page (search.js answers synchronously), fastest of 5 rounds. The queries: every single letter and
digit (the widest prefixes), every prefix of the ten most frequent words of the index, each heading's words
as one query, and a word no lesson holds.

usage: search_bench.py SITE_DIR [--chromium PATH]
"""
import argparse
import functools
import glob
import gzip
import http.server
import os
import statistics
import sys
import tempfile
import threading
from collections import Counter

from check import Quiet
from devtools import Browser, load
from search import WORD, fold, load_index, query_times, texts


def sizes(site):
    index_path = glob.glob(os.path.join(site, "assets", "search-index.js"))[0]
    index = open(index_path, "rb").read()
    pages = []
    for folder, _, files in os.walk(site):
        pages += [open(os.path.join(folder, f), "rb").read() for f in files if f.endswith(".html")]
    html = sum(len(p) for p in pages)
    html_gz = sum(len(gzip.compress(p, 6)) for p in pages)
    return len(index), html, len(gzip.compress(index, 6)), html_gz, len(pages)


def queries(index):
    letters = [chr(c) for c in range(ord("a"), ord("z") + 1)] + [str(d) for d in range(10)]
    counts = Counter(fold(w) for text in texts(index) for w in WORD.findall(text))
    prefixes = [word[:n] for word, _ in counts.most_common(10) for n in range(2, len(word) + 1)]
    headings = sorted({entry[3] for entry in index["entries"] if entry[1] == 0 and entry[2]})
    return list(dict.fromkeys(letters + prefixes + headings + ["zzyzxqv"]))


def main():
    parser = argparse.ArgumentParser(description="The search index's size and query time.")
    parser.add_argument("site", help="a built site")
    parser.add_argument("--chromium", default="chromium", help="the Chromium binary")
    options = parser.parse_args()
    site = os.path.abspath(options.site)
    index = load_index(site)
    if index is None:
        print(f"search-bench: no assets/search-index.js in {site}", file=sys.stderr)
        return 1
    index_bytes, html_bytes, index_gz, html_gz, page_count = sizes(site)
    lesson = index["pages"][0][0] if index["pages"] else ""

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=site))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    origin = f"http://127.0.0.1:{server.server_address[1]}/"
    asked = queries(index)
    with tempfile.TemporaryDirectory(prefix="sitegen-chromium-") as profile:
        browser = Browser(options.chromium, profile)
        try:
            session = browser.new_session()
            problems = load(browser, session, origin + lesson, lambda r: r.startswith(origin))
            times = query_times(browser, session, asked)
        finally:
            browser.close()
            server.shutdown()
    if problems:
        print("search-bench: " + "; ".join(problems), file=sys.stderr)
        return 1
    slowest = max(range(len(times)), key=lambda i: times[i])
    entries = len(index["entries"])
    print(f"search index ({len(index['pages'])} lessons, {entries} entries, {page_count} pages)")
    print(f"  index size        {index_bytes:>9} B = {100 * index_bytes / html_bytes:5.1f} % of the pages' HTML ({html_bytes} B; target <= 15 %)")
    print(f"  gzip-compressed   {index_gz:>9} B = {100 * index_gz / html_gz:5.1f} % of the pages' HTML ({html_gz} B)")
    print(f"  query time        {len(times)} queries in Chromium, median {statistics.median(times):.2f} ms, "
          f"max {times[slowest]:.2f} ms ('{asked[slowest]}'; target <= 5 ms)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
