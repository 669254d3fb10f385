#!/usr/bin/env python3
"""nx_analyze.py: the benchmark's analysis job done with networkx, as its
users would: read units.csv and links.csv with the csv module into a DiGraph
(command line, unit fields kept as node attributes) and a Graph
(coordination), then the chain of every unit (BFS depths from each apex with
nx.single_source_shortest_path_length), units per layer, and the span of
control histogram in the bands 1, 2-3, 4-7, 8-12, 13-16, 17+.
Prints a small JSON summary that scripts/bench.sh compares with orgraph's.
With --ids-only it reads only the id and parent columns (csv.reader) and
keeps no unit field: the leanest way to do the job, the peer's lower bound.
usage: nx_analyze.py [--ids-only] DIR   (DIR/units.csv, optional links.csv)
"""
import collections
import csv
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bands import BANDS, band  # noqa: E402

import networkx as nx

def main():
    lean = sys.argv[1] == "--ids-only"
    d = sys.argv[-1]
    g = nx.DiGraph()
    coord = nx.Graph()
    with open(os.path.join(d, "units.csv"), newline="", encoding="utf-8") as f:
        if lean:
            r = csv.reader(f)
            head = next(r)
            i, p = head.index("id"), head.index("parent")
            for row in r:
                if row[p]:
                    g.add_edge(row[p], row[i])
                else:
                    g.add_node(row[i])
        else:
            for row in csv.DictReader(f):
                g.add_node(row["id"], name=row.get("name", ""),
                           kind=row.get("kind", ""), level=row.get("level", ""))
                if row.get("parent"):
                    g.add_edge(row["parent"], row["id"])
    links = os.path.join(d, "links.csv")
    if os.path.exists(links):
        with open(links, newline="", encoding="utf-8") as f:
            for row in csv.DictReader(f):
                line = row.get("line") or "command"
                if line == "command":
                    g.add_edge(row["from"], row["to"])
                elif line == "coordination":
                    coord.add_edge(row["from"], row["to"])
    # chain of every unit: hops from its apex
    apexes = [n for n, k in g.in_degree() if k == 0 and g.out_degree(n) > 0]
    depth = {}
    for a in apexes:
        for n, h in nx.single_source_shortest_path_length(g, a).items():
            if h > depth.get(n, -1):
                depth[n] = h
    per_layer = collections.Counter(h + 1 for h in depth.values())
    bands = collections.Counter(band(k) for _, k in g.out_degree() if k > 0)
    print(json.dumps({
        "tool": "networkx " + nx.__version__,
        "units": g.number_of_nodes(),
        "apexes": len(apexes),
        "units_per_layer": [per_layer[i] for i in range(1, max(per_layer) + 1)],
        "chain_max": max(depth.values()),
        "chain_mean": round(sum(depth.values()) / len(depth), 5),
        "span_bands": {name: bands[name] for name, _, _ in BANDS},
        "coordination_links": coord.number_of_edges(),
    }))


if __name__ == "__main__":
    main()
