#!/usr/bin/env python3
"""gen-org.py: writes a large, police-shaped organization for benchmarks.

A ministry over departments and provinces, provinces over districts,
districts over communes (four levels, like the Viet Nam police before 2025),
sized to --units. Rows are written in a shuffled order and ids carry no
hierarchy, so the loader and analyses meet the worst case for locality.
About 5% coordination links join peers of one district or province.

usage: python3 scripts/gen-org.py --units 1000000 --out DIR [--seed 1]
writes DIR/units.csv (id,name,kind,level,parent) and DIR/links.csv.
"""
import argparse
import csv
import os
import random


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


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--units", type=int, required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    units, pairs = build(args.units, rng)
    ids = list(range(len(units)))
    rng.shuffle(ids)           # unit k gets id "u<ids[k]>": ids say nothing
    name = {k: "u%d" % ids[k] for k in range(len(units))}
    order = list(range(len(units)))
    rng.shuffle(order)         # rows in no hierarchy order
    os.makedirs(args.out, exist_ok=True)
    with open(os.path.join(args.out, "units.csv"), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["id", "name", "kind", "level", "parent"])
        for k in order:
            u = units[k]
            w.writerow([name[k], u[1], u[2], u[3],
                        name[u[4]] if u[4] != "" else ""])
    with open(os.path.join(args.out, "links.csv"), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["from", "to", "line"])
        for a, b in pairs:
            if a < len(units) and b < len(units):
                w.writerow([name[a], name[b], "coordination"])


if __name__ == "__main__":
    main()
