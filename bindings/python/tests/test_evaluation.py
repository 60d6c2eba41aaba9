# SPDX-License-Identifier: LGPL-2.1-or-later
"""Registry.evaluate(): the findings of terrind_registry_evaluate().

The registry is examples/commitments-demo.xml, whose comment lists every
expected status on 2021-06-30 (see docs/evaluation.md).
tests/test-evaluation.lua checks the same things in Lua.
"""

import os
import unittest

import terrind
import test_finalizers
from terrind_testutil import TestCase, records_registry

TOP_SRCDIR = os.environ.get("TERRIND_TOP_SRCDIR") or os.path.join(
    os.path.dirname(os.path.abspath(__file__)), "..", "..", "..")
DEMO = os.path.join(TOP_SRCDIR, "examples", "commitments-demo.xml")
DATE = "2021-06-30"

BF = "conv-2019-business-france"
BDT = "conv-2019-banque-des-territoires"


def demo():
    return terrind.Registry.load(DEMO)


def find(findings, commitment, measure, year=None):
    matches = [f for f in findings
               if f.commitment == commitment and f.measure == measure and f.year == year]
    assert len(matches) == 1, (commitment, measure, year, matches)
    return matches[0]


class FindingTest(TestCase):
    def setUp(self):
        super().setUp()
        self.reg = demo()
        self.findings = self.reg.evaluate(date=DATE)

    def tearDown(self):
        self.reg.close()
        super().tearDown()

    def test_count_and_order(self):
        self.assertIsInstance(self.findings, list)
        self.assertEqual(len(self.findings), 51)
        keys = [(f.convention, f.commitment) for f in self.findings]
        self.assertEqual(keys, sorted(keys))
        self.assertEqual(len(self.reg.evaluate()), 51)   # today: other statuses, same findings

    def test_finding_is_a_read_only_named_tuple(self):
        f = find(self.findings, "bf-priority-territories", "designations:priority", 2019)
        self.assertIsInstance(f, terrind.Finding)
        self.assertIsInstance(f, tuple)
        self.assertEqual(terrind.Finding.n_fields, 9)
        self.assertEqual(tuple(f)[0], f.convention)
        with self.assertRaises(AttributeError):
            f.status = "missed"
        with self.assertRaises(TypeError):
            f[0] = "x"
        self.assertTrue(repr(f).startswith("terrind.Finding(convention='conv-2019-business-france', "))
        self.assertEqual(hash(f), hash(tuple(f)))
        self.assertTrue(terrind.Finding.__doc__)

    def test_met(self):
        f = find(self.findings, "bf-priority-territories", "designations:priority", 2020)
        self.assertEqual(f, (BF, "bf-priority-territories", "yearly-target", 2020,
                             "designations:priority", 20, 18, "met",
                             tuple("tf-%02d" % i for i in range(1, 19))))
        f = find(self.findings, "bf-coach-international", "referents")
        self.assertEqual((f.year, f.target, f.value, f.status, f.territories),
                         (None, 26, 26, "met", ()))

    def test_partial(self):
        f = find(self.findings, "bdt-equity-envelope", "investment", 2020)
        self.assertEqual(f, (BDT, "bdt-equity-envelope", "money-envelope", 2020, "investment",
                             100000000, 40000000, "partial", ("tf-19", "tf-24")))
        f = find(self.findings, "bdt-single-referent", "referents")
        self.assertEqual((f.kind, f.target, f.value, f.status, f.territories),
                         ("referent-per-territory", 26, 23, "partial", ("tf-01", "tf-02", "tf-03")))

    def test_missed(self):
        f = find(self.findings, "bf-priority-territories", "designations:reinforced", 2021)
        self.assertEqual(f, (BF, "bf-priority-territories", "yearly-target", 2021,
                             "designations:reinforced", 5, 0, "missed", ()))
        f = find(self.findings, "bpi-single-referent", "referents")
        self.assertEqual((f.status, f.value, len(f.territories)), ("missed", 0, 26))

    def test_not_measurable(self):
        f = find(self.findings, "pe-formadiag", "none")
        self.assertEqual(f, ("conv-2019-pole-emploi", "pe-formadiag", "tool", None, "none",
                             None, 0, "not-measurable", ()))
        self.assertEqual(sorted(f.commitment for f in self.findings if f.status == "not-measurable"),
                         ["bpi-accelerators", "bpi-vte-experiment", "pe-formadiag"])

    def test_pending_and_info(self):
        f = find(self.findings, "bf-priority-territories", "designations:priority", 2022)
        self.assertEqual((f.target, f.value, f.status), (20, 0, "pending"))
        f = find(self.findings, "bdt-equity-envelope", "investment:theme:numérique", 2020)
        self.assertEqual((f.target, f.value, f.status, f.territories), (None, 0, "info", ()))
        f = find(self.findings, "bdt-engineering-envelope", "investment")
        self.assertEqual((f.year, f.target, f.value, f.status), (None, None, 200000, "info"))

    def test_date(self):
        # Before the three Banque des Territoires referents left office, and
        # before 2021 was over.
        findings = self.reg.evaluate(date="2020-06-30")
        self.assertEqual(find(findings, "bdt-single-referent", "referents").status, "met")
        f = find(findings, "bf-priority-territories", "designations:priority", 2021)
        self.assertEqual((f.value, f.status), (17, "pending"))
        self.assertEqual(self.reg.evaluate(DATE), self.findings)   # positional

    def test_year_filter(self):
        for year, count in ((2019, 22), (2020, 21), (2021, 19), (2022, 22), (2018, 11)):
            findings = self.reg.evaluate(date=DATE, year=year)
            self.assertEqual(len(findings), count, year)
            self.assertEqual({f.year for f in findings} - {None}, {year} if count > 11 else set())
            # The whole-period findings are kept whatever the year.
            self.assertEqual(sum(1 for f in findings if f.year is None), 11)
        self.assertEqual(self.reg.evaluate(DATE, 2021),
                         self.reg.evaluate(date=DATE, year=2021))

    def test_phase_filter(self):
        self.assertEqual(self.reg.evaluate(date=DATE, phase=1), self.findings)
        with self.assertRaises(terrind.NotFoundError):
            self.reg.evaluate(date=DATE, phase=2)
        self.reg.add(terrind.Phase(2, "Phase 2", 2023, 2027))
        self.assertEqual(self.reg.evaluate(date=DATE, phase=2), [])
        self.assertEqual(len(self.reg.evaluate(date=DATE, year=2019, phase=1)), 22)

    def test_result_is_a_copy(self):
        self.reg.designations.remove("des-2020-tf-01")
        self.assertEqual(find(self.findings, "bf-priority-territories",
                              "designations:priority", 2020).value, 18)
        self.assertEqual(find(self.reg.evaluate(date=DATE), "bf-priority-territories",
                              "designations:priority", 2020).value, 17)
        self.reg.close()
        self.assertEqual(len(self.findings), 51)
        self.assertEqual(self.findings[0].convention, BDT)


