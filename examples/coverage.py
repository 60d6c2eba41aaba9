#!/usr/bin/env python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""Which territories still lack their referent, per operator.

Every operator signed a convention that promises "one single referent for
each Territoire d'industrie". This script lists, for each operator, the
territories of a region (or of every region) that do not have that
referent yet.

    coverage.py [--region CODE] [--phase N] [FILE]

Without FILE it reads the dataset embedded in libterrind, which holds both
phases of the programme (149 territories in phase 1, 183 in phase 2). A
registry that defines phases is reported for one phase only: the one given,
or else the current one (reg.phase_on()), or the latest once the last has
ended. A registry without phases is reported whole.
"""

import argparse
import sys

import terrind


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("file", nargs="?",
                        help="a libterrind XML file (default: the embedded dataset)")
    parser.add_argument("-r", "--region", help="only this region (INSEE code, e.g. 84)")
    parser.add_argument("-p", "--phase", type=int,
                        help="only this phase (default: the current one)")
    return parser.parse_args(argv)


def open_registry(path):
    if path is None:
        return terrind.Registry.default()
    return terrind.Registry.load(path)


def reported_phase(reg, number):
    """The phase to report: `number`, the current one or the latest; None
    for a registry without phases."""
    if number is not None:
        return reg.phases[number]
    if len(reg.phases) == 0:
        return None
    current = reg.phase_on()
    return current if current is not None else list(reg.phases.values())[-1]


def report(reg, region_code, phase, out):
    def counted(territory):
        return phase is None or territory.phase == phase.number

    scope = reg.territories_in_region(region_code) if region_code else list(reg.territories.values())
    scope = [t for t in scope if counted(t)]
    where = reg.regions[region_code].name if region_code else "all regions"
    if phase is not None:
        where += " in phase %d (%d-%d)" % (phase.number, phase.first_year, phase.last_year)
    for operator_id, missing in sorted(reg.coverage(region_code).items()):
        operator = reg.operators[operator_id]
        missing = [t for t in missing if counted(t)]
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
            if args.phase is not None and args.phase not in reg.phases:
                sys.stderr.write("coverage.py: no phase %d in the registry\n" % args.phase)
                return 2
            report(reg, args.region, reported_phase(reg, args.phase), sys.stdout)
    except terrind.Error as e:
        sys.stderr.write("coverage.py: %s\n" % e)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
