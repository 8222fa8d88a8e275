#!/usr/bin/env python3
"""Loads every page of a built site in headless Chromium and checks what a reader would meet.

For each page, at 375 px and 1280 px wide, in the light and the dark colour scheme, it asserts:
no console error or uncaught exception, no failed or non-2xx request, no request leaving the site
(the site is served from 127.0.0.1 and every other host is unresolvable), and no horizontal
overflow of the page (document.documentElement.scrollWidth <= viewport width), and chart labels of at
least MIN_CHART_TEXT px as rendered (font size × the SVG's scale), and no layout shift while the page
loads (the scripts only add what is laid over the page). Each page's own JavaScript must stay within
SCRIPT_BUDGET compressed. It also checks, on
the first lesson-like page, that the theme toggle switches and remembers the theme, that the search box finds
headings by keyboard alone, served and from disk (search.py; with --search-only, that alone), and that a page loaded with JavaScript disabled
still shows its content and no search box; on every page with citations, that focusing
each one shows its reference below it and inside the screen, and that it is hidden otherwise. With --axe PATH (axe-core's axe.min.js) it
runs the axe-core audit (rules tagged wcag2a, wcag2aa, wcag21aa and best-practice) on every page at
both widths in both themes and fails on any violation. On every page with interactive figures it drives them with the
keyboard alone, the mouse and touch (widgets.py): readouts must equal the CSV and stay inside their chart box, toggles and folds must work, and
no console error may appear. A screenshot of each combination is
written to the screenshots folder.

Talks to Chromium over the DevTools protocol on a pipe (devtools.py), so it needs only the Python
standard library.

usage: check.py SITE_DIR SCREENSHOT_DIR [--chromium PATH] [--axe AXE_MIN_JS] [--full-page]
"""
import base64
import functools
import gzip
import re
import http.server
import json
import os
import sys
import tempfile
import threading
import time

import devtools
from devtools import Browser, evaluate
from widgets import widget_problems
from search import search_problems

WIDTHS = [375, 1280]
THEMES = ["light", "dark"]
HEIGHT = {375: 812, 1280: 900}
# Chart labels must stay readable on a phone: no smaller than this many CSS pixels as rendered.
MIN_CHART_TEXT = 11
# The page's own JavaScript (its script files and inline scripts, not the JSON data figures embed), gzip-compressed.
SCRIPT_BUDGET = 12 * 1024


def script_bytes(site, page):
    """Compressed size of the JavaScript a page runs: each script file once, plus its inline scripts."""
    folder = os.path.dirname(os.path.join(site, page))
    html = open(os.path.join(site, page), encoding="utf-8").read()
    total = 0
    for attributes, body in re.findall(r"<script([^>]*)>(.*?)</script>", html, re.S):
        if "application/json" in attributes:
            continue
        source = re.search(r'src="([^"]+)"', attributes)
        if source:
            url = source.group(1)
            path = os.path.join(site, url.lstrip("/")) if url.startswith("/") else os.path.join(folder, url)
            with open(os.path.normpath(path), "rb") as f:
                body = f.read()
        total += len(gzip.compress(body if isinstance(body, bytes) else body.encode(), 9))
    return total


class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


