#!/usr/bin/env python3
"""Generate the bundled Viet Nam People's Public Security models for orgraph.

What it does
    Reads the real administrative units of Viet Nam in ``models/vn-admin/``
    (provinces, districts and communes before and after 1 July 2025, from the
    MIT-licensed dataset dvhcvn/20250701) and writes four snapshots of the
    People's Public Security force, plus the transition between the last two:

        models/vn-police/2017/      until Aug 2018: 6 general departments, 4 local levels
        models/vn-police/2018/      from Aug 2018 (Decree 01/2018/ND-CP)
        models/vn-police/2025-03/   from 1 Mar 2025 (Decree 02/2025/ND-CP): no district police
        models/vn-police/2025-07/   from 1 Jul 2025: 34 provinces, 3,321 communes
        models/vn-police/transition-2025-07.csv

    Each snapshot directory holds ``units.csv``, ``links.csv`` and ``meta.csv`` in
    the CSV model format that ``orgraph`` reads (see docs/models.md). Every
    sourced unit and link carries a short citation from
    ``models/vn-police/FACTS.md``; placeholders carry ``illustrative=yes``.

How to run (from the repository root; Python 3, standard library only)
    python3 scripts/gen-vn-police.py           # regenerate everything
    python3 scripts/gen-vn-police.py --check   # regenerate, then verify and print counts
    python3 scripts/gen-vn-police.py --check-only   # verify the files already there

The output is deterministic: running it twice gives byte-identical files.
"""

import argparse
import collections
import csv
import os
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ADMIN_DIR = os.path.join(ROOT, "models", "vn-admin")
OUT_DIR = os.path.join(ROOT, "models", "vn-police")

UNIT_COLUMNS = ["id", "name", "kind", "level", "parent", "name_en", "code",
                "admin_type", "source", "illustrative", "note"]
LINK_COLUMNS = ["from", "to", "line", "source", "illustrative", "note"]
TRANSITION_COLUMNS = ["old_id", "new_id", "operation", "share"]
LINES = ("command", "party", "guidance", "coordination")

# --------------------------------------------------------------------------
# Sources: short citations, all from models/vn-police/FACTS.md (and the
# vn-admin README for the administrative data).
# --------------------------------------------------------------------------

S = {
    "dantri2018": "Dan Tri (9 Aug 2018)",
    "vne2018a": "VnExpress International (2018)",  # "set for major streamlining overhaul"
    "vne2018b": "VnExpress International (2018)",  # "Vietnam restructures public security ministry"
    "vnplus2018": "VietnamPlus (2018)",
    "decree01": "Decree 01/2018/ND-CP",
    "res22": "Resolution 22-NQ/TW",
    "law2018": "Law on People's Public Security 2018, Art. 17",
    "laodong2025": "Lao Dong (2025)",
    "decree02": "Decree 02/2025/ND-CP",
    "sggpen2025": "SGGP English (2025)",
    "zing2025": "Zing News (2025)",
    "nghean2025": "Nghe An 24h (2025)",
    "dantri2025": "Dan Tri (10 Mar 2025)",
    "vnn2025": "Viet Nam News (2025)",
    "vietnamnet2023": "VietNamNet (2023)",
    "res12": "Resolution 12-NQ/TW",
    "dec90": "Decision 90-QD/TW",
    "sggp2023": "SGGP (2023)",
    "vna2023": "VNA (20 Mar 2023)",
    "reg192": "Regulation 192-QD/TW",
    "guid273": "Guidance 273-CV/BTCTW",
    "res60": "Resolution 60-NQ/TW",
    "workshop2025": "joint national workshop on restructuring (18 Apr 2025)",
    "dvhcvn": "dvhcvn/20250701 (MIT)",
    "gso915": "GSO 915/CTK-CSCL",
    "gso1027": "GSO 1027/CTK-CSCL",
    "ubtvqh": "NASC resolutions 1654-1687/NQ-UBTVQH15",
}


def cite(*keys):
    """Join source keys into one citation string."""
    return "; ".join(S[k] for k in keys)


# Dates from which a Party-line rule is documented (ISO). A rule documented
# only after a snapshot's period ended is still drawn in that snapshot, but
# marked illustrative with a note (see Snapshot.until).
RULE_DATE = {
    "reg192": ("Regulation 192-QD/TW", "2019-05-18"),
    "guid273": ("Guidance 273-CV/BTCTW", "2021-04-05"),
    "dec90": ("Decision 90-QD/TW", "2022-12-06"),
}

# --------------------------------------------------------------------------
# Central units
# --------------------------------------------------------------------------

GENERAL_DEPARTMENTS = [  # 2017 only; Dan Tri, 9 Aug 2018
    ("gd-1", "General Department of Security (I)"),
    ("gd-2", "General Department of Police (II)"),
    ("gd-3", "General Department of Politics (III)"),
    ("gd-4", "General Department of Logistics and Technology (IV)"),
    ("gd-5", "General Department of Intelligence (V)"),
    ("gd-6", "General Department of Criminal Judgment Enforcement and Judicial Support (VIII)"),
]
HIGH_COMMANDS = [("hc-1", "High command 1 (illustrative)"),
                 ("hc-2", "High command 2 (illustrative)")]

