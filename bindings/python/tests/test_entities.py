# SPDX-License-Identifier: LGPL-2.1-or-later
"""Entities: keyword constructors, properties, setters, repr, equality."""

import unittest
from datetime import date

import terrind
from terrind_testutil import TestCase, siren


class RegionTest(TestCase):
    def test_fields(self):
        r = terrind.Region(code="84", name="Auvergne-Rhône-Alpes")
        self.assertEqual(r.code, "84")
        self.assertEqual(r.name, "Auvergne-Rhône-Alpes")
        r.name = "ARA"
        self.assertEqual(r.name, "ARA")
        self.assertEqual(repr(r), "terrind.Region(code='84', name='ARA')")

    def test_code_is_read_only(self):
        r = terrind.Region("84", "ARA")
        with self.assertRaises(AttributeError):
            r.code = "11"

    def test_invalid(self):
        with self.assertRaises(terrind.InvalidValueError):
            terrind.Region("8 4", "ARA")
        with self.assertRaises(terrind.InvalidValueError):
            terrind.Region("84", "")
        r = terrind.Region("84", "ARA")
        with self.assertRaises(terrind.InvalidValueError):
            r.name = ""
        self.assertEqual(r.name, "ARA", "a failed setter changes nothing")
        with self.assertRaises(TypeError):
            r.name = None
        with self.assertRaises(AttributeError):
            del r.name

    def test_hostile_strings(self):
        with self.assertRaises(ValueError):
            terrind.Region("84\0", "ARA")
        r = terrind.Region("84", "ARA")
        with self.assertRaises(ValueError):
            r.name = "A\0B"
        with self.assertRaises(UnicodeEncodeError):
            r.name = "\udc80"
        with self.assertRaises(TypeError):
            r.name = b"ARA"
        with self.assertRaises(TypeError):
            terrind.Region(84, "ARA")
        self.assertEqual(r.name, "ARA")

    def test_equality(self):
        a = terrind.Region("84", "ARA")
        b = terrind.Region("84", "ARA")
        self.assertEqual(a, b)
        self.assertIsNot(a, b)
        b.name = "Other"
        self.assertNotEqual(a, b)
        self.assertNotEqual(a, "84")
        self.assertNotEqual(a, terrind.Operator("84", "ARA"))
        with self.assertRaises(TypeError):
            hash(a)

    def test_not_subclassable(self):
        with self.assertRaises(TypeError):
            type("Sub", (terrind.Region,), {})


class TerritoryTest(TestCase):
    def test_keyword_constructor(self):
        t = terrind.Territory(id="ti-8401", name="Vallée de l'Arve", region="84")
        self.assertEqual((t.id, t.name, t.region), ("ti-8401", "Vallée de l'Arve", "84"))
        self.assertIsNone(t.phase)
        self.assertEqual(t.members, ())
        self.assertEqual(t.departments, ())
        self.assertEqual(repr(t),
                         "terrind.Territory(id='ti-8401', name=\"Vallée de l'Arve\", region='84')")

    def test_full_constructor(self):
        a, b = siren(20000033), siren(20000017)
        t = terrind.Territory("ti-8401", "Arve", "84", phase=2, members=[a, b],
                              departments=("74", "73"))
        self.assertEqual(t.phase, 2)
        self.assertEqual(t.members, tuple(sorted([a, b])))
        self.assertEqual(t.departments, ("74", "73"))
        self.assertIn("phase=2", repr(t))

    def test_setters(self):
        t = terrind.Territory("ti-1", "A", "84")
        t.name = "B"
        t.region = "11"
        t.phase = 1
        self.assertEqual((t.name, t.region, t.phase), ("B", "11", 1))
        t.phase = None
        self.assertIsNone(t.phase)
        with self.assertRaises(terrind.InvalidValueError):
            t.region = "not a code"
        self.assertEqual(t.region, "11")
        with self.assertRaises(TypeError):
            t.phase = "1"
        with self.assertRaises(TypeError):
            t.phase = True
        with self.assertRaises(OverflowError):
            t.phase = -1
        with self.assertRaises(OverflowError):
            t.phase = 2 ** 40

    def test_members(self):
        t = terrind.Territory("ti-1", "A", "84")
        s = siren(12345678)
        t.add_member(s)
        self.assertTrue(t.has_member(s))
        self.assertIn(s, t.members)
        with self.assertRaises(terrind.DuplicateError):
            t.add_member(s)
        with self.assertRaises(terrind.InvalidValueError):
            t.add_member("123456789" if s != "123456789" else "123456780")
        with self.assertRaises(terrind.InvalidValueError):
            t.add_member("12345")
        t.remove_member(s)
        self.assertFalse(t.has_member(s))
        with self.assertRaises(terrind.NotFoundError):
            t.remove_member(s)
        with self.assertRaises(TypeError):
            t.add_member(None)
        with self.assertRaises(TypeError):
            terrind.Territory("ti-1", "A", "84", members=s)

    def test_departments(self):
        t = terrind.Territory("ti-1", "A", "84")
        t.add_department("74")
        t.add_department("2A")
        self.assertEqual(t.departments, ("74", "2A"))

    def test_constructor_failure_is_clean(self):
        with self.assertRaises(terrind.InvalidValueError):
            terrind.Territory("ti-1", "A", "84", members=[siren(1), "bad"])
        with self.assertRaises(TypeError):
            terrind.Territory("ti-1", "A", "84", members=[siren(1), 5])
        with self.assertRaises(TypeError):
            terrind.Territory("ti-1", "A", "84", unknown=1)
        with self.assertRaises(TypeError):
            terrind.Territory("ti-1", "A", "84", 1)  # phase is keyword-only

    def test_equality(self):
        a = terrind.Territory("ti-1", "A", "84", members=[siren(1)])
        b = terrind.Territory("ti-1", "A", "84", members=[siren(1)])
        self.assertEqual(a, b)
        b.add_department("74")
        self.assertNotEqual(a, b)


