# SPDX-License-Identifier: LGPL-2.1-or-later
"""Threads: import and export release the GIL; an export lets others read, not write.

No test here depends on how threads happen to be scheduled: an export is
held open by a FIFO nobody reads yet, an import is fed by a Python thread.
"""

import faulthandler
import os
import tempfile
import threading
import unittest

import terrind
from terrind_testutil import TestCase, big_document, small_registry

N_REFERENTS = 20000

# A test whose thread never gets the GIL back would hang; past this many
# seconds the guard below ends the run with every thread's traceback. It
# is a deadlock guard, not a measure of speed: nothing here asserts time.
HANG_GUARD_SECONDS = 900


class HeldExport:
    """Saves a registry into a FIFO from a thread, and holds it open.

    Once __enter__ returns, the exporter has opened the FIFO, so its export
    has begun; it cannot end before finish() drains the FIFO, because the
    document is far larger than a pipe's buffer. What the test does in
    between provably overlaps the export: no timing, no retries.
    """

    def __init__(self, reg):
        self.reg = reg
        self.error = None
        self.dir = tempfile.TemporaryDirectory()
        self.path = os.path.join(self.dir.name, "export.xml")
        os.mkfifo(self.path)
        self.worker = threading.Thread(target=self._save)

    def _save(self):
        try:
            self.reg.save(self.path)
        except BaseException as e:  # raised again by finish()
            self.error = e
            # The export failed before opening the FIFO: let __enter__'s
            # open() return, so that finish() can report the error.
            try:
                os.close(os.open(self.path, os.O_WRONLY | os.O_NONBLOCK))
            except OSError:
                pass

    def __enter__(self):
        self.worker.start()
        self.pipe = open(self.path, "rb")
        return self

    def finish(self):
        data = self.pipe.read()
        self.pipe.close()
        self.worker.join()
        if self.error is not None:
            raise self.error
        return data

    def __exit__(self, *exc):
        if not self.pipe.closed:
            self.finish()
        self.dir.cleanup()


class GilTest(TestCase):
    @classmethod
    def setUpClass(cls):
        cls.document = big_document(N_REFERENTS)
        faulthandler.dump_traceback_later(HANG_GUARD_SECONDS, exit=True)

    @classmethod
    def tearDownClass(cls):
        faulthandler.cancel_dump_traceback_later()

    def test_import_releases_the_gil(self):
        # The document reaches the importer through a FIFO, written by a
        # Python thread: the import cannot end before that thread has run
        # Python code many times, which it can only do if the import
        # released the GIL (otherwise: a deadlock, ended by the guard).
        data = self.document.encode()
        with tempfile.TemporaryDirectory() as d:
            path = os.path.join(d, "import.xml")
            os.mkfifo(path)
            chunks = []

            def feed():
                with open(path, "wb") as f:
                    for i in range(0, len(data), 4096):
                        chunks.append(f.write(data[i:i + 4096]))

            writer = threading.Thread(target=feed)
            writer.start()
            reg = terrind.Registry.load(path)
            writer.join()
        self.assertEqual(sum(chunks), len(data))
        self.assertEqual(len(reg.referents), N_REFERENTS)

    def test_export_refuses_writers(self):
        reg = terrind.Registry.from_string(self.document)
        territory = reg.territories["ti-000001"]
        with HeldExport(reg) as export:
            with self.assertRaises(terrind.BusyError):
                territory.name = "Renommé"
            with self.assertRaises(terrind.BusyError):
                reg.close()
            with self.assertRaises(terrind.BusyError):
                reg.territories.remove("ti-000002")
            data = export.finish()
        self.assertIn(b'id="ti-000001"', data)
        # Once the export is over, everything works again.
        territory.name = "Renommé"
        self.assertEqual(reg.territories["ti-000001"].name, "Renommé")
        self.assertEqual(len(reg.referents), N_REFERENTS)
        reg.close()
        self.assertTrue(reg.closed)

    def test_export_lets_readers_read(self):
        reg = terrind.Registry.from_string(self.document)
        region = reg.regions["84"]
        with HeldExport(reg) as export:
            self.assertEqual(len(reg.referents), N_REFERENTS)
            self.assertEqual(region.name, "Auvergne-Rhône-Alpes")
            self.assertEqual(reg.territories["ti-000001"].region, "84")
            self.assertIn("ti-000002", reg.territories)
            self.assertEqual([r.code for r in reg.regions.values()], ["84"])
            self.assertEqual(reg.referent_for("bpifrance", "ti-000001").operator, "bpifrance")
            self.assertEqual(reg, reg)
            repr(reg)
            # Another export is a reader too.
            self.assertEqual(reg.to_bytes()[:5], b"<?xml")
            data = export.finish()
        self.assertEqual(data, reg.to_bytes())

    def test_stale_wrapper_follows_its_entity(self):
        # Two wrappers of one territory of registry a; the territory moves
        # to registry b through one of them. The other still names a as
        # the registry it came from, but writing through it while b is
        # exported must be refused: b's exporter is reading that territory.
        a = small_registry()
        stale = a.territories["ti-8402"]
        moving = a.territories["ti-8402"]
        a.territories.remove("ti-8402")
        b = terrind.Registry.from_string(self.document)
        b.add(moving)
        with HeldExport(b) as export:
            with self.assertRaises(terrind.BusyError):
                stale.name = "Bièvre Isère %s" % ("x" * 200)
            stale.name  # reading it is still fine
            data = export.finish()
        self.assertIn(b'id="ti-8402"', data)
        stale.name = "Bièvre Isère"
        self.assertEqual(b.territories["ti-8402"].name, "Bièvre Isère")
        # a, the registry the stale wrapper came from, is not involved.
        a.close()
        with self.assertRaises(terrind.ClosedError):
            stale.name

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
                    for t in reg.territories.values():
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
