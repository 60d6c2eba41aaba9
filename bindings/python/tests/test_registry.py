# SPDX-License-Identifier: LGPL-2.1-or-later
"""Registry: creation, import, export, adding, queries, closing."""

import io
import os
import pathlib
import unittest

import terrind
from terrind_testutil import TestCase, siren, small_registry


def ids_of(territories):
    return [t.id for t in territories]


class CreationTest(TestCase):
    def test_empty(self):
        reg = terrind.Registry()
        self.assertEqual(len(reg.territories), 0)
        self.assertFalse(reg.closed)
        self.assertEqual(repr(reg), "<terrind.Registry: 0 regions, 0 territories, 0 operators, "
                                    "0 conventions, 0 referents>")
        with self.assertRaises(TypeError):
            terrind.Registry(1)

    def test_default(self):
        reg = terrind.Registry.default()
        # Both phases: the 149 territories of phase 1 (ti-XXXX) and the 183
        # of phase 2 (p2-ti-XXXX, whose anct_id is the ti-XXXX id).
        self.assertEqual(len(reg.territories), 332)
        self.assertEqual(repr(reg), "<terrind.Registry: 18 regions, 332 territories, 4 operators, "
                                    "4 conventions, 0 referents>")
        self.assertEqual([(p.number, p.first_year, p.last_year) for p in reg.phases.values()],
                         [(1, 2018, 2022), (2, 2023, 2027)])
        phase1 = reg.territories_in_phase(1)
        phase2 = reg.territories_in_phase(2)
        self.assertEqual(len(phase1), 149)
        self.assertEqual(len(phase2), 183)
        self.assertEqual(reg.territories_in_phase(3), [])
        self.assertTrue(all(t.phase == 1 and t.id.startswith("ti-") and t.anct_id is None
                            for t in phase1))
        self.assertTrue(all(t.phase == 2 and t.id == "p2-" + t.anct_id for t in phase2))
        self.assertEqual(reg.phase_on("2020-06-01").number, 1)
        self.assertEqual(reg.phase_on("2024-06-01").number, 2)
        # The current phase's territories, as the README shows them.
        self.assertEqual(ids_of(reg.territories_in_phase(reg.phase_on("2024-06-01").number)),
                         ids_of(phase2))
        current = reg.phase_on()
        self.assertTrue(current is None or current.number in (1, 2))
        # A territory without a phase, or of a phase 3, is refused.
        with self.assertRaises(terrind.UnknownReferenceError):
            reg.add(terrind.Territory("ti-9999", "Sans phase", "84"))
        with self.assertRaises(terrind.UnknownReferenceError):
            reg.add(terrind.Territory("ti-9999", "Phase 3", "84", phase=3))
        self.assertNotIn("ti-9999", reg.territories)
        self.assertEqual(reg.find_territory_by_anct_id("ti-8401", 2).id, "p2-ti-8401")
        self.assertEqual(reg.territories["ti-8401"].departments, ("07", "26"))
        members1 = {m for t in phase1 for m in t.members}
        members2 = {m for t in phase2 for m in t.members}
        self.assertEqual((len(members1), len(members2), len(members1 & members2)),
                         (588, 641, 478))
        self.assertEqual({c.phase for c in reg.conventions.values()}, {1})
        self.assertEqual(len(reg.referents), 0)
        self.assertEqual(len(reg.regions), 18)
        self.assertEqual(set(reg.operators),
                         {"banque-des-territoires", "bpifrance", "business-france", "pole-emploi"})
        self.assertEqual(reg.operators["pole-emploi"].name, "France Travail")
        self.assertEqual(len(reg.conventions), 4)
        # Each call gives an independent registry.
        other = terrind.Registry.default()
        self.assertEqual(reg, other)
        other.territories.remove("ti-8401")
        self.assertNotEqual(reg, other)
        self.assertIn("ti-8401", reg.territories)