OVERFLOW_PROBE = r"""
(() => {
  const width = document.documentElement.clientWidth;
  const scroll = document.documentElement.scrollWidth;
  const culprits = [];
  if (scroll > width) {
    const scrolls = el => { for (let p = el.parentElement; p; p = p.parentElement) {
      const o = getComputedStyle(p).overflowX; if (o === 'auto' || o === 'scroll' || o === 'hidden') return true; } return false; };
    for (const el of document.body.querySelectorAll('*')) {
      const r = el.getBoundingClientRect();
      if (r.right > width + 0.5 && !scrolls(el)) {
        culprits.push(el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') +
          (el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\s+/).join('.') : '') +
          ' (right ' + Math.round(r.right) + ')');
        if (culprits.length >= 5) break;
      }
    }
  }
  // The smallest chart label as rendered: its font size times the SVG's scale (rendered width / viewBox).
  let minChartText = null;
  for (const svg of document.querySelectorAll('svg.sgc')) {
    const box = svg.viewBox && svg.viewBox.baseVal;
    const rendered = svg.getBoundingClientRect().width;
    if (!box || !box.width || !rendered) continue;
    for (const text of svg.querySelectorAll('text')) {
      const px = parseFloat(getComputedStyle(text).fontSize) * rendered / box.width;
      if (minChartText === null || px < minChartText) minChartText = px;
    }
  }
  return JSON.stringify({width, scroll, culprits, innerWidth: window.innerWidth, minChartText,
    theme: getComputedStyle(document.documentElement).colorScheme,
    main: !!document.querySelector('main'), text: document.body.innerText.length});
})()
"""


# The page's cumulative layout shift since navigation (0 when nothing moved; PerformanceObserver reports only shifts).
LAYOUT_SHIFT = """new Promise(done => {
  setTimeout(() => done(0), 200);
  new PerformanceObserver(list => done(list.getEntries().reduce((sum, e) => sum + (e.hadRecentInput ? 0 : e.value), 0)))
    .observe({type: 'layout-shift', buffered: true});
})"""

# Whether the search box can be seen (it must not be without JavaScript).
SEARCH_BOX_SHOWN = """(() => { const b = document.querySelector('.site-search');
  return !!b && getComputedStyle(b).display !== 'none' && getComputedStyle(b).visibility !== 'hidden'; })()"""

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21aa", "best-practice"]
AXE_RUN = """(async () => {
  const result = await axe.run(document, {runOnly: {type: 'tag', values: %s}, resultTypes: ['violations']});
  return JSON.stringify(result.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 5), count: v.nodes.length})));
})()""" % json.dumps(AXE_TAGS)


def axe_problems(browser, session, axe_source):
    """Runs axe-core on the loaded page; one problem per violated rule, naming up to five elements."""
    evaluate(browser, session, axe_source + "\n;0")
    violations = json.loads(evaluate(browser, session, AXE_RUN))
    return [f"axe {v['impact']} {v['id']}: {v['help']} ({v['count']} element{'s' if v['count'] != 1 else ''}: "
            f"{', '.join(v['nodes'])}{', …' if v['count'] > 5 else ''})" for v in violations]


def late_problems(browser, session):
    """Console errors and uncaught exceptions since the page loaded (while its widgets were driven)."""
    browser.send("Runtime.evaluate", {"expression": "1"}, session)
    problems = []
    for event in [e for e in browser.events if e.get("sessionId") == session]:
        method, params = event.get("method"), event.get("params", {})
        if method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
            problems.append("console error while using the page: " + " ".join(
                str(a.get("value", a.get("description", ""))) for a in params.get("args", [])))
        elif method == "Runtime.exceptionThrown":
            details = params.get("exceptionDetails", {})
            problems.append(f"uncaught exception while using the page: {details.get('exception', {}).get('description') or details.get('text')}")
    browser.events = [e for e in browser.events if e.get("sessionId") != session]
    return problems


def load(browser, session, url):
    """Navigates and waits for the load event; returns the problems seen while loading."""
    return devtools.load(browser, session, url, lambda request: request.startswith(ORIGIN))


def shoot(browser, session, path, full_page):
    params = {"format": "png"}
    if full_page:
        params["captureBeyondViewport"] = True
    data = browser.send("Page.captureScreenshot", params, session)["data"]
    with open(path, "wb") as f:
        f.write(base64.b64decode(data))


def set_viewport(browser, session, width, theme, scripts=True):
    browser.send("Emulation.setDeviceMetricsOverride", {
        "width": width, "height": HEIGHT[width], "deviceScaleFactor": 1, "mobile": width < 600}, session)
    browser.send("Emulation.setEmulatedMedia", {"features": [
        {"name": "prefers-color-scheme", "value": theme}]}, session)
    browser.send("Emulation.setScriptExecutionDisabled", {"value": not scripts}, session)


