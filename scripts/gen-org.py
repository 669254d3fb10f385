#!/usr/bin/env python3
"""gen-org.py: writes a large, police-shaped organization for benchmarks.

A ministry over departments and provinces, provinces over districts,
districts over communes (four levels, like the Viet Nam police before 2025),
sized to --units. Rows are written in a shuffled order and ids carry no
hierarchy, so the loader and analyses meet the worst case for locality.
About 5% coordination links join peers of one district or province.

usage: python3 scripts/gen-org.py --units 1000000 --out DIR [--seed 1]
                 [--departments N] [--format csv|dot|graphml] [--orgraph BIN]
writes DIR/units.csv (id,name,kind,level,parent) and DIR/links.csv.

--departments N (scripts/bench.sh uses 30) selects the national police shape
of issue 8: the ministry over N departments and 63 provinces (fewer when
--units is too small), each province over about 0.85 * sqrt(units per
province) districts, communes shared among a province's districts with
weights drawn from 0.5-1.5, so spans vary as in real exports. At 10,800
units this gives 63 provinces, 693 districts and about 14.5 communes per
district, close to the Viet Nam police of 2018 (696 districts, 10,047
communes). Without --departments the shape is the earlier one (kept so the
figures of scripts/bench-load.sh and bench-analyze.sh stay comparable).

--format dot|graphml writes the CSV directory to a temporary directory and
runs `orgraph convert` on it (BIN, default build/src/orgraph), so the file
is exactly what orgraph writes; --out is then the file to write.
"""
import argparse
import csv
import os
import random
import shutil
import subprocess
import tempfile


def build(total, rng):
    """Returns (units, coordination pairs): units as [id, name, kind, level, parent]."""
    units = [["u0", "Ministry", "ministry", "central", ""]]
    provinces = max(1, min(63, total // 15000))
    departments = min(50, max(0, total // 20000))
    districts_per = max(1, round((total / provinces) ** 0.5 / 6))
    communes_left = total - 1 - departments - provinces * (1 + districts_per)
    communes_per = max(0, communes_left // max(1, provinces * districts_per))
    extra = max(0, communes_left - communes_per * provinces * districts_per)
    next_id = [1]

    def add(name, kind, level, parent):
        uid = next_id[0]
        next_id[0] += 1
        units.append([uid, name, kind, level, parent])
        return uid

    for d in range(departments):
        add("Department %d" % (d + 1), "department", "central", 0)
    pairs = []
    for p in range(provinces):
        pu = add("Provincial police %d" % (p + 1), "provincial-police", "province", 0)
        dists = []
        for d in range(districts_per):
            du = add("District police %d.%d" % (p + 1, d + 1), "district-police",
                     "district", pu)
            dists.append(du)
            n = communes_per + (1 if extra > 0 else 0)
            extra -= 1 if extra > 0 else 0
            comms = [add("Commune police %d.%d.%d" % (p + 1, d + 1, c + 1),
                         "commune-police", "commune", du) for c in range(n)]
            for c in comms:
                if len(comms) > 1 and rng.random() < 0.05:
                    o = rng.choice(comms)
                    if o != c:
                        pairs.append((c, o))
        for du in dists:
            if len(dists) > 1 and rng.random() < 0.05:
                o = rng.choice(dists)
                if o != du:
                    pairs.append((du, o))
    return units[:total], pairs


def build_police(total, departments, rng):
    """The issue 8 shape (--departments): returns (units, coordination pairs)."""
    units = [["u0", "Ministry", "ministry", "central", ""]]
    departments = max(0, min(departments, total - 1))
    provinces = max(0, min(63, (total - 1 - departments) // 40))
    below = total - 1 - departments - provinces       # districts + communes
    per_prov = below / provinces if provinces else 0
    districts_per = max(1, round(0.85 * per_prov ** 0.5)) if provinces else 0
    districts_per = min(districts_per, below // max(1, provinces) // 2 or 1)
    communes = below - provinces * districts_per
    pairs = []

    def add(name, kind, level, parent):
        units.append([len(units), name, kind, level, parent])
        return len(units) - 1

    depts = [add("Department %d" % (d + 1), "department", "central", 0)
             for d in range(departments)]
    for d in depts:
        if len(depts) > 1 and rng.random() < 0.05:
            o = rng.choice(depts)
            if o != d:
                pairs.append((d, o))
    dists = []
    for p in range(provinces):
        pu = add("Provincial police %d" % (p + 1), "provincial-police", "province", 0)
        for d in range(districts_per):
            dists.append((p, d, add("District police %d.%d" % (p + 1, d + 1),
                                    "district-police", "district", pu)))
    # communes: shared among districts by random weights (spans vary)
    w = [rng.uniform(0.5, 1.5) for _ in dists]
    tw = sum(w)
    share = [int(communes * x / tw) for x in w]
    for i in range(communes - sum(share)):
        share[i % max(1, len(share))] += 1
    by_prov = {}
    for (p, d, du), n in zip(dists, share):
        comms = [add("Commune police %d.%d.%d" % (p + 1, d + 1, c + 1),
                     "commune-police", "commune", du) for c in range(n)]
        for c in comms:
            if len(comms) > 1 and rng.random() < 0.05:
                o = rng.choice(comms)
                if o != c:
                    pairs.append((c, o))
        by_prov.setdefault(p, []).append(du)
    for ds in by_prov.values():
        for du in ds:
            if len(ds) > 1 and rng.random() < 0.05:
                o = rng.choice(ds)
                if o != du:
                    pairs.append((du, o))
    seen = set()                # coordination is symmetric: each pair once
    pairs = [q for q in pairs
             if frozenset(q) not in seen and not seen.add(frozenset(q))]
    return units[:total], pairs


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--units", type=int, required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--departments", type=int, default=None)
    ap.add_argument("--format", choices=("csv", "dot", "graphml"), default="csv")
    ap.add_argument("--orgraph", default="build/src/orgraph")
    args = ap.parse_args()
    if args.format != "csv":
        tmp = tempfile.mkdtemp(prefix="gen-org-")
        try:
            write(args, tmp)
            subprocess.run([args.orgraph, "convert", tmp, args.out], check=True,
                           stdout=subprocess.DEVNULL)
        finally:
            shutil.rmtree(tmp)
        return
    write(args, args.out)


def write(args, out):
    rng = random.Random(args.seed)
    if args.departments is None:
        units, pairs = build(args.units, rng)
    else:
        units, pairs = build_police(args.units, args.departments, rng)
    ids = list(range(len(units)))
    rng.shuffle(ids)           # unit k gets id "u<ids[k]>": ids say nothing
    name = {k: "u%d" % ids[k] for k in range(len(units))}
    order = list(range(len(units)))
    rng.shuffle(order)         # rows in no hierarchy order
    os.makedirs(out, exist_ok=True)
    with open(os.path.join(out, "units.csv"), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["id", "name", "kind", "level", "parent"])
        for k in order:
            u = units[k]
            w.writerow([name[k], u[1], u[2], u[3],
                        name[u[4]] if u[4] != "" else ""])
    with open(os.path.join(out, "links.csv"), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["from", "to", "line"])
        for a, b in pairs:
            if a < len(units) and b < len(units):
                w.writerow([name[a], name[b], "coordination"])


if __name__ == "__main__":
    main()
