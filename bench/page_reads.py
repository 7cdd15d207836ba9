"""Pages a SQLite/SQLCipher connection read past its page cache (each one a disk read and,
on an encrypted store, a decryption and an HMAC check).

Python's DB-API does not expose ``sqlite3_db_status``; the SQLCipher library that
``sqlcipher3`` links in statically exports it, so it is called through ``ctypes`` with the
connection's ``sqlite3 *`` (the first field after the object header, as in CPython's
``sqlite3`` module). Benchmarks only: :func:`cache_misses` returns None where the symbol or
the layout is not the expected one.
"""

from __future__ import annotations

import ctypes
from typing import Any

import sqlcipher3._sqlite3 as _native
import sqlcipher3.dbapi2 as sqlcipher

DBSTATUS_CACHE_MISS = 8  # SQLITE_DBSTATUS_CACHE_MISS (sqlite3.h)
_HEADER = ctypes.sizeof(ctypes.c_ssize_t) + ctypes.sizeof(ctypes.c_void_p)  # PyObject_HEAD


def _library() -> Any:
    try:
        lib = ctypes.CDLL(_native.__file__)
        fn = lib.sqlite3_db_status
    except (AttributeError, OSError):
        return None
    fn.argtypes = [
        ctypes.c_void_p,
        ctypes.c_int,
        ctypes.POINTER(ctypes.c_int),
        ctypes.POINTER(ctypes.c_int),
        ctypes.c_int,
    ]
    fn.restype = ctypes.c_int
    return fn


_DB_STATUS = _library()


def cache_misses(conn: Any) -> int | None:
    """Pages ``conn`` (a ``sqlcipher3`` connection) has read from the file since it opened."""
    if _DB_STATUS is None or not isinstance(conn, sqlcipher.Connection):
        return None
    handle = ctypes.c_void_p.from_address(id(conn) + _HEADER).value
    if not handle:
        return None
    cur, high = ctypes.c_int(), ctypes.c_int()
    if _DB_STATUS(handle, DBSTATUS_CACHE_MISS, ctypes.byref(cur), ctypes.byref(high), 0) != 0:
        return None
    return cur.value
