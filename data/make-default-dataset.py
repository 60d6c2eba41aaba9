#!/usr/bin/env python3
# make-default-dataset.py: build data/default.xml from the public sources
#
# Copyright (C) 2026 The libterrind authors
# SPDX-License-Identifier: LGPL-2.1-or-later
#
# The embedded default dataset is data, not code: this script converts the
# files under data/sources/ (see data/sources/README.md for where they come
# from) into the canonical libterrind XML of docs/format.md, so that the
# dataset can be regenerated and audited. It holds both phases of the
# programme. Every member takes its name and kind from the Etalab reference,
# every territory its departements from its members' communes; the script
# checks each territory's region against those departements, checks every
# member SIREN against the reference and reports, phase by phase and without
# dropping anything, the ones that are not a current EPCI or commune.
#
# Usage:
#   make-default-dataset.py                 write data/default.xml, print the report
#   make-default-dataset.py --check         exit 1 if data/default.xml is not what the
#                                           sources give
#   make-default-dataset.py --derive-reference DIR
#                                           rebuild sources/epci-sirens.csv (with the
#                                           departements of every SIREN) from the
#                                           epci.json, ept.json and departements.json of
#                                           Etalab's decoupage-administratif in DIR
#
# Python 3 standard library only.

import argparse
import csv
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
NAMESPACE = "urn:libterrind:registry"
FORMAT_VERSION = 2

# The phases of the programme and the ANCT lists they come from. Phase 1 was
# announced at the Conseil national de l'industrie of 22 November 2018 (the
# press release of 2019 cites it), phase 2 on 9 November 2023. Territories
# of phase 1 keep the ANCT id as their id; the ANCT reused ids in phase 2
# for other territories, so a later phase's ids say the phase: "p2-ti-0101".
PHASES = [
    {"number": 1, "name": "Phase 1", "first_year": 2018, "last_year": 2022,
     "announced": "2018-11-22",
     "territories": "ti_phase1_2022_territoires.csv",
     "members": "ti_phase1_2022_membres.csv"},
    {"number": 2, "name": "Phase 2", "first_year": 2023, "last_year": 2027,
     "announced": "2023-11-09",
     "territories": "ti_phase2_2024_territoires.csv",
     "members": "ti_phase2_2024_membres.csv"},
]

# The conventions of 2019 belong to phase 1. Phase 2's conventions and
# operators were not published as data, so none is invented.
CONVENTION_PHASE = 1

SIGNING_DATE = "2019-03-05"
SIGNING_PLACE = "Lyon"
CONVENTION_TITLE = "Convention de mobilisation"

# The two members of the government who signed all four conventions, with
# their roles as the press release gives them. The press release names no
# signatory for the operators, so none is added.
SIGNATORIES = [
    ("Jacqueline Gourault",
     "Ministre de la Cohésion des territoires et des Relations avec les "
     "collectivités territoriales"),
    ("Agnès Pannier-Runacher",
     "Secrétaire d'État auprès du ministre de l'Économie et des Finances"),
]

# id, name, kind, former names [(name, until)]. Ids are stable; names are
# data: Pôle emploi became France Travail on 1 January 2024.
OPERATORS = [
    ("banque-des-territoires", "Banque des Territoires", "public-investor", []),
    ("bpifrance", "Bpifrance", "public-bank", []),
    ("business-france", "Business France", "export-agency", []),
    ("pole-emploi", "France Travail", "employment-service",
     [("Pôle emploi", "2023-12-31")]),
]

# The sentence every operator signed up to.
SINGLE_REFERENT = ("Dans un objectif de simplification",
                   "1 référent unique pour chaque Territoire d'industrie.")

