# SPDX-License-Identifier: LGPL-2.1-or-later
"""The classes follow the model description: names, types, writability, stubs."""

import ast
import inspect
import os
import unittest
from datetime import date

import terrind
from terrind_testutil import TestCase, phased_registry, records_registry, siren, small_registry

# The description, as terrind.kinds() gives it: the Lua binding's helper
# checks the same dict.
KINDS = {
    "phase": ["number", "name", "first_year", "last_year", "announced"],
    "region": ["code", "name"],
    "operator": ["id", "name", "kind", "former_names"],
    "territory": ["id", "anct_id", "name", "region", "phase", "members", "departments"],
    "convention": ["id", "operator", "date", "place", "title", "phase", "signatories"],
    "commitment": ["id", "convention", "kind", "amount", "period", "first_year",
                   "last_year", "approximate", "text", "themes", "targets"],
    "referent": ["id", "operator", "territory", "person", "role", "email", "phone",
                 "start", "end"],
    "designation": ["id", "operator", "territory", "year", "level", "commitment"],
    "investment": ["id", "operator", "territory", "year", "amount", "commitment", "theme",
                   "project"],
}

# What each field reads as; None is also allowed for the optional ones.
DATE_FIELDS = {"announced", "date", "start", "end"}
INT_FIELDS = {"number", "phase", "amount", "first_year", "last_year", "year"}
BOOL_FIELDS = {"approximate"}
LIST_FIELDS = {"former_names", "members", "departments", "signatories", "themes", "targets"}
REQUIRED = {
    "phase": {"number", "name", "first_year", "last_year"},
    "region": {"code", "name"},
    "operator": {"id", "name"},
    "territory": {"id", "name", "region"},
    "convention": {"id", "operator", "date"},
    "commitment": {"id", "kind", "text"},
    "referent": {"id", "operator", "territory", "person"},
    "designation": {"id", "operator", "territory", "year", "level", "commitment"},
    "investment": {"id", "operator", "territory", "year", "amount", "commitment"},
}
WRITABLE = {
    "phase": {"name", "first_year", "last_year", "announced"},
    "region": {"name"},
    "operator": {"name", "kind"},
    "territory": {"anct_id", "name", "region", "phase"},
    "convention": {"date", "place", "title", "phase"},
    "commitment": {"amount", "period", "first_year", "last_year", "approximate", "text"},
    "referent": {"person", "role", "email", "phone", "start", "end"},
    "designation": {"year", "level", "commitment"},
    "investment": {"year", "amount", "commitment", "theme", "project"},
}
# For each writable field: a good value and a bad one (None: no bad
# value of the right type).
SAMPLES = {
    ("phase", "name"): ("Territoires d'industrie 2", ""),
    ("phase", "first_year"): (2018, None),
    ("phase", "last_year"): (2030, None),
    ("phase", "announced"): ("2023-11-10", "2023-02-30"),
    ("territory", "anct_id"): ("ti-0101", "not an id"),
    ("convention", "phase"): (2, 0),
    ("region", "name"): ("Bretagne", ""),
    ("operator", "name"): ("France Travail", ""),
    ("operator", "kind"): ("agency", "two\nlines"),
    ("territory", "name"): ("Autre nom", ""),
    ("territory", "region"): ("11", "not a code"),
    ("territory", "phase"): (2, 0),
    ("convention", "date"): ("2020-01-31", "2020-02-30"),
    ("convention", "place"): ("Paris", "two\nlines"),
    ("convention", "title"): ("Avenant", "two\nlines"),
    ("commitment", "period"): ("per-year", "monthly"),
    ("commitment", "amount"): (1000, None),
    ("commitment", "text"): ("Un autre texte", ""),
    ("commitment", "approximate"): (True, None),
    ("referent", "person"): ("Jean Dupont", ""),
    ("referent", "role"): ("Chargé d'affaires", "two\nlines"),
    ("referent", "email"): ("jean@example.fr", "not an address"),
    ("referent", "phone"): ("+33 1 00 00 00 00", "call me"),
    ("referent", "start"): ("2019-01-01", "2019-13-01"),
    ("referent", "end"): ("2030-01-01", "2019-02-30"),
    ("designation", "year"): (2021, 1800),
    ("designation", "level"): ("reinforced", "not a level"),
    ("designation", "commitment"): ("other", "not an id"),
    ("investment", "year"): (2021, 2201),
    ("investment", "amount"): (5, None),
    ("investment", "commitment"): ("other", "not an id"),
    ("investment", "theme"): ("friches", ""),
    ("investment", "project"): ("Usine", "two\nlines"),
}


