"""Name matching for search and duplicate checks: the indexed candidate lookups (their scores
are :mod:`civreg.services.search_score`).

Candidates never come from a scan of ``person_search``. For a family name the service
walks the *distinct* compact phonetic keys (spaces removed: N'DRI = NDRI) that share the
query key's first two letters, with a loose index scan (a recursive query that seeks the
next key in ``ix_person_search_compact``: a few dozen seeks, whatever the number of rows);
it keeps the keys that sound the same, that extend what was typed, or that are one or two
slips away; then, within each kept family key, it does the same for the given-name keys, and
fetches rows by (family key, given key) equality, capped. Exact spellings are fetched through
``ix_person_search_norm`` first so that they are never lost to the cap.

Names corrected by marginal mentions (rectification, change of name) are in the small table
``person_search_corrected`` (same key columns and indexes); every lookup reads it first, so a
person is found by the name as registered and by the name as corrected.
"""

from __future__ import annotations

import contextlib
import functools
import itertools
from collections.abc import Callable, Iterable, Iterator, Sequence, Sized
from typing import Any

from rapidfuzz.distance import OSA

from civreg.domain.names import phonetic, same_outline
from civreg.services.search_score import FEWER_WORDS, NameKey, NameQuery, PersonRow

# How far a key may be from the query key and still be looked at (OSA similarity 0–1).
KEY_CLOSENESS = 0.72
# The rows of one lookup (more are "at least": the page says so, and the clerk refines).
# At most this many family keys (and given keys per family) are fetched, best first.
MAX_FAMILY_KEYS = 12
MAX_GIVEN_KEYS = 12
# Given-name keys at least this close are fetched first, under every family key (2 = the
# same key, 1.5 = the same names in another order, 0.96 = one stored name not asked for).
STRONG_GIVEN = 0.9
# A family key kept when a page is still not full is read whole, whatever the given names,
# when it is at least this close to the asked one (the outline tier counts as 0.72) ...
RARE_CLOSENESS = 0.72
# ... and borne by at most this many persons (a rare name: a few rows to score).
RARE_FAMILY_ROWS = 40
# ... whose given names are at least this close to an asked one (word by word).
LOOSE_GIVEN = 0.5
# Loose scans stop after this many distinct keys (a guard, far above what names produce).
MAX_SCAN_KEYS = 400
ROW_COLUMNS = (
    "person_id, act_id, role, norm_family, phon_family, norm_given, phon_given, "
    "norm_post_nom, phon_post_nom"
)
COMPACT_FAMILY = "replace(phon_family, ' ', '')"
# The person whose act it is (search.ROLE_WEIGHT 1.0), looked up first by exact spelling.
SUBJECT_ROLES = ("child", "deceased", "spouse1", "spouse2")
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


def _next_prefix(prefix: str) -> str:
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
            for k in distinct_keys(db, expr, p, _next_prefix(p), where, params, table)
        ]
    cond = f"{expr} >= ? AND {expr} < ?" + (f" AND {where}" if where else "")
    probe = (
        f"(SELECT min({expr}) FROM {table} WHERE {cond}),"
        f" (SELECT max({expr}) FROM {table} WHERE {cond})"
    )
    sql = "SELECT " + ", ".join(probe for _ in prefixes)
    args: list[Any] = []
    for p in prefixes:
        args += [p, _next_prefix(p), *params] * 2
    bounds = db.rows(sql, args)[0]
    out: list[str] = []
    for i, p in enumerate(prefixes):
        lo, hi = bounds[2 * i], bounds[2 * i + 1]
        if lo is None:
            continue
        if lo == hi:
            out.append(lo)
        else:
            out += distinct_keys(db, expr, p, _next_prefix(p), where, params, table)
    return out


@functools.lru_cache(maxsize=100_000)
def key_closeness(query: str, key: str) -> float:
    """0–1: how near an indexed key is to the query's key (1 = same sound)."""
    if key == query:
        return 1.0
    if len(query) >= 3 and key.startswith(query):
        return 0.95  # the clerk typed the beginning of the name
    return OSA.normalized_similarity(query, key)


