# SPDX-License-Identifier: LGPL-2.1-or-later
"""Designations and investments, the records of what was done (the Lua
suite's test-records.lua and the C suite's test-records.c check the same)."""

import gc
import unittest

import terrind
from terrind_testutil import TestCase, records_registry


class RecordsTest(TestCase):
    def test_classes(self):
        d = terrind.Designation("d-1", "bf", "ti-a", 2020, "priority", "bf-priority")
        self.assertEqual((d.id, d.operator, d.territory, d.year, d.level, d.commitment),
                         ("d-1", "bf", "ti-a", 2020, "priority", "bf-priority"))
        self.assertEqual(d, terrind.Designation("d-1", "bf", "ti-a", 2020, "priority",
                                                "bf-priority"))
        self.assertIn("d-1", repr(d))
        d.year = 2021
        d.level = "reinforced"
        self.assertEqual((d.year, d.level), (2021, "reinforced"))
        with self.assertRaises(AttributeError):
            d.operator = "bdt"
        with self.assertRaises(terrind.InvalidValueError):
            terrind.Designation("d 1", "bf", "ti-a", 2020, "priority", "bf-priority")
        v = terrind.Investment("i-1", "bdt", "ti-a", 2020, 1500000, "bdt-equity",
                               theme="friches", project="Friche Nord")
        self.assertEqual((v.amount, v.theme, v.project), (1500000, "friches", "Friche Nord"))
        v.theme = None
        self.assertIsNone(v.theme)
        with self.assertRaises(terrind.InvalidValueError):
            v.project = "two\nlines"

    def test_collections(self):
        reg = records_registry()
        self.assertEqual(len(reg.designations), 1)
        self.assertEqual(len(reg.investments), 1)
        self.assertEqual(list(reg.designations), ["d-1"])
        self.assertEqual(reg.designations["d-1"].level, "priority")
        self.assertEqual(reg.investments["i-1"].theme, "friches")
        self.assertIn("d-1", reg.designations)
        self.assertIsNone(reg.investments.get("nope"))
        reg.add(terrind.Designation("d-0", "bf", "ti-a", 2021, "reinforced", "bf-priority"))
        self.assertEqual(list(reg.designations), ["d-0", "d-1"])
        reg.designations.remove("d-0")
        reg.investments.remove("i-1")
        self.assertEqual(len(reg.investments), 0)
        with self.assertRaises(terrind.NotFoundError):
            reg.investments.remove("i-1")

    def check_refused(self, reg, entity, error):
        before = reg.to_string()
        with self.assertRaises(error):
            reg.add(entity)
        self.assertEqual(reg.to_string(), before)

    def test_designation_rules(self):
        reg = records_registry()
        D = terrind.Designation
        self.check_refused(reg, D("d-1", "bf", "ti-a", 2021, "priority", "bf-priority"),
                           terrind.DuplicateError)
        self.check_refused(reg, D("d-x", "nope", "ti-a", 2021, "priority", "bf-priority"),
                           terrind.UnknownReferenceError)
        self.check_refused(reg, D("d-x", "bf", "nope", 2021, "priority", "bf-priority"),
                           terrind.UnknownReferenceError)
        self.check_refused(reg, D("d-x", "bf", "ti-a", 2021, "priority", "nope"),
                           terrind.UnknownReferenceError)
        self.check_refused(reg, D("d-x", "bf", "ti-a", 2021, "priority", "bdt-equity"),
                           terrind.UnknownReferenceError)
        self.check_refused(reg, D("d-x", "bf", "ti-a", 2021, "gold", "bf-priority"),
                           terrind.InvalidValueError)
        self.check_refused(reg, D("d-x", "bf", "ti-a", 2023, "priority", "bf-priority"),
                           terrind.InvalidValueError)
        self.check_refused(reg, D("d-x", "bf", "ti-a", 2020, "reinforced", "bf-priority"),
                           terrind.DuplicateError)

    def test_investment_rules(self):
        reg = records_registry()
        V = terrind.Investment
        self.check_refused(reg, V("i-x", "bdt", "ti-a", 2018, 1, "bdt-equity"),
                           terrind.InvalidValueError)
        self.check_refused(reg, V("i-x", "bdt", "ti-b", 2021, 1, "bdt-equity"),
                           terrind.InvalidValueError)
        self.check_refused(reg, V("i-x", "bdt", "ti-a", 2021, 1, "bdt-equity", theme="mobilité"),
                           terrind.InvalidValueError)
        self.check_refused(reg, V("i-x", "bdt", "ti-a", 2021, 1, "bf-tool"),
                           terrind.UnknownReferenceError)
        with self.assertRaises((terrind.InvalidValueError, OverflowError, ValueError)):
            V("i-x", "bdt", "ti-a", 2021, -1, "bdt-equity")

    def test_setters_in_registry(self):
        reg = records_registry()
        reg.add(terrind.Designation("d-2", "bf", "ti-a", 2021, "priority", "bf-priority"))
        before = reg.to_string()
        d2 = reg.designations["d-2"]
        with self.assertRaises(terrind.DuplicateError):
            d2.year = 2020
        with self.assertRaises(terrind.InvalidValueError):
            d2.level = "gold"
        with self.assertRaises(terrind.UnknownReferenceError):
            d2.commitment = "bdt-equity"
        v = reg.investments["i-1"]
        with self.assertRaises(terrind.InvalidValueError):
            v.theme = "mobilité"
        with self.assertRaises(terrind.InvalidValueError):
            v.year = 2023
        self.assertEqual(reg.to_string(), before)
        d2.year = 2022
        v.theme = "numérique"

    def test_remove_in_use_and_cascade(self):
        reg = records_registry()
        before = reg.to_string()
        for collection, key in (("territories", "ti-a"), ("operators", "bf"),
                                ("conventions", "conv-bdt")):
            with self.assertRaises(terrind.InUseError):
                getattr(reg, collection).remove(key)
        self.assertEqual(reg.to_string(), before)
        reg.conventions.remove("conv-bf", cascade=True)
        self.assertEqual(len(reg.designations), 0)
        reg.territories.remove("ti-a", cascade=True)
        self.assertEqual(len(reg.investments), 0)

    def test_transaction_cascade(self):
        reg = records_registry()
        before = reg.to_string()
        with self.assertRaises(RuntimeError):
            with reg.transaction() as tx:
                tx.remove("operator", "bdt", cascade=True)
                self.assertEqual(len(reg.investments), 0)
                raise RuntimeError("roll back")
        self.assertEqual(reg.to_string(), before)

    def test_round_trip(self):
        reg = records_registry()
        text = reg.to_string()
        self.assertIn('version="2"', text)
        self.assertIn("<designations>", text)
        again = terrind.Registry.from_string(text)
        self.assertEqual(again, reg)
        self.assertEqual(again.to_string(), text)

    def test_listing_outlives_registry(self):
        reg = records_registry()
        listed = list(reg.designations.values())
        del reg
        gc.collect()
        self.assertEqual(listed[0].level, "priority")


if __name__ == "__main__":
    unittest.main()
