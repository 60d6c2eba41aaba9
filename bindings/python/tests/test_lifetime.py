# SPDX-License-Identifier: LGPL-2.1-or-later
"""Ownership: no release order, gc pass or interpreter shutdown touches freed memory."""

import gc
import itertools
import os
import subprocess
import sys
import textwrap
import unittest
import weakref

import terrind
from terrind_testutil import TestCase, small_registry


def make_objects():
    """Every kind of object the binding hands out, all tied to one registry."""
    reg = small_registry()
    convention = reg.conventions["conv-bpi"]
    return {
        "registry": reg,
        "territories": reg.territories,
        "territory": reg.territories["ti-8401"],
        "convention": convention,
        "commitments": convention.commitments,
        "commitment": convention.commitments["bpi-access"],
        "iterator": iter(reg.referents),
        "referent": reg.referents["ref-1"],
    }


def use(obj):
    """Touch an object the way a script would; closed ones must raise cleanly."""
    try:
        if isinstance(obj, terrind.Registry):
            return obj.to_string()
        if isinstance(obj, terrind.Collection):
            return [repr(x) for x in obj.values()]
        if isinstance(obj, terrind.CollectionIterator):
            return obj.__length_hint__()
        return repr(obj) + str(obj.id)
    except terrind.ClosedError:
        return None


class ReleaseOrderTest(TestCase):
    def test_every_order(self):
        names = ["registry", "territories", "territory", "commitments", "commitment", "iterator"]
        for order in itertools.permutations(names):
            objects = make_objects()
            for name in order:
                del objects[name]
                for remaining in objects.values():
                    use(remaining)
            gc.collect()

    def test_every_order_after_close(self):
        names = ["registry", "convention", "commitments", "commitment", "referent"]
        for order in itertools.permutations(names):
            objects = make_objects()
            objects["registry"].close()
            for name in order:
                del objects[name]
                for remaining in objects.values():
                    use(remaining)
            gc.collect()

    def test_child_keeps_registry_alive(self):
        territory = small_registry().territories["ti-8401"]
        commitment = small_registry().conventions["conv-bpi"].commitments["bpi-referent"]
        gc.collect()
        self.assertEqual(territory.name, "Vallée de l'Arve")
        self.assertEqual(commitment.kind, "referent-per-territory")

    def test_removed_entity_stays_valid(self):
        reg = small_registry()
        referent = reg.referents["ref-1"]
        commitment = reg.get_commitment("bpi-access")
        reg.referents.remove("ref-1")
        reg.conventions.remove("conv-bpi")
        del reg
        gc.collect()
        self.assertEqual(referent.person, "Jeanne Martin")
        self.assertEqual(commitment.text, "Accès aux financements")

    def test_cycles_are_collected(self):
        class Holder:
            pass

        refs = []
        for _ in range(20):
            holder = Holder()
            holder.objects = make_objects()
            holder.objects["holder"] = holder
            holder.objects["territory_again"] = holder.objects["registry"].territories["ti-8402"]
            refs.append(weakref.ref(holder))
        del holder
        gc.collect()
        self.assertEqual([r() for r in refs], [None] * 20)

    def test_gc_is_tracked(self):
        objects = make_objects()
        for name in ("territory", "territories", "iterator", "commitment"):
            self.assertTrue(gc.is_tracked(objects[name]), name)
        self.assertIn(objects["registry"], gc.get_referents(objects["territory"]))


class ModuleStateTest(TestCase):
    def test_second_module_instance_is_independent(self):
        # Multi-phase initialisation: executing the extension again gives a
        # module with its own types and exceptions.
        import importlib.util
        spec = importlib.util.find_spec("terrind._terrind")
        other = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(other)
        self.assertIsNot(other.Registry, terrind.Registry)
        self.assertIsNot(other.Error, terrind.Error)
        reg = other.Registry.default()
        self.assertEqual(len(reg.territories), 332)
        self.assertEqual(len(reg.territories_in_phase(1)), 149)
        self.assertEqual(len(reg.territories_in_phase(2)), 183)
        with self.assertRaises(other.NotFoundError):
            reg.territories.remove("ti-0000")
        with self.assertRaises(TypeError):
            reg.add(terrind.Region("99", "Not from this module"))
        del other, spec
        gc.collect()
        self.assertEqual(reg.territories["ti-8401"].region, "84")
        reg.close()


class ShutdownTest(TestCase):
    def run_script(self, script):
        env = dict(os.environ)
        # "python -c" puts the current directory first on sys.path. In an
        # in-tree build that is the source directory, whose terrind/ has no
        # compiled _terrind: run from an empty directory, so that the
        # package comes from PYTHONPATH like in this process.
        proc = subprocess.run([sys.executable, "-X", "dev", "-c", textwrap.dedent(script)],
                              env=env, cwd=self.tmpdir, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, timeout=120)
        self.assertEqual(proc.returncode, 0, proc.stderr.decode(errors="replace"))
        self.assertEqual(proc.stderr, b"")
        return proc.stdout.decode()

    def test_objects_alive_at_exit(self):
        out = self.run_script("""
            import terrind
            from terrind_testutil import small_registry
            reg = small_registry()
            view = reg.territories
            it = iter(view.values())
            first = next(it)
            conv = reg.conventions["conv-bpi"]
            cycle = [reg, view, it, first, conv, conv.commitments]
            cycle.append(cycle)
            closed = small_registry()
            orphan = closed.referents["ref-1"]
            closed.close()
            print(len(view))
        """)
        self.assertEqual(out, "3\n")

    def test_finalizer_uses_objects_during_shutdown(self):
        self.run_script("""
            import terrind
            from terrind_testutil import small_registry

            class Holder:
                def __init__(self):
                    self.reg = small_registry()
                    self.territory = self.reg.territories["ti-8401"]
                    self.me = self
                def __del__(self):
                    try:
                        repr(self.territory)
                        self.territory.name
                        len(self.reg.territories)
                    except Exception:
                        pass

            holder = Holder()
            del holder
            keep = Holder()
        """)


if __name__ == "__main__":
    unittest.main()