@functools.lru_cache(maxsize=100_000)
def outline_closeness(query: str, key: str) -> float:
    """``key_closeness``, raised to ``KEY_CLOSENESS`` when the outlines agree
    (``names.same_outline``): kept, after the closer keys."""
    s = key_closeness(query, key)
    if s < KEY_CLOSENESS and same_outline(query, key):
        return KEY_CLOSENESS
    return s


def _close_keys(query: str, keys: Iterable[str], limit: int) -> list[str]:
    scored = []
    for k in keys:
        s = outline_closeness(query, k)
        if s >= KEY_CLOSENESS:
            scored.append((s, k))
    scored.sort()
    return [k for _s, k in reversed(scored)][:limit]


def family_keys(db: Db, fam: NameKey, table: str = "person_search") -> list[str]:
    """Compact family keys worth fetching for ``fam``, closest first."""
    q = fam.compact
    if not q:
        return []
    prefix = q[:2]
    keys = distinct_keys(db, COMPACT_FAMILY, prefix, _next_prefix(prefix), table=table)
    return _close_keys(q, keys, MAX_FAMILY_KEYS)


_VOWEL_KEYS = "AEIOU"
# First sounds the skeleton merges (names.skeleton): the hushing X and S, J and G.
_FIRST_CLASSES = {"S": "SX", "X": "SX", "J": "JG", "G": "JG"}
# Letters a spelling adds or drops in front of a consonant (names.bare_loose).
_PREFIX_KEYS = "AEIOUNM"
# Family names of more words than this are not tried in every order (6 orders for 3).
MAX_ORDERED_WORDS = 3


def _range_prefixes(q: str) -> set[str]:
    """Key prefixes where a key with the outline of ``q`` may sort: the second letter
    another vowel, the first sound spelled otherwise (S/X, J/G); and, three letters long
    (the loose keys then agree on them), DI before a vowel for J, a first nasal or vowel
    dropped or added before a consonant. Only the first sound of a longer prefix is taken
    in its class (a hushing X further on is not looked for): the loose keys of a kept key
    and ``q`` agree on their first letters (``names.same_outline``)."""
    out: set[str] = set()
    seconds = _VOWEL_KEYS if q[1] in _VOWEL_KEYS else q[1]
    for a in _FIRST_CLASSES.get(q[0], q[0]):
        out.update(a + b for b in seconds)
    if q[:2] == "DI" and q[2:3] in _VOWEL_KEYS:
        out.update(("J" + q[2:4], "G" + q[2:4]))  # DIALO may be spelled JALO
    if q[0] in "JG":
        out.add("DI" + q[1:3])  # ... and JALO DIALO
    base = q
    if len(q) > 2 and q[0] in _PREFIX_KEYS and q[1] not in _VOWEL_KEYS:
        base = q[1:]  # NKONGOLO may be spelled KONGOLO
        out.update(a + base[1:3] for a in _FIRST_CLASSES.get(base[0], base[0]))
    if base[0] not in _VOWEL_KEYS:
        for a in _FIRST_CLASSES.get(base[0], base[0]):
            out.update(p + a + base[1:3] for p in _PREFIX_KEYS)  # KONGOLO may be NKONGOLO
    return out


def _orders(fam: NameKey) -> list[str]:
    """The compact key of the family name, then of its words in every other order (MBIDI
    ILUNGA is ILUNGA MBIDI)."""
    words = fam.phon.split()
    out = [fam.compact]
    if 1 < len(words) <= MAX_ORDERED_WORDS:
        for order in itertools.permutations(words):
            c = "".join(order)
            if c not in out:
                out.append(c)
    return out


def outline_keys(db: Db, fam: NameKey, seen: list[str], table: str = "person_search") -> list[str]:
    """Family keys outside the query key's two-letter range with the same outline
    (``names.same_outline``): the second letter another vowel, the first sound spelled
    otherwise, a first nasal or vowel added or dropped; and the keys of the family name's
    words in another order."""
    q = fam.compact
    if len(q) < 2:
        return []
    best: dict[str, float] = {}

    def keep(k: str, close: float) -> None:
        if k not in seen and close > best.get(k, 0.0):
            best[k] = close

    prefixes = sorted(p for p in _range_prefixes(q) if not p.startswith(q[:2]))
    for k in keys_in_ranges(db, COMPACT_FAMILY, prefixes, table=table):
        # as close as the keys of the query's own range (SONNI/SUNNI), or the same outline
        close = outline_closeness(q, k)
        if close >= KEY_CLOSENESS:
            keep(k, close)
    # the words in another order: the range of that order's first word only
    for form in _orders(fam)[1:]:
        for k in distinct_keys(db, COMPACT_FAMILY, form[:2], _next_prefix(form[:2]), table=table):
            close = outline_closeness(form, k)
            if close >= KEY_CLOSENESS:
                keep(k, close)
    out = sorted(best, key=lambda k: -best[k])
    return out[:MAX_FAMILY_KEYS]