# Commitments per operator. "text" is (first words, last words) of the
# sentence in the press release: the script copies the sentence out of the
# source, and fails if the source does not contain it.
COMMITMENTS = {
    "banque-des-territoires": [
        {"id": "bdt-equity-envelope", "kind": "money-envelope",
         "amount": 100000000, "period": "per-year",
         "first_year": 2019, "last_year": 2022, "approximate": True,
         "text": ("la Banque des territoires prévoit ainsi",
                  "les transports et la mobilité etc."),
         "themes": ["foncier et immobilier industriel",
                    "reconversion des friches",
                    "numérique",
                    "écologie industrielle",
                    "transports et mobilité"]},
        {"id": "bdt-engineering-envelope", "kind": "money-envelope",
         "text": ("Cela s'accompagnera d'une enveloppe d'ingénierie",
                  "pour accompagner les territoires")},
        {"id": "bdt-single-referent", "kind": "referent-per-territory",
         "text": SINGLE_REFERENT},
    ],
    "bpifrance": [
        {"id": "bpi-accelerators", "kind": "programme-access",
         "text": ("enfin, Bpifrance favorisera l'accès",
                  "notamment aux accélérateurs.")},
        {"id": "bpi-single-referent", "kind": "referent-per-territory",
         "text": SINGLE_REFERENT},
        {"id": "bpi-vte-experiment", "kind": "experiment",
         "text": ("Bpifrance s'engagera fortement",
                  "dans les PME et ETI des Territoires d'industrie.")},
    ],
    "business-france": [
        {"id": "bf-coach-international", "kind": "referent-per-territory",
         "text": ("pour renforcer l'attractivité des Territoires d'industrie",
                  "référent pour chaque Territoire d'industrie.")},
        {"id": "bf-priority-territories", "kind": "yearly-target",
         "approximate": True,
         "text": ("Il accompagnera également chaque année",
                  "et la prospection des investisseurs"),
         "targets": [("priority", 20), ("reinforced", 5)]},
        {"id": "bf-single-referent", "kind": "referent-per-territory",
         "text": SINGLE_REFERENT},
    ],
    "pole-emploi": [
        {"id": "pe-formadiag", "kind": "tool",
         "text": ("Ainsi, dès l'été, le nouvel outil de datavisualisation",
                  "des données de chaque Territoire d'industrie.")},
        {"id": "pe-referent-advisor", "kind": "referent-per-territory",
         "text": ("Chaque Territoire d'industrie bénéficiera également",
                  "des agences Pôle emploi concernées.")},
        {"id": "pe-single-referent", "kind": "referent-per-territory",
         "text": SINGLE_REFERENT},
    ],
}


class SourceError(Exception):
    pass


# ---------------------------------------------------------------- sources

def read_press_release(sources):
    """The press release as plain text: markdown bold markers removed."""
    with open(os.path.join(sources, "communique-2019-03-07.md"), encoding="utf-8") as f:
        return f.read().replace("**", "")


def sentence(press, start, end):
    """The text of @press from @start to the end of @end, which must be unique."""
    if press.count(start) != 1:
        raise SourceError("press release: %r found %d times" % (start, press.count(start)))
    begin = press.index(start)
    stop = press.find(end, begin)
    if stop < 0 or "\n" in press[begin:stop]:
        raise SourceError("press release: no %r after %r on the same line" % (end, start))
    return press[begin:stop + len(end)]


def read_regions(sources):
    with open(os.path.join(sources, "regions.json"), encoding="utf-8") as f:
        rows = json.load(f)
    regions = [(r["code"], r["nom"]) for r in rows if r["zone"] in ("metro", "drom")]
    return sorted(regions)


def territory_id(anct_id, phase):
    """Phase 1 keeps the ANCT id; a later phase's id says the phase."""
    return anct_id if phase == 1 else "p%d-%s" % (phase, anct_id)