def class_of(kind):
    return getattr(terrind, kind[0].upper() + kind[1:])


def entities(reg, kind):
    if kind == "commitment":
        return [c for conv in reg.conventions.values() for c in conv.commitments.values()]
    return list(getattr(reg, {"territory": "territories"}.get(kind, kind + "s")).values())


def minimal(kind):
    """An entity of kind with only its required fields."""
    return {
        "phase": lambda: terrind.Phase(1, "Phase 1", 2018, 2022),
        "region": lambda: terrind.Region("84", "ARA"),
        "operator": lambda: terrind.Operator("op", "Op"),
        "territory": lambda: terrind.Territory("ti-1", "T", "84"),
        "convention": lambda: terrind.Convention("conv", "op", "2019-03-05"),
        "commitment": lambda: terrind.Commitment("c", "tool", "t"),
        "referent": lambda: terrind.Referent("ref", "op", "ti-1", "P"),
        "designation": lambda: terrind.Designation("d", "op", "ti-1", 2020, "priority", "c"),
        "investment": lambda: terrind.Investment("i", "op", "ti-1", 2020, 10, "c"),
    }[kind]()


class KindsTest(TestCase):
    def test_kinds(self):
        self.assertEqual(terrind.kinds(), KINDS)
        self.assertEqual(list(terrind.kinds()), list(KINDS), "in the description's order")

    def test_every_field_is_an_attribute(self):
        for kind, fields in terrind.kinds().items():
            cls = class_of(kind)
            for field in fields:
                self.assertIn(field, vars(cls), "%s.%s" % (cls.__name__, field))
                self.assertTrue(vars(cls)[field].__doc__, "%s.%s" % (cls.__name__, field))

    def test_docs_come_from_the_description(self):
        self.assertIn("the last day in office", terrind.Referent.end.__doc__)
        self.assertTrue(terrind.Referent.end.__doc__.startswith("datetime.date or None:"))
        self.assertTrue(terrind.Territory.phase.__doc__.startswith("int or None:"))
        self.assertTrue(terrind.Region.code.__doc__.startswith("str, read-only:"))
        self.assertTrue(terrind.Commitment.targets.__doc__.startswith(
            "tuple of (str, int) tuples, read-only:"))


