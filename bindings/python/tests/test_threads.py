# SPDX-License-Identifier: LGPL-2.1-or-later
"""Threads: import and export release the GIL; an export lets others read, not write."""

import threading
import unittest

import terrind
from terrind_testutil import TestCase, big_document, small_registry

N_REFERENTS = 20000


ATTEMPTS = 50


class Exporter(threading.Thread):
    """Exports a registry once, with the GIL released."""

    def __init__(self, reg):
        super().__init__()
        self.reg = reg
        self.done = threading.Event()
        self.data = None

    def run(self):
        try:
            self.data = self.reg.to_bytes()
        finally:
            self.done.set()


class Counter(threading.Thread):
    """Counts as fast as it can until stopped: proof that it got to run."""

    def __init__(self):
        super().__init__(daemon=True)
        self.count = 0
        self.stop = threading.Event()

    def run(self):
        while not self.stop.is_set():
            self.count += 1


class GilTest(TestCase):
    @classmethod
    def setUpClass(cls):
        cls.document = big_document(N_REFERENTS)

    def test_import_releases_the_gil(self):
        counter = Counter()
        counter.start()
        try:
            for _ in range(10):
                before = counter.count
                # Nothing in this call runs Python code: the counter can only
                # move if the GIL was released.
                reg = terrind.Registry.from_string(self.document)
                if counter.count > before:
                    break
        finally:
            counter.stop.set()
            counter.join()
        self.assertGreater(counter.count, before)
        self.assertEqual(len(reg.referents), N_REFERENTS)

    def test_export_refuses_writers(self):
        outcomes = {"busy": 0, "close refused": 0}
        for _ in range(ATTEMPTS):
            reg = terrind.Registry.from_string(self.document)
            territory = reg.territories["ti-000001"]
            worker = Exporter(reg)
            worker.start()
            while not worker.done.is_set():
                try:
                    territory.name = "Renommé"
                except terrind.BusyError:
                    outcomes["busy"] += 1
                    try:
                        reg.close()
                    except terrind.BusyError:
                        outcomes["close refused"] += 1
                    else:
                        break  # the export ended in between: the close was right
            worker.join()
            if not reg.closed:
                # Once the export is over, everything works again.
                territory.name = "Renommé"
                self.assertEqual(len(reg.referents), N_REFERENTS)
                self.assertIsNotNone(worker.data)
            if outcomes["close refused"]:
                break
        self.assertGreater(outcomes["busy"], 0)
        self.assertGreater(outcomes["close refused"], 0)

    def test_export_lets_readers_read(self):
        # A write to the registry is refused exactly while an export runs:
        # it tells the reads that follow that they overlap the export.
        reg = terrind.Registry.from_string(self.document)
        region = reg.regions["84"]
        overlapped = 0
        refused = []
        for _ in range(ATTEMPTS):
            worker = Exporter(reg)
            worker.start()
            while not worker.done.is_set():
                try:
                    region.name = "Auvergne-Rhône-Alpes"
                    continue
                except terrind.BusyError:
                    overlapped += 1
                try:
                    self.assertEqual(len(reg.referents), N_REFERENTS)
                    self.assertEqual(region.name, "Auvergne-Rhône-Alpes")
                    self.assertEqual(reg.territories["ti-000001"].region, "84")
                    self.assertIn("ti-000002", reg.territories)
                    self.assertEqual([r.code for r in reg.regions], ["84"])
                    self.assertEqual(reg.referent_for("bpifrance", "ti-000001").operator, "bpifrance")
                    self.assertEqual(reg, reg)
                    repr(reg)
                except terrind.BusyError as e:
                    refused.append(e)
            worker.join()
            if overlapped:
                break
        self.assertEqual(refused, [])
        self.assertGreater(overlapped, 0)

    def test_stale_wrapper_follows_its_entity(self):
        # Two wrappers of one territory of registry a; the territory moves
        # to registry b through one of them. The other still names a as
        # the registry it came from, but writing through it while b is
        # exported must be refused: b's exporter is reading that territory.
        outcomes = {"busy": 0, "written": 0}
        for attempt in range(ATTEMPTS):
            a = small_registry()
            stale = a.territories["ti-8402"]
            moving = a.territories["ti-8402"]
            a.territories.remove("ti-8402")
            b = terrind.Registry.from_string(self.document)
            b.add(moving)
            worker = Exporter(b)
            worker.start()
            n = 0
            while not worker.done.is_set():
                n += 1
                try:
                    stale.name = "Bièvre Isère %d %s" % (n, "x" * 200)
                    outcomes["written"] += 1
                except terrind.BusyError:
                    outcomes["busy"] += 1
                    stale.name  # reading it is still fine
            worker.join()
            self.assertIn(b'id="ti-8402"', worker.data)
            stale.name = "Bièvre Isère"
            self.assertEqual(b.territories["ti-8402"].name, "Bièvre Isère")
            # a, the registry the stale wrapper came from, is not involved.
            a.close()
            with self.assertRaises(terrind.ClosedError):
                stale.name
            if outcomes["busy"]:
                break
        self.assertGreater(outcomes["busy"], 0)

    def test_concurrent_imports(self):
        results = []
        errors = []

        def load(i):
            try:
                with terrind.Registry.from_string(big_document(1000 + 4 * i)) as reg:
                    results.append(len(reg.referents))
            except Exception as e:  # reported below
                errors.append(e)

        threads = [threading.Thread(target=load, args=(i,)) for i in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        self.assertEqual(errors, [])
        self.assertEqual(sorted(results), [1000, 1004, 1008, 1012])

    def test_concurrent_readers(self):
        # Exports are readers too: several may run at once, while others read.
        reg = small_registry()
        errors = []

        def read():
            try:
                for _ in range(200):
                    for t in reg.territories:
                        t.name
                    reg.referent_for("bpifrance", "ti-8401")
                    reg.to_string()
            except Exception as e:  # reported below, BusyError included
                errors.append(e)

        threads = [threading.Thread(target=read) for _ in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        self.assertEqual(errors, [])


if __name__ == "__main__":
    unittest.main()