def theme_toggle_problems(browser, session, url):
    """The toggle flips the theme, the choice survives a reload, and the page starts following the system again once cleared."""
    set_viewport(browser, session, 1280, "light")
    problems = load(browser, session, url)
    evaluate(browser, session, "localStorage.removeItem('sitegen-theme')")
    problems += load(browser, session, url)
    script = """(async () => {
      const b = document.querySelector('.theme-toggle');
      if (!b) return 'no .theme-toggle button';
      if (b.hidden) return 'the theme toggle is still hidden after the script ran';
      b.click();
      const t = document.documentElement.dataset.theme;
      const bg = getComputedStyle(document.body).backgroundColor;
      if (t !== 'dark') return 'clicking the toggle in the light scheme gave data-theme=' + t;
      if (bg === 'rgb(255, 255, 255)') return 'data-theme=dark did not change the page background';
      return 'ok';
    })()"""
    answer = evaluate(browser, session, script)
    if answer != "ok":
        problems.append(f"theme toggle: {answer}")
    problems += load(browser, session, url)
    remembered = evaluate(browser, session, "document.documentElement.dataset.theme || 'none'")
    if remembered != "dark":
        problems.append(f"theme toggle: after a reload the theme is '{remembered}', not the chosen 'dark'")
    evaluate(browser, session, "localStorage.removeItem('sitegen-theme')")
    return problems


def skip_link_problems(browser, session, url):
    """The first Tab lands on a visible skip link, with a visible focus outline; following it focuses <main>."""
    set_viewport(browser, session, 375, "light")
    problems = load(browser, session, url)
    key = {"key": "Tab", "code": "Tab", "windowsVirtualKeyCode": 9}
    browser.send("Input.dispatchKeyEvent", {"type": "keyDown", **key}, session)
    browser.send("Input.dispatchKeyEvent", {"type": "keyUp", **key}, session)
    answer = evaluate(browser, session, """(() => {
      const a = document.activeElement;
      if (!a || !a.classList.contains('skip-link')) return 'the first Tab focuses ' + (a ? a.tagName : 'nothing') + ', not the skip link';
      const r = a.getBoundingClientRect();
      if (r.top < 0 || r.bottom > innerHeight || r.width < 10) return 'the focused skip link is off screen';
      if (getComputedStyle(a).outlineStyle === 'none') return 'the focused skip link has no outline';
      return 'ok';
    })()""")
    if answer != "ok":
        problems.append(f"keyboard: {answer}")
    browser.send("Input.dispatchKeyEvent", {"type": "keyDown", "key": "Enter", "code": "Enter", "windowsVirtualKeyCode": 13}, session)
    browser.send("Input.dispatchKeyEvent", {"type": "keyUp", "key": "Enter", "code": "Enter", "windowsVirtualKeyCode": 13}, session)
    # Following the link is asynchronous: poll for up to 5 s rather than guess how long a loaded machine needs.
    deadline = time.time() + 5
    while True:
        target = evaluate(browser, session, "document.activeElement ? document.activeElement.id : ''")
        if target == "main" or time.time() > deadline:
            break
        time.sleep(0.05)
    if target != "main":
        problems.append(f"keyboard: following the skip link focuses '{target}', not <main id=\"main\">")
    return problems


