#!/usr/bin/env python3
# test-introspection.py: libterrind through GObject Introspection
#
# Copyright (C) 2026 The libterrind authors
# SPDX-License-Identifier: LGPL-2.1-or-later
#
# Loads Terrind-1.typelib through PyGObject, from GI_TYPELIB_PATH and
# LD_LIBRARY_PATH (the build tree under "make check", the installed tree
# under "make installcheck"), and reads the default registry as a script
# would. Speaks TAP.

import sys
import traceback

checks = []


def check(function):
    checks.append(function)
    return function


@check
def default_registry():
    """the issue's line: Registry.new_default().get_n_territories()"""
    import gi
    gi.require_version('Terrind', '1')
    from gi.repository import Terrind
    n = Terrind.Registry.new_default().get_n_territories()
    assert n == 149 + 183, n


@check
def listings_are_typed():
    """list_territories() returns Territory objects, sorted by id"""
    from gi.repository import Terrind
    registry = Terrind.Registry.new_default()
    territories = registry.list_territories()
    assert len(territories) == registry.get_n_territories()
    ids = [t.get_id() for t in territories]
    assert ids == sorted(ids)
    assert isinstance(territories[0], Terrind.Territory)
    assert territories[0].get_registry() is not None


@check
def entities_outlive_their_wrappers():
    """a boxed entity keeps its own reference once the registry is gone"""
    from gi.repository import Terrind
    region = Terrind.Registry.new_default().get_region('84')
    assert region.get_name() == 'Auvergne-Rhône-Alpes', region.get_name()


@check
def errors_are_glib_errors():
    """a failure raises GLib.Error in the TERRIND_ERROR domain"""
    from gi.repository import GLib, Terrind
    try:
        Terrind.Registry.new_from_data(b'<registry')
    except GLib.Error as e:
        assert e.matches(Terrind.error_quark(), Terrind.Error.PARSE), e
    else:
        raise AssertionError('no error raised')


@check
def enums_and_flags():
    """enumerations and flags have GTypes and nicks"""
    from gi.repository import GObject, Terrind
    assert Terrind.Status.to_string(Terrind.Status.NOT_MEASURABLE) == 'not-measurable'
    assert GObject.type_name(Terrind.FieldFlags.__gtype__) == 'TerrindFieldFlags'
    flags = Terrind.FieldFlags.KEY | Terrind.FieldFlags.REQUIRED
    assert flags & Terrind.FieldFlags.KEY


@check
def evaluation():
    """an evaluation of the default registry has findings"""
    from gi.repository import Terrind
    options = Terrind.EvaluationOptions.new()
    options.set_date('2024-01-01')
    evaluation = Terrind.Registry.new_default().evaluate(options)
    assert evaluation.get_n_findings() > 0
    assert evaluation.get_date() == '2024-01-01'


@check
def model():
    """the model's kinds and fields are readable"""
    from gi.repository import Terrind
    kinds = [k.get_name() for k in Terrind.model_get_kinds()]
    assert 'territory' in kinds, kinds
    kind = Terrind.model_lookup_kind('territory')
    assert kind.get_key().get_name() == 'id'


def main():
    print('1..%d' % len(checks))
    failed = 0
    for n, function in enumerate(checks, 1):
        try:
            function()
            print('ok %d - %s' % (n, function.__doc__))
        except Exception:
            failed = 1
            print('not ok %d - %s' % (n, function.__doc__))
            for line in traceback.format_exc().splitlines():
                print('# ' + line)
    return failed


if __name__ == '__main__':
    sys.exit(main())
