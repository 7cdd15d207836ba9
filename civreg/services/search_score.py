"""How close a stored person's name is to the name asked (0–100): the same spelling is 100,
the same sound 90–100, the same consonant outline 72–89, otherwise the rapidfuzz blend of
:func:`civreg.domain.names.similarity`; words compared in any order. No database here:
:mod:`civreg.services.search_match` finds the candidates, this scores them, memoised per
query since a million rows hold only a few thousand distinct names.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field

from rapidfuzz.distance import OSA

from civreg.domain.c_readings import c_as_ch
from civreg.domain.class_prefixes import same_core
from civreg.domain.name_equivalents import one_name
from civreg.domain.names import dated_outlines, normalize, phonetic, same_outline, similarity

FIELD_WEIGHTS = {"family": 0.5, "given": 0.35, "post_nom": 0.15}
# A post-nom asked for but absent from the act costs a little, not the match.
MISSING_POST_NOM = 80.0
# One name in another language's form (``name_equivalents``: Kwesi/Kouassi, Zaynab/Seynabou):
# below the same sound (90), above a people's name with another class prefix (86).
EQUIVALENT_SCORE = 88.0
# Same consonant outline (names.skeleton), another key: 72 + 16 × the spelling similarity,
# below the same sound (90) and above the threshold (63).
SKELETON_BASE = 72.0
SKELETON_SPAN = 16.0
SKELETON_CAP = 89.0
# ... and only when at least half the spelling is shared: a three-letter outline alone joins
# different names (KIHEMBA/KAMBOU: K-M-B, spelling 0.29); the published spellings of one
# name share 0.57 (TSHOMBE/CIOMBE, CIKWA/TSHIKWA) to 0.88 (SAWADOGO/SAVADOGO).
SKELETON_SPELLING_MIN = 0.5
# A name in one word or two is compared whole when the letters differ by at most this many.
JOINED_LENGTH_GAP = 2
# The post-nom given in the family name's field (DRC: MUTOMBO for KABONGO, post-nom MUTOMBO)
# scores this share of its match: below the person whose family name it is.
POST_NOM_AS_FAMILY = 0.96
# A people's name with another Bantu class prefix, or none (BAKUBA/KUBA:
# ``class_prefixes.same_core``), in the skeleton tier: below the same sound.
CLASS_PREFIX_SCORE = 86.0
# Family names of one dated outline (POKE/PUKI, BIRA/BILA) in a search narrowed to a few
# days: the given names must then be close for the person to reach the threshold (63).
DATED_OUTLINE_SCORE = 75.0
# A family name asked in one word more than registered (MARKA DAFING for DAFING): at most
# 0.96 × 0.84 ≈ 80, so that only close given names carry the person over the threshold
# (SEKOU OUATTARA asked must not bring every OUATTARA of the day).
FEWER_WORDS_STORED = 0.84
# A given name of the act left out of the query (Aminata for "Aminata Salif").
FEWER_WORDS = 0.96


def compact(key: str) -> str:
    return key.replace(" ", "")


@dataclass(frozen=True)
class NameKey:
    """One name as typed, in the forms the index holds."""

    norm: str
    phon: str

    @property
    def compact(self) -> str:
        return compact(self.phon)

    @classmethod
    def of(cls, text: str) -> NameKey:
        return cls(normalize(text), phonetic(text))

    def __bool__(self) -> bool:
        return bool(self.norm)


@dataclass(frozen=True)
class NameQuery:
    """A person's name to look for (any part may be empty, not all)."""

    family: NameKey
    given: NameKey
    post_nom: NameKey

    @classmethod
    def of(cls, family: str = "", given: str = "", post_nom: str = "") -> NameQuery:
        return cls(NameKey.of(family), NameKey.of(given), NameKey.of(post_nom))


@dataclass(frozen=True)
class PersonRow:
    person_id: int
    act_id: int
    role: str
    norm_family: str
    phon_family: str
    norm_given: str
    phon_given: str
    norm_post_nom: str
    phon_post_nom: str


