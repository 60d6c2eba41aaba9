#!/usr/bin/env python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""Checks what commitments-business-france.py prints for the demo registry.

On 2021-06-30, the date of the comment of commitments-demo.xml, the table
is exactly known; on another date only its statuses change. Run by
"make check" like the other examples (no arguments).
"""

import importlib.util
import io
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))

EXPECTED = """\
Business France (business-france): yearly targets, evaluated on 2021-06-30

bf-priority-territories (convention conv-2019-business-france)
  per level: territories designated/target, status; the targets are approximate: 90 % of one is met
  year  priority       reinforced
  2019  20/20 met      5/5 met
  2020  18/20 met      4/5 partial
  2021  17/20 partial  0/5 missed
  2022  0/20 pending   0/5 pending
"""

# After 2022, every year is over: nothing is pending any more.
EXPECTED_2023_ROWS = [
    "  2021  17/20 partial  0/5 missed",
    "  2022  0/20 missed    0/5 missed",
]


def load_script():
    path = os.path.join(HERE, "commitments-business-france.py")
    spec = importlib.util.spec_from_file_location("commitments_business_france", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def run(script, *args):
    out, err = io.StringIO(), io.StringIO()
    status = script.main(list(args), out=out, err=err)
    return status, out.getvalue(), err.getvalue()


def main():
    script = load_script()
    failures = []

    def check(what, condition, detail=""):
        if not condition:
            failures.append("%s%s" % (what, detail))

    status, out, err = run(script, "--date", "2021-06-30")
    check("exit status on 2021-06-30", status == 0, ": %r %r" % (status, err))
    check("table on 2021-06-30", out == EXPECTED, ":\n" + out)

    status, out, err = run(script, "--date", "2023-01-15",
                           os.path.join(HERE, "commitments-demo.xml"))
    check("exit status on 2023-01-15", status == 0, ": %r %r" % (status, err))
    for row in EXPECTED_2023_ROWS:
        check("row on 2023-01-15", row in out.splitlines(), ": %r in\n%s" % (row, out))

    status, out, err = run(script)   # today
    check("exit status today", status == 0, ": %r %r" % (status, err))
    check("four years today", sum(line.startswith("  20") for line in out.splitlines()) == 4, out)

    status, out, err = run(script, "--operator", "banque-des-territoires", "--date", "2021-06-30")
    check("an operator without yearly targets", status == 0 and "no yearly target" in out, out)

    status, out, err = run(script, "--operator", "nobody")
    check("an unknown operator exits 2", status == 2 and "no operator 'nobody'" in err, err)

    status, out, err = run(script, "--date", "2021-02-30")
    check("an invalid date exits 1", status == 1 and "2021-02-30" in err, err)

    status, out, err = run(script, os.path.join(HERE, "no-such-file.xml"))
    check("a missing file exits 1", status == 1 and "no-such-file.xml" in err, err)

    for failure in failures:
        print("FAIL: " + failure)
    print("%d checks failed" % len(failures) if failures else "all checks passed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
