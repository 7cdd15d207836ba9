"""Pages a SQLite/SQLCipher connection read past its page cache (each one a disk read and,
on an encrypted store, a decryption and an HMAC check).

Python's DB-API does not expose ``sqlite3_db_status``; the SQLCipher library that
``sqlcipher3`` links in statically exports it, so it is called through ``ctypes`` with the
connection's ``sqlite3 *`` (the first field after the object header, as in CPython's
``sqlite3`` module); the pointer is trusted only once ``sqlite3_db_filename`` through it
names the connection's own main database file (``PRAGMA database_list``). Benchmarks only:
:func:`cache_misses` returns None where the symbol or the layout is not the expected one.
"""

from __future__ import annotations

import ctypes
from typing import Any

import sqlcipher3._sqlite3 as _native
import sqlcipher3.dbapi2 as sqlcipher

DBSTATUS_CACHE_MISS = 8  # SQLITE_DBSTATUS_CACHE_MISS (sqlite3.h)
_HEADER = ctypes.sizeof(ctypes.c_ssize_t) + ctypes.sizeof(ctypes.c_void_p)  # PyObject_HEAD


def _library() -> tuple[Any, Any]:
    try:
        lib = ctypes.CDLL(_native.__file__)
        fn, name = lib.sqlite3_db_status, lib.sqlite3_db_filename
    except (AttributeError, OSError):
        return None, None
    name.argtypes = [ctypes.c_void_p, ctypes.c_char_p]
    name.restype = ctypes.c_char_p
    fn.argtypes = [
        ctypes.c_void_p,
        ctypes.c_int,
        ctypes.POINTER(ctypes.c_int),
        ctypes.POINTER(ctypes.c_int),
        ctypes.c_int,
    ]
    fn.restype = ctypes.c_int
    return fn, name


_DB_STATUS, _DB_FILENAME = _library()
_CHECKED: dict[int, int] = {}  # id(connection) -> its sqlite3 * once checked


def _handle(conn: Any) -> int | None:
    """The connection's ``sqlite3 *``, if the object layout is the expected one."""
    handle = ctypes.c_void_p.from_address(id(conn) + _HEADER).value
    if not handle:
        return None
    if _CHECKED.get(id(conn)) == handle:
        return handle
    main = next((row[2] for row in conn.execute("PRAGMA database_list") if row[1] == "main"), "")
    name = _DB_FILENAME(handle, b"main")
    if name is None or name.decode() != (main or ""):
        return None
    _CHECKED[id(conn)] = handle
    return handle


def cache_misses(conn: Any) -> int | None:
    """Pages ``conn`` (a ``sqlcipher3`` connection) has read from the file since it opened."""
    if _DB_STATUS is None or not isinstance(conn, sqlcipher.Connection):
        return None
    handle = _handle(conn)
    if handle is None:
        return None
    cur, high = ctypes.c_int(), ctypes.c_int()
    if _DB_STATUS(handle, DBSTATUS_CACHE_MISS, ctypes.byref(cur), ctypes.byref(high), 0) != 0:
        return None
    return cur.value
