#!/usr/bin/python3
"""Opens the police report in headless Chromium and uses it as a reader would.

usage: test_report.py ORGRAPH SCRATCH_DIR [--screenshot PATH]

Generates the report of the four vn-police snapshots and their transition
(run from the repository root), then checks: the page loads without errors
or network requests, its charts, plots and tables are there and drawn,
searching "Hon Tre" shows the chains of command of Công an xã Hòn Tre
(2017's computed here from units.csv), and the wheel zooms a chart.
"""
import argparse
import csv
import json
import os
import pathlib
import subprocess
import sys

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path.insert(0, str(HERE))
from cdp import (Browser, Checks, CdpError, Timeout, dialogs,  # noqa: E402
                 foreign_requests, page_errors)

POLICE = "models/vn-police"
SNAPSHOTS = ["2017", "2018", "2025-03", "2025-07"]
TRANSITION = POLICE + "/transition-2025-07.csv"
UNIT = "Công an xã Hòn Tre"
CHARTS = ["chart-schema-before", "chart-schema-after", "chart-diff"]
PLOTS = ["plot-chains", "plot-spans", "plot-timeline"]
TABLES = ["table-dual", "table-bottlenecks", "table-widest"]
DEADLINE = float(os.environ.get("BROWSER_TEST_DEADLINE", "180"))  # seconds in the browser


def command_chain(units_csv, name):
    """NAME › its parent › ... › the apex, from the parent column."""
    with open(units_csv, newline="", encoding="utf-8-sig") as f:
        units = {u["id"]: u for u in csv.DictReader(f)}
    [unit] = [u for u in units.values() if u["name"] == name]
    names = []
    while unit:
        names.append(unit["name"])
        unit = units.get(unit["parent"])
    return " › ".join(names)


# "ok" if #ID is a figure.CLASS holding a drawn SVG, else what is wrong.
SVG_STATE = """((id, cls) => {
  const f = document.getElementById(id), svg = f && f.querySelector("svg");
  if (!f || !f.matches("figure." + cls)) return f ? "not a figure." + cls : "missing";
  if (!svg) return "no <svg>";
  const r = svg.getBoundingClientRect(), b = svg.getBBox();
  return r.width > 0 && r.height > 0 && b.width > 0 && b.height > 0 ? "ok"
    : `empty: box ${r.width}x${r.height}, content ${b.width}x${b.height}`;
})(%s, %s)"""

# The chain cells of the result titled NAME: [[snapshot label, {line: text}], ...]
RESULT_ROWS = """(name => {
  const sec = [...document.querySelectorAll("#results section.result")]
    .find(s => s.querySelector("h3.result-name")?.textContent.trim() === name);
  return sec && [...sec.querySelectorAll("table.chains tr[data-snapshot]")].map(tr =>
    [tr.dataset.snapshot, Object.fromEntries([...tr.querySelectorAll("td.chain")]
      .map(td => [td.dataset.line, td.textContent.trim().replace(/\\s+/g, " ")]))]);
})(%s)"""

RESULT_NAMES = """[...document.querySelectorAll("#results section.result h3.result-name")]
  .map(h => h.textContent.trim())"""

# What a pan or zoom would change: the viewBox and every transform.
ZOOM_STATE = """(svg => JSON.stringify([svg.getAttribute("viewBox"), svg.style.transform,
  [...svg.querySelectorAll("[transform], [style]")].slice(0, 50)
    .map(e => [e.getAttribute("transform"), e.style.transform])]))
  (document.querySelector("#chart-schema-before svg"))"""


def fold(s):
    """Lower case without accents, as the search should match."""
    import unicodedata
    s = unicodedata.normalize("NFD", s.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in s if not unicodedata.combining(c)).lower()


def search(b, query, name):
    """Types QUERY into #search; returns the result rows of NAME, or None."""
    b.type_text("#search", query)
    return b.poll(RESULT_ROWS % json.dumps(name), 30)