class ReadTest(TestCase):
    def check_value(self, kind, field, value):
        where = "%s.%s = %r" % (kind, field, value)
        if field in LIST_FIELDS:
            self.assertIsInstance(value, tuple, where)
            return
        if value is None:
            self.assertNotIn(field, REQUIRED[kind], where)
            self.assertNotIn(field, BOOL_FIELDS, where)
            return
        expected = (int if field in INT_FIELDS else bool if field in BOOL_FIELDS
                    else date if field in DATE_FIELDS else str)
        self.assertIs(type(value), expected, where)

    def test_every_field_reads_on_the_default_registry(self):
        seen = set()
        with terrind.Registry.default() as reg:
            for kind, fields in terrind.kinds().items():
                for entity in entities(reg, kind):
                    for field in fields:
                        value = getattr(entity, field)
                        self.check_value(kind, field, value)
                        if value not in (None, ()):
                            seen.add((kind, field))
        # The default registry has no referents; the other kinds are all
        # there, with most of their fields set somewhere.
        self.assertIn(("commitment", "amount"), seen)
        self.assertIn(("commitment", "convention"), seen)
        self.assertIn(("territory", "members"), seen)

    def test_every_field_reads_on_a_small_registry(self):
        small = small_registry()
        phased = phased_registry()   # the small one defines no phases
        records = records_registry()  # nor records
        for kind, fields in terrind.kinds().items():
            reg = (phased if kind == "phase" else
                   records if kind in ("designation", "investment") else small)
            self.assertTrue(entities(reg, kind), kind)
            for entity in entities(reg, kind):
                for field in fields:
                    self.check_value(kind, field, getattr(entity, field))

    def test_lists(self):
        reg = small_registry()
        t = reg.territories["ti-8401"]
        self.assertEqual(t.members, (siren(20000017),))
        self.assertEqual(t.departments, ("74",))
        self.assertEqual(reg.conventions["conv-bpi"].signatories,
                         (("Jacqueline Gourault", "Ministre"),))
        c = terrind.Commitment("c", "yearly-target", "t", targets=[("priority", 20)],
                               themes=["numérique"])
        self.assertEqual(c.targets, (("priority", 20),))
        self.assertIs(type(c.targets[0][1]), int)
        self.assertEqual(c.themes, ("numérique",))
        o = terrind.Operator("op", "Op", former_names=[("Old", "2000-01-01"), "Older"])
        self.assertEqual(o.former_names, (("Old", date(2000, 1, 1)), ("Older", None)))
        with self.assertRaises(AttributeError):
            o.former_names = ()

    def test_unset_is_none(self):
        for kind, fields in terrind.kinds().items():
            entity = minimal(kind)
            for field in fields:
                value = getattr(entity, field)
                if field in LIST_FIELDS:
                    self.assertEqual(value, (), "%s.%s" % (kind, field))
                elif field in BOOL_FIELDS:
                    self.assertIs(value, False, "%s.%s" % (kind, field))
                elif field not in REQUIRED[kind]:
                    self.assertIsNone(value, "%s.%s" % (kind, field))


class WriteTest(TestCase):
    def writable(self, entity, field):
        try:
            setattr(entity, field, getattr(entity, field))
        except AttributeError:
            return False
        return True

    def test_writable_fields(self):
        for kind, fields in terrind.kinds().items():
            entity = minimal(kind)
            if kind == "commitment":
                entity.set_amount(5)
                entity.set_years(2019, 2022)
            writable = {f for f in fields if self.writable(entity, f)}
            self.assertEqual(writable, WRITABLE[kind], kind)

    def test_set_and_validate(self):
        for (kind, field), (good, bad) in SAMPLES.items():
            where = "%s.%s" % (kind, field)
            entity = minimal(kind)
            if (kind, field) == ("commitment", "amount"):
                entity.period = "total"
            setattr(entity, field, good)
            read = getattr(entity, field)
            # Dates read as datetime.date since 1.1, and are set by their text.
            self.assertEqual(read.isoformat() if isinstance(read, date) else read, good, where)
            if bad is None:
                continue
            with self.assertRaises(terrind.InvalidValueError, msg=where) as cm:
                setattr(entity, field, bad)
            # The library's message, which names the field.
            self.assertIn(field.replace("_", "-"), str(cm.exception), where)
            read = getattr(entity, field)
            self.assertEqual(read.isoformat() if isinstance(read, date) else read, good,
                             where + ": a failed set changes nothing")

    def test_type_errors(self):
        t = minimal("territory")
        for field, value in (("phase", "1"), ("phase", 1.0), ("phase", True), ("name", 5),
                             ("name", None), ("region", b"84")):
            with self.assertRaises(TypeError, msg="%s = %r" % (field, value)):
                setattr(t, field, value)
        with self.assertRaises(OverflowError):
            t.phase = -1
        c = minimal("commitment")
        c.period = "total"
        with self.assertRaises(OverflowError):
            c.amount = 2 ** 63
        c.amount = 2 ** 63 - 1
        self.assertEqual(c.amount, 2 ** 63 - 1)

    def test_unset(self):
        r = terrind.Referent("ref", "op", "ti", "P", role="R", email="p@example.fr",
                             phone="01 02 03 04", start="2019-01-01", end="2020-01-01")
        r.role = None
        del r.email
        self.assertIsNone(r.role)
        self.assertIsNone(r.email)
        with self.assertRaises(TypeError):
            r.person = None
        with self.assertRaises(AttributeError):
            del r.person

    def test_amount_and_period(self):
        c = minimal("commitment")
        with self.assertRaises(terrind.InvalidValueError):
            c.amount = 5  # no period yet
        c.period = "per-year"
        c.amount = 5
        self.assertEqual((c.amount, c.period), (5, "per-year"))
        c.period = None
        self.assertEqual((c.amount, c.period), (None, None))

    def test_years(self):
        c = minimal("commitment")
        c.set_years(2019, 2022)
        c.last_year = 2025
        c.first_year = 2020
        self.assertEqual((c.first_year, c.last_year), (2020, 2025))
        with self.assertRaises(terrind.InvalidValueError):
            c.first_year = 2030
        self.assertEqual(c.first_year, 2020)


