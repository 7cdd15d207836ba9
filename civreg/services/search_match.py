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

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from civreg.domain.c_readings import c_as_ch, ch_as_c
from civreg.domain.names import phonetic
from civreg.services.search_db import (
    COMPACT_FAMILY,
    REGISTERED_FAMILY,
    Db,
    FamilyExpr,
    next_prefix,
    other_names,
    reading,
)
from civreg.services.search_keys import (
    class_keys,
    family_keys,
    given_firsts,
    given_range,
    loosely_given,
    outline_closeness,
    outline_keys,
    scored_given_keys,
)
from civreg.services.search_score import NameKey, NameQuery, PersonRow

__all__ = ["COMPACT_FAMILY", "Db", "candidate_rows", "reading", "role_clause"]

# Given-name keys at least this close are fetched first, under every family key (2 = the
# same key, 1.5 = the same names in another order, 0.96 = one stored name not asked for).
STRONG_GIVEN = 0.9
# A family key kept when a page is still not full is read whole, whatever the given names,
# when it is at least this close to the asked one (the outline tier counts as 0.72) ...
RARE_CLOSENESS = 0.72
# ... and borne by at most this many persons (a rare name: a few rows to score).
RARE_FAMILY_ROWS = 40
ROW_COLUMNS = (
    "person_id, act_id, role, norm_family, phon_family, norm_given, phon_given, "
    "norm_post_nom, phon_post_nom"
)
# A word of a family name asked in several is looked up alone from this many letters of key
# (not the N of N'DRI: every key starting with N).
MIN_WORD_KEY = 3
# The person whose act it is (search.ROLE_WEIGHT 1.0), looked up first by exact spelling.
SUBJECT_ROLES = ("child", "deceased", "spouse1", "spouse2")


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
        if _Lookup(db, q, cap, roles, table, found).run():
            break
    return list(found.values())


