# SPDX-License-Identifier: LGPL-2.1-or-later
"""The real signatures are those of the type stubs.

Every function and method the stubs (terrind/__init__.pyi, next to the
package) declare is looked up in the module, and its signature, which
inspect reads from the C docstring's text signature, is compared with the
stub's, parameter by parameter: the same names (except positional-only
ones), the same kinds (positional-only, either, keyword-only, *args,
**kwargs) and the same optional ones. So a keyword the stub shows is one
the method takes. A few calls with keywords check that the text signatures
tell the truth.
"""

import ast
import inspect
import os
import unittest

import terrind
import terrind_testutil  # noqa: F401  (the package under test)

STUB = os.path.join(os.path.dirname(terrind.__file__), "__init__.pyi")
P = inspect.Parameter


def stub_parameters(function):
    """The stub's parameters: a list of (name, kind, optional)."""
    args = function.args
    result = []
    positional = list(args.posonlyargs) + list(args.args)
    defaults = [None] * (len(positional) - len(args.defaults)) + list(args.defaults)
    for i, (arg, default) in enumerate(zip(positional, defaults)):
        kind = P.POSITIONAL_ONLY if i < len(args.posonlyargs) else P.POSITIONAL_OR_KEYWORD
        result.append((arg.arg, kind, default is not None))
    if args.vararg is not None:
        result.append((args.vararg.arg, P.VAR_POSITIONAL, True))
    for arg, default in zip(args.kwonlyargs, args.kw_defaults):
        result.append((arg.arg, P.KEYWORD_ONLY, default is not None))
    if args.kwarg is not None:
        result.append((args.kwarg.arg, P.VAR_KEYWORD, True))
    return result


def merge_overloads(overloads):
    """One parameter list for overloads: the longest, in which a parameter
    that some overload lacks is optional."""
    lists = [stub_parameters(f) for f in overloads]
    longest = max(lists, key=len)
    shortest = min(len(x) for x in lists)
    return [(name, kind, optional or i >= shortest) for i, (name, kind, optional) in enumerate(longest)]


def real_parameters(obj):
    result = []
    for p in inspect.signature(obj).parameters.values():
        result.append((p.name, p.kind, p.default is not P.empty or
                       p.kind in (P.VAR_POSITIONAL, P.VAR_KEYWORD)))
    return result


def decorators(function):
    return {d.id for d in function.decorator_list if isinstance(d, ast.Name)}


def functions_of(body):
    """{name: [FunctionDef, ...]} of a module's or a class's body."""
    found = {}
    for node in body:
        if isinstance(node, ast.FunctionDef):
            found.setdefault(node.name, []).append(node)
    return found


class StubSignatureTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        with open(STUB, encoding="utf-8") as f:
            cls.tree = ast.parse(f.read(), STUB)

    def compare(self, where, stub, real):
        self.assertEqual(len(stub), len(real), "%s: stub %s, real %s" % (where, stub, real))
        for s, r in zip(stub, real):
            self.assertEqual(s[1], r[1], "%s: kind of %s (real %s)" % (where, s[0], r[0]))
            if s[1] != P.POSITIONAL_ONLY:
                self.assertEqual(s[0], r[0], "%s: name" % where)
            self.assertEqual(s[2], r[2], "%s: is %s optional" % (where, s[0]))

    def check(self, where, overloads, real, bound):
        """Compares the stub's overloads with real; @bound when real's
        signature has no self (or cls), which the stub's first is."""
        if len(overloads) > 1:
            stub = merge_overloads(overloads)
        else:
            stub = stub_parameters(overloads[0])
        with self.subTest(where):
            real_list = real_parameters(real)
            stub = stub[1:]
            if not bound:
                # An unbound method: its text signature's $self.
                self.assertEqual(real_list[:1], [("self", P.POSITIONAL_ONLY, False)], where)
                real_list = real_list[1:]
            self.compare(where, stub, real_list)

    def test_module_functions(self):
        for name, overloads in functions_of(self.tree.body).items():
            with self.subTest(name):
                self.compare(name, stub_parameters(overloads[0]),
                             real_parameters(getattr(terrind, name)))

    def test_every_stub_method(self):
        checked = 0
        for node in self.tree.body:
            if not isinstance(node, ast.ClassDef):
                continue
            cls = getattr(terrind, node.name)
            for name, overloads in functions_of(node.body).items():
                where = "%s.%s" % (node.name, name)
                marks = decorators(overloads[0])
                if "property" in marks:
                    self.assertTrue(hasattr(cls, name), where)
                elif node.name == "Finding" and name == "__new__":
                    # A struct sequence: inspect cannot read it, so call it.
                    f = terrind.Finding(sequence=tuple(range(cls.n_fields)), dict={})
                    self.assertEqual(f.value, 6)
                elif name == "__init__":
                    # What calling the class takes.
                    self.check(where, overloads, cls, True)
                elif "classmethod" in marks:
                    self.check(where, overloads, getattr(cls, name), True)
                else:
                    self.check(where, overloads, cls.__dict__.get(name, getattr(cls, name)), False)
                checked += 1
        self.assertGreater(checked, 80)


class KeywordCallTest(unittest.TestCase):
    """The keywords are really taken, not only shown."""

    def setUp(self):
        self.reg = terrind.Registry.default()
        self.addCleanup(self.reg.close)

    def test_registry_queries(self):
        reg = self.reg
        self.assertEqual(reg.territories_in_region(region="84"), reg.territories_in_region("84"))
        self.assertEqual(reg.territories_in_phase(phase=1), reg.territories_in_phase(1))
        self.assertEqual(reg.territories_by_anct_id(anct_id="ti-8401"),
                         reg.territories_by_anct_id("ti-8401"))
        self.assertEqual(reg.related_territories(territory="ti-8401"),
                         reg.related_territories("ti-8401"))
        self.assertEqual(reg.conventions_of_operator(operator="bpifrance"),
                         reg.conventions_of_operator("bpifrance"))
        self.assertEqual(reg.referents_of_territory(territory="ti-8401"),
                         reg.referents_of_territory("ti-8401"))
        self.assertEqual(reg.referents_of_operator(operator="bpifrance"),
                         reg.referents_of_operator("bpifrance"))
        member = reg.territories["ti-8401"].members[0][0]
        self.assertEqual(reg.find_territory_by_member(siren=member),
                         reg.find_territory_by_member(member))
        self.assertEqual(reg.territories_by_member(siren=member), reg.territories_by_member(member))
        self.assertIsNone(reg.get_commitment(id="no-such-commitment"))
        with self.assertRaises(TypeError):
            reg.territories_in_region(code="84")

    def test_entities_and_collections(self):
        reg = terrind.Registry()
        self.addCleanup(reg.close)
        reg.add(entity=terrind.Region("84", "Auvergne-Rhône-Alpes"))
        territory = terrind.Territory(id="ti-8401", name="Arve", region="84")
        reg.territories.add(entity=territory)
        territory.add_member("200000172")
        self.assertTrue(territory.has_member(siren="200000172"))
        territory.remove_member(siren="200000172")
        self.assertFalse(territory.has_member("200000172"))
        self.assertEqual(reg.territories.get(id="nope", default=3), 3)
        with reg.transaction() as tx:
            tx.set(kind="territory", id="ti-8401", field="name", value="Vallée de l'Arve")
        self.assertEqual(territory.name, "Vallée de l'Arve")


if __name__ == "__main__":
    unittest.main()
