# SPDX-License-Identifier: LGPL-2.1-or-later
"""Finalizers that run inside a binding call never make it touch freed memory.

Any allocation of a Python object can run the garbage collector, and with it
a __del__ that removes the entity being returned, changes it, or closes the
registry. Each test arms such a finalizer for the k-th collection inside one
call, for k = 0, 1, ... until the call is over before the finalizer runs, so
every allocation in the call is tried. The call must then return objects that
work, or raise a clean error: never read freed memory (ASan and valgrind run
these tests too).
"""

import gc
import unittest

import terrind
from terrind_testutil import (SIREN_SHARED, TestCase, phased_registry, records_registry,
                              siren, small_registry)

MAX_COLLECTIONS = 200

# What a call may raise when a finalizer removed what it was after, or
# closed the registry.
CLEAN_ERRORS = (terrind.Error, KeyError, StopIteration)


class Bomb:
    """A garbage cycle whose finalizer runs an action at a chosen gc pass.

    Bomb(k, action) lights a fuse of k collections: each finalizer leaves a
    new Bomb behind for the next pass, the last one runs the action. Each
    also leaves one live object, so that with a threshold of 1 the very next
    allocation of a tracked object runs the next pass: every allocation
    point of the call gets its turn.
    """

    armed = False
    fired = False
    ballast = []

    def __init__(self, fuse, action):
        self.fuse = fuse
        self.action = action
        self.me = self

    def __del__(self):
        if not Bomb.armed:
            return
        if self.fuse > 0:
            Bomb.ballast.append([])
            Bomb(self.fuse - 1, self.action)
            return
        Bomb.armed = False
        Bomb.fired = True
        try:
            self.action()
        except terrind.Error:
            pass  # already removed, or closed: the call is what is tested


def quietly(*actions):
    """An action that runs each of actions, ignoring terrind errors."""
    def run():
        for action in actions:
            try:
                action()
            except terrind.Error:
                pass
    return run



def touch(result):
    """Uses a result the way a script would; a closed registry may say so."""
    if isinstance(result, dict):
        for key, value in result.items():
            assert isinstance(key, str)
            touch(value)
    elif isinstance(result, (list, tuple)):
        for item in result:
            touch(item)
    elif isinstance(result, (str, int)) or result is None:
        pass
    elif isinstance(result, BaseException):
        assert isinstance(result, CLEAN_ERRORS), repr(result)
    else:
        try:
            repr(result)
            getattr(result, "code" if isinstance(result, terrind.Region)
                    else "number" if isinstance(result, terrind.Phase) else "id")
        except terrind.ClosedError:
            pass


class FinalizerTestCase(TestCase):
    def explode_inside(self, setup, call, check=None):
        """For every gc pass inside call(ctx), runs the action of setup() there.

        setup() returns (ctx, action); check(ctx, result) looks at what the
        call returned (or the clean error it raised).
        """
        for fuse in range(MAX_COLLECTIONS):
            ctx, action = setup()
            gc.collect()
            threshold = gc.get_threshold()
            Bomb.fired = False
            Bomb.armed = True
            Bomb(fuse, action)
            gc.set_threshold(1)
            try:
                result = call(ctx)
            except CLEAN_ERRORS as e:
                result = e
            finally:
                # No allocation before the bomb is disarmed.
                Bomb.armed = False
                fired = Bomb.fired
                gc.set_threshold(*threshold)
                Bomb.ballast.clear()
            touch(result)
            if check is not None:
                check(ctx, result)
            del ctx, action, result
            gc.collect()
            if not fired:
                break
        else:
            self.fail("the call never ended before its finalizer ran")
        # At least one collection ran inside the call, or nothing was tested.
        self.assertGreater(fuse, 0)

    def explode_each(self, call, *actions, make=small_registry):
        """explode_inside() for call(reg) once per action(reg), on a new registry."""
        for action_of in actions:
            def setup():
                reg = make()
                return reg, quietly(action_of(reg))
            self.explode_inside(setup, call)


def closing(reg):
    return reg.close


def removing(collection, *ids, cascade=False):
    """An action maker: removes these ids (an id that is gone is skipped)."""
    def action_of(reg):
        def run():
            for i in ids:
                try:
                    getattr(reg, collection).remove(i, **({"cascade": True} if cascade else {}))
                except terrind.Error:
                    pass
        return run
    return action_of


# Computed once: the calls under test must not run Python code of their own.
MEMBER = siren(20000017)
OTHER_MEMBER = siren(20000041)


