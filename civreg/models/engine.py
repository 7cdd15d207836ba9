"""Engines for a store: SQLCipher 4 with a raw 256-bit key, or PostgreSQL.

SQLCipher receives the data key as a raw key (``PRAGMA key = "x'…'"``): no second KDF.
Every connection gets WAL, foreign keys, in-memory temp storage and a 64 MiB page cache
(every cache miss costs a decryption). Write transactions on SQLite start with
``BEGIN IMMEDIATE`` (see :func:`immediate` and :class:`SQLCipherDialect`) so that two
processes registering at once serialise instead of failing on a stale snapshot.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from contextvars import ContextVar
from pathlib import Path
from typing import Any

import sqlcipher3.dbapi2 as sqlcipher
from sqlalchemy import Engine, create_engine
from sqlalchemy.dialects import registry
from sqlalchemy.dialects.sqlite.pysqlite import SQLiteDialect_pysqlite
from sqlalchemy.pool import QueuePool

from civreg.locations import is_url

__all__ = ["is_url"]

CACHE_KIB = 65536  # floor: 64 MiB
CACHE_KIB_MAX = 262144  # 256 MiB: fits the 4 GB laptops of the counters


def cache_kib_for(path: Path) -> int:
    """Page cache for a store: a quarter of the file, between 64 and 256 MiB. Every cache
    miss costs a decryption, so big stores need a big cache (bench/README.md)."""
    try:
        size_kib = path.stat().st_size // 1024
    except OSError:
        size_kib = 0
    return max(CACHE_KIB, min(CACHE_KIB_MAX, size_kib // 4))


BUSY_TIMEOUT_MS = 30000
SQLITE_HEADER = b"SQLite format 3\x00"

_immediate: ContextVar[bool] = ContextVar("civreg_immediate", default=False)


@contextlib.contextmanager
def immediate() -> Iterator[None]:
    """Within this block, new SQLite transactions take the write lock at BEGIN."""
    token = _immediate.set(True)
    try:
        yield
    finally:
        _immediate.reset(token)


def _configure(conn: Any, key: bytes, cache_kib: int) -> None:
    cur = conn.cursor()
    cur.execute("PRAGMA cipher_log_level = NONE")
    cur.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
    # Fails with "file is not a database" when the key or the file is wrong.
    cur.execute("SELECT count(*) FROM sqlite_master").fetchone()
    cur.execute("PRAGMA journal_mode = WAL")
    cur.execute("PRAGMA synchronous = FULL")
    cur.execute("PRAGMA foreign_keys = ON")
    cur.execute("PRAGMA temp_store = MEMORY")
    cur.execute(f"PRAGMA cache_size = -{int(cache_kib)}")
    cur.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    cur.close()


def raw_connect(path: Path, key: bytes, cache_kib: int = CACHE_KIB) -> Any:
    """A configured DB-API connection (for migrations checks, tests and benchmarks)."""
    conn = sqlcipher.connect(str(path), check_same_thread=False)
    try:
        _configure(conn, key, cache_kib)
    except Exception:
        conn.close()
        raise
    return conn


def sqlcipher_engine(path: Path, key: bytes, *, cache_kib: int | None = None) -> Engine:
    if cache_kib is None:
        cache_kib = cache_kib_for(path)

    def creator() -> Any:
        conn = raw_connect(path, key, cache_kib)
        conn.isolation_level = None  # the dialect sends BEGIN itself (SQLCipherDialect.do_begin)
        return conn

    # LIFO: a transaction reuses the connection the last one returned. SQLite drops a
    # connection's whole page cache when another connection wrote since its last transaction;
    # with the pool's default (FIFO) a draft saved on one connection and registered on the
    # other read and decrypted every page again (issue 17: ~0.5 ms of a registration's CPU).
    engine = create_engine(
        "sqlite+civreg_sqlcipher://",
        module=sqlcipher,
        creator=creator,
        poolclass=QueuePool,
        pool_size=2,
        pool_use_lifo=True,
    )
    return engine


class SQLCipherDialect(SQLiteDialect_pysqlite):
    """SQLite's dialect with the BEGIN a store needs, sent on the DB-API connection.

    Write transactions start with ``BEGIN IMMEDIATE`` (see :func:`immediate`), the others
    with ``BEGIN``. It is the dialect's own ``do_begin``, so a failure (the write lock held
    beyond the busy timeout) is wrapped by SQLAlchemy like any statement's and reaches the
    user as the plain "store busy" message; sent through ``exec_driver_sql`` from a "begin"
    event it cost every transaction a whole execution context, and the event made every
    later call of the connection dispatch events (issue 17)."""

    supports_statement_cache = True

    def do_begin(self, dbapi_connection: Any) -> None:
        dbapi_connection.execute("BEGIN IMMEDIATE" if _immediate.get() else "BEGIN")


registry.register("sqlite.civreg_sqlcipher", __name__, "SQLCipherDialect")


def postgres_engine(url: str) -> Engine:
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url[len("postgresql://") :]
    return create_engine(url, pool_size=2, pool_pre_ping=True)


def is_plain_sqlite(path: Path) -> bool:
    with open(path, "rb") as fh:
        return fh.read(16) == SQLITE_HEADER
