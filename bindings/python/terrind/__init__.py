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

Threads: a registry may be read from several threads. Import and export
run with the GIL released; while a registry is being exported, other
threads may still read it, but get BusyError if they change it.
"""

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