class OperatorTest(TestCase):
    def test_fields(self):
        o = terrind.Operator("pole-emploi", "Pôle emploi", kind="employment-service")
        self.assertEqual((o.id, o.name, o.kind), ("pole-emploi", "Pôle emploi", "employment-service"))
        self.assertEqual(o.former_names, ())
        o.kind = None
        self.assertIsNone(o.kind)
        o.kind = "agency"
        del o.kind
        self.assertIsNone(o.kind)
        self.assertEqual(repr(o), "terrind.Operator(id='pole-emploi', name='Pôle emploi')")

    def test_rename_keeps_id(self):
        o = terrind.Operator("pole-emploi", "Pôle emploi")
        o.rename("France Travail", "2023-12-31")
        self.assertEqual(o.id, "pole-emploi")
        self.assertEqual(o.name, "France Travail")
        self.assertEqual(o.former_names, (("Pôle emploi", date(2023, 12, 31)),))
        with self.assertRaises(terrind.InvalidValueError):
            o.rename("X", "2023-02-30")
        self.assertEqual(o.name, "France Travail")
        o.rename("Y")
        self.assertEqual(o.former_names[-1], ("France Travail", None))

    def test_former_names(self):
        o = terrind.Operator("op", "Now", former_names=["Old", ("Older", "2000-01-01")])
        self.assertEqual(o.former_names, (("Old", None), ("Older", date(2000, 1, 1))))
        o.add_former_name("Oldest", until="1999-12-31")
        o.add_former_name("Other")
        self.assertEqual(len(o.former_names), 4)
        with self.assertRaises(terrind.InvalidValueError):
            o.add_former_name("Bad", "yesterday")
        with self.assertRaises(ValueError):
            terrind.Operator("op", "Now", former_names=[("a", "b", "c")])
        with self.assertRaises(TypeError):
            terrind.Operator("op", "Now", former_names="Old")

    def test_equality(self):
        self.assertEqual(terrind.Operator("a", "A"), terrind.Operator("a", "A"))
        self.assertNotEqual(terrind.Operator("a", "A"), terrind.Operator("a", "A", kind="k"))