@dataclass
class _Lookup:
    """The rows of one name table matching one query, added to ``found`` until ``cap``."""

    db: Db
    q: NameQuery
    cap: int
    roles: Sequence[str] | None
    table: str
    found: dict[tuple[int, str, str, str], PersonRow]
    # each family key's given-name keys, scored, for the next pass ("wide " + key: the keys
    # under the other first vowels)
    memo: dict[str, list[tuple[float, str]]] = field(default_factory=dict)
    # the family keys looked up: of the registered family name, or of another name
    # (``search_db.other_names``)
    by: FamilyExpr = REGISTERED_FAMILY

    @property
    def full(self) -> bool:
        return len(self.found) >= self.cap

    def add(self, rows: list[PersonRow]) -> None:
        for r in rows:
            self.found.setdefault((r.person_id, r.norm_family, r.norm_given, r.norm_post_nom), r)

    def fetch(self, where: str, params: Sequence[Any], limit: int = 0) -> list[PersonRow]:
        extra, rparams = role_clause(self.roles)
        return _fetch(self.db, where, [*params, *rparams], limit or self.cap, extra, self.table)

    def family_rows(self, keys: list[str], *, strong: bool, wide: bool = False) -> None:
        """Add the rows under each family key of ``keys`` until full: when given names are
        asked for, only under the given-name keys as close as the same sound (``strong``) or
        only under the others; without given names, every row of the key (in the strong
        pass). ``wide``: only the given-name keys under the other first vowels
        (``search_keys.given_firsts``)."""
        q = self.q
        for fk in keys:
            if self.full:
                return
            if not q.given:
                if strong and not wide:
                    self.add(self.fetch(self.by.where(), [fk]))
                continue
            mkey = f"wide {fk}" if wide else fk
            scored = self.memo.get(mkey)
            if scored is None:
                skip = given_firsts(q.given, False) if wide else None
                keys_here = given_range(self.db, fk, q.given, self.table, skip=skip, by=self.by)
                scored = self.memo[mkey] = scored_given_keys(q.given.phon, keys_here)
            # One given key at a time, closest first: with ``IN (...)`` the cap would keep
            # the keys that sort first (IAKUBA ISA before MOIS ISA), not the closest.
            for s, gk in scored:
                if (s >= STRONG_GIVEN) != strong:
                    continue
                if self.full:
                    return
                self.add(self.fetch(self.by.where("phon_given = ?"), [fk, gk]))

    def rare_family_rows(self, keys: list[str]) -> None:
        """Add the rows under each family key of ``keys`` as close as ``RARE_CLOSENESS`` to
        the asked one and borne by at most ``RARE_FAMILY_ROWS`` rows, whose given names are
        ``LOOSE_GIVEN`` close to an asked one, until full. A common family name is left to
        the given-name keys (its rows would fill the cap with people the score drops)."""
        asked = self.q.given.phon.split()
        for fk in keys:
            if self.full:
                return
            if outline_closeness(self.q.family.compact, fk) < RARE_CLOSENESS:
                continue
            rows = self.fetch(f"{COMPACT_FAMILY} = ?", [fk], RARE_FAMILY_ROWS + 1)
            if len(rows) <= RARE_FAMILY_ROWS:
                self.add([r for r in rows if loosely_given(asked, r.phon_given)])

    def other_name_rows(self) -> None:
        """Add the persons who bear the family name asked as *another* of their names, until
        full: the second word of a family name in two (DAFING for MARKA DAFING) and, when no
        post-nom was asked for, the post-nom (MUTOMBO for KABONGO, post-nom MUTOMBO), on the
        indexes of migration 0011; and, for a family name asked in several words, the
        persons registered under one of them (DAFING for MARKA DAFING). The same passes as
        for the registered family keys."""
        q = self.q
        for by in other_names(self.db.dialect):
            if q.post_nom and by.name == "post_nom":
                continue
            self._passes(replace(self, by=by, memo={}), q.family)
        if not self.full:
            # a people's name with another class prefix, or none (BAKUBA/KUBA)
            keys = class_keys(self.db, q.family, [], self.table)
            other = replace(self, memo={})
            for strong in (True, False):
                other.family_rows(keys, strong=strong)
        words = q.family.phon.split()
        if len(words) > 1:
            for word in words:
                if len(word) >= MIN_WORD_KEY:
                    self._passes(replace(self, memo={}), NameKey(word, word))

    def _passes(self, other: _Lookup, family: NameKey) -> None:
        if self.full:
            return
        keys = family_keys(self.db, family, self.table, other.by)
        for strong in (True, False):
            other.family_rows(keys, strong=strong)

    def run(self) -> bool:
        """Add the rows of the table matching the query; True when the cap is reached."""
        q = self.q
        if q.family:
            if self._exact_spellings():
                return True  # enough exact spellings: nothing else ranks higher
            keys = family_keys(self.db, q.family, self.table)
            # Given names that sound the same under every close family key first (SAVADOGO
            # Moïse Issa before SAWADOGO Yacouba Issa), then the looser given names.
            self.family_rows(keys, strong=True)
            self.family_rows(keys, strong=False)
            outline: list[str] = []
            if not self.full:
                # Few hits: also the keys spelled otherwise (the same outline: OUEDRAOGO/
                # OUIDIRAOGO, TSHOMBE/CIOMBE, JALLOW/DIALLO, NKONGOLO/KONGOLO, words swapped).
                outline = outline_keys(self.db, q.family, keys, self.table)
                for strong in (True, False):
                    self.family_rows(outline, strong=strong)
            if not self.full:
                # C before A/O/U asked, CH stored, or the other way round (CUI/CHUI,
                # ACOLI/ACHOLI): the other spelling's keys sort in another range
                for other in (c_as_ch(q.family.norm), ch_as_c(q.family.norm)):
                    if other:
                        self._passes(replace(self, memo={}), NameKey.of(other))
            wider = q.given and given_firsts(q.given, True) != given_firsts(q.given, False)
            if not self.full and wider:
                # Still few hits: given names whose first vowel is spelled otherwise
                # (Umar/Omar).
                for strong in (True, False):
                    self.family_rows(keys + outline, strong=strong, wide=True)
            if not self.full and q.given:
                # Still few hits: every person of a *rare* close family name, whatever the
                # given-name keys (Andélé for André, Funsu for Afonso): the score of the
                # whole name decides, and a rare name costs a few rows.
                self.rare_family_rows(keys + outline)
            if not self.full:
                self.other_name_rows()
        elif q.given:
            self.add(self.fetch("norm_given = ?", [q.given.norm]))
            self.add(self.fetch("replace(phon_given, ' ', '') = ?", [q.given.compact]))
            lo = q.given.norm
            self.add(self.fetch("norm_given >= ? AND norm_given < ?", [lo, next_prefix(lo)]))
        return self.full

    def _exact_spellings(self) -> bool:
        """Add the exact spellings; True when they fill the cap."""
        q, extra, rparams = self.q, *role_clause(self.roles)
        if not q.post_nom:
            if not self.roles:
                # The acts' own subjects first: they outrank a parent of the same name, and
                # their row is the one shown, so the page needs no second person lookup.
                self.add(_exact(self.db, q, self.cap, *role_clause(SUBJECT_ROLES), self.table))
            if not self.full:
                self.add(_exact(self.db, q, self.cap, extra, rparams, self.table))
        elif q.given:
            self.add(
                self.fetch("norm_family = ? AND norm_given = ?", [q.family.norm, q.given.norm])
            )
        else:
            self.add(self.fetch("norm_family = ?", [q.family.norm]))
        return self.full
