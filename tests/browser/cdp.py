"""A tiny Chrome DevTools Protocol client: headless Chromium, one page.

    with Browser(deadline=120) as b:
        b.open("file:///tmp/report.html")
        print(b.eval("document.title"))
        b.events   # every event received, e.g. {"method": "Runtime.exceptionThrown", "params": ...}

Everything shares one deadline: when it passes, the call in progress raises
Timeout. On exit Chromium (its whole process group) is killed and its
temporary profile removed. Needs python3-websocket (run with /usr/bin/python3).
"""
import ctypes
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request

import websocket

CHROMIUM = "/usr/bin/chromium"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
         "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync",
         "--remote-debugging-port=0"]


class Timeout(Exception):
    pass


class CdpError(Exception):
    pass


class Browser:
    def __init__(self, deadline=120.0, width=1280, height=900):
        self.end = time.monotonic() + deadline
        self.size = (width, height)
        self.events = []
        self.next_id = 0
        self.proc = self.ws = None
        self.profile = tempfile.mkdtemp(prefix="orgraph-chromium-")

    # -- start and stop ----------------------------------------------------

    def __enter__(self):
        try:
            self._start()
        except BaseException:
            self.close()
            raise
        return self

    def __exit__(self, *exc):
        self.close()

    def _start(self):
        # SIGTERM (a CI timeout) must still run close(): Chromium is in a
        # session of its own and would outlive us
        signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
        # Chromium's helpers outlive it for a moment; become their parent
        # (PR_SET_CHILD_SUBREAPER) so close() can reap them, not leave zombies.
        ctypes.CDLL(None).prctl(36, 1, 0, 0, 0)
        self.log = open(os.path.join(self.profile, "chromium.log"), "w+b")
        self.proc = subprocess.Popen(
            [CHROMIUM, *FLAGS, "--user-data-dir=" + self.profile, "about:blank"],
            stdin=subprocess.DEVNULL, stdout=self.log, stderr=self.log,
            start_new_session=True)  # own process group: close() kills it all
        port_file = os.path.join(self.profile, "DevToolsActivePort")
        while True:
            if self.proc.poll() is not None:
                raise CdpError("chromium exited with status %s:\n%s"
                               % (self.proc.returncode, self.log_tail()))
            try:
                with open(port_file) as f:
                    lines = f.read().split("\n")
                if len(lines) >= 2 and lines[0].isdigit():
                    port = int(lines[0])
                    break
            except FileNotFoundError:
                pass
            self._check_deadline("waiting for DevToolsActivePort")
            time.sleep(0.1)
        # the page target: about:blank, opened on the command line
        no_proxy = urllib.request.build_opener(urllib.request.ProxyHandler({}))
        with no_proxy.open("http://127.0.0.1:%d/json/list" % port,
                           timeout=self._left()) as r:
            targets = json.load(r)
        page = next(t for t in targets if t["type"] == "page")
        self.ws = websocket.create_connection(
            page["webSocketDebuggerUrl"], timeout=self._left(),
            suppress_origin=True, http_no_proxy=["127.0.0.1"])
        for domain in ("Page", "Runtime", "Log", "Network"):
            self.send(domain + ".enable")
        w, h = self.size
        self.send("Emulation.setDeviceMetricsOverride", width=w, height=h,
                  deviceScaleFactor=1, mobile=False)

    def close(self):
        if self.ws:
            try:
                self.ws.close(timeout=1)
            except Exception:
                pass
            self.ws = None
        if self.proc and self.proc.poll() is None:
            for sig, wait in ((signal.SIGTERM, 5), (signal.SIGKILL, 5)):
                try:
                    os.killpg(self.proc.pid, sig)
                    self.proc.wait(wait)
                    break
                except (ProcessLookupError, subprocess.TimeoutExpired):
                    pass
        if self.proc:
            try:  # children may outlive the leader for a moment
                os.killpg(self.proc.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            stop = time.monotonic() + 5
            while time.monotonic() < stop:
                try:
                    if os.waitpid(-1, os.WNOHANG)[0] == 0:
                        time.sleep(0.05)
                except ChildProcessError:
                    break
        if getattr(self, "log", None):
            self.log.close()
        for _ in range(10):  # Chromium's helpers may still be writing
            shutil.rmtree(self.profile, ignore_errors=True)
            if not os.path.exists(self.profile):
                break
            time.sleep(0.2)

    def log_tail(self, n=2000):
        self.log.flush()
        self.log.seek(0)
        return self.log.read().decode(errors="replace")[-n:]

    # -- protocol ----------------------------------------------------------

    def _left(self):
        return max(self.end - time.monotonic(), 0.01)

    def _check_deadline(self, doing):
        if time.monotonic() >= self.end:
            raise Timeout("deadline passed while " + doing)

    def _receive(self, doing, seconds=None):
        """Reads one message; events go to self.events."""
        self._check_deadline(doing)
        self.ws.settimeout(min(self._left(), seconds or self._left()))
        try:
            msg = json.loads(self.ws.recv())
        except websocket.WebSocketTimeoutException:
            raise Timeout("deadline passed while " + doing) from None
        if "method" in msg:
            self.events.append(msg)
            if msg["method"] == "Page.javascriptDialogOpening":
                # a dialog blocks the page: close it (the test sees the event)
                self.next_id += 1
                self.ws.send(json.dumps({"id": self.next_id, "method":
                             "Page.handleJavaScriptDialog", "params": {"accept": False}}))
        return msg

    def send(self, method, **params):
        """Sends a command and returns its result."""
        self.next_id += 1
        my_id = self.next_id
        self.ws.send(json.dumps({"id": my_id, "method": method, "params": params}))
        while True:
            msg = self._receive(method)
            if msg.get("id") == my_id:
                if "error" in msg:
                    raise CdpError("%s: %s" % (method, msg["error"]))
                return msg.get("result", {})

    def wait_event(self, method, since=0):
        """Returns the first event named METHOD at index SINCE or later."""
        i = since
        while True:
            for ev in self.events[i:]:
                if ev["method"] == method:
                    return ev
            i = len(self.events)
            self._receive("waiting for " + method)

    def pump(self, seconds):
        """Receives events for a while (or until the deadline)."""
        stop = min(time.monotonic() + seconds, self.end)
        while time.monotonic() < stop:
            try:
                self._receive("pumping events", max(stop - time.monotonic(), 0.01))
            except Timeout:
                pass

    # -- page helpers ------------------------------------------------------

    def open(self, url):
        """Navigates and waits for the load event."""
        since = len(self.events)
        res = self.send("Page.navigate", url=url)
        if res.get("errorText"):
            raise CdpError("navigate %s: %s" % (url, res["errorText"]))
        self.wait_event("Page.loadEventFired", since)

    def eval(self, expression):
        """Evaluates JS in the page (promises awaited), returns the value."""
        res = self.send("Runtime.evaluate", expression=expression,
                        returnByValue=True, awaitPromise=True)
        if "exceptionDetails" in res:
            d = res["exceptionDetails"]
            raise CdpError("JS error: %s" % d.get("exception", {}).get(
                "description", d.get("text")))
        return res["result"].get("value")

    def poll(self, expression, seconds=20.0):
        """Evaluates EXPRESSION until it is truthy; returns the last value."""
        stop = time.monotonic() + seconds
        while True:
            value = self.eval(expression)
            if value or time.monotonic() > stop:
                return value
            self.pump(0.1)

    def type_text(self, selector, text):
        """Focuses an input, selects its contents and types TEXT over them,
        one character at a time as a user does (an input event for each)."""
        self.eval("(e => { e.focus(); e.select(); })(document.querySelector(%s))"
                  % json.dumps(selector))
        for ch in text:
            self.send("Input.insertText", text=ch)

    def wheel(self, selector, delta_y=-300):
        """Scrolls the mouse wheel over the centre of an element."""
        x, y = self.eval("""(e => { e.scrollIntoView({block: "center"});
            const r = e.getBoundingClientRect();
            return [r.x + r.width / 2, r.y + r.height / 2]; })(document.querySelector(%s))"""
                         % json.dumps(selector))
        self.send("Input.dispatchMouseEvent", type="mouseMoved", x=x, y=y)
        self.send("Input.dispatchMouseEvent", type="mouseWheel", x=x, y=y,
                  deltaX=0, deltaY=delta_y)

    def screenshot(self, path):
        import base64
        data = self.send("Page.captureScreenshot", format="png")["data"]
        with open(path, "wb") as f:
            f.write(base64.b64decode(data))


# -- for the tests ---------------------------------------------------------

class Checks:
    """Prints one PASS/FAIL line per check and counts the failures."""

    def __init__(self, name):
        self.name, self.failed = name, 0

    def __call__(self, what, ok, detail=""):
        print("%s %s: %s%s" % ("PASS" if ok else "FAIL", self.name, what,
                               "" if ok or not detail else " -- %s" % detail), flush=True)
        self.failed += not ok
        return ok


def page_errors(events):
    """Uncaught exceptions, console.error/assert and error log entries."""
    out = []
    for e in events:
        m, p = e["method"], e["params"]
        if m == "Runtime.exceptionThrown":
            d = p["exceptionDetails"]
            out.append("uncaught: %s" % d.get("exception", {}).get("description", d.get("text")))
        elif m == "Runtime.consoleAPICalled" and p["type"] in ("error", "assert"):
            out.append("console.%s: %s" % (p["type"], " ".join(
                str(a.get("value", a.get("description", a.get("type")))) for a in p["args"])))
        elif m == "Log.entryAdded" and p["entry"]["level"] == "error":
            out.append("log: %s %s" % (p["entry"]["text"], p["entry"].get("url", "")))
    return out


def foreign_requests(events):
    """Requests (and websockets) to anything but file:, data: and about:."""
    urls = [e["params"]["request"]["url"] for e in events
            if e["method"] == "Network.requestWillBeSent"]
    urls += [e["params"]["url"] for e in events if e["method"] == "Network.webSocketCreated"]
    return [u for u in urls if not u.startswith(("file:", "data:", "about:"))]


def dialogs(events):
    return ["%s: %s" % (e["params"]["type"], e["params"]["message"])
            for e in events if e["method"] == "Page.javascriptDialogOpening"]