class ImportExportTest(TestCase):
    def test_round_trip_through_string(self):
        reg = small_registry()
        text = reg.to_string()
        self.assertTrue(text.startswith('<?xml version="1.0" encoding="UTF-8"?>\n'))
        again = terrind.Registry.from_string(text)
        self.assertEqual(again, reg)
        self.assertEqual(again.to_string(), text, "export is canonical")
        self.assertEqual(reg.to_bytes(), text.encode("utf-8"))
        self.assertEqual(terrind.Registry.from_string(text.encode("utf-8")), reg)
        self.assertEqual(terrind.Registry.from_string(bytearray(text.encode("utf-8"))), reg)

    def test_save_and_load(self):
        reg = small_registry()
        path = self.path("reg.xml")
        reg.save(path)
        for source in (path, pathlib.Path(path), os.fsencode(path)):
            self.assertEqual(terrind.Registry.load(source), reg)
        with open(path, "rb") as f:
            self.assertEqual(terrind.Registry.load(f), reg)
        self.assertEqual(terrind.Registry.load(io.BytesIO(reg.to_bytes())), reg)
        reg.save(pathlib.Path(path))
        with open(path, encoding="utf-8") as f:
            self.assertEqual(f.read(), reg.to_string())

    def test_load_rejects_odd_sources(self):
        # Text files are accepted since 1.1 (test_sources.py).
        path = self.write("reg.xml", small_registry().to_string())
        with self.assertRaises(TypeError):
            terrind.Registry.load(42)
        with self.assertRaises(ValueError):
            terrind.Registry.load(path + "\0")
        with self.assertRaises(TypeError):
            terrind.Registry.from_string(42)

    def test_load_missing_file(self):
        with self.assertRaises(terrind.TerrindIOError) as cm:
            terrind.Registry.load(self.path("missing.xml"))
        self.assertEqual(cm.exception.code, terrind.TerrindIOError.code)

    def test_save_failure_keeps_old_file(self):
        reg = small_registry()
        with self.assertRaises(terrind.TerrindIOError):
            reg.save(self.path("no/such/dir/reg.xml"))
        path = self.write("reg.xml", "old content")
        os.chmod(self.tmpdir, 0o500)
        try:
            if os.access(self.tmpdir, os.W_OK):
                self.skipTest("running as a user who can write anywhere")
            with self.assertRaises(terrind.TerrindIOError):
                reg.save(path)
        finally:
            os.chmod(self.tmpdir, 0o700)
        with open(path, encoding="utf-8") as f:
            self.assertEqual(f.read(), "old content")

    def test_limits(self):
        text = small_registry().to_string()
        with self.assertRaises(terrind.LimitExceededError):
            terrind.Registry.from_string(text, max_bytes=100)
        with self.assertRaises(terrind.LimitExceededError):
            terrind.Registry.from_string(text, max_depth=2)
        with self.assertRaises(terrind.LimitExceededError):
            terrind.Registry.from_string(text, max_value_length=5)
        with self.assertRaises(terrind.LimitExceededError):
            terrind.Registry.from_string(text, max_elements=3)
        path = self.write("reg.xml", text)
        with self.assertRaises(terrind.LimitExceededError):
            terrind.Registry.load(path, max_bytes=100)
        reg = terrind.Registry.load(path, max_bytes=10 ** 9, max_depth=None, max_elements=10 ** 6,
                                    max_value_length=10 ** 4)
        self.assertEqual(len(reg.territories), 3)
        with self.assertRaises(TypeError):
            terrind.Registry.from_string(text, max_bytes="big")
        with self.assertRaises(OverflowError):
            terrind.Registry.from_string(text, max_depth=-1)
        with self.assertRaises(OverflowError):
            terrind.Registry.from_string(text, max_bytes=-1)