def registry_with_territory():
    reg = terrind.Registry()
    reg.add(terrind.Region("84", "ARA"))
    reg.add(terrind.Territory("ti-8401", "X" * 200, "84", members=[MEMBER]))
    return reg


class LookupTest(FinalizerTestCase):
    """Lookups: the entity found is removed, or its registry closed."""

    def lookup(self, call, action_of):
        def setup():
            reg = registry_with_territory()
            return {"reg": reg, "col": reg.territories}, action_of(reg)

        def check(ctx, result):
            if isinstance(result, terrind.Territory):
                try:
                    self.assertEqual(result.name, "X" * 200)
                except terrind.ClosedError:
                    pass
        self.explode_inside(setup, call, check)

    def test_getitem_while_removed(self):
        self.lookup(lambda ctx: ctx["col"]["ti-8401"],
                    lambda reg: lambda: reg.territories.remove("ti-8401"))

    def test_getitem_while_closed(self):
        self.lookup(lambda ctx: ctx["col"]["ti-8401"], lambda reg: reg.close)

    def test_get_while_removed(self):
        self.lookup(lambda ctx: ctx["col"].get("ti-8401"),
                    lambda reg: lambda: reg.territories.remove("ti-8401"))

    def test_find_territory_by_member(self):
        self.lookup(lambda ctx: ctx["reg"].find_territory_by_member(MEMBER),
                    lambda reg: lambda: reg.territories.remove("ti-8401"))
        self.lookup(lambda ctx: ctx["reg"].find_territory_by_member(MEMBER),
                    lambda reg: reg.close)

    def test_referent_for(self):
        self.explode_each(lambda reg: reg.referent_for("bpifrance", "ti-8401"),
                          removing("referents", "ref-1"), closing)

    def test_designations_listing(self):
        self.explode_each(lambda reg: list(reg.designations.values()),
                          removing("territories", "ti-a", cascade=True), closing,
                          make=records_registry)

    def test_get_commitment(self):
        self.explode_each(lambda reg: reg.get_commitment("bpi-access"),
                          removing("conventions", "conv-bpi"), closing)

    def test_commitments_view(self):
        def setup():
            reg = small_registry()
            conv = reg.conventions["conv-bpi"]

            def remove():
                conv.commitments.remove("bpi-access")
                reg.conventions.remove("conv-bpi")
            return conv, quietly(remove)
        self.explode_inside(setup, lambda conv: conv.commitments["bpi-access"])


class ListingTest(FinalizerTestCase):
    """Queries that build a list: their elements are removed, or the registry closed."""

    def listing(self, call):
        self.explode_each(call, removing("referents", "ref-1"),
                          removing("conventions", "conv-bpi"),
                          removing("territories", "ti-8401", "ti-8402", "ti-1101", cascade=True),
                          closing)

    def test_territories_in_region(self):
        self.listing(lambda reg: reg.territories_in_region("84"))

    def test_conventions_of_operator(self):
        self.listing(lambda reg: reg.conventions_of_operator("bpifrance"))

    def test_referents_of_territory(self):
        self.listing(lambda reg: reg.referents_of_territory("ti-8401"))

    def test_referents_of_operator(self):
        self.listing(lambda reg: reg.referents_of_operator("bpifrance"))

    def test_territories_without_referent(self):
        self.listing(lambda reg: reg.territories_without_referent("pole-emploi"))

    def test_coverage(self):
        self.listing(lambda reg: reg.coverage())
        self.listing(lambda reg: reg.coverage(region="84"))


class IteratorTest(FinalizerTestCase):
    def test_iterate(self):
        for listing in (lambda reg: list(reg.territories),
                        lambda reg: list(reg.territories.values()),
                        lambda reg: list(reg.territories.items()),
                        lambda reg: reg.territories == dict(reg.territories)):
            self.explode_each(listing,
                              removing("territories", "ti-1101", "ti-8401", "ti-8402",
                                       cascade=True),
                              closing)

    def test_next_while_exhausted(self):
        # The finalizer empties the iterator (which drops its references)
        # and the registry: only the element being returned may hold it.
        def setup():
            reg = small_registry()
            it = iter(reg.territories.values())

            def exhaust():
                list(it)
                reg.territories.remove("ti-1101")
            return it, quietly(exhaust)

        def check(it, result):
            if isinstance(result, terrind.Territory):
                self.assertEqual(result.name, "Grand Roissy")
        self.explode_inside(setup, next, check)


