"""Bulk inserts of imported rows inside the session's open transaction.

SQLite gets one ``executemany`` on the driver connection, PostgreSQL (psycopg 3) one ``COPY``:
both skip SQLAlchemy's per-row parameter handling, which cost more than the inserts. Values
pass through the same bind processors SQLAlchemy would apply (JSON columns serialised by the
engine's serialiser, datetimes in the dialect's storage format), so the stored rows are the
ones a Core ``insert()`` would have written. Other dialects fall back to Core ``insert()``.

:func:`bulk_values` does that conversion ahead (in the import's reading process, see
:mod:`civreg.exchange.act_reading`) into plain values that pickle: on PostgreSQL a JSON
column gets its JSON text, which COPY parses as psycopg's wrapper would have sent it.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Table, insert
from sqlalchemy.engine import Dialect, make_url
from sqlalchemy.orm import Session

_MEMO_TYPES = frozenset({datetime, bool, type(None)})


def dialect_named(name: str) -> Dialect:
    """A dialect like the store's (``"sqlite+pysqlite"``, ``"postgresql+psycopg"``), without
    an engine: what :func:`bulk_values` needs in another process."""
    dialect: Dialect = make_url(f"{name}://").get_dialect()()
    return dialect


def _json_text(value: Any) -> str:
    return json.dumps(value)  # psycopg's Json(value) sends json.dumps(value); None: 'null'


def bulk_values(table: Table, columns: Sequence[str], rows: list[Any], dialect: Any) -> list[Any]:
    """``rows`` as :func:`bulk_insert` would send them, in plain (picklable) values."""
    return _processed(table, columns, rows, dialect, portable=True)


def _processed(
    table: Table, columns: Sequence[str], rows: list[Any], dialect: Any, portable: bool = False
) -> list[Any]:
    procs = []
    for i, name in enumerate(columns):
        column_type = table.c[name].type
        if portable and dialect.name == "postgresql" and isinstance(column_type, JSON):
            procs.append((i, _json_text))
            continue
        proc = column_type.dialect_impl(dialect).bind_processor(dialect)
        if proc is not None:
            procs.append((i, proc))
    if not procs:
        return rows
    memos: list[dict[Any, Any]] = [{} for _ in procs]
    out = []
    for row in rows:
        values = list(row)
        for (i, proc), memo in zip(procs, memos, strict=True):
            value = values[i]
            if type(value) in _MEMO_TYPES:  # datetimes, booleans, None repeat: convert once
                found = memo.get(value)
                if found is None:
                    found = memo[value] = proc(value)
                values[i] = found
            else:
                values[i] = proc(value)
        out.append(values)
    return out


def bulk_insert(
    s: Session, table: Table, columns: Sequence[str], rows: list[Any], *, processed: bool = False
) -> None:
    """Insert ``rows`` (sequences of values in ``columns`` order) into ``table``;
    ``processed``: they come from :func:`bulk_values` (SQLite and PostgreSQL only)."""
    if not rows:
        return
    conn = s.connection()
    dialect = conn.dialect
    assert not processed or dialect.name in ("sqlite", "postgresql")
    names = ", ".join(columns)
    if dialect.name == "sqlite":
        raw = conn.connection.driver_connection
        assert raw is not None
        sql = f"INSERT INTO {table.name} ({names}) VALUES ({', '.join('?' * len(columns))})"
        cursor = raw.cursor()
        try:
            cursor.executemany(
                sql, rows if processed else _processed(table, columns, rows, dialect)
            )
        finally:
            cursor.close()
    elif dialect.name == "postgresql" and dialect.driver == "psycopg":
        raw = conn.connection.driver_connection
        assert raw is not None
        with raw.cursor() as cursor, cursor.copy(f"COPY {table.name} ({names}) FROM STDIN") as cp:
            for values in rows if processed else _processed(table, columns, rows, dialect):
                cp.write_row(values)
    else:
        conn.execute(insert(table), [dict(zip(columns, r, strict=True)) for r in rows])
