# SPDX-License-Identifier: LGPL-2.1-or-later
"""Exceptions: the hierarchy, the codes, and where import errors are."""

import unittest

import terrind
from terrind_testutil import TestCase

HEADER = '<?xml version="1.0" encoding="UTF-8"?>\n'
EMPTY_BODY = ("  <regions/>\n  <operators/>\n  <territories/>\n"
              "  <conventions/>\n  <referents/>\n")


def document(body=EMPTY_BODY, version="1"):
    return (HEADER + '<registry xmlns="urn:libterrind:registry" version="%s">\n' % version
            + body + "</registry>\n")


# The TerrindError codes, in the order of the C enumeration.
CODES = [
    ("FailedError", 0), ("InvalidValueError", 1), ("DuplicateError", 2),
    ("UnknownReferenceError", 3), ("NotFoundError", 4), ("InUseError", 5),
    ("ParseError", 6), ("SchemaError", 7), ("TerrindIOError", 8),
    ("UnsupportedVersionError", 9), ("LimitExceededError", 10),
]


class HierarchyTest(TestCase):
    def test_one_class_per_code(self):
        for name, code in CODES:
            cls = getattr(terrind, name)
            self.assertTrue(issubclass(cls, terrind.Error), name)
            self.assertEqual(cls.code, code, name)
            self.assertEqual(cls.__module__, "terrind")
            self.assertTrue(cls.__doc__)
        self.assertEqual(len({getattr(terrind, n) for n, _ in CODES}), len(CODES))

    def test_builtin_bases(self):
        self.assertTrue(issubclass(terrind.Error, Exception))
        self.assertTrue(issubclass(terrind.InvalidValueError, ValueError))
        self.assertTrue(issubclass(terrind.NotFoundError, LookupError))
        self.assertTrue(issubclass(terrind.ClosedError, ValueError))
        self.assertTrue(issubclass(terrind.BusyError, RuntimeError))
        # Since 1.1 an I/O error is also an OSError (test_native_errors.py).
        self.assertTrue(issubclass(terrind.TerrindIOError, OSError))
        self.assertIsNot(terrind.TerrindIOError, IOError)

    def test_defaults(self):
        e = terrind.Error("raised by Python")
        self.assertIsNone(e.code)
        self.assertIsNone(e.file)
        self.assertIsNone(e.line)
        self.assertIsNone(e.column)

    def test_value_error_carries_code_no_location(self):
        with self.assertRaises(terrind.InvalidValueError) as cm:
            terrind.Region("", "x")
        e = cm.exception
        self.assertEqual(e.code, 1)
        self.assertIsNone(e.file)
        self.assertIsNone(e.line)
        self.assertIsNone(e.column)
        self.assertTrue(str(e))


class ImportErrorTest(TestCase):
    def test_parse_error_location(self):
        text = document(EMPTY_BODY.replace("<operators/>", "<operators></regions>"))
        with self.assertRaises(terrind.ParseError) as cm:
            terrind.Registry.from_string(text)
        e = cm.exception
        self.assertEqual(e.code, 6)
        self.assertIsInstance(e.line, int)
        self.assertEqual(e.line, 4)
        self.assertTrue(e.column is None or e.column > 0)
        self.assertIn("4:", str(e))

    def test_parse_error_names_the_file(self):
        path = self.write("broken.xml", document().replace("<conventions/>", "<conventions"))
        with self.assertRaises(terrind.ParseError) as cm:
            terrind.Registry.load(path)
        self.assertEqual(cm.exception.file, path)
        # "<conventions" runs into the next line, where the parser stops.
        self.assertEqual(cm.exception.line, 7)
        self.assertIn("broken.xml", str(cm.exception))

    def test_error_line_in_a_long_file(self):
        lines = ["  <regions>\n"] + ['    <region code="r%d" name="R"/>\n' % i for i in range(70000)]
        lines += ['    <region code="bad code" name="R"/>\n', "  </regions>\n"]
        body = "".join(lines) + EMPTY_BODY.replace("  <regions/>\n", "")
        with self.assertRaises(terrind.InvalidValueError) as cm:
            terrind.Registry.from_string(document(body))
        self.assertEqual(cm.exception.line, 70004, "no 16-bit line wrap")

    def test_schema_error(self):
        with self.assertRaises(terrind.SchemaError) as cm:
            terrind.Registry.from_string(document(EMPTY_BODY.replace("  <referents/>\n", "")))
        self.assertEqual(cm.exception.code, 7)
        with self.assertRaises(terrind.SchemaError):
            terrind.Registry.from_string(HEADER + "<other/>\n")

    def test_unsupported_version(self):
        with self.assertRaises(terrind.UnsupportedVersionError) as cm:
            terrind.Registry.from_string(document(version="3"))
        self.assertEqual(cm.exception.code, 9)

    def test_references(self):
        body = EMPTY_BODY.replace(
            "<territories/>", '<territories>\n    <territory id="ti-1" name="T" region="84"/>\n'
                              '  </territories>')
        with self.assertRaises(terrind.UnknownReferenceError) as cm:
            terrind.Registry.from_string(document(body))
        self.assertEqual(cm.exception.line, 6)

    def test_duplicates(self):
        body = EMPTY_BODY.replace(
            "<regions/>", '<regions>\n    <region code="84" name="A"/>\n'
                          '    <region code="84" name="B"/>\n  </regions>')
        with self.assertRaises(terrind.DuplicateError):
            terrind.Registry.from_string(document(body))

    def test_hostile_input(self):
        entity = ('<!DOCTYPE registry [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n'
                  + document().split("\n", 1)[1].replace('version="1">', 'version="1">&xxe;'))
        laughs = ('<!DOCTYPE r [<!ENTITY a "aaaaaaaaaa">'
                  + "".join('<!ENTITY %s "%s">' % (chr(98 + i), ("&%s;" % chr(97 + i)) * 10)
                            for i in range(8))
                  + ']>\n<registry xmlns="urn:libterrind:registry" version="1">&i;</registry>\n')
        for text in (entity, HEADER + laughs, b"\xff\xfe\x00garbage", b"",
                     document().encode("utf-8").replace(b"<regions/>", b"<regions a='\xc3\x28'/>")):
            with self.subTest(text=text[:40]):
                with self.assertRaises(terrind.Error) as cm:
                    terrind.Registry.from_string(text)
                self.assertIn(cm.exception.code, (6, 7, 10))
                self.assertNotIn("root:", str(cm.exception))

    def test_all_or_nothing(self):
        ok = document()
        reg = terrind.Registry.from_string(ok)
        self.assertEqual(len(reg.regions), 0)
        bad = ok.replace("<regions/>", '<regions>\n    <region code="84" name="A"/>\n'
                                       '    <region code="bad code" name="B"/>\n  </regions>')
        with self.assertRaises(terrind.InvalidValueError):
            terrind.Registry.from_string(bad)


if __name__ == "__main__":
    unittest.main()
