"""SHA-256 digests (as hexadecimal text), quick to start.

Importing ``hashlib`` loads OpenSSL's library, about 3 ms: a tenth of what a one-file
``archlint check`` does besides starting Python and importing its libraries, which
hashes a few short texts (the file, its findings' fingerprints). Python's own SHA-256
(the ``_sha256`` module; ``_sha2`` from Python 3.12) gives the same digests with
nothing to load, but hashes about five times slower (60 µs against 11 µs for 20 kB).
So the first megabyte a process hashes goes through Python's own, and a run that
hashes more (many files) has hashlib hash the rest.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any

OWN_BUDGET = 1 << 20  # bytes hashed by Python's own SHA-256 before hashlib takes over


def _python_sha256() -> Callable[[bytes], Any] | None:
    """Python's own SHA-256, or None where this Python was built without it."""
    try:
        if sys.version_info >= (3, 12):
            from _sha2 import sha256  # type: ignore[import-not-found]
        else:
            from _sha256 import sha256  # type: ignore[import-not-found,no-redef]
    except ImportError:
        return None
    return sha256  # type: ignore[no-any-return]


_own = _python_sha256()
_left = OWN_BUDGET if _own is not None else 0


def sha256(data: bytes) -> str:
    """The SHA-256 digest of ``data``, in hexadecimal, as ``hashlib.sha256(data).hexdigest()``."""
    global _left
    if len(data) <= _left:
        _left -= len(data)
        return _own(data).hexdigest()  # type: ignore[misc]
    import hashlib  # the library, once a run hashes enough to make loading it worth it

    return hashlib.sha256(data).hexdigest()