def row_of(rows, i, label):
    """The row of snapshot I: the first whose label holds LABEL (orgraph labels
    snapshots by date, e.g. 2017-01-01), else the I-th."""
    return next((r for r in rows if label in r[0]), rows[i] if i < len(rows) else None)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("orgraph")
    ap.add_argument("scratch")
    ap.add_argument("--screenshot")
    args = ap.parse_args()
    check = Checks("report")
    out = os.path.join(os.path.abspath(args.scratch), "police.html")
    cmd = [os.path.abspath(args.orgraph), "report", "--transition", TRANSITION, "-o", out,
           *(POLICE + "/" + s for s in SNAPSHOTS)]
    run = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=600)
    ok = run.returncode == 0 and os.path.exists(out) and os.path.getsize(out) > 0
    if not check("orgraph report writes the report", ok, "status %d: %s" % (run.returncode, run.stderr.strip()[-2000:])):
        return 1
    expected = command_chain(ROOT / POLICE / "2017/units.csv", UNIT)

    with Browser(DEADLINE) as b:
        b.open(pathlib.Path(out).as_uri())
        b.pump(0.5)

        for fid in CHARTS + PLOTS:
            cls = fid.split("-")[0]
            state = b.eval(SVG_STATE % (json.dumps(fid), json.dumps(cls)))
            check("#%s is a figure.%s with a drawn SVG" % (fid, cls), state == "ok", state)
        for tid in TABLES:
            rows = b.eval("(t => t && t.tagName === 'TABLE' ? t.querySelectorAll('tr:has(td)').length"
                          " : -1)(document.getElementById(%s))" % json.dumps(tid))
            check("#%s is a table with rows" % tid, rows > 0,
                  "missing" if rows < 0 else "no rows")

        before = b.eval(ZOOM_STATE)
        b.wheel("#chart-schema-before svg")
        after = b.poll("(%s) !== %s && (%s)" % (ZOOM_STATE, json.dumps(before), ZOOM_STATE), 5)
        check("the wheel zooms #chart-schema-before (viewBox or transform changes)",
              bool(after), "unchanged: %s" % before[:200])

        rows = search(b, "Hon Tre", UNIT)
        names = b.eval(RESULT_NAMES)
        if check('searching "Hon Tre" finds "%s"' % UNIT, rows is not None,
                 "results: %s" % names[:10]):
            strays = [n for n in names if "hon tre" not in fold(n)]
            check('every result for "Hon Tre" matches it', not strays, "strays: %s" % strays[:5])
            check("its chains table has one row per snapshot", len(rows) == len(SNAPSHOTS),
                  "rows: %s" % [r[0] for r in rows])
            first, last = row_of(rows, 0, "2017"), row_of(rows, len(SNAPSHOTS) - 1, "2025-07")
            got = first and first[1].get("command")
            check("its 2017 command chain is the one units.csv gives", got == expected,
                  "\n  expected: %s\n  shown:    %s" % (expected, got))
            got = last and last[1].get("command")
            check("its 2025-07 command chain (the unit it went into) is shown",
                  bool(got) and got != "—", "shown: %r" % got)
        rows = search(b, "Dang uy xa Hon Tre", "Đảng ủy xã Hòn Tre")
        check('searching "Dang uy xa Hon Tre" finds "Đảng ủy xã Hòn Tre" (d finds đ)',
              rows is not None, "results: %s" % b.eval(RESULT_NAMES)[:10])
        b.type_text("#search", "Hon Tre")  # leave these results for the screenshot
        b.poll(RESULT_ROWS % json.dumps(UNIT), 30)
        b.pump(0.5)

        errors = page_errors(b.events)
        check("no uncaught exception or console error", not errors, "\n  ".join(errors[:10]))
        opened = dialogs(b.events)
        check("no dialog opened", not opened, "; ".join(opened[:5]))
        foreign = foreign_requests(b.events)
        check("no request but file:, data: and about:", not foreign, " ".join(foreign[:10]))
        if args.screenshot:
            b.eval("window.scrollTo(0, 0)")
            b.screenshot(args.screenshot)
            check("screenshot written to " + args.screenshot, os.path.getsize(args.screenshot) > 0)
    return 1 if check.failed else 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except (Timeout, CdpError, OSError, subprocess.TimeoutExpired) as e:
        print("FAIL report: %s: %s" % (type(e).__name__, e), flush=True)
        sys.exit(1)
