#!/usr/bin/env python3
"""Write the bundled restructuring plans of models/vn-police/plans/.

    models/vn-police/plans/2018-to-2025-03.plan     district police abolished
    models/vn-police/plans/2025-03-to-2025-07.plan  provinces and communes merged

The plans are plain text that people read and edit (docs/restructure.md);
this script only spares typing the long lists (metadata, the 63
coordination links, the five police stations) from the generated snapshots,
so that applying the first plan to the 2018 snapshot gives the 2025-03
snapshot exactly. Run from the repository root: python3 scripts/gen-vn-police-plans.py
"""
import csv
import os

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
POLICE = os.path.join(ROOT, "models", "vn-police")


def read(snapshot, name):
    with open(os.path.join(POLICE, snapshot, name), encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def q(s):
    return '"%s"' % s.replace("\\", "\\\\").replace('"', '\\"')


def attrs(row, skip):
    return " ".join("%s=%s" % (k, q(v)) for k, v in row.items() if v and k not in skip)


def meta_lines(snapshot):
    out, seen = [], set()
    for r in read(snapshot, "meta.csv"):
        k = r["key"]
        if k in ("title", "date", "description"):
            out.append("set %s %s" % (k, q(r["value"])))
            continue
        if k not in seen:
            out.append("unset " + k)
            seen.add(k)
        out.append("meta %s %s" % (k, q(r["value"])))
    return out


def plan_2018_to_2025_03():
    old = {u["id"]: u for u in read("2018", "units.csv")}
    new = read("2025-03", "units.csv")
    by_id = {u["id"]: u for u in new}
    unit_fields = ("id", "name", "kind", "level", "parent")
    lines = ["# 2018 -> 1 March 2025: Decree 02/2025/ND-CP ended the district police.",
             "# Applied to models/vn-police/2018 it gives models/vn-police/2025-03",
             "# (written by scripts/gen-vn-police-plans.py; see docs/restructure.md).",
             "", "# the snapshot's metadata"] + meta_lines("2025-03")
    lines += ["", "# sources cited by units that stay",
              "attr mps source=%s" % q(by_id["mps"]["source"]),
              "attr pp-* source=%s" % q(by_id["pp-01"]["source"]),
              "attr cp-* source=%s" % q(next(u for u in new if u["kind"] == "commune-police")["source"])]
    for u in new:
        if u["id"] in old and u["kind"] == "department" and u["note"] != old[u["id"]]["note"]:
            lines.append("attr %s note=%s" % (u["id"], q(u["note"])))
    lines += ["", "# organs outside the force that the force now coordinates with"]
    prev = "mps"
    for uid in ("coc", "cpo", "moha"):
        u = by_id[uid]
        lines.append("add %s %s kind=%s level=%s after %s %s" % (
            uid, q(u["name"]), u["kind"], u["level"], prev, attrs(u, unit_fields)))
        prev = uid
    u = by_id["dept-53"]
    lines += ["", "# a new department-level unit",
              "add dept-53 %s kind=department level=central under mps after dept-52 %s"
              % (q(u["name"]), attrs(u, unit_fields)),
              "", "# four levels become three: commune police answer to the provincial police,",
              "# commune police Party cells to the provincial police Party committee",
              "abolish kind district-police", "abolish dppc-*",
              "", "# island districts without communes get police stations"]
    first_cp = next(u["id"] for u in new if u["kind"] == "commune-police")
    for u in new:
        if u["kind"] == "police-station":
            lines.append("add %s %s kind=police-station level=commune under %s before %s %s" % (
                u["id"], q(u["name"]), u["parent"], first_cp, attrs(u, unit_fields)))
    lines += ["", "# coordination"]
    for l in read("2025-03", "links.csv"):
        if l["line"] == "coordination":
            lines.append("link %s -> %s line=coordination %s" % (
                l["from"], l["to"], attrs(l, ("from", "to", "line"))))
    return lines


def plan_2025_03_to_2025_07():
    new = {u["id"]: u for u in read("2025-07", "units.csv")}
    lines = ["# 1 March 2025 -> 1 July 2025: two-level local government. 63 provinces",
             "# become 34 and 10,047 communes 3,321 (models/vn-admin/transition-2025-07.csv);",
             "# district Party committees end (Resolution 60-NQ/TW). New units take the",
             "# name and attributes of the first old unit that goes into them (the table",
             "# has codes, not names). Written by scripts/gen-vn-police-plans.py.",
             "", "# the snapshot's metadata"] + meta_lines("2025-07")
    table = "../../vn-admin/transition-2025-07.csv"
    lines += ["", "# provincial police, province Party committees, police Party committees",
              "transition %s level=province pp-=pp-n ppc-=ppc-n pppc-=pppc-n" % table,
              "# island districts with no communes become special zones",
              "transition %s level=district ps-=cp-n dpc-=cpc-n" % table,
              "# commune police, commune Party committees, police Party cells",
              "transition %s level=commune cp-=cp-n cpc-=cpc-n cpcell-=cpcell-n" % table,
              "# the special zones' units are commune-level units now"]
    for code in ("11948", "19742", "20333", "21548", "26732"):
        lines.append("attr cp-n%s kind=commune-police level=commune" % code)
        lines.append("attr cpc-n%s level=commune" % code)
    lines += ["", "# district Party committees end; commune committees answer to the province's",
              "abolish dpc-*",
              "", "# commune 30622 (An Giang) went into 30259 (Dong Thap): the merged units keep",
              "# only Dong Thap's superiors",
              "unlink pp-n91 -> cp-n30259", "unlink ppc-n91 -> cpc-n30259 line=party",
              "unlink pppc-n91 -> cpcell-n30259 line=party",
              "", "# the police Party cells of the special zones are new"]
    for uid in sorted(i for i in new if i.startswith("cpcell-n")):
        zone = new[uid]
        if new.get("cp-n" + uid[len("cpcell-n"):], {}).get("admin_type") == "Đặc khu" \
                and uid[len("cpcell-n"):] in ("11948", "19742", "20333", "21548", "26732"):
            code = uid[len("cpcell-n"):]
            lines.append("add %s %s kind=party-cell level=commune under cpc-n%s line=party %s"
                         % (uid, q(zone["name"]), code,
                            attrs(zone, ("id", "name", "kind", "level", "parent"))))
            lines.append("link pppc-n%s -> %s line=party" % (new["cp-n" + code]["parent"][len("pp-n"):], uid))
            lines.append("link %s -> cp-n%s line=party" % (uid, code))
    return lines


def main():
    out = os.path.join(POLICE, "plans")
    os.makedirs(out, exist_ok=True)
    for name, lines in (("2018-to-2025-03.plan", plan_2018_to_2025_03()),
                        ("2025-03-to-2025-07.plan", plan_2025_03_to_2025_07())):
        with open(os.path.join(out, name), "w", encoding="utf-8", newline="\n") as f:
            f.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
