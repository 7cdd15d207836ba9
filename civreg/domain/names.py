"""Name normalisation, a phonetic key and a similarity score for names on civil status acts.

Names in Burkina Faso and the DR Congo are written many ways (OUEDRAOGO / OUÉDRAOGO /
WEDRAOGO, TSHISEKEDI / TCHISEKEDI, KABONGO / KABONGOU). Search and duplicate detection compare
two forms computed here and stored next to each name:

- :func:`normalize` — accents removed, lower case, one space between words;
- :func:`phonetic` — a key in which the usual French-written spellings of one name are equal.

The rules of the key, their order, the reasons and the known collisions are documented in
``docs/phonetic-key.md``. The key is stored in the database: any change to :func:`phonetic`
that changes a key must bump :data:`PHONETIC_VERSION` and come with a migration that
recomputes the stored keys.

Everything here is pure and fast (bulk loads run it on a million names).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from rapidfuzz import fuzz
from rapidfuzz.distance import OSA

__all__ = [
    "PHONETIC_RULES",
    "PHONETIC_VERSION",
    "SIMILAR_THRESHOLD",
    "loose_key",
    "name_tokens",
    "normalize",
    "phonetic",
    "phonetic_token",
    "same_outline",
    "search_keys",
    "similarity",
    "skeleton",
]

PHONETIC_VERSION = 1

# Letters that Unicode decomposition leaves alone but that have an obvious Latin spelling.
_LIGATURES = str.maketrans(
    {
        "œ": "oe",
        "æ": "ae",
        "ø": "o",
        "đ": "d",
        "ð": "d",
        "ł": "l",
        "þ": "th",
        "ı": "i",
        "ŋ": "ng",
    }
)
# Anything that is not a letter or a digit separates words: spaces, hyphens, apostrophes
# (' ’ ` ʼ), dots, underscores, commas, brackets…
_SEPARATORS = re.compile(r"[\W_]+")
# Any character that is neither ASCII nor a combining accent of the U+0300–U+036F block.
_NOT_LATIN_MARK = re.compile(r"[^\x00-\x7f\u0300-\u036f]")


def _require_str(value: object, what: str) -> str:
    if not isinstance(value, str):
        raise TypeError(f"{what} must be a str, not {type(value).__name__}")
    return value


def normalize(text: str) -> str:
    """Accent-free, lower-case form of ``text`` with words separated by one space.

    >>> normalize("  Ouédraogo-Kaboré ")
    'ouedraogo kabore'
    >>> normalize("N'DRI")
    'n dri'
    """
    _require_str(text, "text")
    if text.isascii():
        folded = text.lower()
    else:
        folded = unicodedata.normalize("NFKD", text).casefold()
        if _NOT_LATIN_MARK.search(folded) is None:
            # Common case: ASCII letters plus Latin combining accents, which ASCII drops.
            folded = folded.encode("ascii", "ignore").decode("ascii")
        else:
            # Ligatures and letters without a decomposition; then strip every combining mark.
            folded = unicodedata.normalize("NFKD", folded.translate(_LIGATURES))
            folded = "".join(c for c in folded if not unicodedata.combining(c))
    return _SEPARATORS.sub(" ", folded).strip()


def name_tokens(text: str) -> list[str]:
    """The normalised words of ``text`` (``"Jean-Baptiste"`` → ``["jean", "baptiste"]``)."""
    return normalize(text).split()


# --- phonetic key -------------------------------------------------------------------------
# The rules below run in this order on each normalised word. Upper-case letters in the work
# string are finished sounds: later rules only look at lower-case letters, so a sound is never
# rewritten twice. The key is the work string upper-cased with repeated letters collapsed.
# Keep this table in step with the code and with docs/phonetic-key.md (a test checks the doc).
PHONETIC_RULES: tuple[tuple[str, str], ...] = (
    ("R1", "CH before R/L → K (Christian, Chloé)"),
    ("R2", "TSCH, TCH, TSH, SCH, SH, CH, and TS before a vowel → X (one hushing sound)"),
    ("R3", "PH → F; TH → T; KH → K"),
    ("R4", "DJ → J"),
    ("R5", "GN and NY before a vowel → NI"),
    ("R6", "GU before E/I/Y → G"),
    ("R7", "QU, CK, Q → K; C before E/I/Y → S; other C → K; X → KS"),
    ("R8", "Y → I"),
    ("R9", "EAU, AU → O; AI, EI not followed by a vowel → E"),
    ("R10", "OU, U, W → U"),
    ("R11", "H (any left) is silent → removed"),
    ("R12", "final E is silent → removed (unless the word is only 'e')"),
    ("R13", "final U (from OU, U, W) → O (KABONGO / KABONGU / KABONGOU)"),
    ("R14", "upper-case, repeated letters collapsed (TT → T, SS → S, II → I)"),
)

_R2_TS = re.compile(r"ts(?=[aeiouy])")
_R5 = re.compile(r"(?:gn|ny)(?=[aeiouy])")
_R9_AI = re.compile(r"[ae]i(?![aeiou])")
_R14 = re.compile(r"(?<=(.))\1+")


def _phonetic_word(s: str) -> str:
    if "ch" in s:
        s = s.replace("chr", "Kr").replace("chl", "Kl")  # R1
    if "h" in s or "ts" in s:  # R2
        for seq in ("tsch", "tch", "tsh", "sch", "sh", "ch"):
            if seq in s:
                s = s.replace(seq, "X")
        if "ts" in s:
            s = _R2_TS.sub("X", s)
    if "h" in s:  # R3
        s = s.replace("ph", "F").replace("th", "T").replace("kh", "K")
    if "dj" in s:  # R4
        s = s.replace("dj", "J")
    if "gn" in s or "ny" in s:  # R5
        s = _R5.sub("NI", s)
    if "gu" in s:  # R6
        s = s.replace("gue", "Ge").replace("gui", "Gi").replace("guy", "Gy")
    if "q" in s or "c" in s or "x" in s:  # R7
        s = s.replace("qu", "K").replace("ck", "K").replace("q", "K")
        if "c" in s:
            s = s.replace("ce", "Se").replace("ci", "Si").replace("cy", "Sy").replace("c", "K")
        s = s.replace("x", "KS")
    s = s.replace("y", "i")  # R8
    if "au" in s:  # R9
        s = s.replace("eau", "O").replace("au", "O")
    if "ai" in s or "ei" in s:
        s = _R9_AI.sub("E", s)
    s = s.replace("ou", "U").replace("u", "U").replace("w", "U")  # R10
    s = s.replace("h", "")  # R11
    if len(s) > 1 and s[-1] == "e":  # R12
        s = s[:-1]
    if s.endswith("U"):  # R13
        s = s[:-1] + "O"
    return _R14.sub("", s.upper())  # R14


@lru_cache(maxsize=200_000)
def phonetic_token(word: str) -> str:
    """The phonetic key of one already-normalised word (cached: names repeat a lot)."""
    return _phonetic_word(word)


_VOWELS = frozenset("AEIOU")
_VOWEL_LETTERS = "AEIOU"
# Letters left once the final vowels are stripped, for them to be compared (TSHIKWA/SIKA: 3).
FINAL_VOWELS_MIN = 4
_SKELETON_SOUNDS = str.maketrans({"X": "S", "V": "U", "J": "G"})
SKELETON_MIN = 3  # shorter outlines (SANA, SINA: "SN") join too many different names


@lru_cache(maxsize=100_000)
def skeleton(key: str) -> str:
    """Consonant outline of a phonetic key (spaces ignored), for spellings the key keeps apart.

    The first letter stays (any vowel as ``A``), then only the consonants, runs collapsed, with
    three more sounds merged: the hushing X with S (TSHOMBE/CIOMBE, TSHILUBA/CILUBA), V with W
    (SAWADOGO/SAVADOGO: a vowel here), and J with G (KALONJI/KALONGI: the key cannot tell the
    soft G of an Italian spelling from the hard one of GUI). Vowels are dropped:
    OUEDRAOGO/OUIDIRAOGO, Mohamad/Mahamadi, Zenabo/Zoenabou, Amseta/Amsetou. Not
    stored: search and duplicate checks compare it on the names they have already fetched
    (``docs/phonetic-key.md``, "Skeleton").

    >>> skeleton(phonetic("TSHOMBE")) == skeleton(phonetic("CIOMBE"))
    True
    """
    k = key.replace(" ", "").translate(_SKELETON_SOUNDS)
    if not k:
        return ""
    rest = [c for c in k[1:] if c not in _VOWELS]
    out = ["A" if k[0] in _VOWELS else k[0]]
    for c in rest:
        if c != out[-1] or len(out) == 1:
            out.append(c)
    return "".join(out)


# Sounds the dated outline also merges: L and R (BIRA/BILA, WARA/OUALA: one sound in many
# Bantu and Mande languages), Z and S (KWESE/KWEZE).
_DATED_SOUNDS = str.maketrans({"L": "R", "Z": "S"})
DATED_OUTLINE_MIN = 2


@lru_cache(maxsize=100_000)
def dated_outline(key: str) -> str:
    """The skeleton with L = R and Z = S merged, for a search narrowed to a few days: there
    two consonants are enough (POKE/PUKI: PK, LISSI/LESSE: LS), since the other persons of
    those days are few; "" when fewer. Not stored.

    >>> dated_outline(phonetic("BIRA")) == dated_outline(phonetic("BILA"))
    True
    """
    k = skeleton(key).translate(_DATED_SOUNDS)
    k = _R14.sub("", k)
    # two consonants at least: a first vowel (A) says little (ENYE/HIEN would be "AN")
    consonants = len(k) - (k[:1] == "A")
    return k if consonants >= DATED_OUTLINE_MIN else ""


@lru_cache(maxsize=100_000)
def dated_outlines(key: str) -> frozenset[str]:
    """``dated_outline`` of the key and of its forms with the sounds that Bantu and Mande
    spellings exchange: V for F (MOMVU/MOMFU, TOVOKE/TOFOKE), Z and DZ for J
    (ZAMBA/DZAMBA/DJAMBA), D for R and L (MSIDI/MZIRI). Two keys of one search narrowed to a
    few days share one when their names may be one (empty outlines left out)."""
    forms = {key, key.replace("V", "F")}
    forms |= {f.replace("DZ", "J").replace("Z", "J") for f in list(forms)}
    forms |= {f.replace("D", "R") for f in list(forms)}
    return frozenset(o for o in map(dated_outline, forms) if o)


_DI_VOWEL = re.compile(r"DI(?=[AEIOU])")


@lru_cache(maxsize=100_000)
def loose_key(key: str) -> str:
    """A phonetic key with the skeleton's merged sounds (X = S, V = U, J = G), spaces removed:
    the vowels stay, so it is trusted at any length (CIKWA/TSHIKWA, CISSE/TSHISSE).

    DI before a vowel is J here too (issue 17: ``dj`` ↔ ``j`` ↔ ``di`` before a vowel, the
    French and English spellings of one West African sound: DIALLO/JALLOW, DIOULA/JULA). The
    stored key keeps them apart (``docs/phonetic-key.md``, "Decisions"); this tier joins them.
    """
    k = key.replace(" ", "").translate(_SKELETON_SOUNDS)
    if "DI" in k:
        k = _DI_VOWEL.sub("G", k)
    return k


# A first letter that spellings add or drop before a consonant: a nasal (NKONGOLO/KONGOLO,
# MBUDJA/BUDJA) or a vowel (AZANDE/ZANDE, ATETELA/OTETELA/TETELA).
_PREFIX_LETTERS = frozenset("AEIOUNM")


def bare_loose(loose: str) -> str:
    """A loose key without a first nasal or vowel standing before a consonant ("" if none)."""
    if len(loose) >= 2 and loose[0] in _PREFIX_LETTERS and loose[1] not in _VOWELS:
        return loose[1:]
    return ""


def _ends(loose: str) -> str:
    """The loose key without its final vowels, when at least ``FINAL_VOWELS_MIN`` letters
    are left ("" otherwise: too short to be compared that way)."""
    ends = loose.rstrip(_VOWEL_LETTERS)
    return ends if len(ends) >= FINAL_VOWELS_MIN else ""


@lru_cache(maxsize=100_000)
def _loose_forms(key: str) -> tuple[str, str, str, str]:
    """(loose key, its ends, the bare loose key, its ends) of a phonetic key; the bare key is
    "" when fewer than ``FINAL_VOWELS_MIN`` letters are left."""
    loose = loose_key(key)
    bare = bare_loose(loose)
    if len(bare) < FINAL_VOWELS_MIN:
        bare = ""
    return loose, _ends(loose), bare, _ends(bare)


def _alike(x: str, xe: str, y: str, ye: str) -> bool:
    """The same loose key, or the same but for the final vowels with at least
    ``FINAL_VOWELS_MIN`` letters left (KISONGE/KISONGI/KISONGYE, LWALWA/LWALU)."""
    return bool(x) and (x == y or (bool(xe) and xe == ye))


def same_outline(a: str, b: str) -> bool:
    """True when two phonetic keys are spellings of one name for the skeleton tier: the same
    loose key; the same loose key but for its final vowels, when at least
    ``FINAL_VOWELS_MIN`` letters are left; the same, once a first nasal or vowel before a
    consonant is taken off one or both (at least ``FINAL_VOWELS_MIN`` letters left); or the
    same skeleton of at least ``SKELETON_MIN`` letters. Not stored.

    >>> same_outline(phonetic("CIKWA"), phonetic("TSHIKWA"))
    True
    >>> same_outline(phonetic("SANA"), phonetic("SINA"))
    False
    """
    if not a or not b:
        return False
    la, ea, ba, eba = _loose_forms(a)
    lb, eb, bb, ebb = _loose_forms(b)
    # a final vowel added, dropped or changed (KISONGE/KISONGI/KISONGYE, LWALWA/LWALU)
    if _alike(la, ea, lb, eb):
        return True
    # a first nasal or vowel added or dropped before a consonant, when at least
    # FINAL_VOWELS_MIN letters are left (NKONGOLO/KONGOLO, ATETELA/OTETELA)
    if ba and len(lb) >= FINAL_VOWELS_MIN and _alike(ba, eba, lb, eb):
        return True
    if bb and len(la) >= FINAL_VOWELS_MIN and _alike(la, ea, bb, ebb):
        return True
    if ba and bb and _alike(ba, eba, bb, ebb):
        return True
    outline = skeleton(a)
    return len(outline) >= SKELETON_MIN and outline == skeleton(b)


def phonetic(text: str) -> str:
    """Phonetic key of ``text``: one key per normalised word, joined by a space.

    >>> phonetic("OUÉDRAOGO") == phonetic("WEDRAOGO")
    True
    >>> phonetic("Tshisekedi") == phonetic("TCHISEKEDI") == phonetic("chisekedi")
    True
    """
    return " ".join([phonetic_token(w) for w in normalize(text).split()])


def search_keys(family: str, given: str, post_nom: str | None = None) -> dict[str, str]:
    """Normalised and phonetic forms of a person's names, ready to store in columns.

    Keys: ``norm_family``, ``phon_family``, ``norm_given``, ``phon_given``,
    ``norm_post_nom``, ``phon_post_nom`` (empty string when the name is absent).
    """
    out: dict[str, str] = {}
    for field, value in (("family", family), ("given", given), ("post_nom", post_nom)):
        if value is None:
            value = ""
        norm = normalize(_require_str(value, field))
        out[f"norm_{field}"] = norm
        out[f"phon_{field}"] = " ".join([phonetic_token(w) for w in norm.split()])
    return out


# Weights of the similarity blend and the score from which two names are "probably the same"
# (see docs/phonetic-key.md, "Similarity", for how they were chosen and what they give).
_W_NORM = 0.5
_W_PHON = 0.3
_W_SET = 0.2
SIMILAR_THRESHOLD = 63.0


def _sorted_words(words: list[str]) -> str:
    return " ".join(sorted(words))


def similarity(a: str, b: str) -> float:
    """How alike two names are, from 0 (nothing in common) to 100 (same spelling).

    Two tiers, so that a name that sounds the same always ranks above one that does not:

    - same phonetic key (words in any order): 90 + 10 × the spelling similarity, in [90, 100];
    - otherwise 0.9 × a blend of three word-order tolerant scores, in [0, 90): an edit
      similarity (optimal string alignment: swapping two letters counts as one edit) on the
      normalised forms (spelling, weight 0.5) and on the phonetic keys (sound, 0.3), and a
      token-set ratio on the keys (0.2) so that a post-nom or a second given name present on
      one side only costs little.

    Scores at or above :data:`SIMILAR_THRESHOLD` mean "probably the same name". Two empty names
    score 100; one empty name scores 0.
    """
    na, nb = normalize(a).split(), normalize(b).split()
    if not na or not nb:
        return 100.0 if na == nb else 0.0
    sa, sb = _sorted_words(na), _sorted_words(nb)
    spelling = OSA.normalized_similarity(sa, sb)
    pa = _sorted_words([phonetic_token(w) for w in na])
    pb = _sorted_words([phonetic_token(w) for w in nb])
    if pa == pb:
        return round(90.0 + 10.0 * spelling, 2)
    blend = (
        _W_NORM * spelling * 100
        + _W_PHON * OSA.normalized_similarity(pa, pb) * 100
        + _W_SET * fuzz.token_set_ratio(pa, pb)
    )
    return round(min(89.99, 0.9 * blend), 2)
