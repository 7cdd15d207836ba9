"""Which indexed keys are worth fetching for a name asked: how close a key is to the query's
(the same sound, a prefix typed, a slip, the same outline), the family keys of the query's
two-letter range and of the ranges its outline may sort in (another vowel, S/X, J/G, DI for
J, a first nasal or vowel added or dropped, the words in another order), and the given-name
keys under a family key, closest first. :mod:`search_match` fetches their rows."""

from __future__ import annotations

import functools
import itertools
from collections.abc import Iterable

from rapidfuzz.distance import OSA

from civreg.domain.class_prefixes import CLASS_PREFIXES, same_core
from civreg.domain.name_equivalents import equivalent_keys, one_name
from civreg.domain.names import same_outline
from civreg.services.search_db import (
    COMPACT_FAMILY,
    REGISTERED_FAMILY,
    Db,
    FamilyExpr,
    distinct_keys,
    keys_in_ranges,
    next_prefix,
)
from civreg.services.search_score import FEWER_WORDS, NameKey

# How far a key may be from the query key and still be looked at (OSA similarity 0–1).
KEY_CLOSENESS = 0.72
# The rows of one lookup (more are "at least": the page says so, and the clerk refines).
# At most this many family keys (and given keys per family) are fetched, best first.
MAX_FAMILY_KEYS = 12
MAX_GIVEN_KEYS = 12
# A given name loosely close (``loosely_given``): a rare family name read whole keeps the
# persons whose given names are at least this close to an asked one (word by word).
LOOSE_GIVEN = 0.5
# Two forms of one given name (``name_equivalents``: Kwesi/Kouassi) are this close: fetched
# after the keys that sound the same (``search_match.STRONG_GIVEN``) and after misspellings
# (0.8 and up: MAMDOU for MAMADOU), just above the threshold of a key kept at all.
EQUIVALENT_CLOSENESS = 0.75


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


def family_keys(
    db: Db, fam: NameKey, table: str = "person_search", by: FamilyExpr = REGISTERED_FAMILY
) -> list[str]:
    """Compact family keys worth fetching for ``fam``, closest first (``by``: the keys of
    another name of the persons, ``search_db.other_names``)."""
    q = fam.compact
    if not q:
        return []
    prefix = q[:2]
    keys = distinct_keys(db, by.expr, prefix, next_prefix(prefix), by.cond, table=table)
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
    """Family keys outside the query key's two-letter range, closest first: in the ranges
    its outline may sort in (``_range_prefixes``), those as close as the keys of its own
    range or of the same outline (``names.same_outline``); and the keys of the family
    name's words in another order."""
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
    others = _orders(fam)[1:]
    if others:
        starts = sorted({form[:2] for form in others})
        for k in keys_in_ranges(db, COMPACT_FAMILY, starts, table=table):
            close = max(outline_closeness(form, k) for form in others)
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
    each = [max(_given_closeness(q, w) for w in words) for q in asked]
    aligned = sum(each) / len(asked)
    return max(each), aligned * FEWER_WORDS if len(words) > len(asked) else aligned


def _given_closeness(q: str, w: str) -> float:
    """``outline_closeness`` of two given-name words, or ``EQUIVALENT_CLOSENESS`` for two forms
    of one name."""
    s = outline_closeness(q, w)
    if s < EQUIVALENT_CLOSENESS and one_name(q, w):
        return EQUIVALENT_CLOSENESS
    return s


def given_firsts(given: NameKey, wide: bool) -> set[str]:
    """First letters of the given-name keys to scan: those of the asked names and of their
    other forms (``name_equivalents``: A for Kwesi, whose other form is Akwasi; Z for
    Seynabou, whose other form is Zaynab); ``wide``, the other vowels' too for a name
    starting with a vowel (Omar/Umar, Idris/Edris, Usman/Osman: short names whose first
    vowel is spelled otherwise)."""
    words = given.phon.split()
    firsts = {w[:1] for w in words} | {k[:1] for w in words for k in equivalent_keys(w)}
    if wide and firsts & set(_VOWEL_KEYS):
        firsts |= set(_VOWEL_KEYS)
    return firsts


def given_range(
    db: Db,
    family_key: str,
    given: NameKey,
    table: str,
    *,
    skip: set[str] | None = None,
    by: FamilyExpr = REGISTERED_FAMILY,
) -> list[str]:
    """The distinct given-name keys under ``family_key`` (of the expression ``by``) starting
    like an asked given name; with ``skip`` (the letters already scanned), under the other
    first vowels instead (``_given_firsts``)."""
    firsts = given_firsts(given, False) if skip is None else given_firsts(given, True) - skip
    return keys_in_ranges(db, "phon_given", sorted(firsts), by.where(), (family_key,), table)


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


@functools.lru_cache(maxsize=10_000)
def _loose_given_closeness(asked: str, stored: str) -> float:
    words = stored.split()
    return _word_closeness(asked.split(), words)[0] if words else 0.0


def loosely_given(asked: list[str], stored: str) -> bool:
    """Whether a stored given-name key is at least ``LOOSE_GIVEN`` close to an asked given
    name, word by word (Andélé for André: yes; Haoua Odile for Paul: no)."""
    return _loose_given_closeness(" ".join(asked), stored) >= LOOSE_GIVEN


_LIQUID_SWAP = str.maketrans("LR", "RL")


def _liquids(key: str) -> set[str]:
    """``key`` and, when its first two letters hold an L or an R, the same with them swapped:
    the ranges a prefixed name's core may be stored under."""
    head = key[:2]
    return {key, head.translate(_LIQUID_SWAP) + key[2:]}


def class_keys(db: Db, fam: NameKey, seen: list[str], table: str = "person_search") -> list[str]:
    """Family keys that are the asked one-word name with a class prefix added, dropped or
    changed (``class_prefixes.same_core``: BAKUBA for KUBA, KUBA for BAKUBA, BAHEMBA for
    MUHEMBA): the ranges of the name behind each prefix, probed in one statement, and
    the ranges of its core."""
    q = fam.compact
    if " " in fam.phon or len(q) < 2:
        return []
    cores = {q[len(p) :] for p in CLASS_PREFIXES if q.startswith(p) and len(q) - len(p) >= 2}
    # L and R are one sound behind a prefix (BANYALWANDA for RWANDA): both spellings' ranges
    cores = {v for c in cores for v in _liquids(c)}
    prefixes = sorted({(p + c)[: len(p) + 2] for p in CLASS_PREFIXES for c in _liquids(q) | cores})
    out = [
        k
        for k in keys_in_ranges(db, COMPACT_FAMILY, prefixes, table=table)
        if k not in seen and same_core(q, k)
    ]
    for core in sorted(cores):
        for k in distinct_keys(db, COMPACT_FAMILY, core[:2], next_prefix(core[:2]), table=table):
            if k not in seen and k not in out and same_core(q, k):
                out.append(k)
    return out[:MAX_FAMILY_KEYS]
