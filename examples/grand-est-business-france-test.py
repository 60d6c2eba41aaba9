#!/usr/bin/env python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""Checks the CSV grand-est-business-france.py writes against the API.

The expected rows are worked out here from the registry itself (the
territories of region 44 and of the phase, less those with a Business
France referent in office), not written down: they follow the dataset.
A registry with referents added, saved to a temporary file, checks that a
referent in office removes its territory and one whose term is over does
not. Run by "make check" like the other examples (no arguments).
"""

import csv
import datetime
import importlib.util
import io
import os
import sys
import tempfile

import terrind

HERE = os.path.dirname(os.path.abspath(__file__))
OPERATOR = "business-france"


def load_script():
    path = os.path.join(HERE, "grand-est-business-france.py")
    spec = importlib.util.spec_from_file_location("grand_est_business_france", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def run(script, *args):
    out, err = io.StringIO(), io.StringIO()
    status = script.main(list(args), out=out, err=err)
    return status, out.getvalue(), err.getvalue()


def in_office(referent, today):
    return ((referent.start is None or referent.start <= today) and
            (referent.end is None or referent.end >= today))


def expected_rows(reg, phase, region="44"):
    """The territories that should be listed, each as its CSV row."""
    today = datetime.date.today()
    rows = []
    for territory in reg.territories.values():
        if territory.region != region or territory.phase != phase:
            continue
        referent = reg.referent_for(OPERATOR, territory.id)
        if referent is not None and in_office(referent, today):
            continue
        rows.append({k: " ".join(v) if isinstance(v, tuple) else ("" if v is None else str(v))
                     for k, v in territory.to_dict().items()})
    return rows


def main():
    script = load_script()
    failures = []

    def check(what, condition, detail=""):
        if not condition:
            failures.append("%s%s" % (what, detail))

    def check_csv(what, out, rows):
        reader = csv.DictReader(io.StringIO(out))
        got = list(reader)
        check(what + ": header", reader.fieldnames == terrind.kinds()["territory"],
              ": %r" % (reader.fieldnames,))
        check(what + ": rows", got == rows,
              ": %d rows, %d expected; first differing: %r" %
              (len(got), len(rows), next((g for g, r in zip(got, rows) if g != r), None)))

    reg = terrind.Registry.default()
    current = reg.phase_on()
    phase = current.number if current is not None else list(reg.phases)[-1]
    rows = expected_rows(reg, phase)
    check("some territories of Grand Est in the phase", len(rows) > 0)

    status, out, err = run(script)
    check("exit status", status == 0, ": %r %r" % (status, err))
    check_csv("default registry", out, rows)

    status, out, err = run(script, "--phase", "1")
    check("exit status with --phase 1", status == 0, ": %r %r" % (status, err))
    check_csv("phase 1", out, expected_rows(reg, 1))

    # One referent in office, one whose term is over: only the first
    # territory leaves the list.
    first, second = rows[0]["id"], rows[1]["id"]
    reg.add(terrind.Referent("ref-ge-1", OPERATOR, first, "Claire Martin", start="2024-01-01"))
    reg.add(terrind.Referent("ref-ge-2", OPERATOR, second, "Luc Bernard",
                             start="2019-01-01", end="2020-12-31"))
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "registry.xml")
        reg.save(path)
        status, out, err = run(script, path)
        check("exit status with referents", status == 0, ": %r %r" % (status, err))
        with_referents = expected_rows(reg, phase)
        check("a referent in office removes its territory",
              [r["id"] for r in with_referents] == [r["id"] for r in rows[1:]])
        check_csv("registry with referents", out, with_referents)

    status, out, err = run(script, "--region", "99")
    check("an unknown region exits 2", status == 2 and "no region '99'" in err, err)
    status, out, err = run(script, "--operator", "nobody")
    check("an unknown operator exits 2", status == 2 and "no operator 'nobody'" in err, err)
    status, out, err = run(script, "--phase", "7")
    check("an unknown phase exits 2", status == 2 and "no phase 7" in err, err)
    status, out, err = run(script, os.path.join(HERE, "no-such-file.xml"))
    check("a missing file exits 1", status == 1 and "no-such-file.xml" in err, err)

    reg.close()
    for failure in failures:
        print("FAIL: " + failure)
    print("%d checks failed" % len(failures) if failures else "all checks passed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
