#!/usr/bin/env python3
"""Loads every page of a built site in headless Chromium and checks what a reader would meet.

For each page, at 375 px and 1280 px wide, in the light and the dark colour scheme, it asserts:
no console error or uncaught exception, no failed or non-2xx request, no request leaving the site
(the site is served from 127.0.0.1 and every other host is unresolvable), and no horizontal
overflow of the page (document.documentElement.scrollWidth <= viewport width). It also checks, on
the first lesson-like page, that the theme toggle switches and remembers the theme, and that a page
loaded with JavaScript disabled still shows its content. A screenshot of each combination is
written to the screenshots folder.

Talks to Chromium over the DevTools protocol on a pipe (--remote-debugging-pipe: JSON messages
ending in NUL on file descriptors 3 and 4), so it needs only the Python standard library.

usage: check.py SITE_DIR SCREENSHOT_DIR [--chromium PATH] [--full-page]
"""
import base64
import functools
import http.server
import json
import os
import select
import subprocess
import sys
import tempfile
import threading
import time

WIDTHS = [375, 1280]
THEMES = ["light", "dark"]
HEIGHT = {375: 812, 1280: 900}
PAGE_TIMEOUT = 30.0


class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


class Browser:
    """A Chromium process driven over the DevTools pipe."""

    def __init__(self, executable, profile):
        to_child_r, self.to_child = os.pipe()
        self.from_child, from_child_w = os.pipe()

        def wire():
            os.dup2(to_child_r, 3)
            os.dup2(from_child_w, 4)

        args = [executable, "--headless=new", "--remote-debugging-pipe", "--disable-gpu",
                "--no-first-run", "--no-default-browser-check", "--disable-dev-shm-usage", "--disable-extensions",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-features=Translate,MediaRouter,OptimizationHints", "--hide-scrollbars",
                "--mute-audio", f"--user-data-dir={profile}",
                "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1", "about:blank"]
        if os.geteuid() == 0:
            args.insert(1, "--no-sandbox")
        self.process = subprocess.Popen(args, pass_fds=(3, 4), preexec_fn=wire,
                                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(to_child_r)
        os.close(from_child_w)
        self.buffer = b""
        self.next_id = 0
        self.events = []

    def _read_message(self, deadline):
        while b"\0" not in self.buffer:
            remaining = deadline - time.time()
            if remaining <= 0 or not select.select([self.from_child], [], [], remaining)[0]:
                raise TimeoutError("no answer from Chromium")
            chunk = os.read(self.from_child, 1 << 20)
            if not chunk:
                raise RuntimeError("Chromium closed the DevTools pipe")
            self.buffer += chunk
        message, _, self.buffer = self.buffer.partition(b"\0")
        return json.loads(message)

    def send(self, method, params=None, session=None, timeout=PAGE_TIMEOUT):
        self.next_id += 1
        message = {"id": self.next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        os.write(self.to_child, json.dumps(message).encode() + b"\0")
        deadline = time.time() + timeout
        while True:
            reply = self._read_message(deadline)
            if reply.get("id") == self.next_id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error'].get('message')}")
                return reply.get("result", {})
            self.events.append(reply)

    def wait_for(self, method, session, timeout=PAGE_TIMEOUT):
        deadline = time.time() + timeout
        while True:
            for index, event in enumerate(self.events):
                if event.get("method") == method and event.get("sessionId") == session:
                    del self.events[index]
                    return event
            self.events.append(self._read_message(deadline))

    def close(self):
        try:
            self.send("Browser.close", timeout=5)
        except Exception:
            pass
        try:
            self.process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.process.kill()


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
  return JSON.stringify({width, scroll, culprits, innerWidth: window.innerWidth,
    theme: getComputedStyle(document.documentElement).colorScheme,
    main: !!document.querySelector('main'), text: document.body.innerText.length});
})()
"""


def evaluate(browser, session, expression):
    result = browser.send("Runtime.evaluate", {"expression": expression, "returnByValue": True,
                                               "awaitPromise": True}, session)
    if "exceptionDetails" in result:
        raise RuntimeError(result["exceptionDetails"].get("text", "exception"))
    return result["result"].get("value")


def load(browser, session, url):
    """Navigates and waits for the load event; returns the problems seen while loading."""
    browser.events = [e for e in browser.events if e.get("sessionId") != session]
    browser.send("Page.navigate", {"url": url}, session)
    browser.wait_for("Page.loadEventFired", session)
    time.sleep(0.15)
    # Drain whatever arrived (late console messages, requests) without blocking.
    browser.send("Runtime.evaluate", {"expression": "1"}, session)
    problems = []
    session_events = [e for e in browser.events if e.get("sessionId") == session]
    urls = {e["params"].get("requestId"): e["params"].get("request", {}).get("url", "")
            for e in session_events if e.get("method") == "Network.requestWillBeSent"}
    for event in session_events:
        method, params = event.get("method"), event.get("params", {})
        if method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
            text = " ".join(str(a.get("value", a.get("description", ""))) for a in params.get("args", []))
            problems.append(f"console error: {text}")
        elif method == "Runtime.exceptionThrown":
            details = params.get("exceptionDetails", {})
            text = details.get("exception", {}).get("description") or details.get("text")
            problems.append(f"uncaught exception: {text}")
        elif method == "Log.entryAdded" and params.get("entry", {}).get("level") == "error":
            entry = params["entry"]
            problems.append(f"console error: {entry.get('text')} {entry.get('url', '')}".rstrip())
        elif method == "Network.requestWillBeSent":
            request_url = params.get("request", {}).get("url", "")
            if not (request_url.startswith(ORIGIN) or request_url.startswith(("data:", "about:", "blob:"))):
                problems.append(f"request outside the site: {request_url}")
        elif method == "Network.loadingFailed" and not params.get("canceled"):
            problems.append(f"failed request: {params.get('errorText')} {urls.get(params.get('requestId'), '')}".rstrip())
        elif method == "Network.responseReceived":
            response = params.get("response", {})
            if response.get("status", 200) >= 400:
                problems.append(f"HTTP {response.get('status')}: {response.get('url')}")
    browser.events = [e for e in browser.events if e.get("sessionId") != session]
    return problems


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


def main():
    global ORIGIN
    args = sys.argv[1:]
    chromium = "chromium"
    full_page = False
    if "--chromium" in args:
        i = args.index("--chromium")
        chromium = args[i + 1]
        del args[i:i + 2]
    if "--full-page" in args:
        args.remove("--full-page")
        full_page = True
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
    with tempfile.TemporaryDirectory(prefix="sitegen-chromium-") as profile:
        browser = Browser(chromium, profile)
        try:
            target = browser.send("Target.createTarget", {"url": "about:blank"})["targetId"]
            session = browser.send("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
            for domain in ("Page", "Runtime", "Log", "Network"):
                browser.send(f"{domain}.enable", {}, session)
            for page in pages:
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
                        if probe["theme"] != theme:
                            problems.append(f"color-scheme is '{probe['theme']}', expected '{theme}'")
                        name = page.replace("/", "_").removesuffix(".html")
                        shoot(browser, session, os.path.join(shots, f"{name}-{width}-{theme}.png"), full_page)
                        if problems:
                            failed += 1
                            print(f"FAIL {label}")
                            for problem in dict.fromkeys(problems):
                                print(f"  - {problem}")
                        else:
                            passed += 1
                            print(f"ok   {label}")
                # Without JavaScript the page still shows its text (nothing is rendered by scripts).
                set_viewport(browser, session, 375, "light", scripts=False)
                problems = load(browser, session, url)
                probe = json.loads(evaluate(browser, session, OVERFLOW_PROBE))
                if not probe["main"] or probe["text"] < 40:
                    problems.append("without JavaScript the page has no <main> or almost no text")
                if probe["scroll"] > 375:
                    problems.append(f"without JavaScript the page overflows: {probe['scroll']} px")
                label = f"{page} without JavaScript"
                if problems:
                    failed += 1
                    print(f"FAIL {label}")
                    for problem in dict.fromkeys(problems):
                        print(f"  - {problem}")
                else:
                    passed += 1
                    print(f"ok   {label}")
                set_viewport(browser, session, 375, "light", scripts=True)
            toggle_page = next((p for p in pages if p.count("/") >= 2), pages[0])
            problems = theme_toggle_problems(browser, session, ORIGIN + toggle_page.removesuffix("index.html"))
            if problems:
                failed += 1
                print(f"FAIL theme toggle on {toggle_page}")
                for problem in dict.fromkeys(problems):
                    print(f"  - {problem}")
            else:
                passed += 1
                print(f"ok   theme toggle on {toggle_page} switches and is remembered")
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
