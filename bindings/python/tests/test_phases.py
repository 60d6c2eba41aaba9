# SPDX-License-Identifier: LGPL-2.1-or-later
"""Phases, ANCT ids and the queries across phases (the Lua suite's
test-phases.lua checks the same)."""

import unittest
from datetime import date

import terrind
from terrind_testutil import SIREN_OTHER, SIREN_SHARED, TestCase, phased_registry


def ids(territories):
    return [t.id for t in territories]


class PhaseTest(TestCase):
    def test_phases_collection(self):
        reg = phased_registry()
        self.assertEqual(len(reg.phases), 2)
        self.assertEqual([p.number for p in reg.phases.values()], [1, 2])
        self.assertEqual(reg.phases[2].name, "Territoires d'industrie 2023-2027")
        self.assertEqual(reg.phases["2"], reg.phases[2])
        self.assertEqual(reg.phases[1].announced, date(2018, 11, 22))
        self.assertIsNone(reg.phases[2].announced)
        self.assertIn(1, reg.phases)
        self.assertIn("1", reg.phases)
        self.assertNotIn(3, reg.phases)
        self.assertNotIn(-1, reg.phases)
        self.assertIsNone(reg.phases.get(3))
        with self.assertRaises(KeyError):
            reg.phases[3]
        with self.assertRaises(KeyError):
            reg.phases["02"]
        with self.assertRaises(TypeError):
            reg.phases[1.0]
        with self.assertRaises(TypeError):
            reg.territories[1]
        p = reg.phases[1]
        self.assertEqual((p.first_year, p.last_year), (2018, 2022))
        self.assertIsInstance(p, terrind.Phase)

    def test_find_territory_by_anct_id(self):
        reg = phased_registry()
        self.assertEqual(reg.find_territory_by_anct_id("ti-0101", 1).id, "ti-0101")
        self.assertEqual(reg.find_territory_by_anct_id("ti-0101", 2).id, "p2-ti-0101")
        self.assertIsNone(reg.find_territory_by_anct_id("ti-0101", 3))
        self.assertIsNone(reg.find_territory_by_anct_id("ti-9999", 1))
        self.assertEqual(reg.find_territory_by_anct_id(anct_id="ti-0102", phase=1).id, "ti-0102")

    def test_anct_id_field(self):
        reg = phased_registry()
        self.assertEqual(reg.territories["p2-ti-0101"].anct_id, "ti-0101")
        # Unset, the field reads None (the typed C getter gives the id).
        self.assertIsNone(reg.territories["ti-0101"].anct_id)

    def test_territories_by_anct_id(self):
        reg = phased_registry()
        self.assertEqual(ids(reg.territories_by_anct_id("ti-0101")), ["ti-0101", "p2-ti-0101"])
        self.assertEqual(reg.territories_by_anct_id("ti-9999"), [])

    def test_related_territories(self):
        reg = phased_registry()
        self.assertEqual(ids(reg.related_territories("ti-0101")), ["p2-ti-0101"])
        self.assertEqual(ids(reg.related_territories(reg.territories["p2-ti-0101"])), ["ti-0101"])
        self.assertEqual(reg.related_territories("ti-0102"), [])
        with self.assertRaises(terrind.NotFoundError):
            reg.related_territories("ti-9999")
        with self.assertRaises(TypeError):
            reg.related_territories(5)

    def test_territories_by_member(self):
        reg = phased_registry()
        self.assertEqual(ids(reg.territories_by_member(SIREN_SHARED)), ["p2-ti-0101", "ti-0101"])
        self.assertEqual(ids(reg.territories_by_member(SIREN_OTHER)), ["ti-0102"])
        self.assertEqual(reg.territories_by_member("200000000"), [])

    def test_territories_in_phase(self):
        reg = phased_registry()
        self.assertEqual(ids(reg.territories_in_phase(1)), ["ti-0101", "ti-0102"])
        self.assertEqual(ids(reg.territories_in_phase(2)), ["p2-ti-0101"])
        self.assertEqual(reg.territories_in_phase(3), [])
        with self.assertRaises(TypeError):
            reg.territories_in_phase("1")

    def test_coverage_by_phase(self):
        reg = phased_registry()
        reg.add(terrind.Operator("bpifrance", "Bpifrance"))
        reg.add(terrind.Referent("r-1", "bpifrance", "p2-ti-0101", "Jeanne Martin"))
        self.assertEqual(ids(reg.territories_without_referent("bpifrance")),
                         ["ti-0101", "ti-0102"])
        self.assertEqual(ids(reg.territories_without_referent("bpifrance", phase=1)),
                         ["ti-0101", "ti-0102"])
        self.assertEqual(reg.territories_without_referent("bpifrance", 2), [])
        self.assertEqual({k: ids(v) for k, v in reg.coverage(phase=2).items()},
                         {"bpifrance": []})
        self.assertEqual({k: ids(v) for k, v in reg.coverage(region="01", phase=1).items()},
                         {"bpifrance": ["ti-0101", "ti-0102"]})
        with self.assertRaises(terrind.NotFoundError):
            reg.territories_without_referent("nobody", phase=1)
        with self.assertRaises(TypeError):
            reg.coverage(phase="2")

    def test_phase_on(self):
        reg = phased_registry()
        self.assertEqual(reg.phase_on("2024-05-01").number, 2)
        self.assertEqual(reg.phase_on(date="2019-01-01").number, 1)
        self.assertIsNone(reg.phase_on("2010-01-01"))
        # Today: whichever, if any; it must not fail.
        today = reg.phase_on()
        self.assertTrue(today is None or isinstance(today, terrind.Phase))

    def test_unknown_phase_is_refused(self):
        reg = phased_registry()
        with self.assertRaises(terrind.UnknownReferenceError):
            reg.add(terrind.Territory("ti-0103", "Trois", "01", phase=3))
        self.assertNotIn("ti-0103", reg.territories)

    def test_duplicate_anct_id_in_a_phase_is_refused(self):
        reg = phased_registry()
        with self.assertRaises(terrind.DuplicateError):
            reg.add(terrind.Territory("p2-other", "Autre", "01", phase=2, anct_id="ti-0101"))
        self.assertNotIn("p2-other", reg.territories)

    def test_members_read_as_sirens(self):
        reg = phased_registry()
        t = reg.territories["ti-0102"]
        t.add_member("200018653", "CA CAP Excellence", "epci")
        self.assertEqual(t.members, ("200018653", SIREN_OTHER), "SIRENs, in order")
        self.assertEqual(ids(reg.territories_by_member("200018653")),
                         ["p2-ti-0101", "ti-0101", "ti-0102"])

    def test_phases_round_trip(self):
        reg = phased_registry()
        again = terrind.Registry.from_string(reg.to_string())
        self.assertEqual(again, reg)
        self.assertEqual(again.find_territory_by_anct_id("ti-0101", 2).id, "p2-ti-0101")

    def test_remove_phase(self):
        reg = terrind.Registry()
        reg.add(terrind.Phase(1, "Un", 2018, 2022))
        reg.phases.add(terrind.Phase(2, "Deux", 2023, 2027))
        reg.phases.remove(2)
        reg.phases.remove("1")
        self.assertEqual(len(reg.phases), 0)
        with self.assertRaises(terrind.NotFoundError):
            reg.phases.remove(1)

    def test_closed(self):
        reg = phased_registry()
        reg.close()
        for call in (lambda: reg.phases, lambda: reg.territories_in_phase(1),
                     lambda: reg.find_territory_by_anct_id("ti-0101", 1),
                     lambda: reg.territories_by_anct_id("ti-0101"),
                     lambda: reg.territories_by_member(SIREN_SHARED),
                     lambda: reg.related_territories("ti-0101"),
                     lambda: reg.phase_on("2024-05-01")):
            with self.assertRaises(terrind.ClosedError):
                call()


if __name__ == "__main__":
    unittest.main()