# Department-level units named in 2025 reports (Dan Tri 10 Mar 2025; Viet Nam News 2025).
NAMED_DEPARTMENTS = [
    ("dept-01", "Office of the Investigation Police Agency"),
    ("dept-02", "Criminal Police Department"),
    ("dept-03", "Economic Police Department"),
    ("dept-04", "Drug Crime Investigation Police Department"),
    ("dept-05", "Department of Cyber Security and High-Tech Crime Prevention"),
    ("dept-06", "Immigration Department"),
    ("dept-07", "Traffic Police Department"),
    ("dept-08", "Professional Records Department"),
    ("dept-09", "Organisation and Personnel Department"),
]
AVIATION_CENTER = ("dept-53", "National Aviation Security Center")  # new in 2025
GUIDING_DEPARTMENTS = ["dept-02", "dept-07"]  # Criminal Police, Traffic Police
FIRST_GENERIC_DEPT = 10
DEPTS_2017 = 125  # "about 125 department-level units"
DEPTS_2018 = 52   # "just over 50"


def dept_id(n):
    return "dept-%02d" % n


def generic_dept_name(n):
    return "Department-level unit %d (illustrative)" % n


# --------------------------------------------------------------------------
# Administrative data and names
# --------------------------------------------------------------------------

POLICE_PREFIX = {  # Vietnamese type word -> lower-case form used after "Công an"
    "Tỉnh": "tỉnh", "Thành phố": "thành phố", "Huyện": "huyện", "Quận": "quận",
    "Thị xã": "thị xã", "Xã": "xã", "Phường": "phường", "Thị trấn": "thị trấn",
    "Đặc khu": "đặc khu",
}
TYPE_EN = {
    ("province", "Tỉnh"): "province", ("province", "Thành phố"): "city",
    ("district", "Huyện"): "district", ("district", "Quận"): "urban district",
    ("district", "Thị xã"): "town", ("district", "Thành phố"): "provincial city",
    ("commune", "Xã"): "commune", ("commune", "Phường"): "ward",
    ("commune", "Thị trấn"): "township", ("commune", "Đặc khu"): "special zone",
}
PARTY_COMMITTEE_PREFIX = {  # Party committee of a province or district
    "Tỉnh": "Tỉnh ủy", "Thành phố": "Thành ủy", "Huyện": "Huyện ủy",
    "Quận": "Quận ủy", "Thị xã": "Thị ủy",
}
ISLAND_DISTRICTS = ("318", "471", "498", "536", "755")  # no communes


class Place:
    """One administrative unit of a vn-admin snapshot."""

    def __init__(self, row):
        self.level = row["level"]
        self.code = row["code"]
        self.name = row["name"]
        self.type = row["type"]
        self.parent_code = row["parent_code"]
        self.province = None  # province code, filled in by Admin

    @property
    def where_vi(self):  # "tỉnh Cao Bằng", "xã Trúc Bạch"
        return "%s %s" % (POLICE_PREFIX[self.type], self.name)

    @property
    def where_en(self):  # "Cao Bằng province"
        return "%s %s" % (self.name, TYPE_EN[(self.level, self.type)])

    def police_name(self):
        return "Công an " + self.where_vi

    def police_name_en(self):
        return "Police of " + self.where_en

    def party_committee_name(self):
        if self.level == "commune":
            return "Đảng ủy " + self.where_vi
        return "%s %s" % (PARTY_COMMITTEE_PREFIX[self.type], self.name)

    def party_committee_name_en(self):
        return "Party Committee of " + self.where_en


class Admin:
    """A vn-admin units file: provinces, districts and communes sorted by code."""

    def __init__(self, filename):
        self.by_code = {}
        self.levels = collections.defaultdict(list)
        with open(os.path.join(ADMIN_DIR, filename), encoding="utf-8", newline="") as f:
            for row in csv.DictReader(f):
                p = Place(row)
                self.by_code[(p.level, p.code)] = p
                self.levels[p.level].append(p)
        for places in self.levels.values():
            places.sort(key=lambda p: p.code)
        for p in self.all():
            p.province = self._province_of(p)

    def _province_of(self, p):
        while p.level != "province":
            parent_level = "district" if ("district", p.parent_code) in self.by_code else "province"
            p = self.by_code[(parent_level, p.parent_code)]
        return p.code

    def all(self):
        for level in ("province", "district", "commune"):
            yield from self.levels[level]

    def get(self, level, code):
        return self.by_code[(level, code)]


