# SPDX-License-Identifier: LGPL-2.1-or-later
"""Registry.import_csv() and Registry.export_csv()."""

import io
import os
import tempfile
import unittest

import terrind

HEADER = "id;operator;territory;person;email\r\n"


class CsvTest(unittest.TestCase):
    def test_import_str_file_and_path(self):
        reg = terrind.Registry.default()
        text = "\ufeff" + HEADER + "r-1;bpifrance;p2-ti-0101;Anne;anne@example.fr\r\n"
        self.assertEqual(reg.import_csv(io.StringIO(text)), 1)
        self.assertEqual(reg.referents["r-1"].person, "Anne")
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, "r.csv")
            with open(path, "w", encoding="utf-8") as f:
                f.write("id,operator,territory,person\nr-1,bpifrance,p2-ti-0101,Annie\n")
            self.assertEqual(reg.import_csv(path, "referent", replace=True, separator=","), 1)
        self.assertEqual(reg.referents["r-1"].person, "Annie")

    def test_every_bad_row(self):
        reg = terrind.Registry.default()
        text = (HEADER + "r-1;bpifrance;p2-ti-0101;Anne;anne@example.fr\r\n"
                "r-2;bpifrance;nowhere;Bob;\r\n"
                "r-3;pole-emploi;p2-ti-0101;Cy;not-an-email\r\n"
                "r-4;pole-emploi;p2-ti-0102;;\r\n")
        before = reg.to_string()
        with self.assertRaises(terrind.Error) as cm:
            reg.import_csv(io.BytesIO(text.encode()))
        problems = cm.exception.problems
        self.assertEqual([p[1] for p in problems], [3, 4, 5])
        self.assertEqual(problems[0][0], "<data>")
        self.assertIn("column “email”", problems[1][3])
        self.assertEqual(reg.to_string(), before)
        with self.assertRaises(terrind.Error) as cm:
            reg.import_csv(io.BytesIO(text.encode()), max_errors=2)
        self.assertEqual(len(cm.exception.problems), 2)
        self.assertIn("(stopped after 2 problems)", str(cm.exception))

    def test_round_trip(self):
        reg = terrind.Registry.default()
        copy = terrind.Registry()
        for kind in ("phase", "region", "operator", "territory", "convention",
                     "commitment", "referent", "designation", "investment"):
            text = reg.export_csv(kind, excel=True)
            copy.import_csv(io.StringIO(text), kind)
        self.assertEqual(copy.to_string(), reg.to_string())
        self.assertTrue(reg.export_csv("operators").startswith("id,name,kind,former-names\r\n"))

    def test_export_to_file_and_errors(self):
        reg = terrind.Registry.default()
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, "t.csv")
            self.assertIsNone(reg.export_csv("territory", path=path))
            with open(path, encoding="utf-8", newline="") as f:
                self.assertEqual(f.read(), reg.export_csv("territory"))
        with self.assertRaises(ValueError):
            reg.export_csv("nope")
        with self.assertRaises(ValueError):
            reg.import_csv(io.StringIO(HEADER), separator="|")
        with self.assertRaises(TypeError):
            reg.import_csv(42)
        reg.close()
        with self.assertRaises(terrind.ClosedError):
            reg.export_csv("territory")


if __name__ == "__main__":
    unittest.main()