CITATION_PROBE = r"""
(() => {
  const links = [...document.querySelectorAll('.citation > a')];
  const problems = [];
  for (const a of links) {
    const tip = document.getElementById(a.getAttribute('aria-describedby'));
    if (!tip) { problems.push(a.textContent + ': aria-describedby names no element'); continue; }
    if (getComputedStyle(tip).display !== 'none') problems.push(a.textContent + ': preview shown before focus');
    a.focus();
    const r = tip.getBoundingClientRect(), l = a.getBoundingClientRect();
    if (getComputedStyle(tip).display === 'none' || r.width < 50 || r.height < 10) problems.push(a.textContent + ': focus does not show the preview');
    else if (r.left < 0 || r.right > document.documentElement.clientWidth + 0.5) problems.push(a.textContent + ': preview spills off screen (' + Math.round(r.left) + '..' + Math.round(r.right) + ')');
    else if (r.top < l.bottom - 1) problems.push(a.textContent + ': preview covers its citation');
    a.blur();
    if (!document.getElementById(a.getAttribute('href').slice(1))) problems.push(a.textContent + ': links to a missing reference');
  }
  return JSON.stringify({count: links.length, problems: problems.slice(0, 5)});
})()
"""


def citation_preview_problems(browser, session, url, width):
    """Focusing each citation shows its reference below it, inside the screen; it is hidden otherwise."""
    set_viewport(browser, session, width, "light")
    problems = load(browser, session, url)
    answer = json.loads(evaluate(browser, session, CITATION_PROBE))
    return answer["count"], problems + [f"citation preview: {p}" for p in answer["problems"]]


