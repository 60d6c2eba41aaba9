# SPDX-License-Identifier: LGPL-2.1-or-later
"""Registry.transaction(): edits that land together or not at all."""

import unittest

import terrind
from terrind_testutil import TestCase, small_registry


class TransactionTest(TestCase):
    def test_commit_on_exit(self):
        reg = small_registry()
        with reg.transaction() as tx:
            self.assertTrue(tx.open)
            tx.add(terrind.Territory("ti-8403", "Nouveau", "84"))
            # Checked against the earlier edits: the territory is there.
            tx.add(terrind.Referent("ref-2", "bpifrance", "ti-8403", "Paul"))
            tx.add(terrind.Commitment("bpi-vte", "experiment", "VTE"), convention="conv-bpi")
            tx.set("territory", "ti-8401", "name", "Arve")
            tx.remove("territory", "ti-1101")
            self.assertEqual(tx.n_edits, 5)
        self.assertFalse(tx.open)
        self.assertIn("ti-8403", reg.territories)
        self.assertEqual(reg.territories["ti-8401"].name, "Arve")
        self.assertNotIn("ti-1101", reg.territories)
        self.assertIsNotNone(reg.get_commitment("bpi-vte"))
        # Over: the registry takes changes again, the transaction none.
        reg.referents.remove("ref-2")
        with self.assertRaises(terrind.ClosedError):
            tx.remove("referent", "ref-1")

    def test_rollback_on_exception(self):
        reg = small_registry()
        before = reg.to_string()
        with self.assertRaises(KeyError):
            with reg.transaction() as tx:
                tx.replace(terrind.Referent("ref-1b", "bpifrance", "ti-8401", "New"))
                self.assertIn("ref-1b", reg.referents)
                tx.remove("territory", "ti-8401", cascade=True)
                tx.set("operator", "bpifrance", "name", "BPI")
                raise KeyError("stop")
        self.assertEqual(reg.to_string(), before)

    def test_failed_edit_rolls_back(self):
        reg = small_registry()
        before = reg.to_string()
        with self.assertRaises(terrind.DuplicateError) as caught:
            with reg.transaction() as tx:
                tx.add(terrind.Territory("ti-8403", "Nouveau", "84"))
                tx.add(terrind.Referent("ref-2", "bpifrance", "ti-8401", "Paul"))
        self.assertIn("edit 2 (add referent “ref-2”)", str(caught.exception))
        self.assertEqual(reg.to_string(), before)
        self.assertNotIn("ti-8403", reg.territories)

    def test_registry_locked_meanwhile(self):
        reg = small_registry()
        tx = reg.transaction()
        with self.assertRaises(terrind.InUseError):
            reg.territories.remove("ti-1101")
        with self.assertRaises(terrind.InUseError):
            reg.transaction()
        tx.rollback()
        tx.rollback()
        reg.territories.remove("ti-1101")

    def test_dropped_rolls_back(self):
        reg = small_registry()
        tx = reg.transaction()
        tx.remove("referent", "ref-1")
        self.assertNotIn("ref-1", reg.referents)
        del tx
        self.assertIn("ref-1", reg.referents)

    def test_bad_arguments(self):
        reg = small_registry()
        with reg.transaction() as tx:
            with self.assertRaises(ValueError):
                tx.remove("planet", "x")
            with self.assertRaises(ValueError):
                tx.set("territory", "ti-8401", "colour", "red")
            with self.assertRaises(TypeError):
                tx.add(terrind.Commitment("c", "tool", "t"))
            with self.assertRaises(TypeError):
                tx.add("not an entity")
        with self.assertRaises(TypeError):
            terrind.Transaction()
        reg.close()
        with self.assertRaises(terrind.ClosedError):
            reg.transaction()


if __name__ == "__main__":
    unittest.main()