def read_transition():
    with open(os.path.join(ADMIN_DIR, "transition-2025-07.csv"), encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


# --------------------------------------------------------------------------
# The model being built
# --------------------------------------------------------------------------

class Snapshot:
    """Units, links and metadata of one snapshot, in insertion order."""

    def __init__(self, key, until):
        self.key = key
        self.until = until  # last day of the period the snapshot stands for
        self.units = []
        self.unit_ids = set()
        self.links = []
        self.meta = []

    def unit(self, uid, name, kind, level, parent="", name_en="", code="",
             admin_type="", source="", illustrative=False, note=""):
        if uid in self.unit_ids:
            raise ValueError("duplicate unit id %s in %s" % (uid, self.key))
        self.unit_ids.add(uid)
        self.units.append({
            "id": uid, "name": name, "kind": kind, "level": level, "parent": parent,
            "name_en": name_en, "code": code, "admin_type": admin_type,
            "source": source, "illustrative": "yes" if illustrative else "", "note": note,
        })

    def link(self, frm, to, line, source="", illustrative=False, note="", rule=None):
        """Add a link; `rule` names a RULE_DATE entry whose date is checked against the snapshot."""
        if rule and RULE_DATE[rule][1] > self.until:
            illustrative = True
            later = "%s (%s) assumed for this earlier period" % (
                RULE_DATE[rule][0], RULE_DATE[rule][1][:4])
            note = "; ".join(x for x in (note, later) if x)
        self.links.append({
            "from": frm, "to": to, "line": line, "source": source,
            "illustrative": "yes" if illustrative else "", "note": note,
        })

    def add_meta(self, key, value):
        self.meta.append((key, value))

    def write(self, directory):
        os.makedirs(directory, exist_ok=True)
        write_csv(os.path.join(directory, "units.csv"), UNIT_COLUMNS,
                  [[u[c] for c in UNIT_COLUMNS] for u in self.units])
        write_csv(os.path.join(directory, "links.csv"), LINK_COLUMNS,
                  [[l[c] for c in LINK_COLUMNS] for l in self.links])
        write_csv(os.path.join(directory, "meta.csv"), ["key", "value"], self.meta)


def write_csv(path, header, rows):
    """Write an RFC 4180 CSV (UTF-8, LF, no BOM) atomically."""
    fd, tmp = tempfile.mkstemp(prefix=".tmp-", dir=os.path.dirname(path))
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as f:
            w = csv.writer(f, lineterminator="\n")
            w.writerow(header)
            w.writerows(rows)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        os.unlink(tmp)
        raise


# --------------------------------------------------------------------------
# Id scheme (see docs/models.md). `n` is "n" in the 2025-07 snapshot, where
# local codes name different units than before, and "" otherwise.
# --------------------------------------------------------------------------

def pp_id(code, n=""): return "pp-%s%s" % (n, code)
def dp_id(code): return "dp-" + code
def cp_id(code, n=""): return "cp-%s%s" % (n, code)
def ps_id(code): return "ps-" + code
def ppc_id(code, n=""): return "ppc-%s%s" % (n, code)
def pppc_id(code, n=""): return "pppc-%s%s" % (n, code)
def dpc_id(code): return "dpc-" + code
def dppc_id(code): return "dppc-" + code
def cpc_id(code, n=""): return "cpc-%s%s" % (n, code)
def cpcell_id(code, n=""): return "cpcell-%s%s" % (n, code)


# --------------------------------------------------------------------------
# Common builders
# --------------------------------------------------------------------------

def add_central_party(m):
    m.unit("politburo", "Politburo and Secretariat of the Central Committee", "party-organ",
           "central", name_en="Politburo and Secretariat of the Communist Party of Viet Nam",
           source=cite("res22", "res12"))
    m.unit("cpspc", "Central Public Security Party Committee", "party-committee", "central",
           name_en="Central Public Security Party Committee",
           source=cite("vietnamnet2023", "reg192"))


def add_ministry(m, source):
    m.unit("mps", "Ministry of Public Security", "ministry", "central",
           name_en="Ministry of Public Security", source=source)


def add_outside_organs(m):
    """Organs outside the force that appear only through coordination links (2025)."""
    m.unit("coc", "Central Organizing Committee", "party-organ", "central",
           name_en="Central Organizing Committee", source=S["workshop2025"])
    m.unit("cpo", "Central Party Office", "party-organ", "central",
           name_en="Central Party Office", source=S["vna2023"])
    m.unit("moha", "Ministry of Home Affairs", "ministry", "central",
           name_en="Ministry of Home Affairs", source=S["workshop2025"])


def add_departments_2017(m):
    """6 general departments, 2 high commands, 125 generic department-level units."""
    for gid, name in GENERAL_DEPARTMENTS:
        m.unit(gid, name, "general-department", "central", parent="mps", name_en=name,
               source=S["dantri2018"])
    for hid, name in HIGH_COMMANDS:
        m.unit(hid, name, "high-command", "central", parent="mps", name_en=name,
               source=S["vne2018a"], illustrative=True, note="existence sourced; name generic")
    parents = [g for g, _ in GENERAL_DEPARTMENTS] + [h for h, _ in HIGH_COMMANDS]
    # Illustrative distribution: consecutive blocks, as even as possible.
    base, extra = divmod(DEPTS_2017, len(parents))
    n = FIRST_GENERIC_DEPT
    for i, parent in enumerate(parents):
        for _ in range(base + (1 if i < extra else 0)):
            m.unit(dept_id(n), generic_dept_name(n), "department", "central", parent=parent,
                   name_en=generic_dept_name(n), source=cite("vne2018a", "dantri2018"),
                   illustrative=True, note="count sourced (about 125); name and placement illustrative")
            n += 1


def add_departments_since_2018(m, with_aviation):
    """Department-level units directly under the ministry (2018 and 2025)."""
    for did, name in NAMED_DEPARTMENTS:
        m.unit(did, name, "department", "central", parent="mps", name_en=name,
               source=cite("dantri2025", "vnn2025"),
               note="named in 2025 reports; assumed present since Aug 2018" if m.key == "2018" else "")
    for n in range(FIRST_GENERIC_DEPT, DEPTS_2018 + 1):
        m.unit(dept_id(n), generic_dept_name(n), "department", "central", parent="mps",
               name_en=generic_dept_name(n), source=cite("laodong2025", "vne2018b"),
               illustrative=True, note='count sourced ("just over 50"); name illustrative')
    if with_aviation:
        did, name = AVIATION_CENTER
        m.unit(did, name, "department", "central", parent="mps", name_en=name,
               source=cite("dantri2025", "vnn2025"), note="new in 2025")


def add_province_units(m, admin, n, police_source, admin_source):
    """Provincial police, province Party committee, provincial police Party committee."""
    for p in admin.levels["province"]:
        common = dict(level="province", code=p.code, admin_type=p.type)
        m.unit(pp_id(p.code, n), p.police_name(), "provincial-police", parent="mps",
               name_en=p.police_name_en(), source=cite(*police_source, *admin_source), **common)
        m.unit(ppc_id(p.code, n), p.party_committee_name(), "party-committee",
               name_en=p.party_committee_name_en(), source=cite("dec90", *admin_source), **common)
        m.unit(pppc_id(p.code, n), "Đảng ủy " + p.police_name(), "party-committee",
               name_en="Party Committee of the " + p.police_name_en(),
               source=cite("reg192", "dec90"), **common)


def add_district_units(m, admin, with_police, police_source):
    """District police (before 2025), district Party committees, district police Party committees."""
    for d in admin.levels["district"]:
        common = dict(level="district", code=d.code, admin_type=d.type)
        if with_police:
            m.unit(dp_id(d.code), d.police_name(), "district-police", parent=pp_id(d.province),
                   name_en=d.police_name_en(), source=cite(*police_source, "dvhcvn"), **common)
        m.unit(dpc_id(d.code), d.party_committee_name(), "party-committee",
               name_en=d.party_committee_name_en(), source=cite("res60", "dvhcvn"), **common)
        if with_police:
            m.unit(dppc_id(d.code), "Đảng ủy " + d.police_name(), "party-committee",
                   name_en="Party Committee of the " + d.police_name_en(),
                   source=cite("guid273", "dvhcvn"), **common)


def add_police_stations(m, admin):
    """2025-03: the five island districts with no communes got police stations."""
    for code in ISLAND_DISTRICTS:
        d = admin.get("district", code)
        label = "Police station of %s island %s (illustrative name)" % (
            d.name, TYPE_EN[("district", d.type)])
        m.unit(ps_id(code), label, "police-station", "commune", parent=pp_id(d.province),
               name_en=label, code=code, admin_type=d.type,
               source=cite("sggpen2025", "decree02", "dvhcvn"), illustrative=True,
               note="existence sourced for island districts with no communes; name generic")


CELL_NOTE = "Guidance 273: a cell needs 3+ Party members; assumed in every commune"


def add_commune_units(m, admin, n, command_parent, police_source, admin_source):
    """Commune police, commune Party committee, commune police Party cell."""
    for c in admin.levels["commune"]:
        common = dict(level="commune", code=c.code, admin_type=c.type)
        m.unit(cp_id(c.code, n), c.police_name(), "commune-police", parent=command_parent(c),
               name_en=c.police_name_en(), source=cite(*police_source, *admin_source), **common)
        m.unit(cpc_id(c.code, n), c.party_committee_name(), "party-committee",
               name_en=c.party_committee_name_en(), source=cite("guid273", *admin_source), **common)
        m.unit(cpcell_id(c.code, n), "Chi bộ %s (illustrative)" % c.police_name(), "party-cell",
               name_en="Police Party cell of %s (illustrative)" % c.where_en,
               source=cite("guid273", *admin_source), illustrative=True, note=CELL_NOTE, **common)


def add_central_party_links(m):
    m.link("politburo", "cpspc", "party", cite("res22", "reg192", "vietnamnet2023"))
    m.link("cpspc", "mps", "party", cite("vietnamnet2023"))


def add_province_party_links(m, admin, n):
    for p in admin.levels["province"]:
        pp, ppc, pppc = pp_id(p.code, n), ppc_id(p.code, n), pppc_id(p.code, n)
        m.link("politburo", ppc, "party", cite("dec90"),
               note="province Party committees directly under the Central Committee")
        m.link("cpspc", pppc, "party", cite("reg192", "dec90"), rule="reg192")
        m.link(pppc, pp, "party", cite("reg192", "dec90"), rule="reg192")
        m.link(ppc, pp, "party", cite("dec90", "sggp2023"), rule="dec90",
               note="dual leadership of provincial police")


def add_district_party_links(m, admin, with_police):
    for d in admin.levels["district"]:
        m.link(ppc_id(d.province), dpc_id(d.code), "party", cite("res60"),
               note="district Party committees ended under Resolution 60-NQ/TW (2025)")
        if with_police:
            m.link(pppc_id(d.province), dppc_id(d.code), "party", cite("guid273", "reg192"),
                   rule="guid273")
            m.link(dppc_id(d.code), dp_id(d.code), "party", cite("guid273", "reg192"),
                   rule="guid273")


def add_commune_party_links(m, admin, n, committee_parent, cell_police_parent, cell_parent_note):
    """cpc -> cpcell -> cp, the committee above cpc and the police Party committee above cpcell."""
    for c in admin.levels["commune"]:
        cpc, cell = cpc_id(c.code, n), cpcell_id(c.code, n)
        up, up_source = committee_parent(c)
        m.link(up, cpc, "party", up_source)
        m.link(cpc, cell, "party", cite("guid273"), illustrative=True, note=CELL_NOTE, rule="guid273")
        m.link(cell_police_parent(c), cell, "party", cite("guid273"), illustrative=True,
               note=cell_parent_note, rule="guid273")
        m.link(cell, cp_id(c.code, n), "party", cite("guid273"), illustrative=True,
               note=CELL_NOTE, rule="guid273")


def add_guidance_links(m, admin, n, leaders):
    for leader in leaders:
        for p in admin.levels["province"]:
            m.link(leader, pp_id(p.code, n), "guidance", illustrative=True,
                   note="professional guidance assumed; not in the sources")


def add_coordination_2025(m, admin, n):
    m.link("mps", "coc", "coordination", S["workshop2025"])
    m.link("mps", "moha", "coordination", S["workshop2025"])
    m.link("cpspc", "cpo", "coordination", S["vna2023"])
    for p in admin.levels["province"]:
        m.link("cpspc", ppc_id(p.code, n), "coordination", cite("dec90", "sggp2023"))


def add_common_meta(m, title, date, description, sources, notes):
    m.add_meta("title", title)
    m.add_meta("date", date)
    m.add_meta("description", description)
    for s in sources:
        m.add_meta("source", s)
    for note in notes:
        m.add_meta("note", note)


ADMIN_SOURCES_META = [
    "dvhcvn/20250701 (MIT licence, copyright 2025 dvhcvn; see models/vn-admin/LICENSE.dvhcvn): "
    "provinces, districts and communes",
    "GSO 915/CTK-CSCL and 1027/CTK-CSCL: official province and commune codes",
]
PARTY_SOURCES_META = [
    "VietNamNet (2023): Central Public Security Party Committee",
    "Regulation 192-QD/TW (18 May 2019): Party organisation in the force",
    "Decision 90-QD/TW (6 Dec 2022); SGGP (2023): dual leadership of provincial police",
    "Guidance 273-CV/BTCTW (5 Apr 2021): commune police Party cells",
]
NOTE_LOCAL_2025_03 = ("Local boundaries are those of 1 March 2025 (units-2025-03.csv); the real "
                      "numbers of districts and communes in this period differed somewhat")
NOTE_COMMUNES = ("Press figures for communes before July 2025 vary between 10,035 and 10,047 "
                 "with the date counted; this model has the 10,047 of 1 March 2025")
NOTE_CELLS = ("Commune police Party cells are drawn in every commune (illustrative): Guidance "
              "273-CV/BTCTW forms one only where there are 3 or more regular-police Party members")
NOTE_PARTY_LATER = ("Party-line rules documented in 2019-2022 (Regulation 192, Guidance 273, "
                    "Decision 90) are drawn for the whole period and marked illustrative where "
                    "the period ended before the document")
NOTE_GUIDANCE = ("guidance links (department -> provincial police) are illustrative: they show "
                 "the line, the sources do not list them")


# --------------------------------------------------------------------------
# Snapshots
# --------------------------------------------------------------------------

def build_pre_2025(key, until, admin):
    """2017 and 2018: ministry, province, district and commune police (four levels)."""
    m = Snapshot(key, until)
    if key == "2017":
        local_source = ("vne2018a", "dantri2018")
        add_common_meta(
            m, "People's Public Security of Viet Nam, until August 2018", "2017-01-01",
            "The force before Decree 01/2018/ND-CP: six general departments and two high "
            "commands over about 125 department-level units; locally provincial, district and "
            "commune police, with the Party line over them.",
            ["Dan Tri (9 Aug 2018): the six general departments",
             "VnExpress International (2018), \"Vietnam's public security ministry set for major "
             "streamlining overhaul\": 6 general departments, 2 high commands, about 125 "
             "department-level units"] + PARTY_SOURCES_META
            + ["Resolution 22-NQ/TW (15 Mar 2018): Politburo resolution on the force"]
            + ADMIN_SOURCES_META,
            ['"About 125" department-level units (VnExpress International 2018): the model has 125 '
             "generic ones; their spread over the general departments and high commands is "
             "illustrative", "The high commands' names are generic (illustrative)",
             NOTE_LOCAL_2025_03, NOTE_COMMUNES, NOTE_CELLS, NOTE_PARTY_LATER, NOTE_GUIDANCE])
    else:
        local_source = ("law2018",)
        add_common_meta(
            m, "People's Public Security of Viet Nam, from August 2018", "2018-08-06",
            "The force after Decree 01/2018/ND-CP (6 Aug 2018) and until 28 February 2025: "
            "general departments abolished, just over 50 department-level units directly under "
            "the Ministry; four levels (Ministry, province, district, commune).",
            ["Decree 01/2018/ND-CP; Resolution 22-NQ/TW: restructuring of 2018",
             "VietnamPlus (2018); VnExpress International (2018), \"Vietnam restructures public "
             "security ministry\": general departments abolished",
             'Lao Dong (2025): "just over 50" department-level units remained',
             "Law on People's Public Security 2018, Art. 17: four levels",
             "Dan Tri (10 Mar 2025); Viet Nam News (2025): named department-level units"]
            + PARTY_SOURCES_META + ADMIN_SOURCES_META,
            ['"Just over 50" department-level units (Lao Dong 2025): the model has 52, nine named '
             "in 2025 reports (assumed present since 2018) and 43 generic (illustrative)",
             "The snapshot stands for Aug 2018 - Feb 2025; Party-line rules of 2019-2022 are drawn "
             "as if in force throughout",
             NOTE_LOCAL_2025_03, NOTE_COMMUNES, NOTE_CELLS, NOTE_GUIDANCE])

    add_central_party(m)
    add_ministry(m, cite("dantri2018", "vne2018a") if key == "2017" else cite("decree01", "law2018"))
    if key == "2017":
        add_departments_2017(m)
    else:
        add_departments_since_2018(m, with_aviation=False)
    add_province_units(m, admin, "", local_source, ("dvhcvn", "gso915"))
    add_district_units(m, admin, True, local_source)
    add_commune_units(m, admin, "", lambda c: dp_id(c.parent_code), local_source,
                      ("dvhcvn", "gso1027"))

    add_central_party_links(m)
    add_province_party_links(m, admin, "")
    add_district_party_links(m, admin, with_police=True)
    add_commune_party_links(
        m, admin, "",
        committee_parent=lambda c: (dpc_id(c.parent_code), cite("res60")),
        cell_police_parent=lambda c: dppc_id(c.parent_code),
        cell_parent_note="Guidance 273: the district police Party committee also leads the cell; "
                         "assumed in every commune")
    add_guidance_links(m, admin, "", ["gd-2"] if key == "2017" else GUIDING_DEPARTMENTS)
    return m


NOTE_PPPC_CELL = ("assumed: the provincial police Party committee took over the district one's "
                  "role (Guidance 273) when district police ended; assumed in every commune")
SOURCES_2025 = [
    "Decree 02/2025/ND-CP; SGGP English (2025): district police ended on 1 March 2025, "
    "police stations for island districts with no communes",
    "Dan Tri (10 Mar 2025); Viet Nam News (2025): named department-level units, "
    "National Aviation Security Center",
    "Lao Dong (2025); Nghe An 24h (2025): restructurings since 2018",
    "VNA (20 Mar 2023): coordination with the Central Party Office",
    "joint national workshop on restructuring (18 Apr 2025): coordination with the Central "
    "Organizing Committee and the Ministry of Home Affairs",
]
NOTES_2025 = [
    "694 district police agencies were reported ended on 1 March 2025 (SGGP English 2025); "
    "the data have 696 districts",
    "Department-level units after 1 March 2025 are the 2018 set plus the National Aviation "
    "Security Center: the sources give no full list for 2025",
]


def build_2025_03(admin):
    """From 1 March 2025: no district police; communes directly under provincial police."""
    m = Snapshot("2025-03", "2025-06-30")
    add_common_meta(
        m, "People's Public Security of Viet Nam, from 1 March 2025", "2025-03-01",
        "Three levels (Ministry, province, commune) after Decree 02/2025/ND-CP ended the district "
        "police; 63 provinces and 10,047 communes; district Party committees still exist.",
        SOURCES_2025 + PARTY_SOURCES_META
        + ["Resolution 60-NQ/TW (12 Apr 2025): district Party committees end"] + ADMIN_SOURCES_META,
        NOTES_2025 + [NOTE_COMMUNES, NOTE_CELLS, NOTE_GUIDANCE])
    local_source = ("decree02", "sggpen2025")
    add_central_party(m)
    add_ministry(m, cite("decree02", "sggpen2025"))
    add_outside_organs(m)
    add_departments_since_2018(m, with_aviation=True)
    add_province_units(m, admin, "", local_source, ("dvhcvn", "gso915"))
    add_district_units(m, admin, with_police=False, police_source=())
    add_police_stations(m, admin)
    add_commune_units(m, admin, "", lambda c: pp_id(c.province), local_source,
                      ("dvhcvn", "gso1027"))

    add_central_party_links(m)
    add_province_party_links(m, admin, "")
    add_district_party_links(m, admin, with_police=False)
    add_commune_party_links(
        m, admin, "",
        committee_parent=lambda c: (dpc_id(c.parent_code), cite("res60")),
        cell_police_parent=lambda c: pppc_id(c.province),
        cell_parent_note=NOTE_PPPC_CELL)
    add_guidance_links(m, admin, "", GUIDING_DEPARTMENTS)
    add_coordination_2025(m, admin, "")
    return m


def build_2025_07(admin):
    """From 1 July 2025: 34 provinces, 3,321 communes, no district Party committees."""
    m = Snapshot("2025-07", "9999-12-31")
    add_common_meta(
        m, "People's Public Security of Viet Nam, from 1 July 2025", "2025-07-01",
        "Two-level local government: 34 provincial police and 3,321 commune-level police "
        "(2,621 communes, 687 wards, 13 special zones); Party organisations at province and "
        "commune level only (Resolution 60-NQ/TW).",
        SOURCES_2025 + ["Zing News (2025): 34 provincial police, 3,319 commune-level police",
                        "Resolution 60-NQ/TW (12 Apr 2025): district Party committees end"]
        + PARTY_SOURCES_META + ADMIN_SOURCES_META
        + ["NASC resolutions 1654-1687/NQ-UBTVQH15: the new communes"],
        NOTES_2025 + [
            "3,319 commune-level police were reported (Zing News 2025) for the 3,321 commune-level "
            "units; the model gives every unit its police",
            "Local codes name different units than before 1 July 2025, so local ids carry an "
            "'n' (pp-n15 is Lào Cai, pp-15 was Yên Bái)",
            NOTE_CELLS, NOTE_GUIDANCE])
    local_source = ("zing2025",)
    add_central_party(m)
    add_ministry(m, cite("decree02", "zing2025"))
    add_outside_organs(m)
    add_departments_since_2018(m, with_aviation=True)
    add_province_units(m, admin, "n", local_source, ("dvhcvn", "gso915"))
    add_commune_units(m, admin, "n", lambda c: pp_id(c.province, "n"), local_source,
                      ("dvhcvn", "ubtvqh"))

    add_central_party_links(m)
    add_province_party_links(m, admin, "n")
    add_commune_party_links(
        m, admin, "n",
        committee_parent=lambda c: (ppc_id(c.province, "n"), cite("res60")),
        cell_police_parent=lambda c: pppc_id(c.province, "n"),
        cell_parent_note=NOTE_PPPC_CELL)
    add_guidance_links(m, admin, "n", GUIDING_DEPARTMENTS)
    add_coordination_2025(m, admin, "n")
    return m


# --------------------------------------------------------------------------
# Transition 2025-03 -> 2025-07
# --------------------------------------------------------------------------

def transition_rows(old, new, old_admin, new_admin):
    """Old unit -> new unit(s), derived from models/vn-admin/transition-2025-07.csv.

    Operations: keep (1:1, same name), rename (1:1, name changed), merge (one of several
    old units into one new), split (an old unit with several rows), abolish (no successor).
    """
    admin_rows = read_transition()
    by_old = collections.defaultdict(list)   # (level, old code) -> rows
    by_new = collections.defaultdict(list)   # (new level, new code) -> rows
    for r in admin_rows:
        new_level = "province" if r["level"] == "province" else "commune"
        by_old[(r["level"], r["old_code"])].append(r)
        by_new[(new_level, r["new_code"])].append(r)

    old_names = {u["id"]: u["name"] for u in old.units}
    new_names = {u["id"]: u["name"] for u in new.units}
    out = []

    def emit(level, code, families):
        """families: list of (old id maker, new id maker)."""
        rows = by_old[(level, code)]
        new_level = "province" if level == "province" else "commune"
        for r in sorted(rows, key=lambda r: r["new_code"]):
            for old_id, new_id in families:
                oid, nid = old_id(code), new_id(r["new_code"])
                if len(rows) > 1:
                    op = "split"
                elif len(by_new[(new_level, r["new_code"])]) > 1:
                    op = "merge"
                else:
                    op = "keep" if old_names[oid] == new_names[nid] else "rename"
                out.append([oid, nid, op, r["share"]])

    for u in old.units:  # central units continue unchanged
        if u["level"] == "central":
            if u["id"] not in new_names:
                raise ValueError("central unit %s missing in 2025-07" % u["id"])
            out.append([u["id"], u["id"], "keep", "full"])
    province_families = [(pp_id, lambda c: pp_id(c, "n")), (ppc_id, lambda c: ppc_id(c, "n")),
                         (pppc_id, lambda c: pppc_id(c, "n"))]
    for p in old_admin.levels["province"]:
        emit("province", p.code, province_families)
    for d in old_admin.levels["district"]:
        if d.code in ISLAND_DISTRICTS:  # became special zones directly
            emit("district", d.code, [(ps_id, lambda c: cp_id(c, "n")),
                                      (dpc_id, lambda c: cpc_id(c, "n"))])
        else:
            out.append([dpc_id(d.code), "", "abolish", ""])
    commune_families = [(cp_id, lambda c: cp_id(c, "n")), (cpc_id, lambda c: cpc_id(c, "n")),
                        (cpcell_id, lambda c: cpcell_id(c, "n"))]
    for c in old_admin.levels["commune"]:
        emit("commune", c.code, commune_families)
    return out


# --------------------------------------------------------------------------
# Checks
# --------------------------------------------------------------------------

EXPECT = {
    "2017": {"general-department": 6, "high-command": 2, "department": 125,
             "provincial-police": 63, "district-police": 696, "commune-police": 10047},
    "2018": {"general-department": 0, "department": 52, "provincial-police": 63,
             "district-police": 696, "commune-police": 10047},
    "2025-03": {"department": 53, "provincial-police": 63, "district-police": 0,
                "commune-police": 10047, "police-station": 5},
    "2025-07": {"department": 53, "provincial-police": 34, "district-police": 0,
                "commune-police": 3321, "police-station": 0},
}
EXPECT_2025_07_TYPES = {"Xã": 2621, "Phường": 687, "Đặc khu": 13}


def read_csv(path):
    with open(path, "rb") as f:
        data = f.read()
    if data.startswith(b"\xef\xbb\xbf"):
        raise ValueError("%s starts with a BOM" % path)
    if b"\r" in data:
        raise ValueError("%s has CR line ends" % path)
    return list(csv.DictReader(data.decode("utf-8").splitlines()))


def check_snapshot(key):
    """Verify one snapshot on disk; return (units, links) for the summary."""
    d = os.path.join(OUT_DIR, key)
    units = read_csv(os.path.join(d, "units.csv"))
    links = read_csv(os.path.join(d, "links.csv"))
    meta = read_csv(os.path.join(d, "meta.csv"))
    errors = []
    ids = [u["id"] for u in units]
    if len(ids) != len(set(ids)):
        errors.append("duplicate ids")
    idset = set(ids)
    for u in units:
        if not u["id"].isascii():
            errors.append("non-ASCII id " + u["id"])
        if u["parent"] and u["parent"] not in idset:
            errors.append("unknown parent %s of %s" % (u["parent"], u["id"]))
        if not u["source"] and u["illustrative"] != "yes":
            errors.append("unit %s has neither source nor illustrative" % u["id"])
    seen_pairs = set()
    for l in links:
        for end in ("from", "to"):
            if l[end] not in idset:
                errors.append("unknown link end %s" % l[end])
        if l["line"] not in LINES:
            errors.append("bad line %s" % l["line"])
        if not l["source"] and l["illustrative"] != "yes":
            errors.append("link %s->%s has neither source nor illustrative" % (l["from"], l["to"]))
        pair = (l["line"],) + ((tuple(sorted((l["from"], l["to"]))),) if l["line"] == "coordination"
                               else ((l["from"], l["to"]),))
        if pair in seen_pairs:
            errors.append("duplicate link %r" % (pair,))
        seen_pairs.add(pair)
    # No cycles on the command line (parents plus command links).
    up = collections.defaultdict(list)
    for u in units:
        if u["parent"]:
            up[u["id"]].append(u["parent"])
    for l in links:
        if l["line"] == "command":
            up[l["to"]].append(l["from"])
    for line in ("command", "party", "guidance"):
        graph = up if line == "command" else collections.defaultdict(list)
        if line != "command":
            for l in links:
                if l["line"] == line:
                    graph[l["to"]].append(l["from"])
        if has_cycle(ids, graph):
            errors.append("cycle on the %s line" % line)
    kinds = collections.Counter(u["kind"] for u in units)
    for kind, n in EXPECT[key].items():
        if kinds.get(kind, 0) != n:
            errors.append("%s: %d, expected %d" % (kind, kinds.get(kind, 0), n))
    if key == "2025-07":
        types = collections.Counter(u["admin_type"] for u in units if u["kind"] == "commune-police")
        if dict(types) != EXPECT_2025_07_TYPES:
            errors.append("2025-07 commune types %r" % dict(types))
    keys = {r["key"] for r in meta}
    for k in ("title", "date", "description", "source", "note"):
        if k not in keys:
            errors.append("meta lacks " + k)
    if errors:
        raise SystemExit("%s: %s" % (key, "; ".join(errors[:20])))
    return units, links


def has_cycle(ids, up):
    state = {}
    for start in ids:
        if start in state:
            continue
        stack = [(start, iter(up.get(start, ())))]
        state[start] = 1
        while stack:
            node, it = stack[-1]
            nxt = next(it, None)
            if nxt is None:
                state[node] = 2
                stack.pop()
            elif state.get(nxt) == 1:
                return True
            elif nxt not in state:
                state[nxt] = 1
                stack.append((nxt, iter(up.get(nxt, ()))))
    return False


NEW_WITHOUT_PREDECESSOR = {"cpcell-n11948", "cpcell-n19742", "cpcell-n20333",
                           "cpcell-n21548", "cpcell-n26732"}


def check_transition(old_units, new_units):
    rows = read_csv(os.path.join(OUT_DIR, "transition-2025-07.csv"))
    old_ids = {u["id"] for u in old_units}
    new_ids = {u["id"] for u in new_units}
    ops = collections.Counter(r["operation"] for r in rows)
    errors = [r["old_id"] for r in rows if r["old_id"] not in old_ids]
    errors += [r["new_id"] for r in rows if r["new_id"] and r["new_id"] not in new_ids]
    missing_old = old_ids - {r["old_id"] for r in rows}
    # The police Party cells of the five island special zones are new: the island
    # districts had police stations but no communes, hence no commune Party cell.
    missing_new = new_ids - {r["new_id"] for r in rows} - NEW_WITHOUT_PREDECESSOR
    if errors or missing_old or missing_new:
        raise SystemExit("transition: unknown %s; old not covered %s; new not reached %s"
                         % (errors[:5], sorted(missing_old)[:5], sorted(missing_new)[:5]))
    return rows, ops


def summary(results, transition_ops, n_transition):
    print("# Counts (computed by scripts/gen-vn-police.py --check)\n")
    for key, (units, links) in results.items():
        print("## %s: %d units, %d links\n" % (key, len(units), len(links)))
        table = collections.Counter((u["kind"], u["level"]) for u in units)
        print("| kind | level | units | illustrative |\n|---|---|---:|---:|")
        ill = collections.Counter((u["kind"], u["level"]) for u in units if u["illustrative"])
        for (kind, level), n in sorted(table.items(), key=lambda kv: (LEVEL_ORDER[kv[0][1]], kv[0][0])):
            print("| %s | %s | %d | %d |" % (kind, level, n, ill[(kind, level)]))
        print("\n| line | links | illustrative |\n|---|---:|---:|")
        parented = [u for u in units if u["parent"]]
        print("| command (parent column) | %d | %d |"
              % (len(parented), sum(1 for u in parented if u["illustrative"])))
        lines = collections.Counter(l["line"] for l in links)
        lill = collections.Counter(l["line"] for l in links if l["illustrative"])
        for line in LINES:
            print("| %s (links.csv) | %d | %d |" % (line, lines[line], lill[line]))
        extra = collections.Counter(u["admin_type"] for u in units if u["kind"] == "commune-police")
        print("\ncommune police by admin_type: " +
              ", ".join("%s %d" % kv for kv in sorted(extra.items())) + "\n")
    print("## transition-2025-07.csv: %d rows\n" % n_transition)
    print(", ".join("%s %d" % kv for kv in sorted(transition_ops.items())))


LEVEL_ORDER = {"central": 0, "province": 1, "district": 2, "commune": 3}


def check_all():
    results = {}
    for key in EXPECT:
        results[key] = check_snapshot(key)
    rows, ops = check_transition(results["2025-03"][0], results["2025-07"][0])
    summary(results, ops, len(rows))
    print("\nall checks passed", file=sys.stderr)


# --------------------------------------------------------------------------

def generate():
    admin_03 = Admin("units-2025-03.csv")
    admin_07 = Admin("units-2025-07.csv")
    snaps = [build_pre_2025("2017", "2018-08-05", admin_03),
             build_pre_2025("2018", "2025-02-28", admin_03),
             build_2025_03(admin_03),
             build_2025_07(admin_07)]
    for m in snaps:
        m.write(os.path.join(OUT_DIR, m.key))
    rows = transition_rows(snaps[2], snaps[3], admin_03, admin_07)
    write_csv(os.path.join(OUT_DIR, "transition-2025-07.csv"), TRANSITION_COLUMNS, rows)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--check", action="store_true", help="verify after generating; print counts")
    ap.add_argument("--check-only", action="store_true", help="verify existing files only")
    args = ap.parse_args()
    if not args.check_only:
        generate()
    if args.check or args.check_only:
        check_all()


if __name__ == "__main__":
    main()
