"""Name lookups below the ORM: a DB-API connection with ``?`` placeholders on both engines,
and loose index scans of the distinct keys under prefixes (:mod:`search_match` fetches the
candidates with them, :mod:`search_keys` chooses the keys)."""

from __future__ import annotations

import contextlib
import functools
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

# Loose scans stop after this many distinct keys (a guard, far above what names produce).
MAX_SCAN_KEYS = 400
COMPACT_FAMILY = "replace(phon_family, ' ', '')"


@dataclass(frozen=True)
class FamilyExpr:
    """An indexed expression that keys persons by a family name (compact phonetic key), and
    the condition of its partial index (empty: all rows). A lookup writes both exactly so:
    SQLite uses a partial expression index only for the same text."""

    expr: str
    cond: str = ""
    name: str = "family"  # "family_tail", "post_nom": the other names

    def where(self, more: str = "") -> str:
        """``expr = ?`` with the index's condition, and ``more``."""
        parts = [f"{self.expr} = ?", self.cond, more]
        return " AND ".join(p for p in parts if p)


REGISTERED_FAMILY = FamilyExpr(COMPACT_FAMILY)
_FIND = {"sqlite": "instr", "postgresql": "strpos"}


@functools.cache
def other_names(dialect: str) -> tuple[FamilyExpr, ...]:
    """The other names a person may give for the family name (migration 0011): the family
    key's words after the first (DAFING for MARKA DAFING), and the post-nom (DRC: MUTOMBO
    for KABONGO, post-nom MUTOMBO)."""
    find = _FIND.get(dialect, "strpos")
    return (
        FamilyExpr(
            f"replace(substr(phon_family, {find}(phon_family, ' ') + 1), ' ', '')",
            f"{find}(phon_family, ' ') > 0",
            "family_tail",
        ),
        FamilyExpr("replace(phon_post_nom, ' ', '')", "phon_post_nom <> ''", "post_nom"),
    )


# The registered names, and the names as corrected by mentions (read first: few rows).
NAME_TABLES = ("person_search_corrected", "person_search")


class Db:
    """A DB-API connection (a session's, or a raw pooled one from :func:`reading`), with
    ``?`` placeholders everywhere. Searches run many small statements: going below the ORM
    saves about a millisecond per search."""

    def __init__(self, session: Any = None, *, raw: Any = None, dialect: str = "") -> None:
        if raw is not None:
            self.dialect, self._raw = dialect, raw
            return
        conn = session.connection()
        self.dialect = conn.dialect.name
        self._raw = conn.connection.driver_connection

    _corrections: bool | None = None

    def has_corrections(self) -> bool:
        """Whether any name was corrected by a mention (asked once per transaction: most
        stores have none, and a name search would otherwise run its dozen key scans on an
        empty ``person_search_corrected`` too)."""
        if self._corrections is None:
            # max() of an indexed column: one index seek, on both engines
            top = self.rows("SELECT max(act_id) FROM person_search_corrected")[0][0]
            self._corrections = top is not None
        return self._corrections

    def name_tables(self) -> tuple[str, ...]:
        """``NAME_TABLES``, without the corrected names' table when it is empty."""
        return NAME_TABLES if self.has_corrections() else NAME_TABLES[1:]

    def rows(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        if self.dialect != "sqlite":
            sql = sql.replace("%", "%%").replace("?", "%s")
        cur = self._raw.cursor()
        try:
            cur.execute(sql, tuple(params))
            return list(cur.fetchall())
        finally:
            cur.close()


@contextlib.contextmanager
def reading(store: Any) -> Iterator[Db]:
    """One read transaction on a pooled connection of ``store``, without an ORM session."""
    pooled = store.engine.raw_connection()
    try:
        raw = pooled.driver_connection
        sqlite = store.is_sqlite
        if sqlite:
            raw.execute("BEGIN")
        try:
            yield Db(raw=raw, dialect=store.dialect)
        finally:
            raw.rollback()
    finally:
        pooled.close()


def next_prefix(prefix: str) -> str:
    return prefix + "\uffff"


def distinct_keys(
    db: Db, expr: str, lo: str, hi: str, where: str = "", params=(), table: str = "person_search"
) -> list[str]:
    """Distinct values of an indexed expression in [lo, hi), by a loose index scan."""
    cond = f"{expr} >= ? AND {expr} < ?" + (f" AND {where}" if where else "")
    nxt = f"{expr} > k.v AND {expr} < ?" + (f" AND {where}" if where else "")
    sql = (
        f"WITH RECURSIVE k(v, n) AS ("
        f" SELECT (SELECT min({expr}) FROM {table} WHERE {cond}), 0"
        f" UNION ALL"
        f" SELECT (SELECT min({expr}) FROM {table} WHERE {nxt}), k.n + 1"
        f" FROM k WHERE k.v IS NOT NULL AND k.n < ?)"
        f" SELECT v FROM k WHERE v IS NOT NULL"
    )
    args = [lo, hi, *params, hi, *params, MAX_SCAN_KEYS]
    return [r[0] for r in db.rows(sql, args)]


def keys_in_ranges(
    db: Db,
    expr: str,
    prefixes: Sequence[str],
    where: str = "",
    params: Sequence[Any] = (),
    table: str = "person_search",
) -> list[str]:
    """Distinct values of an indexed expression under each of ``prefixes``. Several ranges
    are first probed in one statement (their first and last value: two index seeks each),
    and only those holding more than one value are walked (``distinct_keys``): most of the
    outline's ranges are empty or hold one key, and a statement costs more than its seeks."""
    if len(prefixes) <= 1:
        return [
            k
            for p in prefixes
            for k in distinct_keys(db, expr, p, next_prefix(p), where, params, table)
        ]
    cond = f"{expr} >= ? AND {expr} < ?" + (f" AND {where}" if where else "")
    probe = (
        f"(SELECT min({expr}) FROM {table} WHERE {cond}),"
        f" (SELECT max({expr}) FROM {table} WHERE {cond})"
    )
    sql = "SELECT " + ", ".join(probe for _ in prefixes)
    args: list[Any] = []
    for p in prefixes:
        args += [p, next_prefix(p), *params] * 2
    bounds = db.rows(sql, args)[0]
    out: list[str] = []
    for i, p in enumerate(prefixes):
        lo, hi = bounds[2 * i], bounds[2 * i + 1]
        if lo is None:
            continue
        if lo == hi:
            out.append(lo)
        else:
            out += distinct_keys(db, expr, p, next_prefix(p), where, params, table)
    return out
