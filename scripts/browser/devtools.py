"""A headless Chromium driven over the DevTools protocol on a pipe (--remote-debugging-pipe):
JSON messages ending in NUL, commands written to the browser's file descriptor 3, answers and events
read from its file descriptor 4. Standard library only."""
import json
import os
import select
import subprocess
import time

TIMEOUT = 30.0


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

    def send(self, method, params=None, session=None, timeout=TIMEOUT):
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

    def wait_for(self, method, session, timeout=TIMEOUT):
        deadline = time.time() + timeout
        while True:
            for index, event in enumerate(self.events):
                if event.get("method") == method and event.get("sessionId") == session:
                    del self.events[index]
                    return event
            self.events.append(self._read_message(deadline))

    def new_session(self):
        """A fresh tab, attached, with the Page, Runtime, Log and Network events on; returns its session id."""
        target = self.send("Target.createTarget", {"url": "about:blank"})["targetId"]
        session = self.send("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        for domain in ("Page", "Runtime", "Log", "Network"):
            self.send(f"{domain}.enable", {}, session)
        return session

    def close(self):
        try:
            self.send("Browser.close", timeout=5)
        except Exception:
            pass
        try:
            self.process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.process.kill()


def evaluate(browser, session, expression):
    result = browser.send("Runtime.evaluate", {"expression": expression, "returnByValue": True,
                                               "awaitPromise": True}, session)
    if "exceptionDetails" in result:
        raise RuntimeError(result["exceptionDetails"].get("text", "exception"))
    return result["result"].get("value")


def load(browser, session, url, inside):
    """Navigates to `url`, waits for the load event and returns what a reader would have met while it
    loaded: console errors, uncaught exceptions, failed requests, HTTP errors, and requests for which
    `inside(url)` is false (anything leaving the site)."""
    browser.events = [e for e in browser.events if e.get("sessionId") != session]
    result = browser.send("Page.navigate", {"url": url}, session)
    if result.get("errorText"):
        return [f"cannot open {url}: {result['errorText']}"]
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
            if not (inside(request_url) or request_url.startswith(("data:", "about:", "blob:"))):
                problems.append(f"request outside the site: {request_url}")
        elif method == "Network.loadingFailed" and not params.get("canceled"):
            problems.append(f"failed request: {params.get('errorText')} {urls.get(params.get('requestId'), '')}".rstrip())
        elif method == "Network.responseReceived":
            response = params.get("response", {})
            if response.get("status", 200) >= 400:
                problems.append(f"HTTP {response.get('status')}: {response.get('url')}")
    browser.events = [e for e in browser.events if e.get("sessionId") != session]
    return problems