@dataclass
class Scorer:
    """Memoised field scores for one query (rows repeat the same few thousand names)."""

    q: NameQuery
    # A family name asked for but scoring below this leaves the row at 0 (search: an exact
    # given name must not carry an unrelated family name onto the page; 0 = no floor).
    min_family: float = 0.0
    # A search narrowed to a few days: family names of the same ``names.dated_outline``
    # score ``DATED_OUTLINE_SCORE`` (the other persons of those days are few).
    dated: bool = False
    _memo: dict[tuple[str, str], float] = field(default_factory=dict)
    # Whole-row scores by the normalised names (the phonetic keys follow from them).
    _rows: dict[tuple[str, str, str], float] = field(default_factory=dict)

    def field(self, which: str, key: NameKey, norm: str, phon: str) -> float:
        memo_key = (which, norm)
        hit = self._memo.get(memo_key)
        if hit is not None:
            return hit
        score = given_field_score(key, norm, phon) if which == "g" else field_score(key, norm, phon)
        if which == "g" and self.dated and ("kh" in key.norm or "kh" in norm):
            # an Arabic KH written H (Khadija/Hadija, Khalifa/Halifa): the key keeps K
            score = max(score, field_score(_kh_as_h(key), *_kh_as_h_stored(norm)))
        if which == "f":
            if len(norm.split()) + 1 == len(key.norm.split()):
                score = max(score, fewer_words_stored(key, norm, phon))
            if score < CLASS_PREFIX_SCORE and same_core(key.phon, phon):
                score = CLASS_PREFIX_SCORE
            dated_low = self.dated and score < DATED_OUTLINE_SCORE
            if dated_low and dated_outlines(key.phon) & dated_outlines(phon):
                score = DATED_OUTLINE_SCORE
        self._memo[memo_key] = score
        return score

    def row(self, r: PersonRow) -> float:
        key = (r.norm_family, r.norm_given, r.norm_post_nom)
        hit = self._rows.get(key)
        if hit is None:
            hit = self._rows[key] = self.names(
                r.norm_family,
                r.phon_family,
                r.norm_given,
                r.phon_given,
                r.norm_post_nom,
                r.phon_post_nom,
            )
        return hit

    def names(self, nf: str, pf: str, ng: str, pg: str, npn: str = "", ppn: str = "") -> float:
        total = weight = 0.0
        q = self.q
        if q.family:
            s = self.field("f", q.family, nf, pf)
            if q.post_nom and not npn:
                # The query's family + post-nom may be the act's family name in two words.
                s = max(
                    s,
                    self.field(
                        "fp",
                        NameKey(
                            f"{q.family.norm} {q.post_nom.norm}",
                            f"{q.family.phon} {q.post_nom.phon}",
                        ),
                        nf,
                        pf,
                    ),
                )
            if npn and not q.post_nom and s < POST_NOM_AS_FAMILY * 100.0:
                s = max(s, POST_NOM_AS_FAMILY * self.field("pf", q.family, npn, ppn))
            if s < self.min_family:
                return 0.0
            total += FIELD_WEIGHTS["family"] * s
            weight += FIELD_WEIGHTS["family"]
        if q.given:
            total += FIELD_WEIGHTS["given"] * self.field("g", q.given, ng, pg)
            weight += FIELD_WEIGHTS["given"]
        if q.post_nom:
            s = self.field("p", q.post_nom, npn, ppn) if npn else MISSING_POST_NOM
            total += FIELD_WEIGHTS["post_nom"] * s
            weight += FIELD_WEIGHTS["post_nom"]
        return round(total / weight, 2) if weight else 0.0


def field_score(key: NameKey, norm: str, phon: str) -> float:
    """Score of one stored name field against what was asked for it; a C before A/O/U, asked
    or stored, may be the other's CH (``c_readings.c_as_ch``: CUI/CHUI, ACOLI/ACHOLI), scored
    as the same sound spelled otherwise."""
    score = _field_score(key, norm, phon)
    if score < SAME_SOUND and norm and ("c" in key.norm or "c" in norm):
        asked, stored = c_as_ch(key.norm), c_as_ch(norm)
        if (asked and _field_score(_key_of(asked), norm, phon) >= SAME_SOUND) or (
            stored and _field_score(key, stored, phonetic(stored)) >= SAME_SOUND
        ):
            return round(SAME_SOUND + 10.0 * OSA.normalized_similarity(key.norm, norm), 2)
    return score


SAME_SOUND = 90.0


@functools.lru_cache(maxsize=10_000)
def _key_of(norm: str) -> NameKey:
    return NameKey(norm, phonetic(norm))


