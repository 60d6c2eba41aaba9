# SPDX-License-Identifier: LGPL-2.1-or-later
"""Python binding of libterrind, the Territoires d'industrie registry.

The registry keeps territories, public operators, conventions de
mobilisation with their commitments, and referents, and checks them: ids
are unique, references resolve, values are well formed, and an operator
names at most one referent per territory.

>>> import terrind
>>> with terrind.Registry.default() as reg:
...     missing = reg.territories_without_referent("bpifrance")
...     findings = reg.evaluate(date="2021-06-30")   # a list of terrind.Finding

Ownership: every object holds what it needs, so objects can be released in
any order. Once a registry is closed, it and every object reached through
it raise ClosedError. Entities made with their constructors belong to
nothing until added with Registry.add() or a collection's add().

Collections (reg.territories, convention.commitments...) are
collections.abc.Mapping objects from ids (a phase's number) to entities:
iterating one yields the ids, as iterating a dict yields its keys (since
1.1; use .values() for the entities).

Threads: a registry may be read from several threads. Import and export
run with the GIL released; while a registry is being exported, other
threads may still read it, but get BusyError if they change it.
"""

import collections.abc as _abc

from . import _terrind
from ._terrind import (  # noqa: F401
    XML_FORMAT_VERSION,
    XML_NAMESPACE,
    ErrorCode,
    TerrindFileNotFoundError,
    TerrindPermissionError,
    BusyError,
    ClosedError,
    Collection,
    CollectionIterator,
    Commitment,
    Convention,
    Designation,
    DuplicateError,
    Error,
    FailedError,
    Finding,
    InUseError,
    InvalidValueError,
    Investment,
    LimitExceededError,
    NotFoundError,
    Operator,
    ParseError,
    Phase,
    Referent,
    Region,
    Registry,
    SchemaError,
    TerrindIOError,
    Territory,
    Transaction,
    UnknownReferenceError,
    UnsupportedVersionError,
    __version__,
    kinds,
)

__all__ = [
    "XML_FORMAT_VERSION",
    "XML_NAMESPACE",
    "ErrorCode",
    "TerrindFileNotFoundError",
    "TerrindPermissionError",
    "BusyError",
    "ClosedError",
    "Collection",
    "CollectionIterator",
    "Commitment",
    "Convention",
    "Designation",
    "DuplicateError",
    "Error",
    "FailedError",
    "Finding",
    "InUseError",
    "InvalidValueError",
    "Investment",
    "LimitExceededError",
    "NotFoundError",
    "Operator",
    "ParseError",
    "Phase",
    "Referent",
    "Region",
    "Registry",
    "SchemaError",
    "TerrindIOError",
    "Territory",
    "Transaction",
    "UnknownReferenceError",
    "UnsupportedVersionError",
    "kinds",
]


# Collections are Mappings. Their keys(), values() and items() are the
# standard live views; values and items iterate over one snapshot taken by
# the C code (as the collection's own iteration does), so that removing
# entities while iterating is allowed, as it is over the keys.
class _CollectionKeys(_abc.KeysView):
    __slots__ = ()

    def __repr__(self):
        return "<terrind.Collection keys: %r>" % (list(self),)


class _CollectionValues(_abc.ValuesView):
    __slots__ = ()

    def __iter__(self):
        return self._mapping._iter_values()

    def __repr__(self):
        return "<terrind.Collection values: %d>" % len(self)


class _CollectionItems(_abc.ItemsView):
    __slots__ = ()

    def __iter__(self):
        return self._mapping._iter_items()

    def __repr__(self):
        return "<terrind.Collection items: %d>" % len(self)


_terrind._set_views(_CollectionKeys, _CollectionValues, _CollectionItems)
_abc.Mapping.register(Collection)
del _abc