def _word_closeness(asked: list[str], words: list[str]) -> tuple[float, float]:
    """(best, aligned): the closeness of the best pair of an asked and a stored given name
    (any order: the key is kept when it reaches ``KEY_CLOSENESS``), and each asked name
    against its closest stored one, averaged, a stored name left out of the query costing
    ``FEWER_WORDS`` as in the score (``search_score``): the order the ranking will put the
    keys in (AMSETO before ABIBO ASETA)."""
    if not asked or not words:
        return 0.0, 0.0
    each = [max(outline_closeness(q, w) for w in words) for q in asked]
    aligned = sum(each) / len(asked)
    return max(each), aligned * FEWER_WORDS if len(words) > len(asked) else aligned


def given_keys(db: Db, family_key: str, given: NameKey, table: str = "person_search") -> list[str]:
    """Given-name keys (as stored, with spaces) under one family key, closest first: the keys
    starting like any asked given name (the names may come in another order)."""
    keys = _given_range(db, family_key, given, table)
    return [k for _s, k in scored_given_keys(given.phon, keys)]


def _given_firsts(given: NameKey, wide: bool) -> set[str]:
    """First letters of the given-name keys to scan: those of the asked names; ``wide``, the
    other vowels' too for a name starting with a vowel (Omar/Umar, Idris/Edris, Usman/Osman:
    short names whose first vowel is spelled otherwise)."""
    firsts = {w[:1] for w in given.phon.split()}
    if wide and firsts & set(_VOWEL_KEYS):
        firsts |= set(_VOWEL_KEYS)
    return firsts


def _given_range(
    db: Db, family_key: str, given: NameKey, table: str, *, skip: set[str] | None = None
) -> list[str]:
    """The distinct given-name keys under ``family_key`` starting like an asked given name;
    with ``skip`` (the letters already scanned), under the other first vowels instead
    (``_given_firsts``)."""
    firsts = _given_firsts(given, False) if skip is None else _given_firsts(given, True) - skip
    where = f"{COMPACT_FAMILY} = ?"
    return keys_in_ranges(db, "phon_given", sorted(firsts), where, (family_key,), table)


def scored_given_keys(q: str, keys: Iterable[str]) -> list[tuple[float, str]]:
    """(closeness, key) of the given-name keys worth fetching for the asked key ``q``, closest
    first (2 for the same key, 1.5 for the same names in another order)."""
    asked = q.split()
    scored = []
    for k in set(keys):
        words = k.split()
        if k == q:
            s = 2.0
        elif sorted(words) == sorted(asked):
            s = 1.5
        else:
            best, aligned = _word_closeness(asked, words)
            whole = key_closeness(q, k)
            if max(whole, best) < KEY_CLOSENESS:
                continue
            s = max(whole, aligned)
        scored.append((s, k))
    scored.sort(key=lambda x: (-x[0], x[1]))
    return scored[:MAX_GIVEN_KEYS]


def _fetch(
    db: Db,
    where: str,
    params: Sequence[Any],
    cap: int,
    extra: str = "",
    table: str = "person_search",
) -> list[PersonRow]:
    sql = f"SELECT {ROW_COLUMNS} FROM {table} WHERE {where}{extra} LIMIT ?"
    return [PersonRow(*r) for r in db.rows(sql, [*params, cap])]