class ArgumentTest(TestCase):
    def test_bad_types(self):
        with demo() as reg:
            for kwargs in ({"date": 20210630}, {"date": b"2021-06-30"}, {"year": "2021"},
                           {"year": 2021.0}, {"year": True}, {"phase": "1"}, {"phase": 1.5},
                           {"colour": "blue"}):
                with self.assertRaises(TypeError, msg=kwargs):
                    reg.evaluate(**kwargs)
            with self.assertRaises(TypeError):
                reg.evaluate(DATE, 2021, 1, 4)
            with self.assertRaises(ValueError):
                reg.evaluate(date="2021-06-30\0")
            for kwargs in ({"year": -1}, {"phase": 2 ** 40}):
                with self.assertRaises(OverflowError, msg=kwargs):
                    reg.evaluate(**kwargs)

    def test_invalid_values(self):
        with demo() as reg:
            for kwargs in ({"date": "2021-02-30"}, {"date": "30/06/2021"}, {"date": ""},
                           {"year": 1899}, {"year": 2201}, {"year": 0}, {"phase": 0}):
                with self.assertRaises(terrind.InvalidValueError, msg=kwargs) as cm:
                    reg.evaluate(**kwargs)
                self.assertEqual(cm.exception.code, 1)
                self.assertIsInstance(cm.exception, ValueError)
            with self.assertRaises(terrind.NotFoundError):
                reg.evaluate(phase=3)

    def test_empty_registry(self):
        self.assertEqual(terrind.Registry().evaluate(), [])

    def test_closed(self):
        reg = demo()
        reg.close()
        with self.assertRaises(terrind.ClosedError):
            reg.evaluate()
        with self.assertRaises(terrind.ClosedError):
            reg.evaluate(date=DATE, year=2021, phase=1)
        # Arguments are converted before the registry is looked at.
        with self.assertRaises(TypeError):
            reg.evaluate(year="2021")


class EvaluateFinalizerTest(test_finalizers.FinalizerTestCase):
    """A __del__ that closes the registry, or removes what is measured,
    at every garbage collection inside evaluate()."""

    def run_with(self, make, action_of):
        """The call returns the findings of the registry as it was before
        the finalizer ran, or after (it may run before evaluate() starts,
        while its arguments are made), or raises ClosedError."""
        with make() as reg:
            before = reg.evaluate(date=DATE)
            test_finalizers.quietly(action_of(reg))()
            after = reg.evaluate(date=DATE) if not reg.closed else None

        def setup():
            reg = make()
            return reg, test_finalizers.quietly(action_of(reg))

        def check(reg, result):
            if isinstance(result, BaseException):
                self.assertIsInstance(result, terrind.ClosedError)
            elif result != before:
                self.assertEqual(result, after)
        self.explode_inside(setup, lambda reg: reg.evaluate(date=DATE), check)
        return before, after

    def test_close_during_evaluate(self):
        before, after = self.run_with(records_registry, test_finalizers.closing)
        self.assertEqual((len(before), after), (24, None))

    def test_remove_during_evaluate(self):
        before, after = self.run_with(records_registry,
                                      test_finalizers.removing("designations", "d-1"))
        self.assertEqual(find(before, "bf-priority", "designations:priority", 2020).value, 1)
        self.assertEqual(find(after, "bf-priority", "designations:priority", 2020).value, 0)
        self.run_with(records_registry,
                      test_finalizers.removing("territories", "ti-a", "ti-b", cascade=True))

    def test_close_during_evaluate_of_the_demo(self):
        before, _ = self.run_with(demo, test_finalizers.closing)
        self.assertEqual(len(before), 51)

if __name__ == "__main__":
    unittest.main()