class CommitmentTest(TestCase):
    def test_money_envelope(self):
        c = terrind.Commitment("bdt-equity", "money-envelope", "100 M€ par an",
                               amount=100_000_000, period="per-year", approximate=True,
                               first_year=2019, last_year=2022,
                               themes=["foncier", "numérique"])
        self.assertEqual(c.kind, "money-envelope")
        self.assertEqual(c.amount, 100_000_000)
        self.assertEqual(c.period, "per-year")
        self.assertTrue(c.approximate)
        self.assertEqual((c.first_year, c.last_year), (2019, 2022))
        self.assertEqual(c.themes, ("foncier", "numérique"))
        self.assertTrue(repr(c).startswith("terrind.Commitment(id='bdt-equity', kind='money-envelope', "
                                           "amount=100000000, period='per-year'"), repr(c))
        self.assertEqual(eval(repr(c)), c)

    def test_amount_is_64_bit_integer(self):
        c = terrind.Commitment("c", "money-envelope", "t", amount=2 ** 63 - 1)
        self.assertEqual(c.amount, 2 ** 63 - 1)
        self.assertEqual(c.period, "total")
        with self.assertRaises(OverflowError):
            c.set_amount(2 ** 63)
        with self.assertRaises(terrind.InvalidValueError):
            c.set_amount(-1)
        with self.assertRaises(TypeError):
            c.set_amount(1.5)
        with self.assertRaises(terrind.InvalidValueError):
            c.set_amount(5, "monthly")
        with self.assertRaises(TypeError):
            terrind.Commitment("c", "tool", "t", period="total")
        self.assertEqual(c.amount, 2 ** 63 - 1, "failed calls change nothing")
        c.set_amount(None)
        self.assertIsNone(c.amount)
        self.assertIsNone(c.period)

    def test_years_and_targets(self):
        c = terrind.Commitment("bf-priority", "yearly-target", "20 territoires",
                               targets={"priority": 20, "reinforced": 5})
        self.assertEqual(c.targets, (("priority", 20), ("reinforced", 5)))
        c.add_target("other", 1)
        self.assertEqual(c.targets[-1], ("other", 1))
        with self.assertRaises(OverflowError):
            c.add_target("x", -3)
        with self.assertRaises(TypeError):
            terrind.Commitment("c", "tool", "t", targets=[("a",)])
        c.set_years(2019, 2022)
        self.assertEqual((c.first_year, c.last_year), (2019, 2022))
        with self.assertRaises(terrind.InvalidValueError):
            c.set_years(2022, 2019)
        with self.assertRaises(terrind.InvalidValueError):
            c.set_years(1000, 2019)
        self.assertEqual((c.first_year, c.last_year), (2019, 2022))
        c.set_years(None, None)
        self.assertIsNone(c.first_year)

    def test_text_and_flags(self):
        c = terrind.Commitment("c", "tool", "Formadiag")
        c.text = "Formadiag, dès l'été"
        self.assertEqual(c.text, "Formadiag, dès l'été")
        with self.assertRaises(terrind.InvalidValueError):
            c.text = ""
        with self.assertRaises(TypeError):
            c.text = None
        c.approximate = 1
        self.assertIs(c.approximate, True)
        c.add_theme("transport")
        self.assertEqual(c.themes, ("transport",))

    def test_kinds(self):
        for kind in ("money-envelope", "referent-per-territory", "yearly-target", "tool",
                     "programme-access", "experiment"):
            self.assertEqual(terrind.Commitment("c", kind, "t").kind, kind)
        with self.assertRaises(terrind.InvalidValueError) as cm:
            terrind.Commitment("c", "gift", "t")
        self.assertEqual(cm.exception.code, terrind.InvalidValueError.code)


class ConventionTest(TestCase):
    def test_fields(self):
        c = terrind.Convention("conv-bpi", "bpifrance", "2019-03-05", place="Lyon",
                               title="Convention de mobilisation",
                               signatories=["Agnès Pannier-Runacher",
                                            ("Jacqueline Gourault", "Ministre")])
        self.assertEqual((c.id, c.operator, c.date, c.place, c.title),
                         ("conv-bpi", "bpifrance", date(2019, 3, 5), "Lyon",
                          "Convention de mobilisation"))
        self.assertEqual(c.signatories, (("Agnès Pannier-Runacher", None),
                                         ("Jacqueline Gourault", "Ministre")))
        c.add_signatory("X", role="Y")
        self.assertEqual(c.signatories[-1], ("X", "Y"))
        c.place = None
        c.title = None
        self.assertIsNone(c.place)
        self.assertIsNone(c.title)
        c.date = "2019-03-07"
        with self.assertRaises(terrind.InvalidValueError):
            c.date = "7 mars 2018"
        self.assertEqual(c.date, date(2019, 3, 7))
        self.assertTrue(repr(c).startswith("terrind.Convention(id='conv-bpi', operator='bpifrance', "
                                           "date='2019-03-07'"), repr(c))
        self.assertEqual(eval(repr(c)), c)

    def test_commitments_view(self):
        a = terrind.Commitment("a", "tool", "t")
        c = terrind.Convention("conv", "op", "2019-03-05", commitments=[a])
        self.assertEqual(len(c.commitments), 1)
        self.assertIn("a", c.commitments)
        self.assertIn(a, c.commitments.values())
        b = terrind.Commitment("b", "tool", "u")
        c.commitments.add(b)
        self.assertEqual(list(c.commitments), ["a", "b"])
        self.assertEqual(c.commitments["b"], b)
        with self.assertRaises(KeyError):
            c.commitments["z"]
        with self.assertRaises(terrind.DuplicateError):
            c.commitments.add(terrind.Commitment("a", "tool", "v"))
        other = terrind.Convention("conv2", "op", "2019-03-05")
        with self.assertRaises(terrind.InUseError):
            other.commitments.add(b)
        c.commitments.remove("b")
        self.assertNotIn("b", c.commitments)
        with self.assertRaises(terrind.NotFoundError):
            c.commitments.remove("b")
        other.commitments.add(b)
        self.assertIn("b", other.commitments)
        with self.assertRaises(TypeError):
            c.commitments.add(terrind.Region("84", "ARA"))

    def test_constructor_is_all_or_nothing(self):
        a = terrind.Commitment("a", "tool", "t")
        dup = terrind.Commitment("a", "tool", "u")
        with self.assertRaises(terrind.DuplicateError):
            terrind.Convention("conv", "op", "2019-03-05", commitments=[a, dup])
        # a was taken back out, so it can go elsewhere.
        c = terrind.Convention("conv", "op", "2019-03-05", commitments=[a])
        self.assertIn(a, c.commitments.values())
        with self.assertRaises(TypeError):
            terrind.Convention("conv", "op", "2019-03-05", commitments=[object()])

    def test_equality(self):
        def make():
            return terrind.Convention("c", "op", "2019-03-05",
                                      commitments=[terrind.Commitment("x", "tool", "t")])
        self.assertEqual(make(), make())
        other = make()
        next(iter(other.commitments.values())).add_theme("z")
        self.assertNotEqual(make(), other)