def _exact(
    db: Db, q: NameQuery, cap: int, extra: str, rparams: list[str], table: str = "person_search"
) -> list[PersonRow]:
    """The exact spellings, from ``ix_person_search_norm_act`` alone (the rows are not read:
    on an encrypted store each would cost a page decryption). The phonetic keys are those of
    the normalised names; the post-nom, not asked for, is not read (left empty)."""
    fam = q.family
    if q.given:
        sql = (
            f"SELECT person_id, act_id, role, norm_given FROM {table}"
            f" WHERE norm_family = ? AND norm_given = ?{extra} LIMIT ?"
        )
        params: list[Any] = [fam.norm, q.given.norm, *rparams, cap]
    else:
        sql = (
            f"SELECT person_id, act_id, role, norm_given FROM {table}"
            f" WHERE norm_family = ?{extra} LIMIT ?"
        )
        params = [fam.norm, *rparams, cap]
    phon: dict[str, str] = {}
    out = []
    for pid, act_id, role, norm_given in db.rows(sql, params):
        pg = phon.get(norm_given)
        if pg is None:
            pg = phon[norm_given] = phonetic(norm_given)
        out.append(PersonRow(pid, act_id, role, fam.norm, fam.phon, norm_given, pg, "", ""))
    return out


def _family_rows(
    db: Db,
    q: NameQuery,
    keys: list[str],
    cap: int,
    where: tuple[str, list[str], str],
    add: Callable[[list[PersonRow]], None],
    found: Sized,
    *,
    strong: bool,
    memo: dict[str, list[tuple[float, str]]],
    wide: bool = False,
) -> None:
    """Add the rows of the table under each family key of ``keys`` until ``found`` holds
    ``cap``: when given names are asked for, only under the given-name keys as close as the
    same sound (``strong``) or only under the others; without given names, every row of the
    key (in the strong pass). ``memo`` keeps each family key's given keys for the next pass.
    ``wide``: only the given-name keys under the other first vowels (``_given_firsts``)."""
    extra, rparams, table = where
    for fk in keys:
        if len(found) >= cap:
            return
        if not q.given:
            if strong and not wide:
                add(_fetch(db, f"{COMPACT_FAMILY} = ?", [fk, *rparams], cap, extra, table))
            continue
        mkey = f"wide {fk}" if wide else fk
        scored = memo.get(mkey)
        if scored is None:
            skip = _given_firsts(q.given, False) if wide else None
            keys_here = _given_range(db, fk, q.given, table, skip=skip)
            scored = memo[mkey] = scored_given_keys(q.given.phon, keys_here)
        # One given key at a time, closest first: with ``IN (...)`` the cap would keep the
        # keys that sort first (IAKUBA ISA before MOIS ISA), not the closest.
        for s, gk in scored:
            if (s >= STRONG_GIVEN) != strong:
                continue
            if len(found) >= cap:
                return
            add(
                _fetch(
                    db,
                    f"{COMPACT_FAMILY} = ? AND phon_given = ?",
                    [fk, gk, *rparams],
                    cap,
                    extra,
                    table,
                )
            )


@functools.lru_cache(maxsize=10_000)
def _loose_given_closeness(asked: str, stored: str) -> float:
    words = stored.split()
    return _word_closeness(asked.split(), words)[0] if words else 0.0


def _loosely_given(asked: list[str], stored: str) -> bool:
    """Whether a stored given-name key is at least ``LOOSE_GIVEN`` close to an asked given
    name, word by word (Andélé for André: yes; Haoua Odile for Paul: no)."""
    return _loose_given_closeness(" ".join(asked), stored) >= LOOSE_GIVEN


def _rare_family_rows(
    db: Db,
    q: NameQuery,
    keys: list[str],
    cap: int,
    where: tuple[str, list[str], str],
    add: Callable[[list[PersonRow]], None],
    found: Sized,
) -> None:
    """Add the rows under each family key of ``keys`` as close as ``RARE_CLOSENESS`` to the
    asked one and borne by at most ``RARE_FAMILY_ROWS`` rows, whose given names are
    ``LOOSE_GIVEN`` close to an asked one, until ``found`` holds ``cap``. A common family
    name is left to the given-name keys (its rows would fill the cap with people the score
    then drops)."""
    extra, rparams, table = where
    asked = q.given.phon.split()
    for fk in keys:
        if len(found) >= cap:
            return
        if outline_closeness(q.family.compact, fk) < RARE_CLOSENESS:
            continue
        rows = _fetch(
            db, f"{COMPACT_FAMILY} = ?", [fk, *rparams], RARE_FAMILY_ROWS + 1, extra, table
        )
        if len(rows) <= RARE_FAMILY_ROWS:
            add([r for r in rows if _loosely_given(asked, r.phon_given)])