class AddTest(TestCase):
    def test_add_each_kind(self):
        reg = terrind.Registry()
        region = terrind.Region("84", "ARA")
        reg.add(region)
        reg.add(terrind.Operator("bpifrance", "Bpifrance"))
        reg.add(terrind.Territory("ti-1", "T", "84"))
        reg.add(terrind.Convention("conv", "bpifrance", "2019-03-05",
                                   commitments=[terrind.Commitment("c", "tool", "t")]))
        reg.add(terrind.Referent("r", "bpifrance", "ti-1", "P"))
        self.assertEqual([len(c) for c in (reg.regions, reg.operators, reg.territories,
                                           reg.conventions, reg.referents)], [1] * 5)
        # The wrapper now refers to what the registry holds.
        region.name = "Auvergne-Rhône-Alpes"
        self.assertEqual(reg.regions["84"].name, "Auvergne-Rhône-Alpes")
        with self.assertRaises(TypeError):
            reg.add(terrind.Commitment("d", "tool", "t"))
        with self.assertRaises(TypeError):
            reg.add("84")

    def test_integrity_errors_change_nothing(self):
        reg = small_registry()
        before = reg.to_string()
        with self.assertRaises(terrind.DuplicateError):
            reg.add(terrind.Territory("ti-8401", "Again", "84"))
        with self.assertRaises(terrind.UnknownReferenceError):
            reg.add(terrind.Territory("ti-9999", "Nowhere", "99"))
        with self.assertRaises(terrind.UnknownReferenceError):
            reg.add(terrind.Referent("r-2", "nobody", "ti-8401", "P"))
        with self.assertRaises(terrind.DuplicateError):
            reg.add(terrind.Referent("r-2", "bpifrance", "ti-8401", "Second"))
        with self.assertRaises(terrind.DuplicateError):
            reg.add(terrind.Convention("conv-2", "bpifrance", "2019-03-05",
                                       commitments=[terrind.Commitment("bpi-access", "tool", "t")]))
        self.assertEqual(reg.to_string(), before)

    def test_entity_in_two_registries(self):
        a = terrind.Registry()
        b = terrind.Registry()
        region = terrind.Region("84", "ARA")
        a.add(region)
        with self.assertRaises(terrind.InUseError):
            b.add(region)
        with self.assertRaises(terrind.InUseError):
            b.add(a.regions["84"])
        self.assertEqual(len(b.regions), 0)


class QueryTest(TestCase):
    def setUp(self):
        super().setUp()
        self.reg = small_registry()

    def test_referents(self):
        reg = self.reg
        self.assertEqual([r.id for r in reg.referents_of_territory("ti-8401")], ["ref-1"])
        self.assertEqual(reg.referents_of_territory("ti-8402"), [])
        with self.assertRaises(terrind.NotFoundError):
            reg.referents_of_territory("ti-0000")
        with self.assertRaises(terrind.NotFoundError):
            reg.referents_of_operator("nobody")
        self.assertEqual([r.id for r in reg.referents_of_operator("bpifrance")], ["ref-1"])
        self.assertEqual(reg.referent_for("bpifrance", "ti-8401").person, "Jeanne Martin")
        self.assertEqual(reg.referent_for(operator="bpifrance", territory="ti-8401").id, "ref-1")
        self.assertIsNone(reg.referent_for("pole-emploi", "ti-8401"))
        self.assertIsNone(reg.referent_for("nobody", "nowhere"))

    def test_territories(self):
        reg = self.reg
        self.assertEqual([t.id for t in reg.territories_without_referent("bpifrance")],
                         ["ti-1101", "ti-8402"])
        self.assertEqual(len(reg.territories_without_referent("pole-emploi")), 3)
        self.assertEqual([t.id for t in reg.territories_in_region("84")], ["ti-8401", "ti-8402"])
        reg.add(terrind.Region("93", "Provence-Alpes-Côte d'Azur"))
        self.assertEqual(reg.territories_in_region("93"), [])
        with self.assertRaises(terrind.NotFoundError):
            reg.territories_in_region("99")
        with self.assertRaises(LookupError):
            reg.territories_without_referent("nobody")
        self.assertEqual(reg.find_territory_by_member(siren(20000017)).id, "ti-8401")
        self.assertIsNone(reg.find_territory_by_member(siren(1)))
        self.assertIsNone(reg.find_territory_by_member("garbage"))

    def test_conventions_and_commitments(self):
        reg = self.reg
        self.assertEqual([c.id for c in reg.conventions_of_operator("bpifrance")], ["conv-bpi"])
        self.assertEqual(reg.conventions_of_operator("pole-emploi"), [])
        with self.assertRaises(terrind.NotFoundError):
            reg.conventions_of_operator("nobody")
        c = reg.get_commitment("bpi-referent")
        self.assertEqual(c.kind, "referent-per-territory")
        self.assertEqual(c.text, "Un référent & un seul")
        self.assertIsNone(reg.get_commitment("nothing"))

    def test_coverage(self):
        cov = self.reg.coverage()
        self.assertEqual(sorted(cov), ["bpifrance", "pole-emploi"])
        self.assertEqual([t.id for t in cov["bpifrance"]], ["ti-1101", "ti-8402"])
        self.assertEqual([t.id for t in self.reg.coverage(region="84")["bpifrance"]], ["ti-8402"])
        self.assertEqual(self.reg.coverage("11"), {"bpifrance": [self.reg.territories["ti-1101"]],
                                                   "pole-emploi": [self.reg.territories["ti-1101"]]})
        with self.assertRaises(terrind.NotFoundError):
            self.reg.coverage("99")

    def test_query_arguments(self):
        with self.assertRaises(TypeError):
            self.reg.referents_of_territory(None)
        with self.assertRaises(ValueError):
            self.reg.territories_in_region("8\x004")
        with self.assertRaises(TypeError):
            self.reg.referent_for("bpifrance")

    def test_equality(self):
        self.assertEqual(self.reg, small_registry())
        self.assertNotEqual(self.reg, terrind.Registry())
        self.assertNotEqual(self.reg, "registry")
        other = small_registry()
        other.referents["ref-1"].phone = None
        self.assertNotEqual(self.reg, other)