class ReferentTest(TestCase):
    def test_fields(self):
        r = terrind.Referent("ref-1", "business-france", "ti-8401", "Jeanne Martin",
                             role="Coach international Team France Export",
                             email="jeanne@example.fr", phone="+33 (0)4 50-00.00", start="2019-06-01")
        self.assertEqual((r.id, r.operator, r.territory, r.person),
                         ("ref-1", "business-france", "ti-8401", "Jeanne Martin"))
        self.assertEqual(r.role, "Coach international Team France Export")
        self.assertEqual(r.email, "jeanne@example.fr")
        self.assertEqual(r.phone, "+33 (0)4 50-00.00")
        self.assertEqual(r.start, date(2019, 6, 1))
        for field in ("role", "email", "phone", "start"):
            setattr(r, field, None)
            self.assertIsNone(getattr(r, field))
        r.role = ""
        self.assertEqual(r.role, "", "empty and unset are different")
        r.person = "Jean"
        self.assertEqual(repr(r), "terrind.Referent(id='ref-1', operator='business-france', "
                                  "territory='ti-8401', person='Jean', role='')")

    def test_invalid(self):
        r = terrind.Referent("ref-1", "op", "ti", "P")
        for field, value in (("email", "not an address"), ("phone", "abc"),
                             ("start", "2019-13-01"), ("person", "")):
            with self.assertRaises(terrind.InvalidValueError, msg=field):
                setattr(r, field, value)
        with self.assertRaises(terrind.InvalidValueError):
            terrind.Referent("ref 1", "op", "ti", "P")
        with self.assertRaises(terrind.InvalidValueError):
            terrind.Referent("ref-1", "op", "ti", "P", email="x")
        for field in ("id", "operator", "territory"):
            with self.assertRaises(AttributeError):
                setattr(r, field, "x")


class ModuleTest(TestCase):
    def test_version(self):
        self.assertRegex(terrind.__version__, r"^\d+\.\d+\.\d+$")
        self.assertEqual(terrind.XML_FORMAT_VERSION, 2)
        self.assertEqual(terrind.XML_NAMESPACE, "urn:libterrind:registry")

    def test_docstrings(self):
        for name in terrind.__all__:
            obj = getattr(terrind, name)
            if not isinstance(obj, type):
                continue
            self.assertTrue(obj.__doc__, name)
            for attr, value in vars(obj).items():
                if attr.startswith("_") or attr in ("code", "file", "line", "column", "problems"):
                    continue
                self.assertTrue(getattr(value, "__doc__", None), "%s.%s" % (name, attr))

    def test_stub_lists_everything(self):
        import os
        stub = os.path.join(os.path.dirname(terrind.__file__), "__init__.pyi")
        with open(stub, encoding="utf-8") as f:
            text = f.read()
        for name in terrind.__all__:
            obj = getattr(terrind, name)
            self.assertIn(name, text)
            if isinstance(obj, type) and not issubclass(obj, BaseException):
                for attr in vars(obj):
                    if not attr.startswith("_") or attr in ("__enter__", "__exit__"):
                        self.assertIn("def %s" % attr if callable(getattr(obj, attr)) else attr,
                                      text, "%s.%s" % (name, attr))

    def test_cannot_instantiate_views(self):
        with self.assertRaises(TypeError):
            terrind.Collection()
        with self.assertRaises(TypeError):
            terrind.CollectionIterator()


if __name__ == "__main__":
    unittest.main()