class AddTest(FinalizerTestCase):
    def test_add(self):
        self.explode_each(lambda reg: reg.add(terrind.Territory("ti-8403", "T", "84")),
                          removing("territories", "ti-8401", "ti-8402", cascade=True), closing)
        self.explode_each(lambda reg: reg.territories.add(
            terrind.Territory("ti-8403", "T", "84", members=[OTHER_MEMBER])),
            removing("territories", "ti-8401", "ti-8402", cascade=True), closing)

    def test_add_commitment(self):
        def add(reg):
            conv = reg.conventions["conv-bpi"]
            conv.commitments.add(terrind.Commitment("bpi-new", "tool", "Un outil"))
        self.explode_each(add, removing("conventions", "conv-bpi"), closing)

    def test_convention_rollback_while_list_changes(self):
        # A duplicate makes the constructor roll back; raising the error
        # runs the finalizer, which empties the caller's list.
        def setup():
            commitments = [terrind.Commitment("c%d" % i, "tool", "t") for i in range(30)]
            commitments.append(terrind.Commitment("c0", "tool", "duplicate"))
            return commitments, commitments.clear

        def check(commitments, result):
            # The list may be emptied before the constructor copies it.
            self.assertIsInstance(result, (terrind.DuplicateError, terrind.Convention))
        self.explode_inside(setup, lambda commitments: terrind.Convention(
            "conv", "op", "2019-03-05", commitments=commitments), check)


class StringsTest(FinalizerTestCase):
    """Tuples of strings read from an entity that a finalizer changes."""

    MEMBERS = [siren(30000000 + 13 * i) for i in range(40)]
    SORTED = tuple(sorted(MEMBERS))

    def test_members_while_removed(self):
        def setup():
            reg = small_registry()
            territory = terrind.Territory("ti-8409", "T", "84", members=self.MEMBERS)
            reg.add(territory)

            def remove_all():
                for s in self.MEMBERS:
                    territory.remove_member(s)
            return territory, quietly(remove_all)

        def check(territory, result):
            self.assertIn(result, (self.SORTED, ()))
        self.explode_inside(setup, lambda territory: territory.members, check)

    def test_pairs_while_grown(self):
        def setup():
            op = terrind.Operator("op", "Name", former_names=["F%d" % i for i in range(40)])
            return op, quietly(*[(lambda i: lambda: op.rename("R%d" % i))(i) for i in range(40)])
        self.explode_inside(setup, lambda op: op.former_names)

    def test_repr_while_renamed(self):
        def setup():
            reg = registry_with_territory()
            territory = reg.territories["ti-8401"]

            def rename():
                territory.name = "Y" * 300
            return territory, quietly(rename)

        # Since 1.1 repr() reads every field into C memory and makes one
        # str at the end: no finalizer can run while it reads.
        territory, _ = setup()
        result = repr(territory)
        self.assertTrue("X" * 200 in result, result)
        self.assertEqual(eval(result, {"terrind": terrind}), territory)



class PhaseQueryTest(FinalizerTestCase):
    """The queries across phases: what they list is removed, or the
    registry closed, by a finalizer inside the call."""

    def test_related_territories(self):
        self.explode_each(lambda reg: reg.related_territories("ti-0101"),
                          removing("territories", "p2-ti-0101"), closing,
                          make=phased_registry)

    def test_territories_by_member(self):
        self.explode_each(lambda reg: reg.territories_by_member(SIREN_SHARED),
                          removing("territories", "ti-0101", "p2-ti-0101"), closing,
                          make=phased_registry)

    def test_territories_by_anct_id(self):
        self.explode_each(lambda reg: reg.territories_by_anct_id("ti-0101"),
                          removing("territories", "ti-0101", "p2-ti-0101"), closing,
                          make=phased_registry)

    def test_territories_in_phase(self):
        self.explode_each(lambda reg: reg.territories_in_phase(1),
                          removing("territories", "ti-0101", "ti-0102"), closing,
                          make=phased_registry)

    def test_find_territory_by_anct_id(self):
        self.explode_each(lambda reg: reg.find_territory_by_anct_id("ti-0101", 2),
                          removing("territories", "p2-ti-0101"), closing,
                          make=phased_registry)

    def test_phase_on(self):
        self.explode_each(lambda reg: reg.phase_on("2024-05-01"),
                          removing("phases", "2"), closing, make=phased_registry)

    def test_phases_getitem(self):
        self.explode_each(lambda reg: reg.phases[2], removing("phases", "2"), closing,
                          make=phased_registry)

if __name__ == "__main__":
    unittest.main()
