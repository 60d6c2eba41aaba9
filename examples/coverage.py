#!/usr/bin/env python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""Which territories still lack their referent, per operator.

Every operator signed a convention that promises "one single referent for
each Territoire d'industrie". This script lists, for each operator, the
territories of a region (or of every region) that do not have that
referent yet.

    coverage.py [--region CODE] [FILE]

Without FILE it reads the dataset embedded in libterrind.
"""

import argparse
import sys

import terrind


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("file", nargs="?",
                        help="a libterrind XML file (default: the embedded dataset)")
    parser.add_argument("-r", "--region", help="only this region (INSEE code, e.g. 84)")
    return parser.parse_args(argv)


def open_registry(path):
    if path is None:
        return terrind.Registry.default()
    return terrind.Registry.load(path)


def report(reg, region_code, out):
    scope = reg.territories_in_region(region_code) if region_code else list(reg.territories)
    where = reg.regions[region_code].name if region_code else "all regions"
    for operator_id, missing in sorted(reg.coverage(region_code).items()):
        operator = reg.operators[operator_id]
        out.write("%s (%s): %d of %d territories of %s without a referent\n"
                  % (operator.name, operator.id, len(missing), len(scope), where))
        for territory in missing:
            out.write("  %-10s %s (region %s)\n" % (territory.id, territory.name, territory.region))


def main(argv):
    args = parse_args(argv)
    try:
        with open_registry(args.file) as reg:
            if args.region is not None and args.region not in reg.regions:
                sys.stderr.write("coverage.py: no region %r in the registry\n" % args.region)
                return 2
            report(reg, args.region, sys.stdout)
    except terrind.Error as e:
        sys.stderr.write("coverage.py: %s\n" % e)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
