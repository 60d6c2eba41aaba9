#!/usr/bin/env python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""Benchmark of the Python binding (not a test).

Loads a file of N referents and reads three fields (id, person, email) of
every referent, three ways, each in its own process:

  c        the C library (bench-python-read)
  binding  the terrind package
  etree    a plain xml.etree.ElementTree.iterparse script building dicts

Runs alternate between the three, and the report gives medians and the
ratios binding/c, binding/etree and etree/c, so that they hold on a noisy
machine. Without --file, a deterministic file shaped like a registry is
generated in --workdir.
"""

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time

BINDING_CHILD = r"""
import resource, sys, time
import terrind
start = time.perf_counter()
reg = terrind.Registry.load(sys.argv[1])
loaded = time.perf_counter()
total = 0
for referent in reg.referents.values():
    total += len(referent.id) + len(referent.person) + len(referent.email or "")
done = time.perf_counter()
print("load %.6f" % (loaded - start))
print("read %.6f" % (done - loaded))
print("maxrss %d" % resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
print("referents %d" % len(reg.referents))
print("bytes %d" % total)
"""

ETREE_CHILD = r"""
import resource, sys, time
import xml.etree.ElementTree as ET
NS = "{urn:libterrind:registry}"
start = time.perf_counter()
model = {"region": {}, "operator": {}, "territory": {}, "convention": {}, "referent": {}}
for event, elem in ET.iterparse(sys.argv[1], events=("end",)):
    tag = elem.tag[len(NS):]
    if tag in model:
        entity = dict(elem.attrib)
        if tag == "territory":
            entity["members"] = [m.get("siren") for m in elem.iter(NS + "member")]
        model[tag][entity.get("id", entity.get("code"))] = entity
        elem.clear()
loaded = time.perf_counter()
total = 0
for key in sorted(model["referent"]):
    referent = model["referent"][key]
    total += len(referent["id"]) + len(referent["person"]) + len(referent.get("email") or "")
done = time.perf_counter()
print("load %.6f" % (loaded - start))
print("read %.6f" % (done - loaded))
print("maxrss %d" % resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
print("referents %d" % len(model["referent"]))
print("bytes %d" % total)
"""


def luhn_siren(seed):
    body = "%08d" % (seed % 10 ** 8)
    for last in "0123456789":
        digits = body + last
        total = 0
        for i, c in enumerate(reversed(digits)):
            n = int(c) * (2 if i % 2 else 1)
            total += n - 9 if n > 9 else n
        if total % 10 == 0:
            return digits
    raise AssertionError("unreachable")


def generate(path, n):
    """18 regions, 4 operators, n/4 territories of 1-3 EPCI, 4 conventions, n referents."""
    operators = ["banque-des-territoires", "bpifrance", "business-france", "pole-emploi"]
    n_territories = max(1, n // 4)
    with open(path, "w", encoding="utf-8") as f:
        w = f.write
        w('<?xml version="1.0" encoding="UTF-8"?>\n'
          '<registry xmlns="urn:libterrind:registry" version="1">\n  <regions>\n')
        regions = ["%02d" % c for c in (1, 2, 3, 4, 6, 11, 24, 27, 28, 32, 44, 52, 53, 75, 76, 84, 93, 94)]
        for code in regions:
            w('    <region code="%s" name="Région n°%s &amp; Côte"/>\n' % (code, code))
        w('  </regions>\n  <operators>\n')
        for op in operators:
            w('    <operator id="%s" name="Opérateur %s"/>\n' % (op, op))
        w('  </operators>\n  <territories>\n')
        for t in range(n_territories):
            w('    <territory id="ti-%07d" name="Territoire %d &lt;Vallée&gt;" region="%s">\n'
              % (t, t, regions[t % len(regions)]))
            for siren in sorted(luhn_siren(t * 3 + k) for k in range(1 + t % 3)):
                w('      <member siren="%s"/>\n' % siren)
            w('    </territory>\n')
        w('  </territories>\n  <conventions>\n')
        for op in operators:
            w('    <convention id="conv-%s" operator="%s" date="2019-03-05" place="Lyon">\n'
              '      <signatory name="Jacqueline Gourault" role="Ministre"/>\n'
              '      <commitment id="c-%s" kind="referent-per-territory">\n'
              '        <text>Un référent unique pour chaque territoire</text>\n'
              '      </commitment>\n    </convention>\n' % (op, op, op))
        w('  </conventions>\n  <referents>\n')
        for i in range(n):
            w('    <referent id="ref-%07d" operator="%s" territory="ti-%07d" person="Élise Dupré %d" '
              'email="referent.%d@example.fr" phone="+33 1 23 45 %02d %02d"/>\n'
              % (i, operators[i % 4], (i // 4) % n_territories, i, i, i % 100, (i // 100) % 100))
        w('  </referents>\n</registry>\n')


def run(argv):
    out = subprocess.run(argv, check=True, stdout=subprocess.PIPE).stdout.decode()
    return {k: float(v) for k, v in (line.split() for line in out.splitlines())}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--c-program", required=True, help="path to bench-python-read")
    parser.add_argument("--referents", type=int, default=100000)
    parser.add_argument("--file", help="use this file instead of generating one")
    parser.add_argument("--workdir", default=tempfile.gettempdir())
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    path = args.file
    if path is None:
        path = os.path.join(args.workdir, "bench-python-%d.xml" % args.referents)
        if not os.path.exists(path):
            generate(path, args.referents)
    with open(path, "rb") as f:  # warm the page cache
        size = len(f.read())

    python = sys.executable
    commands = {
        "c": [args.c_program, path],
        "binding": [python, "-c", BINDING_CHILD, path],
        "etree": [python, "-c", ETREE_CHILD, path],
    }
    names = list(commands)
    results = {name: [] for name in names}
    for i in range(args.repeat):
        for name in names[i % 3:] + names[:i % 3]:
            results[name].append(run(commands[name]))

    def median(name, key):
        return statistics.median(r[key] for r in results[name])

    for name in names:
        counts = {r["referents"] for r in results[name]} | {r["bytes"] for r in results[name]}
        if len(counts) != 2:
            sys.exit("inconsistent results for %s: %r" % (name, counts))
    if len({results[n][0]["bytes"] for n in names}) != 1:
        sys.exit("the three methods did not read the same data")

    print("file: %s (%.1f MB, %d referents), %d runs each, medians"
          % (path, size / 1e6, results["c"][0]["referents"], args.repeat))
    print("%-8s %9s %9s %9s %10s" % ("method", "load s", "read s", "total s", "peak RSS"))
    totals = {}
    for name in names:
        load, read = median(name, "load"), median(name, "read")
        totals[name] = statistics.median(r["load"] + r["read"] for r in results[name])
        print("%-8s %9.3f %9.3f %9.3f %7.0f MiB"
              % (name, load, read, totals[name], median(name, "maxrss") / 1024))
    print("ratios (total): binding/c %.2f, binding/etree %.2f, etree/c %.2f"
          % (totals["binding"] / totals["c"], totals["binding"] / totals["etree"],
             totals["etree"] / totals["c"]))
    print("ratios (read phase): binding/c %.1f"
          % (median("binding", "read") / max(median("c", "read"), 1e-9)))


if __name__ == "__main__":
    main()