def main():
    global ORIGIN
    args = sys.argv[1:]
    chromium = "chromium"
    full_page = False
    if "--chromium" in args:
        i = args.index("--chromium")
        chromium = args[i + 1]
        del args[i:i + 2]
    axe_source = None
    if "--axe" in args:
        i = args.index("--axe")
        with open(args[i + 1], encoding="utf-8") as f:
            axe_source = f.read()
        del args[i:i + 2]
    if "--full-page" in args:
        args.remove("--full-page")
        full_page = True
    # --search-only: only the search check (a site whose index has several shards; browser-check.sh builds one).
    search_only = "--search-only" in args
    if search_only:
        args.remove("--search-only")
    if len(args) != 2:
        print(__doc__.strip().splitlines()[-1], file=sys.stderr)
        return 2
    site, shots = (os.path.abspath(a) for a in args)
    os.makedirs(shots, exist_ok=True)

    pages = []
    for folder, _, files in os.walk(site):
        for name in files:
            if name.endswith(".html"):
                relative = os.path.relpath(os.path.join(folder, name), site).replace(os.sep, "/")
                pages.append(relative)
    pages.sort(key=lambda p: (p.count("/"), p))
    if not pages:
        print(f"browser-check: no .html files under {site}", file=sys.stderr)
        return 1

    handler = functools.partial(Quiet, directory=site)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    ORIGIN = f"http://127.0.0.1:{server.server_address[1]}/"

    passed, failed = 0, 0

    def report(label, problems, passed_label=None):
        """Prints `ok   label` (or `passed_label`), or `FAIL label` and each distinct problem; counts it."""
        nonlocal passed, failed
        if problems:
            failed += 1
            print(f"FAIL {label}")
            for problem in dict.fromkeys(problems):
                print(f"  - {problem}")
        else:
            passed += 1
            print(f"ok   {passed_label or label}")
    with tempfile.TemporaryDirectory(prefix="sitegen-chromium-") as profile:
        browser = Browser(chromium, profile)
        try:
            session = browser.new_session()
            for page in ([] if search_only else pages):
                url = ORIGIN + (page[:-len("index.html")] if page.endswith("index.html") else page)
                for width in WIDTHS:
                    for theme in THEMES:
                        label = f"{page} @{width}px {theme}"
                        set_viewport(browser, session, width, theme)
                        problems = load(browser, session, url)
                        probe = json.loads(evaluate(browser, session, OVERFLOW_PROBE))
                        if probe["scroll"] > width:
                            problems.append(f"horizontal overflow: page is {probe['scroll']} px wide in a {width} px viewport; "
                                            f"wide elements: {', '.join(probe['culprits']) or 'unknown'}")
                        if probe["minChartText"] is not None and probe["minChartText"] < MIN_CHART_TEXT:
                            problems.append(f"chart labels render at {probe['minChartText']:.1f} px, below {MIN_CHART_TEXT} px")
                        if probe["theme"] != theme:
                            problems.append(f"color-scheme is '{probe['theme']}', expected '{theme}'")
                        shift = evaluate(browser, session, LAYOUT_SHIFT)
                        if shift > 0:
                            problems.append(f"layout shift while loading: {shift:.4f} (the scripts must not move what is drawn)")
                        if axe_source:
                            problems += axe_problems(browser, session, axe_source)
                        problems += widget_problems(browser, session, os.path.join(site, page))
                        problems += late_problems(browser, session)
                        name = page.replace("/", "_").removesuffix(".html")
                        shoot(browser, session, os.path.join(shots, f"{name}-{width}-{theme}.png"), full_page)
                        report(label, problems)
                size = script_bytes(site, page)
                label = f"{page}: its JavaScript is {size} bytes compressed (budget {SCRIPT_BUDGET})"
                report(label, [f"over the budget of {SCRIPT_BUDGET} bytes"] if size > SCRIPT_BUDGET else [])
                # Without JavaScript the page still shows its text (nothing is rendered by scripts).
                set_viewport(browser, session, 375, "light", scripts=False)
                problems = load(browser, session, url)
                probe = json.loads(evaluate(browser, session, OVERFLOW_PROBE))
                if not probe["main"] or probe["text"] < 40:
                    problems.append("without JavaScript the page has no <main> or almost no text")
                if probe["scroll"] > 375:
                    problems.append(f"without JavaScript the page overflows: {probe['scroll']} px")
                if evaluate(browser, session, SEARCH_BOX_SHOWN):
                    problems.append("without JavaScript the search box is shown (it cannot work)")
                label = f"{page} without JavaScript"
                report(label, problems)
                set_viewport(browser, session, 375, "light", scripts=True)
            for page in ([] if search_only else pages):
                if "class=\"citation\"" not in open(os.path.join(site, page), encoding="utf-8").read():
                    continue
                for width in WIDTHS:
                    count, problems = citation_preview_problems(browser, session, ORIGIN + page.removesuffix("index.html"), width)
                    label = f"citation previews on {page} @{width}px"
                    report(label, problems, f"{label}: {count} citations, each shows its reference on focus")
            toggle_page = next((p for p in pages if p.count("/") >= 2), pages[0])
            if not search_only:
                problems = theme_toggle_problems(browser, session, ORIGIN + toggle_page.removesuffix("index.html"))
                report(f"theme toggle on {toggle_page}", problems, f"theme toggle on {toggle_page} switches and is remembered")
                problems = skip_link_problems(browser, session, ORIGIN + toggle_page.removesuffix("index.html"))
                report(f"keyboard on {toggle_page}", problems, f"keyboard on {toggle_page}: the first Tab shows the skip link, which focuses <main>")
            for how, page_url, inside in (
                    ("served", ORIGIN + toggle_page.removesuffix("index.html"), lambda r: r.startswith(ORIGIN)),
                    ("from disk", "file://" + os.path.join(site, toggle_page), lambda r: r.startswith("file://" + site + "/"))):
                set_viewport(browser, session, 1280, "light")
                problems, count = search_problems(browser, session, site, page_url, lambda path: path + "index.html",
                                                  lambda b, s, u: devtools.load(b, s, u, inside))
                problems += late_problems(browser, session)
                report(f"search on {toggle_page} ({how})", problems,
                       f"search on {toggle_page} ({how}): {count} headings found by keyboard alone, by word, folded and prefix")
        except Exception as error:  # a browser that dies or hangs is a failed check, not a traceback
            failed += 1
            print(f"FAIL browser session: {error}")
        finally:
            browser.close()
            server.shutdown()
    print(f"screenshots: {shots}")
    print(f"browser-check: {passed} passed, {failed} failed")
    return 1 if failed else 0


ORIGIN = ""
if __name__ == "__main__":
    sys.exit(main())