class ConstructorTest(TestCase):
    def test_signatures(self):
        for kind, fields in terrind.kinds().items():
            parameters = inspect.signature(class_of(kind)).parameters
            positional = [p for p, v in parameters.items()
                          if v.kind == inspect.Parameter.POSITIONAL_OR_KEYWORD]
            keywords = [p for p, v in parameters.items()
                        if v.kind == inspect.Parameter.KEYWORD_ONLY]
            self.assertEqual(positional, [f for f in fields if f in REQUIRED[kind]], kind)
            expected = [f for f in fields if f not in REQUIRED[kind] and f != "convention"]
            if kind == "convention":
                expected.append("commitments")
            self.assertEqual(keywords, expected, kind)

    def test_every_field_by_keyword(self):
        r = terrind.Referent(id="ref", operator="op", territory="ti", person="P",
                             role="R", email="p@example.fr", phone="01 02",
                             start="2019-01-01", end="2020-06-30")
        self.assertEqual([getattr(r, f) for f in KINDS["referent"]],
                         ["ref", "op", "ti", "P", "R", "p@example.fr", "01 02",
                          date(2019, 1, 1), date(2020, 6, 30)])
        c = terrind.Commitment(id="c", kind="money-envelope", text="t", amount=10,
                               period="per-year", first_year=2019, last_year=2020,
                               approximate=True, themes=["a"], targets={"priority": 2})
        self.assertEqual([getattr(c, f) for f in KINDS["commitment"]],
                         ["c", None, "money-envelope", 10, "per-year", 2019, 2020, True, "t",
                          ("a",), (("priority", 2),)])

    def test_argument_errors(self):
        with self.assertRaises(TypeError):
            terrind.Referent("ref", "op", "ti")                       # person missing
        with self.assertRaises(TypeError):
            terrind.Referent("ref", "op", "ti", "P", "role")           # role is keyword-only
        with self.assertRaises(TypeError):
            terrind.Referent("ref", "op", "ti", "P", id="x")           # id twice
        with self.assertRaises(TypeError):
            terrind.Referent("ref", "op", "ti", "P", end_date="2020-01-01")
        with self.assertRaises(TypeError):
            terrind.Commitment("c", "tool", "t", convention="conv")   # set by adding it
        with self.assertRaises(TypeError):
            terrind.Territory("ti", "T", "84", phase="1")
        # None leaves an optional field unset.
        self.assertIsNone(terrind.Referent("ref", "op", "ti", "P", role=None).role)

    def test_validation_names_the_field(self):
        with self.assertRaises(terrind.InvalidValueError) as cm:
            terrind.Referent("ref", "op", "ti", "P", end="tomorrow")
        self.assertIn("end", str(cm.exception))


