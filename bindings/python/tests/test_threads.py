# SPDX-License-Identifier: LGPL-2.1-or-later
"""Threads: import and export release the GIL; a busy registry refuses other threads."""

import threading
import unittest

import terrind
from terrind_testutil import TestCase, big_document, small_registry

N_REFERENTS = 20000


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

    def test_busy_registry_refuses_other_threads(self):
        outcomes = {"busy": 0, "close refused": 0}
        for _ in range(20):
            reg = terrind.Registry.from_string(self.document)
            done = threading.Event()
            exported = []

            def export():
                exported.append(reg.to_bytes())
                done.set()

            worker = threading.Thread(target=export)
            worker.start()
            while not done.is_set():
                try:
                    len(reg.referents)
                    reg.territories["ti-000001"].name
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
                self.assertEqual(len(reg.referents), N_REFERENTS)
                self.assertEqual(exported[0], reg.to_bytes())
            if outcomes["close refused"]:
                break
        self.assertGreater(outcomes["busy"], 0)
        self.assertGreater(outcomes["close refused"], 0)

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
        reg = small_registry()
        errors = []

        def read():
            try:
                for _ in range(200):
                    for t in reg.territories:
                        t.name
                    reg.referent_for("bpifrance", "ti-8401")
                    reg.to_string()
            except terrind.BusyError:
                pass  # another reader was exporting
            except Exception as e:  # reported below
                errors.append(e)

        threads = [threading.Thread(target=read) for _ in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        self.assertEqual(errors, [])


if __name__ == "__main__":
    unittest.main()
