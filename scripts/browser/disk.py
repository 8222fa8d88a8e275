#!/usr/bin/env python3
"""Opens a built site from disk (file://) in headless Chromium and follows every link.

Every page of the site (each .html file except 404.html, which a host serves and which links from the
base path) is loaded over file://, and must load its stylesheets and scripts (no failed request, no
console error, every stylesheet applied, no request leaving the site folder). Every link, image,
script and stylesheet on it must lead to a file inside the site folder, never to a folder (which a
browser shows as a listing on disk) or outside it, and a #fragment must name an element of the target
page. Pages reached by links are loaded in turn, starting from index.html, so the check also proves
that navigation works; pages no link reaches are loaded too and listed. A screenshot of each page as
opened from disk goes to the screenshot folder.

Talks to Chromium over the DevTools protocol on a pipe (devtools.py), so it needs only the Python
standard library.

usage: disk.py SITE_DIR SCREENSHOT_DIR [--chromium PATH]
"""
import base64
import json
import os
import sys
import tempfile
import urllib.parse

import devtools
from devtools import Browser, evaluate

# What a page links to, resolved by the browser (so relative links resolve exactly as a reader's click
# would), and whether its stylesheets were applied.
PAGE_PROBE = r"""
(() => {
  const refs = [];
  const add = (el, attr) => { const v = el.getAttribute(attr); if (v !== null && v !== '') refs.push({tag: el.tagName.toLowerCase(), attr, raw: v, url: el[attr === 'href' ? 'href' : 'src'] || ''}); };
  for (const el of document.querySelectorAll('a[href], area[href]')) add(el, 'href');
  for (const el of document.querySelectorAll('link[href]')) { if (el.rel !== 'canonical') add(el, 'href'); }
  for (const el of document.querySelectorAll('img[src], script[src], source[src], iframe[src], video[src], audio[src]')) add(el, 'src');
  // A file:// page may not read its sheets' rules (each file is its own origin): a sheet object is enough.
  const sheets = [...document.querySelectorAll('link[rel=stylesheet]')].map(l => {
    let rules = -1; try { rules = l.sheet ? l.sheet.cssRules.length : 0; } catch (e) {}
    return {href: l.href, applied: !!l.sheet && rules !== 0};
  });
  const images = [...document.images].map(i => ({src: i.currentSrc || i.src, ok: i.complete && i.naturalWidth > 0}));
  const ids = [...document.querySelectorAll('[id]')].map(e => e.id).concat([...document.querySelectorAll('a[name]')].map(e => e.name));
  return JSON.stringify({refs, sheets, images, ids, title: document.title,
    styled: getComputedStyle(document.body).margin !== '8px'});
})()
"""


def load(browser, session, url):
    """Navigates over file:// and waits for the load event; returns the problems seen while loading."""
    return devtools.load(browser, session, url, lambda request: request.startswith(SITE_URL))


def local_path(url):
    """The file a file:// URL inside the site names (without fragment or query), or None outside it."""
    bare = urllib.parse.urldefrag(url)[0].split("?", 1)[0]
    if not bare.startswith(SITE_URL):
        return None
    return urllib.parse.unquote(bare[len(SITE_URL):])


def main():
    global SITE_URL
    args = sys.argv[1:]
    chromium = "chromium"
    if "--chromium" in args:
        i = args.index("--chromium")
        chromium = args[i + 1]
        del args[i:i + 2]
    if len(args) != 2:
        print(__doc__.strip().splitlines()[-1], file=sys.stderr)
        return 2
    site, shots = (os.path.abspath(a) for a in args)
    os.makedirs(shots, exist_ok=True)
    SITE_URL = "file://" + urllib.parse.quote(site) + "/"

    pages = sorted((os.path.relpath(os.path.join(folder, name), site).replace(os.sep, "/")
                    for folder, _, files in os.walk(site) for name in files if name.endswith(".html")),
                   key=lambda p: (p.count("/"), p))
    pages = [p for p in pages if p != "404.html"]
    if "index.html" not in pages:
        print(f"disk-check: no index.html in {site}", file=sys.stderr)
        return 1

    failures, visited, followed, anchors = [], {}, 0, []
    queue = ["index.html"]
    reached = {"index.html"}
    with tempfile.TemporaryDirectory(prefix="sitegen-chromium-") as profile:
        browser = Browser(chromium, profile)
        try:
            session = browser.new_session()
            browser.send("Emulation.setDeviceMetricsOverride",
                         {"width": 1280, "height": 900, "deviceScaleFactor": 1, "mobile": False}, session)
            while queue or len(visited) < len(pages):
                if not queue:   # pages no link reaches: still opened, and reported
                    page = next(p for p in pages if p not in visited)
                    failures.append(f"{page}: no link from index.html leads here")
                else:
                    page = queue.pop(0)
                if page in visited:
                    continue
                problems = load(browser, session, SITE_URL + urllib.parse.quote(page))
                probe = json.loads(evaluate(browser, session, PAGE_PROBE))
                visited[page] = set(probe["ids"])
                data = browser.send("Page.captureScreenshot", {"format": "png"}, session)["data"]
                with open(os.path.join(shots, page.replace("/", "_").removesuffix(".html") + "-from-disk.png"), "wb") as f:
                    f.write(base64.b64decode(data))
                if not probe["sheets"]:
                    problems.append("no stylesheet")
                for sheet in probe["sheets"]:
                    if not sheet["applied"]:
                        problems.append(f"stylesheet not applied: {sheet['href']}")
                if not probe["styled"]:
                    problems.append("the page is unstyled (body keeps the browser's default margin)")
                for image in probe["images"]:
                    if not image["ok"]:
                        problems.append(f"image did not load: {image['src']}")
                for ref in probe["refs"]:
                    url = ref["url"]
                    if url.startswith(("http:", "https:", "mailto:", "data:", "tel:")):
                        continue
                    path = local_path(url)
                    where = f"<{ref['tag']} {ref['attr']}=\"{ref['raw']}\">"
                    if path is None:
                        problems.append(f"{where} leads outside the site folder: {url}")
                        continue
                    full = os.path.join(site, path)
                    if path == "" or path.endswith("/") or os.path.isdir(full):
                        problems.append(f"{where} leads to a folder, which a browser shows as a listing on disk: {url}")
                        continue
                    if not os.path.isfile(full):
                        problems.append(f"{where} leads to a missing file: {path}")
                        continue
                    followed += 1
                    fragment = urllib.parse.urldefrag(url)[1]
                    if path.endswith(".html"):
                        if fragment:
                            anchors.append((page, where, path, urllib.parse.unquote(fragment)))
                        if path not in reached:
                            reached.add(path)
                            queue.append(path)
                if problems:
                    failures.extend(f"{page}: {problem}" for problem in dict.fromkeys(problems))
                    print(f"FAIL {page}")
                else:
                    print(f"ok   {page} ({len(probe['refs'])} references)")
            for page, where, path, fragment in anchors:
                if path in visited and fragment not in visited[path]:
                    failures.append(f"{page}: {where}: no element on {path} has id=\"{fragment}\"")
        except Exception as error:  # a browser that dies or hangs is a failed check, not a traceback
            failures.append(f"browser session: {error}")
        finally:
            browser.close()
    for failure in failures:
        print(f"  - {failure}")
    print(f"screenshots: {shots}")
    print(f"disk-check: {len(visited)} pages opened from disk, {followed} links followed, {len(anchors)} anchors, "
          f"{len(failures)} problems")
    return 1 if failures else 0


SITE_URL = ""
if __name__ == "__main__":
    sys.exit(main())