class EndDateTest(TestCase):
    def test_end_date(self):
        r = terrind.Referent("ref", "op", "ti", "P", start="2019-06-01", end="2022-12-31")
        self.assertEqual((r.start, r.end), (date(2019, 6, 1), date(2022, 12, 31)))
        with self.assertRaises(terrind.InvalidValueError):
            r.end = "2019-01-01"  # before the start
        self.assertEqual(r.end, date(2022, 12, 31))
        r.end = None
        self.assertIsNone(r.end)

    def test_end_date_round_trip(self):
        reg = small_registry()
        reg.referents["ref-1"].end = "2024-06-30"
        again = terrind.Registry.from_string(reg.to_string())
        self.assertEqual(again.referents["ref-1"].end, date(2024, 6, 30))
        self.assertEqual(again, reg)


class ClosedTest(TestCase):
    def test_children_of_a_closed_registry_refuse_use(self):
        reg = small_registry()
        phased = phased_registry()   # the small one defines no phases
        records = records_registry()  # nor records
        children = {kind: entities(phased if kind == "phase" else
                                   records if kind in ("designation", "investment") else reg,
                                   kind)[0] for kind in KINDS}
        reg.close()
        phased.close()
        records.close()
        for kind, entity in children.items():
            for field in KINDS[kind]:
                with self.assertRaises(terrind.ClosedError, msg="%s.%s" % (kind, field)):
                    getattr(entity, field)
            for field in WRITABLE[kind]:
                with self.assertRaises(terrind.ClosedError, msg="%s.%s" % (kind, field)):
                    # A value of the right type: the check is not the conversion's.
                    setattr(entity, field, 2020 if field in INT_FIELDS else "x")
            self.assertIn("closed", repr(entity))


class StubTest(TestCase):
    """The stubs made at build time say what the classes do."""

    def stub_classes(self):
        path = os.path.join(os.path.dirname(terrind.__file__), "__init__.pyi")
        with open(path, encoding="utf-8") as f:
            tree = ast.parse(f.read(), path)
        return {node.name: node for node in tree.body if isinstance(node, ast.ClassDef)}

    def test_stub_attributes_are_the_fields(self):
        classes = self.stub_classes()
        for kind, fields in KINDS.items():
            cls = classes[class_of(kind).__name__]
            attributes = {}
            for node in cls.body:
                if isinstance(node, ast.AnnAssign):
                    attributes[node.target.id] = (ast.unparse(node.annotation), True)
                elif isinstance(node, ast.FunctionDef) and any(
                        ast.unparse(d) == "property" for d in node.decorator_list):
                    attributes[node.name] = (ast.unparse(node.returns), False)
            extra = {"commitments"} if kind == "convention" else set()
            self.assertEqual(set(attributes) - extra, set(fields), kind)
            for field in fields:
                annotation, writable = attributes[field]
                where = "%s.%s: %s" % (kind, field, annotation)
                self.assertEqual(writable, field in WRITABLE[kind], where)
                if field in LIST_FIELDS:
                    self.assertTrue(annotation.startswith("Tuple["), where)
                    continue
                base = ("int" if field in INT_FIELDS else "bool" if field in BOOL_FIELDS
                        else "datetime.date" if field in DATE_FIELDS else "str")
                optional = field not in REQUIRED[kind] and field not in BOOL_FIELDS
                self.assertEqual(annotation, "Optional[%s]" % base if optional else base, where)

    def test_stub_constructors_are_the_signatures(self):
        classes = self.stub_classes()
        for kind in KINDS:
            cls = class_of(kind)
            init = next(n for n in classes[cls.__name__].body
                        if isinstance(n, ast.FunctionDef) and n.name == "__init__")
            parameters = inspect.signature(cls).parameters
            self.assertEqual([a.arg for a in init.args.args[1:]],
                             [p for p, v in parameters.items()
                              if v.kind == inspect.Parameter.POSITIONAL_OR_KEYWORD], kind)
            self.assertEqual([a.arg for a in init.args.kwonlyargs],
                             [p for p, v in parameters.items()
                              if v.kind == inspect.Parameter.KEYWORD_ONLY], kind)


if __name__ == "__main__":
    unittest.main()