def _field_score(key: NameKey, norm: str, phon: str) -> float:
    if not norm:
        return 0.0
    if norm == key.norm:
        return 100.0
    if phon == key.phon or compact(phon) == key.compact:
        return round(90.0 + 10.0 * OSA.normalized_similarity(key.norm, norm), 2)
    score = _word_score(key.norm, key.phon, norm, phon)
    if len(key.norm) >= 3 and norm.startswith(key.norm):
        score = max(score, 85.0)  # the beginning of the name was typed
    if " " in norm or " " in key.norm:
        score = max(score, _aligned(key, norm, phon))
        joined, asked = norm.replace(" ", ""), key.norm.replace(" ", "")
        if (
            score < SKELETON_CAP
            and (" " in norm) != (" " in key.norm)
            and abs(len(joined) - len(asked)) <= JOINED_LENGTH_GAP
        ):
            # one name written in one word or two (KASONBURA, KASOM-BURA): compared whole,
            # when as long (not a second given name left out: the words are aligned above)
            score = max(score, _word_score(asked, key.compact, joined, compact(phon)))
    return score


def _kh_as_h(key: NameKey) -> NameKey:
    return NameKey.of(key.norm.replace("kh", "h"))


def _kh_as_h_stored(norm: str) -> tuple[str, str]:
    n = norm.replace("kh", "h")
    return n, phonetic(n)


def fewer_words_stored(key: NameKey, norm: str, phon: str) -> float:
    """A family name asked in one word more than registered (MARKA DAFING for DAFING):
    each registered word against its closest asked word, scaled by ``FEWER_WORDS_STORED``
    (at most 80: the given names must then be close) — the converse of a word left out of
    the query, which costs less (a word asked is rarely dropped) — when every registered
    word sounds the same as an asked one (else 0: OUEDRAOGO is not SEKOU OUEDRAOGO's
    spelling of SANOU). Family names only: an extra given name asked is more often another
    person's (a father's name added)."""
    asked = key.phon.split()
    if not all(w in asked for w in phon.split()):
        return 0.0
    return round(_aligned(NameKey(norm, phon), key.norm, key.phon) * FEWER_WORDS_STORED, 2)


def _word_score(qn: str, qp: str, norm: str, phon: str) -> float:
    """``similarity``, raised to the skeleton tier when the outlines agree (``same_outline``)."""
    score = similarity(qn, norm)
    if score < SKELETON_CAP and same_outline(qp, phon):
        spelling = OSA.normalized_similarity(qn, norm)
        if spelling >= SKELETON_SPELLING_MIN:
            tier = SKELETON_BASE + SKELETON_SPAN * spelling
            score = max(score, round(min(SKELETON_CAP, tier), 2))
    return score


def given_field_score(key: NameKey, norm: str, phon: str) -> float:
    """``field_score`` of a given-name field, where two forms of one given name
    (``name_equivalents``: Kwesi/Kouassi, Zaynab/Seynabou) score ``EQUIVALENT_SCORE``, word by
    word. Given names only: as family names (KOUAKOU, KOFFI, YAO) the table's short forms
    would join other families (KOKO, KOW)."""
    score = field_score(key, norm, phon)
    if score < EQUIVALENT_SCORE and norm:
        score = max(score, _aligned(key, norm, phon, equivalents=True))
    return score


def _aligned(key: NameKey, norm: str, phon: str, *, equivalents: bool = False) -> float:
    """Word by word, in any order: each asked word against its best stored word (a second
    given name left out, or the names written in another order, cost little); with
    ``equivalents``, two forms of one given name score ``EQUIVALENT_SCORE``."""
    stored = list(zip(norm.split(), phon.split(), strict=False))
    asked = list(zip(key.norm.split(), key.phon.split(), strict=False))
    if not stored or not asked:
        return 0.0
    total = 0.0
    for qn, qp in asked:
        best = 0.0
        for n, p in stored:
            if n == qn:
                best = 100.0
                break
            if p == qp:
                s = 90.0 + 10.0 * OSA.normalized_similarity(qn, n)
            else:
                s = _word_score(qn, qp, n, p)
                if equivalents and s < EQUIVALENT_SCORE and one_name(qp, p):
                    s = EQUIVALENT_SCORE
            best = max(best, s)
        total += best
    score = total / len(asked)
    if len(stored) > len(asked):
        score *= FEWER_WORDS
    return round(score, 2)