class CloseTest(TestCase):
    def test_context_manager(self):
        with small_registry() as reg:
            territory = reg.territories["ti-8401"]
            self.assertEqual(territory.name, "Vallée de l'Arve")
        self.assertTrue(reg.closed)
        self.assertEqual(repr(reg), "<terrind.Registry (closed)>")
        with self.assertRaises(terrind.ClosedError):
            territory.name
        with self.assertRaises(ValueError):  # ClosedError is also a ValueError
            territory.name = "x"
        with self.assertRaises(terrind.ClosedError):
            with reg:
                pass

    def test_everything_raises_after_close(self):
        reg = small_registry()
        territories = reg.territories
        convention = reg.conventions["conv-bpi"]
        commitments = convention.commitments
        commitment = commitments["bpi-access"]
        referent = reg.referents["ref-1"]
        iterator = iter(reg.referents)
        added = terrind.Region("93", "Provence-Alpes-Côte d'Azur")
        reg.add(added)
        reg.close()
        reg.close()  # idempotent
        calls = [
            lambda: reg.to_string(), lambda: reg.to_bytes(), lambda: reg.save(self.path("x.xml")),
            lambda: reg.add(terrind.Region("11", "IDF")), lambda: reg.territories,
            lambda: reg.coverage(), lambda: reg.referent_for("a", "b"),
            lambda: reg.territories_without_referent("bpifrance"),
            lambda: reg.get_commitment("bpi-access"), lambda: reg == reg,
            lambda: len(territories), lambda: list(territories), lambda: "ti-8401" in territories,
            lambda: territories["ti-8401"], lambda: territories.get("ti-8401"),
            lambda: territories.remove("ti-8401"),
            lambda: convention.id, lambda: convention.signatories, lambda: len(commitments),
            lambda: commitment.text, lambda: commitment.add_theme("x"),
            lambda: referent.person, lambda: setattr(referent, "role", None),
            lambda: next(iterator), lambda: added.name, lambda: convention == convention,
        ]
        for i, call in enumerate(calls):
            with self.assertRaises(terrind.ClosedError, msg="call %d" % i):
                call()
        # repr never raises.
        for obj in (territories, convention, commitment, referent, added):
            self.assertIn("closed", repr(obj))

    def test_standalone_entities_survive(self):
        reg = small_registry()
        loose = terrind.Territory("ti-x", "Loose", "84")
        reg.close()
        self.assertEqual(loose.name, "Loose")
        again = terrind.Registry()
        again.add(terrind.Region("84", "ARA"))
        again.add(loose)
        self.assertIn(loose, again.territories.values())


if __name__ == "__main__":
    unittest.main()
