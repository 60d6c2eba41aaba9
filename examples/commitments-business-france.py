#!/usr/bin/env python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""Business France's yearly targets, year by year.

Business France promised to support "about twenty priority territories each
year, five of them in a reinforced way". This script evaluates the
registry's commitments (Registry.evaluate()) and prints, for each yearly
target of the operator, one line per year: how many territories were
designated at each level, against the target, and the status.

    commitments-business-france.py [--date YYYY-MM-DD] [--operator ID] [FILE]

FILE defaults to commitments-demo.xml beside this script, a synthetic
registry (fictitious territories and designations). The date, today by
default, separates the years that are over from the pending ones. Exits 1
when the registry cannot be read or the date is invalid, 2 for an operator
the registry does not have.
"""

import argparse
import datetime
import os
import sys

import terrind

DEFAULT_FILE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "commitments-demo.xml")
PROG = "commitments-business-france.py"


def parse_args(argv):
    parser = argparse.ArgumentParser(prog=PROG, description=__doc__.split("\n\n")[0])
    parser.add_argument("file", nargs="?", default=DEFAULT_FILE,
                        help="a libterrind XML file (default: %(default)s)")
    parser.add_argument("-d", "--date", help="evaluate on this day, YYYY-MM-DD (default: today)")
    parser.add_argument("-o", "--operator", default="business-france",
                        help="the operator (default: %(default)s)")
    return parser.parse_args(argv)


def yearly_findings(reg, operator_id, date):
    """{commitment id: {year: {level: finding}}} for the yearly targets of
    the operator's conventions, in the evaluation's order."""
    conventions = {c.id for c in reg.conventions.values() if c.operator == operator_id}
    tables = {}
    for f in reg.evaluate(date=date):
        if f.convention not in conventions or f.kind != "yearly-target":
            continue
        level = f.measure.split(":", 1)[1] if ":" in f.measure else f.measure
        tables.setdefault(f.commitment, {}).setdefault(f.year, {})[level] = f
    return tables


def cell(finding):
    if finding.target is None:
        return finding.status
    return "%d/%d %s" % (finding.value, finding.target, finding.status)


def report(reg, operator_id, date, out):
    operator = reg.operators[operator_id]
    tables = yearly_findings(reg, operator_id, date)
    out.write("%s (%s): yearly targets, evaluated on %s\n"
              % (operator.name, operator.id, date or datetime.date.today().isoformat()))
    if not tables:
        out.write("  no yearly target in its conventions\n")
    for commitment_id, years in tables.items():
        commitment = reg.get_commitment(commitment_id)
        levels = []
        for by_level in years.values():
            levels += [level for level in by_level if level not in levels]
        out.write("\n%s (convention %s)\n" % (commitment_id, commitment.convention))
        out.write("  per level: territories designated/target, status%s\n"
                  % ("; the targets are approximate: 90 % of one is met" if commitment.approximate else ""))
        rows = [["year"] + levels]
        for year, by_level in years.items():
            rows.append([str(year) if year is not None else "-"]
                        + [cell(by_level[level]) if level in by_level else "" for level in levels])
        widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
        for row in rows:
            out.write(("  " + "  ".join("%-*s" % (w, text) for w, text in zip(widths, row))).rstrip()
                      + "\n")


def main(argv, out=sys.stdout, err=sys.stderr):
    args = parse_args(argv)
    try:
        with terrind.Registry.load(args.file) as reg:
            if args.operator not in reg.operators:
                err.write("%s: no operator %r in the registry\n" % (PROG, args.operator))
                return 2
            report(reg, args.operator, args.date, out)
    except terrind.Error as e:
        err.write("%s: %s\n" % (PROG, e))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
