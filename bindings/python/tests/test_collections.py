# SPDX-License-Identifier: LGPL-2.1-or-later
"""Collections: live views with len(), iteration, 'in', [id], add, remove."""

import unittest

import terrind
from terrind_testutil import TestCase, small_registry


class ViewTest(TestCase):
    def setUp(self):
        super().setUp()
        self.reg = small_registry()

    def test_len_iter_contains_getitem(self):
        reg = self.reg
        views = {
            "regions": (reg.regions, ["11", "84"], "code"),
            "territories": (reg.territories, ["ti-1101", "ti-8401", "ti-8402"], "id"),
            "operators": (reg.operators, ["bpifrance", "pole-emploi"], "id"),
            "conventions": (reg.conventions, ["conv-bpi"], "id"),
            "referents": (reg.referents, ["ref-1"], "id"),
        }
        for name, (view, ids, key) in views.items():
            with self.subTest(name):
                self.assertEqual(len(view), len(ids))
                self.assertEqual(list(view), ids, "the ids, sorted")
                self.assertEqual([getattr(x, key) for x in view.values()], ids)
                for i in ids:
                    self.assertIn(i, view)
                    self.assertEqual(getattr(view[i], key), i)
                    self.assertIn(view[i], view.values())
                    self.assertEqual(view.get(i), view[i])
                self.assertNotIn("missing", view)
                self.assertNotIn(42, view)
                self.assertNotIn("bad\0id", view)
                with self.assertRaises(KeyError) as cm:
                    view["missing"]
                self.assertEqual(cm.exception.args, ("missing",))
                with self.assertRaises(TypeError):
                    view[0]
                self.assertIsNone(view.get("missing"))
                self.assertEqual(view.get("missing", "fallback"), "fallback")
                self.assertEqual(repr(view), "<terrind.Collection of %d %s>" % (len(ids), name))

    def test_views_are_live(self):
        territories = self.reg.territories
        self.assertEqual(len(territories), 3)
        self.reg.add(terrind.Territory("ti-8403", "New", "84"))
        self.assertEqual(len(territories), 4)
        self.assertIn("ti-8403", territories)

    def test_in_values_compares_by_value(self):
        copy = terrind.Territory("ti-8402", "Bièvre Isère", "84", phase=1,
                                 members=self.reg.territories["ti-8402"].members)
        self.assertIn(copy, self.reg.territories.values())
        self.assertIn(("ti-8402", copy), self.reg.territories.items())
        copy.name = "Different"
        self.assertNotIn(copy, self.reg.territories.values())
        self.assertNotIn(("ti-8402", copy), self.reg.territories.items())
        self.assertNotIn(terrind.Region("84", "ARA"), self.reg.territories.values())

    def test_in_an_entity_is_a_type_error(self):
        # Keys are ids; an entity is unhashable, as a list is in a dict.
        # (In 1.0 it tested the entity: the error says what to write.)
        with self.assertRaisesRegex(TypeError, "unhashable.*x.id in it"):
            self.reg.territories["ti-8402"] in self.reg.territories

    def test_iterator(self):
        it = iter(self.reg.territories)
        self.assertIs(iter(it), it)
        self.assertEqual(it.__length_hint__(), 3)
        next(it)
        self.assertEqual(it.__length_hint__(), 2)
        self.assertEqual(len(list(it)), 2)
        with self.assertRaises(StopIteration):
            next(it)
        self.assertEqual(it.__length_hint__(), 0)

    def test_removing_while_iterating(self):
        seen = []
        for territory in self.reg.territories.values():
            seen.append(territory.id)
            self.reg.territories.remove(territory.id, cascade=True)
            self.assertEqual(territory.name, territory.name)  # still readable
        self.assertEqual(seen, ["ti-1101", "ti-8401", "ti-8402"])
        self.assertEqual(len(self.reg.territories), 0)
        self.assertEqual(len(self.reg.referents), 0)

    def test_add_through_view(self):
        reg = self.reg
        reg.regions.add(terrind.Region("93", "PACA"))
        reg.territories.add(terrind.Territory("ti-9301", "Fos", "93"))
        reg.operators.add(terrind.Operator("business-france", "Business France"))
        reg.conventions.add(terrind.Convention("conv-bf", "business-france", "2019-03-05"))
        reg.referents.add(terrind.Referent("ref-2", "business-france", "ti-9301", "P"))
        self.assertEqual(len(reg.referents), 2)
        with self.assertRaises(TypeError):
            reg.regions.add(terrind.Operator("x", "X"))
        with self.assertRaises(TypeError):
            reg.territories.add(None)

    def test_remove(self):
        reg = self.reg
        with self.assertRaises(terrind.NotFoundError):
            reg.territories.remove("ti-0000")
        with self.assertRaises(terrind.InUseError):
            reg.territories.remove("ti-8401")
        with self.assertRaises(terrind.InUseError):
            reg.operators.remove("bpifrance")
        with self.assertRaises(terrind.InUseError):
            reg.regions.remove("84")
        self.assertEqual(len(reg.territories), 3)
        with self.assertRaises(TypeError):
            reg.referents.remove("ref-1", cascade=True)
        reg.referents.remove("ref-1")
        reg.territories.remove("ti-8401")
        reg.operators.remove("bpifrance", cascade=True)
        self.assertNotIn("conv-bpi", reg.conventions)
        reg.operators.remove("pole-emploi")
        with self.assertRaises(terrind.NotFoundError):
            reg.conventions.remove("conv-bpi")
        reg.territories.remove("ti-1101")
        reg.regions.remove("11")
        self.assertEqual(len(reg.regions), 1)

    def test_remove_convention(self):
        self.reg.conventions.remove("conv-bpi")
        self.assertIsNone(self.reg.get_commitment("bpi-access"))

    def test_replace_referent(self):
        reg = self.reg
        new = terrind.Referent("ref-9", "bpifrance", "ti-8401", "Paul Durand")
        with self.assertRaises(terrind.DuplicateError):
            reg.referents.add(new)
        reg.referents.replace(new)
        self.assertEqual(reg.referent_for("bpifrance", "ti-8401").person, "Paul Durand")
        self.assertEqual([r.id for r in reg.referents.values()], ["ref-9"])
        with self.assertRaises(terrind.NotFoundError):
            reg.referents.replace(terrind.Referent("ref-8", "bpifrance", "ti-8402", "X"))
        with self.assertRaises(TypeError):
            reg.territories.replace(new)
        with self.assertRaises(TypeError):
            reg.referents.replace(terrind.Region("84", "ARA"))

    def test_commitments_of_registry_convention(self):
        convention = self.reg.conventions["conv-bpi"]
        self.assertEqual(list(convention.commitments), ["bpi-access", "bpi-referent"])
        convention.commitments.add(terrind.Commitment("bpi-vte", "experiment", "VTE"))
        self.assertEqual(self.reg.get_commitment("bpi-vte").text, "VTE")
        with self.assertRaises(terrind.DuplicateError):
            self.reg.conventions.add(terrind.Convention(
                "conv-2", "bpifrance", "2020-01-01",
                commitments=[terrind.Commitment("bpi-vte", "tool", "x")]))
        convention.commitments.remove("bpi-vte")
        self.assertIsNone(self.reg.get_commitment("bpi-vte"))


if __name__ == "__main__":
    unittest.main()
