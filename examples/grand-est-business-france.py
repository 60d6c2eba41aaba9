#!/usr/bin/env python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""The territories of Grand Est that still lack a Business France referent, as CSV.

    grand-est-business-france.py [--phase N] [--region CODE] [--operator ID] [FILE]

Writes one row per territory of the region (Grand Est, INSEE code 44, by
default) and of the phase (the one running today, or the latest) that has
no referent of the operator (business-france by default) in office today,
with a header of the territory's fields (terrind.kinds()["territory"]); a
list field is its items separated by spaces. FILE defaults to the dataset
embedded in libterrind. Exits 1 when the registry cannot be read, 2 for a
region, a phase or an operator the registry does not have.
"""

import argparse
import csv
import sys

import terrind

PROG = "grand-est-business-france.py"


def parse_args(argv):
    parser = argparse.ArgumentParser(prog=PROG, description=__doc__.split("\n\n")[0])
    parser.add_argument("file", nargs="?", help="a libterrind XML file (default: the embedded dataset)")
    parser.add_argument("-p", "--phase", type=int, help="the phase (default: today's, or the latest)")
    parser.add_argument("-r", "--region", default="44", help="the region's code (default: %(default)s)")
    parser.add_argument("-o", "--operator", default="business-france",
                        help="the operator (default: %(default)s)")
    return parser.parse_args(argv)


def cell(value):
    return " ".join(value) if isinstance(value, tuple) else value


def write_csv(reg, region, operator, phase, out):
    """The library use: the query, filtered by region, written from to_dict()."""
    missing = [t for t in reg.territories_without_referent(operator, phase) if t.region == region]
    writer = csv.DictWriter(out, fieldnames=terrind.kinds()["territory"], lineterminator="\n")
    writer.writeheader()
    writer.writerows({k: cell(v) for k, v in t.to_dict().items()} for t in missing)


def main(argv, out=sys.stdout, err=sys.stderr):
    args = parse_args(argv)
    try:
        with (terrind.Registry(args.file) if args.file else terrind.Registry.default()) as reg:
            for what, key, view in (("region", args.region, reg.regions),
                                    ("operator", args.operator, reg.operators),
                                    ("phase", args.phase, reg.phases)):
                if key is not None and key not in view:
                    err.write("%s: no %s %r in the registry\n" % (PROG, what, key))
                    return 2
            phase = args.phase
            if phase is None and len(reg.phases) > 0:
                current = reg.phase_on()
                phase = current.number if current is not None else list(reg.phases)[-1]
            write_csv(reg, args.region, args.operator, phase, out)
    except terrind.Error as e:
        err.write("%s: %s\n" % (PROG, e))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