def read_territories(sources, phase, reference):
    """The territories of @phase (an entry of PHASES), sorted by id; each
    remembers whether its name had to be stripped."""
    members = {}
    with open(os.path.join(sources, phase["members"]), encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            members.setdefault(row["id_ti"], []).append(row["siren"])
            # Phase 2's member file gives a kind checked against the
            # reference when it was made (phase 1's kind_guess is a
            # heuristic, not used): the two must still agree.
            kind = row.get("kind")
            if kind is not None and row["siren"] in reference and reference[row["siren"]][0] != kind:
                raise SourceError("%s: %s is %s in %s but %s in the reference"
                                  % (row["id_ti"], row["siren"], kind, phase["members"],
                                     reference[row["siren"]][0]))

    territories = []
    with open(os.path.join(sources, phase["territories"]), encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            anct_id = row["id_ti"]
            sirens = sorted(members.pop(anct_id, []))
            # The two files of the source must tell the same story.
            if sirens != sorted(row["siren_groupements"].split(";")):
                raise SourceError("%s: member lists of the two CSV files differ" % anct_id)
            if len(sirens) != int(row["n_groupements"]):
                raise SourceError("%s: n_groupements does not match the members" % anct_id)
            # str.strip() strips every Unicode space, U+00A0 included.
            name = row["lib_ti"].strip()
            territories.append({"id": territory_id(anct_id, phase["number"]),
                                "anct_id": anct_id, "phase": phase["number"],
                                "name": name, "stripped": name != row["lib_ti"],
                                "region": row["insee_reg"], "members": sirens})
    if members:
        raise SourceError("%s: members of unknown territories: %s"
                          % (phase["members"], ", ".join(sorted(members))))
    return sorted(territories, key=lambda t: t["id"].encode("utf-8"))


def read_departements(sources):
    """Departement code -> region code."""
    with open(os.path.join(sources, "departements.json"), encoding="utf-8") as f:
        return {d["code"]: d["region"] for d in json.load(f)}


def read_reference(sources):
    """SIREN -> (kind, name, departements) for the current EPCI, communes
    and EPT."""
    reference = {}
    with open(os.path.join(sources, "epci-sirens.csv"), encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        if "departements" not in (reader.fieldnames or []):
            raise SourceError("epci-sirens.csv has no departements column: "
                              "rebuild it with --derive-reference")
        for row in reader:
            reference[row["siren"]] = (row["kind"], row["name"],
                                       tuple(row["departements"].split(";")))
    return reference


def commune_departement(insee):
    """The departement of an INSEE commune code: its first 2 characters
    (2A and 2B in Corsica), or 3 overseas (97x)."""
    return insee[:3] if insee.startswith("97") else insee[:2]


def derive_reference(etalab_dir, sources):
    """Writes sources/epci-sirens.csv: every EPCI, member commune and EPT of
    Etalab's decoupage-administratif with the departements of its communes,
    so the 4 MB epci.json need not ship."""
    rows = {}
    departements = {}

    def add_group(group, kind):
        rows[group["code"]] = (kind, group["nom"])
        deps = departements.setdefault(group["code"], set())
        for commune in group["membres"]:
            dep = commune_departement(commune["code"])
            deps.add(dep)
            # A commune without a SIREN (one in ept.json) still places its
            # group; it cannot be a member itself.
            if "siren" in commune:
                rows.setdefault(commune["siren"], ("commune", commune["nom"]))
                departements.setdefault(commune["siren"], set()).add(dep)

    with open(os.path.join(etalab_dir, "epci.json"), encoding="utf-8") as f:
        for epci in json.load(f):
            add_group(epci, "epci")
    with open(os.path.join(etalab_dir, "ept.json"), encoding="utf-8") as f:
        for ept in json.load(f):
            add_group(ept, "ept")

    known = read_departements(etalab_dir)
    for siren in sorted(rows):
        if not departements[siren]:
            raise SourceError("%s (%s): no commune, so no departement" % (siren, rows[siren][1]))
        unknown = departements[siren] - set(known)
        if unknown:
            raise SourceError("%s (%s): departements %s not in departements.json"
                              % (siren, rows[siren][1], ", ".join(sorted(unknown))))

    with open(os.path.join(sources, "epci-sirens.csv"), "w", encoding="utf-8", newline="") as f:
        out = csv.writer(f, lineterminator="\n")
        out.writerow(["siren", "kind", "name", "departements"])
        for siren in sorted(rows):
            deps = sorted(departements[siren], key=lambda d: d.encode("utf-8"))
            out.writerow([siren, rows[siren][0], rows[siren][1], ";".join(deps)])
    return len(rows)


# ---------------------------------------------------------------- checks

def luhn_ok(siren):
    total = 0
    for i, ch in enumerate(reversed(siren)):
        digit = int(ch)
        if i % 2:
            digit *= 2
            if digit > 9:
                digit -= 9
        total += digit
    return total % 10 == 0


def check_sirens(territories, reference):
    """Returns (counts per kind, [(territory, siren)] not found), after
    making sure every SIREN is well-formed and in one territory only of the
    phase."""
    counts = {"epci": 0, "commune": 0, "ept": 0}
    missing = []
    seen = {}
    for t in territories:
        for siren in t["members"]:
            if not re.fullmatch(r"[0-9]{9}", siren) or not luhn_ok(siren):
                raise SourceError("%s: malformed SIREN %s" % (t["id"], siren))
            if siren in seen:
                raise SourceError("SIREN %s in both %s and %s" % (siren, seen[siren], t["id"]))
            seen[siren] = t["id"]
            if siren in reference:
                counts[reference[siren][0]] += 1
            else:
                missing.append((t["id"], siren))
    return counts, missing


def place_territories(territories, reference, departements, regions):
    """Gives every territory the departements of its members, and checks
    that its region is the region of one of them."""
    region_codes = {code for code, _ in regions}
    for t in territories:
        deps = set()
        for siren in t["members"]:
            if siren in reference:
                deps.update(reference[siren][2])
        unknown = deps - set(departements)
        if unknown:
            raise SourceError("territory %s (%s, phase %d): departements %s not in departements.json"
                              % (t["id"], t["name"], t["phase"], ", ".join(sorted(unknown))))
        if t["region"] not in region_codes:
            raise SourceError("territory %s (%s, phase %d): region %s is not a region of regions.json"
                              % (t["id"], t["name"], t["phase"], t["region"]))
        t["departements"] = sorted(deps, key=lambda d: d.encode("utf-8"))
        t["regions"] = sorted({departements[d] for d in deps})
        if t["region"] not in t["regions"]:
            raise SourceError("territory %s (%s, phase %d): region %s is the region of none of "
                              "its members' departements (%s)"
                              % (t["id"], t["name"], t["phase"], t["region"],
                                 ", ".join(t["departements"]) or "none known"))


# ---------------------------------------------------------------- canonical XML

def esc_text(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def esc_attr(s):
    return (esc_text(s).replace('"', "&quot;").replace("\t", "&#9;")
            .replace("\n", "&#10;").replace("\r", "&#13;"))


def element(depth, name, attrs, children=None):
    """One element in the canonical form: attributes in the order given,
    self-closed when it has no children."""
    head = "  " * depth + "<" + name + "".join(
        ' %s="%s"' % (k, esc_attr(str(v))) for k, v in attrs if v is not None)
    if not children:
        return [head + "/>"]
    return [head + ">"] + children + ["  " * depth + "</" + name + ">"]


def commitment_xml(depth, c, press):
    text = sentence(press, *c["text"])
    attrs = [("id", c["id"]), ("kind", c["kind"])]
    if "amount" in c:
        attrs += [("amount", c["amount"]), ("period", c["period"])]
    attrs += [("first-year", c.get("first_year")), ("last-year", c.get("last_year")),
              ("approximate", "true" if c.get("approximate") else None)]
    pad = "  " * (depth + 1)
    children = [pad + "<text>" + esc_text(text) + "</text>"]
    children += [pad + "<theme>" + esc_text(t) + "</theme>" for t in c.get("themes", [])]
    for level, count in c.get("targets", []):
        children += element(depth + 1, "target", [("level", level), ("count", count)])
    return element(depth, "commitment", attrs, children)


def build_xml(regions, territories, reference, press):
    body = []

    body += element(1, "phases", [],
                    sum((element(2, "phase", [("number", p["number"]), ("name", p["name"]),
                                              ("first-year", p["first_year"]),
                                              ("last-year", p["last_year"]),
                                              ("announced", p["announced"])])
                         for p in PHASES), []))

    body += element(1, "regions", [],
                    sum((element(2, "region", [("code", c), ("name", n)]) for c, n in regions), []))

    operators = []
    for oid, name, kind, former in sorted(OPERATORS, key=lambda o: o[0].encode("utf-8")):
        kids = sum((element(3, "former-name", [("name", n), ("until", u)]) for n, u in former), [])
        operators += element(2, "operator", [("id", oid), ("name", name), ("kind", kind)], kids)
    body += element(1, "operators", [], operators)

    terr = []
    for t in sorted(territories, key=lambda t: t["id"].encode("utf-8")):
        kids = []
        for s in t["members"]:
            kind, name = reference.get(s, (None, None))[:2]
            kids += element(3, "member", [("siren", s), ("name", name), ("kind", kind)])
        kids += sum((element(3, "department", [("code", d)]) for d in t["departements"]), [])
        anct_id = t["anct_id"] if t["anct_id"] != t["id"] else None
        terr += element(2, "territory",
                        [("id", t["id"]), ("anct-id", anct_id), ("name", t["name"]),
                         ("region", t["region"]), ("phase", t["phase"])], kids)
    body += element(1, "territories", [], terr)

    conventions = []
    for oid, _, _, _ in sorted(OPERATORS, key=lambda o: ("conv-2019-" + o[0]).encode("utf-8")):
        kids = sum((element(3, "signatory", [("name", n), ("role", r)]) for n, r in SIGNATORIES), [])
        for c in sorted(COMMITMENTS[oid], key=lambda c: c["id"].encode("utf-8")):
            kids += commitment_xml(3, c, press)
        conventions += element(2, "convention",
                               [("id", "conv-2019-" + oid), ("operator", oid),
                                ("date", SIGNING_DATE), ("place", SIGNING_PLACE),
                                ("title", CONVENTION_TITLE), ("phase", CONVENTION_PHASE)], kids)
    body += element(1, "conventions", [], conventions)

    # Referents are personal data and none were published: the default has none.
    body += element(1, "referents", [])

    lines = ['<?xml version="1.0" encoding="UTF-8"?>']
    lines += element(0, "registry", [("xmlns", NAMESPACE), ("version", FORMAT_VERSION)], body)
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------- main

def main():
    parser = argparse.ArgumentParser(description="Build the libterrind default dataset.")
    parser.add_argument("--sources", default=os.path.join(HERE, "sources"),
                        help="directory of the source files (default: %(default)s)")
    parser.add_argument("--output", default=os.path.join(HERE, "default.xml"),
                        help="XML file to write or check (default: %(default)s)")
    parser.add_argument("--check", action="store_true",
                        help="do not write: exit 1 if OUTPUT differs from what the sources give")
    parser.add_argument("--derive-reference", metavar="DIR",
                        help="rebuild SOURCES/epci-sirens.csv from DIR/epci.json, DIR/ept.json "
                             "and DIR/departements.json")
    args = parser.parse_args()

    try:
        if args.derive_reference:
            n = derive_reference(args.derive_reference, args.sources)
            print("epci-sirens.csv: %d SIRENs" % n)
            return 0

        press = read_press_release(args.sources)
        regions = read_regions(args.sources)
        reference = read_reference(args.sources)
        departements = read_departements(args.sources)
        phases = []
        for phase in PHASES:
            territories = read_territories(args.sources, phase, reference)
            counts, missing = check_sirens(territories, reference)
            place_territories(territories, reference, departements, regions)
            phases.append((phase, territories, counts, missing))
        all_territories = [t for _, ts, _, _ in phases for t in ts]
        xml = build_xml(regions, all_territories, reference, press)
    except (OSError, ValueError, KeyError, SourceError) as e:
        print("make-default-dataset: %s" % e, file=sys.stderr)
        return 2

    print("%d regions, %d phases, %d territories, %d member SIRENs, %d operators, "
          "%d conventions, %d commitments, 0 referents"
          % (len(regions), len(PHASES), len(all_territories),
             sum(len(t["members"]) for t in all_territories), len(OPERATORS),
             len(COMMITMENTS), sum(len(c) for c in COMMITMENTS.values())))
    for phase, territories, counts, missing in phases:
        n = phase["number"]
        print("phase %d (%d-%d): %d territories, %d member SIRENs"
              % (n, phase["first_year"], phase["last_year"], len(territories),
                 sum(len(t["members"]) for t in territories)))
        print("phase %d: member SIRENs in the Etalab reference: %d EPCI, %d communes, %d EPT; "
              "%d not found" % (n, counts["epci"], counts["commune"], counts["ept"], len(missing)))
        # EPT are not EPCI: the Paris metropolis's territories replaced the
        # intercommunalities of the inner suburbs in 2016. Show which ones.
        for t in territories:
            for siren in t["members"]:
                if reference.get(siren, ("",))[0] == "ept":
                    print("  EPT, not an EPCI: %s %s in %s" % (siren, reference[siren][1], t["id"]))
        for tid, siren in missing:
            print("  not found: %s in %s (kept, with no name, kind or departement)" % (siren, tid))
        print("phase %d: %d territories span several departements, %d several regions"
              % (n, sum(len(t["departements"]) > 1 for t in territories),
                 sum(len(t["regions"]) > 1 for t in territories)))
        stripped = [t["anct_id"] for t in territories if t["stripped"]]
        if stripped:
            print("phase %d: %d names stripped of surrounding spaces: %s"
                  % (n, len(stripped), ", ".join(stripped)))
    for i, (earlier, earlier_ts, _, _) in enumerate(phases):
        for later, later_ts, _, _ in phases[i + 1:]:
            both = ({s for t in earlier_ts for s in t["members"]}
                    & {s for t in later_ts for s in t["members"]})
            print("member SIRENs in both phase %d and phase %d: %d"
                  % (earlier["number"], later["number"], len(both)))

    if args.check:
        try:
            with open(args.output, encoding="utf-8", newline="") as f:
                current = f.read()
        except OSError as e:
            print("make-default-dataset: %s" % e, file=sys.stderr)
            return 2
        if current != xml:
            print("%s is not what the sources give: regenerate it" % args.output, file=sys.stderr)
            return 1
        print("%s is up to date" % args.output)
        return 0

    with open(args.output + ".tmp", "w", encoding="utf-8", newline="\n") as f:
        f.write(xml)
    os.replace(args.output + ".tmp", args.output)
    print("wrote %s" % args.output)
    return 0


if __name__ == "__main__":
    sys.exit(main())
