#!/usr/bin/python3
"""Checks that a report of hostile models shows their text as text.

usage: test_hostile.py ORGRAPH SCRATCH_DIR

Writes two small CSV models (before, after) and a transition whose ids,
names, kinds, levels, link attributes and metadata hold markup, quotes and
script; generates their report; opens it; searches each hostile name so that
the results are rendered too. No script of the data may run (window.__pwned
stays undefined, no dialog opens), the page logs no error, and every hostile
name is shown literally.
"""
import argparse
import csv
import json
import os
import pathlib
import subprocess
import sys

HERE = pathlib.Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from cdp import (Browser, Checks, CdpError, Timeout, dialogs,  # noqa: E402
                 foreign_requests, page_errors)

HOSTILE = [
    "<script>window.__pwned=1</script>",
    '<img src=x onerror="window.__pwned=1">',
    '"><svg onload=window.__pwned=1>',
    "'; window.__pwned=1; '",
    "</script><script>window.__pwned=1</script>",
    "<!--",
    "]]>",
    "&amp; &lt;b&gt;",
    "javascript:window.__pwned=1",
    "${window.__pwned=1}",
    '\\"); window.__pwned=1; //',
    "</title></style></textarea><script>window.__pwned=1</script>",
    "<![CDATA[ <img src=x onerror=alert(1)> ]]>",
    "' onmouseover='window.__pwned=1' x='",
    '<a href="javascript:window.__pwned=1">link</a>',
    "<iframe srcdoc=\"<script>parent.__pwned=1</script>\"></iframe>",
]
DEADLINE = float(os.environ.get("BROWSER_TEST_DEADLINE", "180"))

# Elements or attributes that could only come from the data becoming markup.
INJECTED = """[...document.querySelectorAll("*")].filter(e => [...e.attributes].some(a =>
    /^on/i.test(a.name) && /__pwned|alert/.test(a.value) ||
    /^(href|src|xlink:href|action|formaction)$/i.test(a.name) && /^\\s*javascript:/i.test(a.value))
  || e.matches("iframe[srcdoc]")).map(e => e.outerHTML.slice(0, 100))"""

RESULT_NAMES = """[...document.querySelectorAll("#results section.result h3.result-name")]
  .map(h => h.textContent)"""


def write_csv(path, header, rows):
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")  # RFC 4180 quoting
        w.writerow(header)
        w.writerows(rows)


def write_models(scratch):
    """SCRATCH/before, SCRATCH/after and SCRATCH/transition.csv; returns the names."""
    n = len(HOSTILE)
    h = lambda i: HOSTILE[i % n]
    ids = ["%s#%d" % (h(i + 1), i) for i in range(n)]
    names = list(HOSTILE)
    for model, title in (("before", h(0)), ("after", h(4))):
        d = os.path.join(scratch, model)
        os.makedirs(d, exist_ok=True)
        # a small tree: unit i reports to unit (i - 1) // 2; "after" drops the last two
        count = n if model == "before" else n - 2
        write_csv(os.path.join(d, "units.csv"), ["id", "name", "kind", "level", "parent", h(5)],
                  [[ids[i], names[i], h(i + 2), h(i + 3), ids[(i - 1) // 2] if i else "", h(i + 6)]
                   for i in range(count)])
        write_csv(os.path.join(d, "links.csv"), ["from", "to", "line", "note"],
                  [[ids[1], ids[3], "party", h(7)], [ids[2], ids[5], "guidance", h(8)],
                   [ids[3], ids[4], "coordination", h(9)]])
        write_csv(os.path.join(d, "meta.csv"), ["key", "value"],
                  [["title", title], ["date", "2024-01-01"], ["description", h(1)],
                   ["note", h(2)], ["note", h(3)], ["source", h(10)], [h(11), h(12)]])
    write_csv(os.path.join(scratch, "transition.csv"), ["old_id", "new_id", "operation", "share"],
              [[ids[i], ids[i], "keep", "full"] for i in range(n - 2)]
              + [[ids[n - 2], ids[0], "merge", "full"], [ids[n - 1], "", "abolish", ""]])
    return names


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("orgraph")
    ap.add_argument("scratch")
    args = ap.parse_args()
    check = Checks("hostile")
    scratch = os.path.abspath(args.scratch)
    names = write_models(scratch)
    out = os.path.join(scratch, "hostile.html")
    cmd = [os.path.abspath(args.orgraph), "report", "--transition", "transition.csv",
           "-o", out, "before", "after"]
    run = subprocess.run(cmd, cwd=scratch, capture_output=True, text=True, timeout=120)
    ok = run.returncode == 0 and os.path.exists(out) and os.path.getsize(out) > 0
    if not check("orgraph report writes the report", ok,
                 "status %d: %s" % (run.returncode, run.stderr.strip()[-2000:])):
        return 1

    with Browser(DEADLINE) as b:
        b.open(pathlib.Path(out).as_uri())
        for name in names:
            b.type_text("#search", name)
            found = b.poll("(%s).includes(%s)" % (RESULT_NAMES, json.dumps(name)), 10)
            shown = b.eval("document.body.innerText.includes(%s)" % json.dumps(name))
            check("%s is found and shown as text" % json.dumps(name), found and shown,
                  "results: %s; in innerText: %s" % (b.eval(RESULT_NAMES)[:5], shown))
        b.type_text("#search", "pwned")  # many results at once
        b.pump(1.0)  # let onerror handlers and timers run
        check("no script from the data ran (window.__pwned undefined)",
              b.eval("typeof window.__pwned") == "undefined")
        injected = b.eval(INJECTED)
        check("no markup from the data in the DOM", not injected, "\n  ".join(injected[:10]))
        opened = dialogs(b.events)
        check("no dialog opened", not opened, "; ".join(opened[:5]))
        errors = page_errors(b.events)
        check("no uncaught exception or console error", not errors, "\n  ".join(errors[:10]))
        foreign = foreign_requests(b.events)
        check("no request but file:, data: and about:", not foreign, " ".join(foreign[:10]))
    return 1 if check.failed else 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except (Timeout, CdpError, OSError, subprocess.TimeoutExpired) as e:
        print("FAIL hostile: %s: %s" % (type(e).__name__, e), flush=True)
        sys.exit(1)
