# SPDX-License-Identifier: LGPL-2.1-or-later
"""Bindings that feel native: Mapping methods, file objects, to_dict(),
dates, ErrorCode, OSError, a repr() that evaluates back."""

import collections.abc
import datetime
import gc
import io
import os
import tempfile
import unittest

import terrind
from terrind_testutil import TestCase, small_registry

# pandas is imported only by its test, and not under valgrind: numpy and
# pandas leave blocks valgrind calls lost, which are none of ours.
UNDER_VALGRIND = "vgpreload" in os.environ.get("LD_PRELOAD", "")
try:
    import importlib.util
    HAVE_PANDAS = importlib.util.find_spec("pandas") is not None
except ImportError:
    HAVE_PANDAS = False


class CollectionTest(TestCase):
    def test_keys_values_items(self):
        reg = small_registry()
        self.assertEqual(list(reg.territories.keys()), ["ti-1101", "ti-8401", "ti-8402"])
        self.assertEqual([t.id for t in reg.territories.values()], list(reg.territories.keys()))
        self.assertEqual([(k, v.id) for k, v in reg.territories.items()],
                         [(k, k) for k in reg.territories.keys()])
        self.assertEqual(dict(reg.regions.items())["84"], reg.regions["84"])

    def test_mapping(self):
        reg = small_registry()
        views = [reg.phases, reg.regions, reg.territories, reg.operators, reg.conventions,
                 reg.referents, reg.designations, reg.investments,
                 reg.conventions["conv-bpi"].commitments]
        for view in views:
            self.assertIsInstance(view, collections.abc.Mapping)
            self.assertNotIsInstance(view, collections.abc.MutableMapping)
            self.assertIsInstance(view.keys(), collections.abc.KeysView)
            self.assertIsInstance(view.values(), collections.abc.ValuesView)
            self.assertIsInstance(view.items(), collections.abc.ItemsView)
            self.assertEqual(list(view), list(view.keys()))
            self.assertEqual(dict(view), dict(view.items()))
        territories = reg.territories
        self.assertEqual(list(territories), ["ti-1101", "ti-8401", "ti-8402"])
        self.assertEqual(territories.keys() & {"ti-8401", "ti-9999"}, {"ti-8401"})
        self.assertEqual(territories.keys() - {"ti-8401"}, {"ti-1101", "ti-8402"})
        self.assertTrue(territories.keys() >= {"ti-1101"})
        self.assertEqual(territories.get(id="missing", default=0), 0)
        self.assertIsNone(territories.get("missing"))
        with self.assertRaises(TypeError):
            hash(territories)

    def test_views_are_live(self):
        reg = small_registry()
        keys, values, items = reg.territories.keys(), reg.territories.values(), reg.territories.items()
        reg.add(terrind.Territory("ti-8403", "New", "84"))
        self.assertEqual(len(keys), 4)
        self.assertIn("ti-8403", keys)
        self.assertEqual([t.id for t in values][-1], "ti-8403")
        self.assertEqual(dict(items)["ti-8403"].name, "New")
        # Values and items iterate over a snapshot: removing is allowed.
        for territory in values:
            reg.territories.remove(territory.id, cascade=True)
        self.assertEqual(len(values), 0)
        reg.close()
        for call in (lambda: len(keys), lambda: list(values), lambda: list(items),
                     lambda: "ti-1101" in keys, lambda: reg.territories):
            with self.assertRaises(terrind.ClosedError):
                call()

    def test_phases_are_keyed_by_number(self):
        reg = terrind.Registry.default()
        self.assertEqual(list(reg.phases), [1, 2])
        self.assertIn(2, reg.phases)
        self.assertIn("2", reg.phases)
        self.assertEqual([k for k, p in reg.phases.items()], [p.number for p in reg.phases.values()])

    def test_equality(self):
        reg = small_registry()
        self.assertEqual(reg.territories, reg.territories)
        self.assertEqual(reg.territories, dict(reg.territories))
        self.assertEqual(reg.territories, small_registry().territories)
        self.assertNotEqual(reg.territories, reg.regions)
        self.assertNotEqual(reg.territories, list(reg.territories))
        other = small_registry()
        other.territories["ti-8401"].name = "Renamed"
        self.assertNotEqual(reg.territories, other.territories)
        self.assertEqual(reg.regions, other.regions)

    def test_del(self):
        reg = small_registry()
        del reg.referents["ref-1"]
        self.assertNotIn("ref-1", reg.referents)
        with self.assertRaises(KeyError):
            del reg.referents["ref-1"]
        with self.assertRaises(terrind.InUseError):
            del reg.regions["84"]
        with self.assertRaises(TypeError):
            reg.regions["84"] = terrind.Region("84", "x")
        with self.assertRaises(TypeError):
            del reg.regions[object()]
        reg.close()
        with self.assertRaises(terrind.ClosedError):
            del reg.territories["ti-8401"]
        with self.assertRaises(terrind.ClosedError):
            reg.territories.keys()


