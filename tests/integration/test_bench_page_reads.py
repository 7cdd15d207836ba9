"""bench/page_reads.py counts the pages an encrypted connection reads past its page cache
(each one decrypted): the search benchmark reports them per search."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import sqlcipher3.dbapi2 as sqlcipher

from bench.page_reads import cache_misses


def _store(path: Path) -> None:
    conn = sqlcipher.connect(str(path))
    conn.execute("PRAGMA key = 'page-reads-test'")
    conn.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, body TEXT)")
    conn.executemany("INSERT INTO t VALUES (?, ?)", ((i, "x" * 900) for i in range(2000)))
    conn.commit()
    conn.close()


def _open(path: Path, cache_pages: int) -> sqlcipher.Connection:
    conn = sqlcipher.connect(str(path))
    conn.execute("PRAGMA key = 'page-reads-test'")
    conn.execute(f"PRAGMA cache_size = {cache_pages}")
    return conn


def test_counts_pages_read_past_the_cache(tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    _store(path)
    conn = _open(path, 2000)
    start = cache_misses(conn)
    assert start is not None
    conn.execute("SELECT count(body) FROM t").fetchall()  # ~500 leaf pages, all read once
    first = cache_misses(conn) - start
    assert first >= 400
    conn.execute("SELECT count(body) FROM t").fetchall()  # now in the cache
    assert cache_misses(conn) - start - first < 10
    conn.close()


def test_a_small_cache_reads_again(tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    _store(path)
    conn = _open(path, 10)
    conn.execute("SELECT count(body) FROM t").fetchall()
    once = cache_misses(conn)
    conn.execute("SELECT count(body) FROM t").fetchall()
    assert cache_misses(conn) - once >= 400  # evicted: every page decrypted again
    conn.close()


def test_none_where_it_cannot_tell() -> None:
    assert cache_misses(sqlite3.connect(":memory:")) is None
