#!/usr/bin/env python3
"""ig_analyze.py: the benchmark's analysis job done with python-igraph, as
its users would: read units.csv and links.csv with the csv module, build the
command line with Graph.TupleList from the (parent, id) pairs (vertices
named by id), keep each unit's name, kind and level as vertex attributes
(as orgraph's model does), the coordination links with Graph.TupleList, then
the chain of every unit (Graph.bfs from each apex: layers give the depths),
units per layer, and the span of control histogram (outdegree) in the bands
1, 2-3, 4-7, 8-12, 13-16, 17+.
Prints a small JSON summary that scripts/bench.sh compares with orgraph's.
With --ids-only it reads only the id and parent columns (csv.reader) and
keeps no unit field: the leanest way to do the job, the peer's lower bound.
(Graph.DictList on the rows, the other documented way, took 12.3 s and
1.28 GB at 1M units on the bench machine: more than twice TupleList.)
usage: ig_analyze.py [--ids-only] DIR   (DIR/units.csv, optional links.csv)
"""
import collections
import csv
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bands import BANDS, band  # noqa: E402

import igraph as ig

def main():
    lean = sys.argv[1] == "--ids-only"
    d = sys.argv[-1]
    with open(os.path.join(d, "units.csv"), newline="", encoding="utf-8") as f:
        if lean:
            r = csv.reader(f)
            head = next(r)
            i, p = head.index("id"), head.index("parent")
            units = [(row[i], row[p]) for row in r]
        else:
            units = [(u["id"], u.get("parent", ""), u) for u in csv.DictReader(f)]
    edges = [(u[1], u[0]) for u in units if u[1]]
    coord = []
    links = os.path.join(d, "links.csv")
    if os.path.exists(links):
        with open(links, newline="", encoding="utf-8") as f:
            for row in csv.DictReader(f):
                line = row.get("line") or "command"
                if line == "command":
                    edges.append((row["from"], row["to"]))
                elif line == "coordination":
                    coord.append((row["from"], row["to"]))
    g = ig.Graph.TupleList(edges, directed=True)
    names = g.vs["name"]
    known = set(names)
    alone = [u[0] for u in units if u[0] not in known]   # no link at all
    if alone:
        g.add_vertices(alone)
        names = g.vs["name"]
    if not lean:
        row = {u[0]: u[2] for u in units}
        for field in ("name", "kind", "level"):
            g.vs["unit_" + field] = [row[n].get(field, "") for n in names]
    c = ig.Graph.TupleList(coord, directed=False)
    # chain of every unit: hops from its apex, from the BFS layers
    indeg = g.indegree()
    outdeg = g.outdegree()
    apexes = [v for v in range(g.vcount()) if indeg[v] == 0 and outdeg[v] > 0]
    depth = [-1] * g.vcount()
    for a in apexes:
        vids, layers, _ = g.bfs(a, mode="out")
        for h in range(len(layers) - 1):
            for v in vids[layers[h]:layers[h + 1]]:
                if h > depth[v]:
                    depth[v] = h
    chained = [h for h in depth if h >= 0]
    per_layer = collections.Counter(h + 1 for h in chained)
    bands = collections.Counter(band(k) for k in outdeg if k > 0)
    print(json.dumps({
        "tool": "python-igraph " + ig.__version__,
        "units": g.vcount(),
        "apexes": len(apexes),
        "units_per_layer": [per_layer[i] for i in range(1, max(per_layer) + 1)],
        "chain_max": max(chained),
        "chain_mean": round(sum(chained) / len(chained), 5),
        "span_bands": {name: bands[name] for name, _, _ in BANDS},
        "coordination_links": c.ecount(),
    }))


if __name__ == "__main__":
    main()