class SourceTest(TestCase):
    def test_text_and_binary_files(self):
        reg = small_registry()
        text = io.StringIO()
        reg.save(text)
        self.assertEqual(text.getvalue(), reg.to_string())
        binary = io.BytesIO()
        reg.save(path=binary)
        self.assertEqual(binary.getvalue(), reg.to_bytes())
        self.assertEqual(terrind.Registry(io.StringIO(text.getvalue())), reg)
        self.assertEqual(terrind.Registry.load(io.BytesIO(binary.getvalue())), reg)
        with tempfile.TemporaryDirectory() as d:
            path = os.path.join(d, "r.xml")
            reg.save(path.encode())
            self.assertEqual(terrind.Registry(path), reg)

    def test_bad_sources(self):
        with self.assertRaises(TypeError):
            terrind.Registry(42)
        with self.assertRaises(TypeError):
            terrind.Registry(max_depth=3)
        with self.assertRaises(TypeError):
            small_registry().save(42)

        class Odd:
            def read(self):
                return 42
        with self.assertRaises(TypeError):
            terrind.Registry(Odd())

    def test_read_and_write_that_close_the_registry(self):
        reg = small_registry()

        class Closing(io.StringIO):
            def write(self, data):
                reg.close()
                return super().write(data)
        out = Closing()
        reg.save(out)
        self.assertTrue(reg.closed)
        self.assertIn("ti-8401", out.getvalue())

        other = small_registry()
        document = other.to_string()

        class Collecting:
            def read(self):
                other.close()
                gc.collect()
                return document
        self.assertEqual(len(terrind.Registry(Collecting()).territories), 3)

        class Path:
            def __fspath__(self):
                reg2.close()
                return "/nonexistent/x.xml"
        reg2 = small_registry()
        with self.assertRaises(terrind.ClosedError):
            reg2.save(Path())


class ErrorTest(TestCase):
    def test_error_code(self):
        self.assertTrue(issubclass(terrind.ErrorCode, int))
        self.assertEqual(terrind.ErrorCode.IO, 8)
        self.assertIs(terrind.TerrindIOError.code, terrind.ErrorCode.IO)
        with self.assertRaises(terrind.DuplicateError) as cm:
            small_registry().add(terrind.Region("84", "x"))
        self.assertIs(cm.exception.code, terrind.ErrorCode.DUPLICATE)

    def test_os_errors(self):
        with self.assertRaises(FileNotFoundError) as cm:
            terrind.Registry("/nonexistent/r.xml")
        e = cm.exception
        self.assertIsInstance(e, terrind.TerrindIOError)
        self.assertIsInstance(e, terrind.TerrindFileNotFoundError)
        self.assertEqual((e.errno, e.filename), (2, "/nonexistent/r.xml"))
        self.assertNotIn("Errno", str(e))
        with self.assertRaises(FileNotFoundError):
            small_registry().save("/nonexistent/r.xml")

    @unittest.skipIf(os.geteuid() == 0, "root may write anywhere")
    def test_permission(self):
        with tempfile.TemporaryDirectory() as d:
            os.chmod(d, 0o500)
            with self.assertRaises(PermissionError):
                small_registry().save(os.path.join(d, "r.xml"))


class DictTest(TestCase):
    def test_to_dict(self):
        reg = small_registry()
        for kind, fields in terrind.kinds().items():
            for d in reg.to_dicts(kind):
                self.assertEqual(list(d), fields)
        t = reg.territories["ti-8401"]
        self.assertEqual(t.to_dict()["id"], "ti-8401")
        with self.assertRaises(ValueError):
            reg.to_dicts("nothing")
        with self.assertRaises(TypeError):
            reg.to_dicts(3)
        reg.close()
        with self.assertRaises(terrind.ClosedError):
            t.to_dict()
        with self.assertRaises(terrind.ClosedError):
            reg.to_dicts("region")

    @unittest.skipUnless(HAVE_PANDAS, "pandas is not installed")
    @unittest.skipIf(UNDER_VALGRIND, "pandas leaks under valgrind")
    def test_pandas(self):
        import pandas
        reg = terrind.Registry.default()
        frame = pandas.DataFrame(reg.to_dicts("territory"))
        self.assertEqual(len(frame), len(reg.territories))
        self.assertEqual(list(frame.columns), terrind.kinds()["territory"])


class DateTest(TestCase):
    def test_dates(self):
        r = terrind.Referent("r", "op", "ti", "P", start=datetime.date(2020, 1, 2), end="2021-03-04")
        self.assertEqual((r.start, r.end), (datetime.date(2020, 1, 2), datetime.date(2021, 3, 4)))
        r.end = datetime.date(2022, 1, 1)
        self.assertEqual(r.end, datetime.date(2022, 1, 1))
        with self.assertRaises(TypeError):
            r.end = datetime.datetime(2022, 1, 1)
        with self.assertRaises(TypeError):
            r.end = 20220101
        with self.assertRaises(terrind.InvalidValueError):
            r.end = "2022-02-30"


class ReprTest(TestCase):
    def test_round_trip(self):
        reg = terrind.Registry.default()
        for kind in ("phases", "regions", "territories", "operators", "conventions"):
            for x in getattr(reg, kind).values():
                self.assertEqual(eval(repr(x), {"terrind": terrind}), x, repr(x)[:200])
        r = terrind.Referent("r", "op", "ti", "Jo 'x' \"y\" \\", start="2020-01-02")
        self.assertEqual(eval(repr(r), {"terrind": terrind}), r)


if __name__ == "__main__":
    unittest.main()
