"""Bulk reads by key list on the driver connection of the session's transaction.

``select_in`` returns plain tuples, each value passed through the result processor SQLAlchemy
would apply for its column (JSON decoded, SQLite datetimes parsed, booleans as bool), so the
values are the ones a Core ``select()`` gives, without its per-query compilation of long
``IN`` lists and per-row wrapping (which cost more than the index lookups themselves).
Like a ``select()`` through the session (autoflush), they first flush the session's pending
objects, so rows added earlier in the same transaction are seen.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, TypeVar

from sqlalchemy import JSON, Table
from sqlalchemy.orm import Session

_SQLITE_CHUNK = 5000  # bound parameters per query (SQLite allows 32766)
_PG_CHUNK = 50000  # values per ``= ANY(array)``
T = TypeVar("T")
_HASHABLE = frozenset({str, int, float, type(None)})


def chunked(values: Sequence[T], size: int = _SQLITE_CHUNK) -> list[Sequence[T]]:
    """``values`` cut into lists of at most ``size``: for statements that must bind each value
    (an ``UPDATE ... IN``), within what every backend accepts."""
    return [values[i : i + size] for i in range(0, len(values), size)]


def _processors(table: Table, columns: Sequence[str], dialect: Any) -> list[tuple[int, Any, bool]]:
    out = []
    for i, name in enumerate(columns):
        col_type = table.c[name].type
        proc = col_type.dialect_impl(dialect).result_processor(dialect, None)
        if proc is not None:
            out.append((i, proc, isinstance(col_type, JSON)))
    return out


def _process(rows: list[Any], procs: list[tuple[int, Any, bool]]) -> list[tuple[Any, ...]]:
    if not procs:
        return rows if not rows or type(rows[0]) is tuple else [tuple(r) for r in rows]
    out = []
    memos: list[dict[Any, Any]] = [{} for _ in procs]
    missing = object()
    for row in rows:
        values = list(row)
        for (i, proc, is_json), memo in zip(procs, memos, strict=True):
            raw = values[i]
            if type(raw) not in _HASHABLE:
                values[i] = proc(raw)
                continue
            found = memo.get(raw, missing)
            if found is missing:
                found = proc(raw)
                if not is_json or found is None:  # never share a decoded JSON object
                    memo[raw] = found
            values[i] = found
        out.append(tuple(values))
    return out


def select_where(
    s: Session, table: Table, columns: Sequence[str], where: str = ""
) -> list[tuple[Any, ...]]:
    """Rows ``columns`` of ``table`` matching the literal SQL condition ``where`` (all rows
    if empty), in no particular order: a sequential read for bulk exports."""
    s.flush()
    conn = s.connection()
    raw = conn.connection.driver_connection
    assert raw is not None
    cursor = raw.cursor()
    try:
        cursor.execute(
            f"SELECT {', '.join(columns)} FROM {table.name}" + (f" WHERE {where}" if where else "")
        )
        rows = cursor.fetchall()
    finally:
        cursor.close()
    return _process(rows, _processors(table, columns, conn.dialect))


def select_in(
    s: Session,
    table: Table,
    columns: Sequence[str],
    key: str,
    values: Sequence[Any],
    where: str = "",
) -> list[tuple[Any, ...]]:
    """Rows ``columns`` of ``table`` whose ``key`` is in ``values`` (plus the literal SQL
    condition ``where``, if any), in no particular order."""
    s.flush()
    conn = s.connection()
    dialect = conn.dialect
    procs = _processors(table, columns, dialect)
    cols = ", ".join(columns)
    extra = f" AND ({where})" if where else ""
    raw = conn.connection.driver_connection
    assert raw is not None
    rows: list[Any] = []
    cursor = raw.cursor()
    try:
        if dialect.name == "postgresql":
            sql = f"SELECT {cols} FROM {table.name} WHERE {key} = ANY(%s){extra}"
            for i in range(0, len(values), _PG_CHUNK):
                cursor.execute(sql, (list(values[i : i + _PG_CHUNK]),))
                rows += cursor.fetchall()
        else:  # SQLite (qmark parameters)
            for i in range(0, len(values), _SQLITE_CHUNK):
                chunk = tuple(values[i : i + _SQLITE_CHUNK])
                marks = ", ".join("?" * len(chunk))
                cursor.execute(
                    f"SELECT {cols} FROM {table.name} WHERE {key} IN ({marks}){extra}", chunk
                )
                rows += cursor.fetchall()
    finally:
        cursor.close()
    return _process(rows, procs)
