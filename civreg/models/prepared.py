"""Statements built and compiled once, run on the session's own DB-API connection.

Registering one act is a handful of small statements; through SQLAlchemy's execute machinery
(the cache key of the statement, the execution context, the result object) or its unit of
work each one cost ≈ 10 times what SQLite needed to run it (issue 17). A :class:`Prepared`
statement is a Core construct built once at import, compiled once per dialect, and executed
on the DB-API connection of the session's transaction with the parameters converted by the
dialect's own bind processors — the values reach the database exactly as SQLAlchemy would
have sent them (datetimes, JSON, booleans, enums), on SQLite and on PostgreSQL — and the
rows read back converted by the dialect's result processors.

It bypasses the ORM: use it only for rows the session holds no object of (or whose object
is updated by the caller), as :mod:`civreg.models.draft_record` does.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from sqlalchemy import Dialect
from sqlalchemy.orm import Session
from sqlalchemy.sql import ClauseElement
from sqlalchemy.sql.compiler import SQLCompiler

_DBAPI = "civreg.dbapi_connection"  # session.info: the DB-API connection of its transaction


def dbapi_connection(s: Session) -> Any:
    """The DB-API connection of ``s``'s open transaction (the one its statements run on)."""
    conn = s.info.get(_DBAPI)
    if conn is None or s.info.get(_DBAPI + ".tx") is not s.get_transaction():
        conn = s.connection().connection.dbapi_connection
        s.info[_DBAPI] = conn
        s.info[_DBAPI + ".tx"] = s.get_transaction()
    return conn


class _Compiled:
    def __init__(self, stmt: ClauseElement, dialect: Dialect) -> None:
        compiled = stmt.compile(dialect=dialect)
        assert isinstance(compiled, SQLCompiler)
        self.sql = compiled.string
        self.positions: Sequence[str] | None = compiled.positiontup
        # The values written in the statement itself (``next_number + 1``, a LIMIT).
        self.defaults: dict[str, Any] = {
            name: bind.effective_value for name, bind in compiled.binds.items() if not bind.required
        }
        self.binds: dict[str, Callable[[Any], Any]] = {}
        for name, bind in compiled.binds.items():
            proc = bind.type.dialect_impl(dialect).bind_processor(dialect)
            if proc is not None:
                self.binds[name] = proc
        # Positional parameters (SQLite): the tuple built straight from the values, position
        # by position, without an intermediate dict per statement (issue 17).
        self.plan: tuple[tuple[str, Callable[[Any], Any] | None], ...] | None = None
        if self.positions is not None:
            self.plan = tuple((name, self.binds.get(name)) for name in self.positions)
        columns = getattr(stmt, "selected_columns", None)
        if columns is None:
            columns = getattr(stmt, "_returning", None) or ()
        self.types = [c.type for c in columns]
        # (column index, result processor) of the columns that have one, once known
        self.results: list[tuple[int, Callable[[Any], Any]]] | None = None
        self.dialect = dialect

    def parameters(self, values: Mapping[str, Any]) -> Any:
        if self.plan is not None:
            defaults = self.defaults
            out = []
            for name, proc in self.plan:
                value = values[name] if name in values else defaults[name]
                out.append(value if proc is None else proc(value))
            return tuple(out)
        params = dict(self.defaults)
        params.update(values)
        for name, proc in self.binds.items():
            params[name] = proc(params[name])
        if self.positions is not None:
            return tuple(params[name] for name in self.positions)
        return params

    def processors(self, cursor: Any) -> list[tuple[int, Callable[[Any], Any]]]:
        if self.results is None:
            desc = cursor.description or ()
            procs = [
                t.dialect_impl(self.dialect).result_processor(self.dialect, d[1])
                for t, d in zip(self.types, desc, strict=False)
            ]
            self.results = [(i, p) for i, p in enumerate(procs) if p is not None]
        return self.results


class Prepared:
    """A Core statement compiled once per dialect; :meth:`run` executes it in ``s``'s
    transaction and returns its rows (converted like SQLAlchemy's results)."""

    def __init__(self, stmt: ClauseElement) -> None:
        self.stmt = stmt
        self._compiled: dict[tuple[type, str], _Compiled] = {}

    def _for(self, dialect: Dialect) -> _Compiled:
        key = (type(dialect), str(dialect.paramstyle))
        found = self._compiled.get(key)
        if found is None:
            found = self._compiled[key] = _Compiled(self.stmt, dialect)
        return found

    def run(self, s: Session, values: Mapping[str, Any] | None = None) -> list[tuple[Any, ...]]:
        """The statement's rows (none for a statement without RETURNING)."""
        return self.execute(s, values)[0]

    def execute(
        self, s: Session, values: Mapping[str, Any] | None = None
    ) -> tuple[list[tuple[Any, ...]], int]:
        """(rows, the DB-API row count)."""
        compiled = self._for(s.get_bind().dialect)
        cursor = dbapi_connection(s).cursor()
        try:
            cursor.execute(compiled.sql, compiled.parameters(values or {}))
            if cursor.description is None:
                return [], cursor.rowcount
            rows = cursor.fetchall()
            count = cursor.rowcount
            procs = compiled.processors(cursor)
        finally:
            cursor.close()
        if not procs:
            return [tuple(r) for r in rows], count
        out = []
        for r in rows:  # only the columns that have a processor are converted
            converted = list(r)
            for i, proc in procs:
                converted[i] = proc(converted[i])
            out.append(tuple(converted))
        return out, count