def role_clause(roles: Sequence[str] | None) -> tuple[str, list[str]]:
    if not roles:
        return "", []
    return f" AND role IN ({', '.join('?' for _ in roles)})", list(roles)


def candidate_rows(
    db: Db, q: NameQuery, *, cap: int, roles: Sequence[str] | None = None
) -> list[PersonRow]:
    """Persons whose names may match ``q``, from indexed lookups only: by the names as
    corrected by mentions, then by the names as registered (a person may come twice, once
    per name: callers keep the better score)."""
    found: dict[tuple[int, str, str, str], PersonRow] = {}
    for table in db.name_tables():
        if _lookup(db, q, cap, roles, table, found):
            break
    return list(found.values())


def _lookup(
    db: Db,
    q: NameQuery,
    cap: int,
    roles: Sequence[str] | None,
    table: str,
    found: dict[tuple[int, str, str, str], PersonRow],
) -> bool:
    """Add the rows of ``table`` matching ``q`` to ``found``; True when the cap is reached."""
    extra, rparams = role_clause(roles)

    def add(rows: list[PersonRow]) -> None:
        for r in rows:
            found.setdefault((r.person_id, r.norm_family, r.norm_given, r.norm_post_nom), r)

    if q.family:
        if not q.post_nom:
            if not roles:
                # The acts' own subjects first: they outrank a parent of the same name, and
                # their row is the one shown, so the page needs no second person lookup.
                add(_exact(db, q, cap, *role_clause(SUBJECT_ROLES), table))
            if len(found) < cap:
                add(_exact(db, q, cap, extra, rparams, table))
        elif q.given:
            add(
                _fetch(
                    db,
                    "norm_family = ? AND norm_given = ?",
                    [q.family.norm, q.given.norm, *rparams],
                    cap,
                    extra,
                    table,
                )
            )
        else:
            add(_fetch(db, "norm_family = ?", [q.family.norm, *rparams], cap, extra, table))
        if len(found) >= cap:
            return True  # enough exact spellings: nothing else ranks higher
        keys = family_keys(db, q.family, table)
        where = (extra, rparams, table)
        memo: dict[str, list[tuple[float, str]]] = {}
        # Given names that sound the same under every close family key first (SAVADOGO
        # Moïse Issa before SAWADOGO Yacouba Issa), then the looser given names.
        _family_rows(db, q, keys, cap, where, add, found, strong=True, memo=memo)
        _family_rows(db, q, keys, cap, where, add, found, strong=False, memo=memo)
        outline: list[str] = []
        if len(found) < cap:
            # Few hits: also the keys spelled otherwise (the same outline: OUEDRAOGO/
            # OUIDIRAOGO, TSHOMBE/CIOMBE, JALLOW/DIALLO, NKONGOLO/KONGOLO, words swapped).
            outline = outline_keys(db, q.family, keys, table)
            for strong in (True, False):
                _family_rows(db, q, outline, cap, where, add, found, strong=strong, memo=memo)
        if (
            len(found) < cap
            and q.given
            and _given_firsts(q.given, True) != _given_firsts(q.given, False)
        ):
            # Still few hits: given names whose first vowel is spelled otherwise (Umar/Omar).
            more = keys + outline
            for strong in (True, False):
                _family_rows(
                    db, q, more, cap, where, add, found, strong=strong, memo=memo, wide=True
                )
        if len(found) < cap and q.given:
            # Still few hits: every person of a *rare* close family name, whatever the given
            # names (Andélé for André, Funsu for Afonso: too far for the given-name keys, but
            # the score of the whole name decides, and a rare name costs a few rows).
            _rare_family_rows(db, q, keys + outline, cap, where, add, found)
    elif q.given:
        add(_fetch(db, "norm_given = ?", [q.given.norm, *rparams], cap, extra, table))
        add(
            _fetch(
                db,
                "replace(phon_given, ' ', '') = ?",
                [q.given.compact, *rparams],
                cap,
                extra,
                table,
            )
        )
        lo = q.given.norm
        add(
            _fetch(
                db,
                "norm_given >= ? AND norm_given < ?",
                [lo, _next_prefix(lo), *rparams],
                cap,
                extra,
                table,
            )
        )
    return len(found) >= cap
