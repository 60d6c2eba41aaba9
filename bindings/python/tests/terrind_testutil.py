# SPDX-License-Identifier: LGPL-2.1-or-later
"""Helpers shared by the tests of the terrind Python binding."""

import gc
import os
import shutil
import tempfile
import unittest
from xml.sax.saxutils import quoteattr

import terrind


def siren(seed):
    """A valid SIREN (9 digits, Luhn checksum) made from an integer."""
    body = "%08d" % (seed % 10 ** 8)
    for last in "0123456789":
        digits = body + last
        total = 0
        for i, c in enumerate(reversed(digits)):
            n = int(c)
            if i % 2 == 1:
                n *= 2
                if n > 9:
                    n -= 9
            total += n
        if total % 10 == 0:
            return digits
    raise AssertionError("unreachable")


def small_registry():
    """A registry with two of everything, built through the API."""
    reg = terrind.Registry()
    reg.add(terrind.Region("84", "Auvergne-Rhône-Alpes"))
    reg.add(terrind.Region("11", "Île-de-France"))
    reg.add(terrind.Operator("bpifrance", "Bpifrance", kind="public-bank"))
    reg.add(terrind.Operator("pole-emploi", "Pôle emploi", kind="employment-service"))
    reg.add(terrind.Territory("ti-8401", "Vallée de l'Arve", "84", phase=1,
                              members=[siren(20000017)], departments=["74"]))
    reg.add(terrind.Territory("ti-8402", "Bièvre Isère", "84", phase=1,
                              members=[siren(20000033)]))
    reg.add(terrind.Territory("ti-1101", "Grand Roissy", "11"))
    commitments = [
        terrind.Commitment("bpi-access", "programme-access", "Accès aux financements"),
        terrind.Commitment("bpi-referent", "referent-per-territory", "Un référent & un seul"),
    ]
    reg.add(terrind.Convention("conv-bpi", "bpifrance", "2019-03-05", place="Lyon",
                               signatories=[("Jacqueline Gourault", "Ministre")],
                               commitments=commitments))
    reg.add(terrind.Referent("ref-1", "bpifrance", "ti-8401", "Jeanne Martin",
                             role="Chargée d'affaires", email="jeanne.martin@example.fr",
                             phone="+33 4 50 00 00 00", start="2019-06-01"))
    return reg


# Two valid SIRENs of real EPCI (CA Cap Excellence, CC du Pays de Meaux).
SIREN_SHARED = "200018653"
SIREN_OTHER = "249710062"


def phased_registry():
    """A registry that defines phases 1 and 2: "ti-0101" of phase 1 and
    "p2-ti-0101" of phase 2, whose ANCT id is "ti-0101" too, share a member;
    "ti-0102" (phase 1) has another. The Lua suite builds the same one."""
    reg = terrind.Registry()
    reg.add(terrind.Phase(1, "Territoires d'industrie", 2018, 2022, announced="2018-11-22"))
    reg.add(terrind.Phase(2, "Territoires d'industrie 2023-2027", 2023, 2027))
    reg.add(terrind.Region("01", "Guadeloupe"))
    reg.add(terrind.Territory("ti-0101", "Cap Excellence", "01", phase=1,
                              members=[SIREN_SHARED]))
    reg.add(terrind.Territory("p2-ti-0101", "Cap Excellence et Nord Basse-Terre", "01",
                              phase=2, anct_id="ti-0101", members=[SIREN_SHARED]))
    reg.add(terrind.Territory("ti-0102", "Autre", "01", phase=1, members=[SIREN_OTHER]))
    return reg


def records_registry():
    """A registry with phases 1 and 2, two operators, territories "ti-a"
    (phase 1) and "ti-b" (phase 2), commitments "bdt-equity" (Banque des
    Territoires, 2019-2022, themes "friches" and "numérique"),
    "bf-priority" (Business France, targets "priority" and "reinforced")
    and "bf-tool", designation "d-1" (bf, ti-a, 2020, priority) and
    investment "i-1" (bdt, ti-a, 2020, 1500000, friches, "Friche Nord"). The Lua suite
    builds the same one."""
    reg = terrind.Registry()
    reg.add(terrind.Phase(1, "Phase 1", 2018, 2022))
    reg.add(terrind.Phase(2, "Phase 2", 2023, 2027))
    reg.add(terrind.Region("84", "Auvergne-Rhône-Alpes"))
    reg.add(terrind.Operator("bdt", "Banque des Territoires"))
    reg.add(terrind.Operator("bf", "Business France"))
    reg.add(terrind.Territory("ti-a", "A", "84", phase=1))
    reg.add(terrind.Territory("ti-b", "B", "84", phase=2))
    reg.add(terrind.Convention(
        "conv-bdt", "bdt", "2019-03-05", phase=1,
        commitments=[terrind.Commitment("bdt-equity", "money-envelope", "t", amount=100000000,
                                        period="per-year", first_year=2019, last_year=2022,
                                        themes=["friches", "numérique"])]))
    reg.add(terrind.Convention(
        "conv-bf", "bf", "2019-03-05", phase=1,
        commitments=[terrind.Commitment("bf-priority", "yearly-target", "t",
                                        targets={"priority": 20, "reinforced": 5}),
                     terrind.Commitment("bf-tool", "tool", "t")]))
    reg.add(terrind.Designation("d-1", "bf", "ti-a", 2020, "priority", "bf-priority"))
    reg.add(terrind.Investment("i-1", "bdt", "ti-a", 2020, 1500000, "bdt-equity",
                               theme="friches", project="Friche Nord"))
    return reg


def big_document(n_referents):
    """A valid document with n_referents referents (4 operators, n/4 territories)."""
    operators = ["banque-des-territoires", "bpifrance", "business-france", "pole-emploi"]
    n_territories = max(1, n_referents // len(operators))
    out = ['<?xml version="1.0" encoding="UTF-8"?>\n'
           '<registry xmlns="urn:libterrind:registry" version="1">\n'
           '  <regions>\n    <region code="84" name="Auvergne-Rhône-Alpes"/>\n  </regions>\n'
           '  <operators>\n']
    for op in operators:
        out.append('    <operator id="%s" name="%s"/>\n' % (op, op.title()))
    out.append('  </operators>\n  <territories>\n')
    for t in range(n_territories):
        out.append('    <territory id="ti-%06d" name="Territoire n°%d &amp; co" region="84">'
                   '<member siren="%s"/></territory>\n' % (t, t, siren(t * 7 + 11)))
    out.append('  </territories>\n  <conventions/>\n  <referents>\n')
    n = 0
    for t in range(n_territories):
        for op in operators:
            if n == n_referents:
                break
            out.append('    <referent id="ref-%07d" operator="%s" territory="ti-%06d" person=%s '
                       'email="p%d@example.fr"/>\n'
                       % (n, op, t, quoteattr("Personne %d Élodie" % n), n))
            n += 1
    out.append('  </referents>\n</registry>\n')
    return "".join(out)


class TestCase(unittest.TestCase):
    """A test case with a private temporary directory and a final gc pass."""

    def setUp(self):
        self.tmpdir = tempfile.mkdtemp(prefix="terrind-py-")

    def tearDown(self):
        shutil.rmtree(self.tmpdir, ignore_errors=True)
        gc.collect()

    def path(self, name):
        return os.path.join(self.tmpdir, name)

    def write(self, name, data):
        path = self.path(name)
        mode = "wb" if isinstance(data, bytes) else "w"
        with open(path, mode, **({} if mode == "wb" else {"encoding": "utf-8"})) as f:
            f.write(data)
        return path
