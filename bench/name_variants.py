"""Plausible alternative spellings of a name, as a clerk could write them.

Used to plant spelling variants with a known ground truth in synthetic data, and to test that
search and duplicate detection still find the person. Three families of variants:

- **rule kinds** (:data:`RULE_KINDS`): spellings that differ only in ways the phonetic key of
  :mod:`civreg.domain.names` is designed to ignore (accents, OU/W, C/K, doubled consonants,
  DJ/J, TCH/TSH/CH, final O/OU…). ``phonetic(variant) == phonetic(name)`` is expected.
- **orthography kinds** (:data:`ORTHO_KINDS`): French against English/Portuguese-influenced
  or standard Bantu spellings (OUN/ON, I/Y/IE, TSH/C, DI/DJ/J, G/GH, K/Q, final H, final A/OU,
  W/V, a moved accent). The key may change; :func:`civreg.domain.names.skeleton` mostly not,
  and search scores them above the threshold.
- **typo kinds** (:data:`TYPO_KINDS`): one slip of the pen or keyboard (two letters swapped,
  a vowel dropped, a neighbouring AZERTY key). Those change the key; search finds them by
  :func:`civreg.domain.names.similarity`.

Variants keep the case style of the input (``KABORE`` → ``KABORÉ``, ``Moussa`` → ``Mousa``).
"""

from __future__ import annotations

import random
import re
import unicodedata
from collections.abc import Callable, Iterable

__all__ = [
    "ALL_KINDS",
    "ORTHO_KINDS",
    "RULE_KINDS",
    "TYPO_KINDS",
    "accent_variants",
    "labelled_variants",
    "spelling_variants",
    "variant_of_kind",
]

_I = re.IGNORECASE
_V = "aeiouàâäéèêëîïôöùûü"  # vowels (Y excluded: it is often a consonant)
_VOWEL = f"[{_V}]"
_CONS = "bcdfghjklmnpqrstvwxz"
_END = r"(?![^\W\d_])"  # end of a word: not followed by a letter
_START = r"(?<![^\W\d_])"  # start of a word: not preceded by a letter

# AZERTY neighbours (French keyboards are the norm in BF and the DRC).
_AZERTY_ROWS = ("azertyuiop", "qsdfghjklm", "wxcvbn")


def _azerty_neighbours() -> dict[str, str]:
    out: dict[str, str] = {}
    for r, row in enumerate(_AZERTY_ROWS):
        for i, ch in enumerate(row):
            near = [row[j] for j in (i - 1, i + 1) if 0 <= j < len(row)]
            for other in (r - 1, r + 1):
                if 0 <= other < len(_AZERTY_ROWS):
                    near += [c for c in _AZERTY_ROWS[other][max(0, i - 1) : i + 2]]
            out[ch] = "".join(near)
    return out


_NEIGHBOURS = _azerty_neighbours()


def _word_bounds(name: str, pos: int) -> tuple[int, int]:
    start = pos
    while start > 0 and name[start - 1].isalpha():
        start -= 1
    end = pos
    while end < len(name) and name[end].isalpha():
        end += 1
    return start, end


def _in_caps(name: str, pos: int) -> bool:
    """True when the word around ``pos`` is written in capitals (family names on acts)."""
    start, end = _word_bounds(name, pos)
    return name[start:end].isupper()


def _replace(name: str, start: int, end: int, text: str) -> str:
    """``name`` with ``name[start:end]`` replaced by lower-case ``text`` in the word's case."""
    w_start, _w_end = _word_bounds(name, start)
    if _in_caps(name, start):
        return name[:start] + text.upper() + name[end:]
    if start == w_start and name[start : start + 1].isupper():  # Title case, first letter
        if text:
            return name[:start] + text[:1].upper() + text[1:] + name[end:]
        return name[:start] + name[end : end + 1].upper() + name[end + 1 :]
    return name[:start] + text + name[end:]


def _sub_one(
    pattern: str,
    name: str,
    rng: random.Random,
    repl: Callable[[str], str],
    caps_only: bool = False,
) -> str | None:
    """Replace one random match of ``pattern`` by ``repl(matched_lower)``; None if no match.

    With ``caps_only``, only words written in capitals qualify: the African transcription
    variants (U → OU, J → DJ, CH → TCH, final É) are implausible in French given names such
    as Emmanuel, Jean, Chantal or Pierre, which are written in title case.
    """
    matches = [
        m for m in re.finditer(pattern, name, _I) if not caps_only or _in_caps(name, m.start())
    ]
    if not matches:
        return None
    m = rng.choice(matches)
    return _replace(name, m.start(), m.end(), repl(m.group().lower()))


def _fixed(text: str) -> Callable[[str], str]:
    return lambda _matched: text


def _drop(_matched: str) -> str:
    return ""


def _either(
    name: str, rng: random.Random, a: tuple[str, str, bool], b: tuple[str, str, bool]
) -> str | None:
    """Try the (pattern, replacement, caps_only) rewrites ``a`` and ``b`` in random order."""
    first, second = (a, b) if rng.random() < 0.5 else (b, a)
    for pattern, text, caps in (first, second):
        out = _sub_one(pattern, name, rng, _fixed(text), caps)
        if out is not None:
            return out
    return None


# --- rule kinds (the phonetic key must not change) ------------------------------------------


def _strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text)
    return unicodedata.normalize(
        "NFC", "".join(c for c in decomposed if not unicodedata.combining(c))
    )


# An E a French writer would accent: after a consonant or U and before one consonant (optionally
# followed by R/L) and a vowel (OUEDRAOGO → OUÉDRAOGO, KIENDREBEOGO → KIENDRÉBEOGO), or, in a
# name written in capitals, at the end of the word after a consonant or I (TRAORE → TRAORÉ,
# BAZIE → BAZIÉ). A final e of a French given name is mute (Pierre, Pauline): never accented.
_INNER_E = rf"(?<=[{_CONS}u])e(?=[{_CONS}][rl]?{_VOWEL})(?!([{_CONS}])\1)"
_FINAL_E = rf"(?<=[{_CONS}i])e{_END}"


def _accentable(name: str) -> list[int]:
    spots = [m.start() for m in re.finditer(_INNER_E, name, _I)]
    spots += [m.start() for m in re.finditer(_FINAL_E, name, _I) if _in_caps(name, m.start())]
    return sorted(spots)


def _accent(name: str, rng: random.Random) -> str | None:
    bare = _strip_accents(name)
    if bare != name:
        return bare  # clerks most often drop every accent at once
    spots = _accentable(name)
    if not spots:
        return None
    chosen = [i for i in spots if rng.random() < 0.7] or [rng.choice(spots)]
    out = name
    for i in reversed(chosen):
        out = _replace(out, i, i + 1, "é")
    return out


def _ou_w(name: str, rng: random.Random) -> str | None:
    # OU before a vowel ↔ W (OUEDRAOGO/WEDRAOGO, MWAMBA/MOUAMBA); not in AOU/EOU/QOU.
    return _either(
        name, rng, (rf"(?<![aeq])ou(?={_VOWEL}|y)", "w", False), (r"(?<![ou])w", "ou", False)
    )


_C_BEFORE = _CONS.replace("h", "").replace("c", "").replace("k", "")


def _c_k(name: str, rng: random.Random) -> str | None:
    # C before A/O/U or a consonant ↔ K before A/O/U (COMPAORE/KOMPAORE, Dorcas/Dorkas).
    return _either(
        name,
        rng,
        (rf"(?<![csk])c(?=[aouàâôù]|[{_C_BEFORE}])", "k", False),
        (r"(?<![ck])k(?=[aouàâôù])", "c", False),
    )


_DOUBLABLE = "bdflmnprstz"


def _double(name: str, rng: random.Random) -> str | None:
    # A doubled consonant written single (OUATTARA/OUATARA) or a single one between vowels
    # doubled (KONATE/KONNATE). CC is left alone: ACCE and ACE do not sound alike.
    ways = [
        (rf"([{_DOUBLABLE}gk])\1", lambda m: m[0]),
        (rf"(?<={_VOWEL})[{_DOUBLABLE}](?={_VOWEL})", lambda m: m * 2),
    ]
    rng.shuffle(ways)
    for pattern, repl in ways:
        out = _sub_one(pattern, name, rng, repl)
        if out is not None:
            return out
    return None


def _final_e(name: str, rng: random.Random) -> str | None:
    # Not after C (GRACE/GRAC), GU, GN, NY, TS, W, Y, H or a vowel: the sound would change;
    # only in words of four letters or more written in capitals (in a French given name the
    # final e often marks the feminine: Pauline/Paulin, Jeanne/Jean).
    pattern = rf"(?<=[bdfjklmnprstvz])(?<!gn)(?<!ts)(?<=[^\W\d_]{{3}})[eé]{_END}"
    return _sub_one(pattern, name, rng, _drop, caps_only=True)


def _dj_j(name: str, rng: random.Random) -> str | None:
    # DJ → J anywhere (DJIBRIL/JIBRIL); J → DJ at a word start or after a vowel, in capitals.
    return _either(name, rng, (r"dj", "j", False), (rf"(?:{_START}|(?<={_VOWEL}))j", "dj", True))


_HUSH = ("tch", "tsh", "ch", "sh")


def _tch(name: str, rng: random.Random) -> str | None:
    # TCH/TSH/CH/SH rewritten as another of them (TSHISEKEDI/TCHISEKEDI/CHISEKEDI); not CHR,
    # CHL (Christian) nor SCH. Title-case CH (Chantal) is French: left alone.
    pattern = r"(?:tch|tsh|(?<![st])(?:ch|sh))(?![rl])"
    matches = [
        m
        for m in re.finditer(pattern, name, _I)
        if _in_caps(name, m.start()) or m.group().lower() != "ch"
    ]
    if not matches:
        return None
    m = rng.choice(matches)
    others = [h for h in _HUSH if h != m.group().lower()]
    return _replace(name, m.start(), m.end(), rng.choice(others))


def _final_o_ou(name: str, rng: random.Random) -> str | None:
    # Final O / OU / U after a consonant (KABONGO/KABONGOU/KABONGU, SANOU/SANO).
    pattern = rf"(?<=[{_CONS}])(?:ou|o|u){_END}"
    return _sub_one(
        pattern, name, rng, lambda m: rng.choice([v for v in ("o", "ou", "u") if v != m])
    )


_NOT_GQ = _CONS.replace("g", "").replace("q", "")


def _ou_u(name: str, rng: random.Random) -> str | None:
    # Inner OU ↔ U after a consonant (MUTOMBO/MOUTOMBO, ILBOUDO/ILBUDO). U → OU only in
    # capitals: in French given names U is not OU (Emmanuel, Junior).
    return _either(
        name,
        rng,
        (rf"(?<=[{_NOT_GQ}])ou(?=[^\W\d_])", "u", False),
        (rf"(?<=[{_NOT_GQ}])u(?=[^\W\d_])", "ou", True),
    )


def _gn_ny(name: str, rng: random.Random) -> str | None:
    return _sub_one(rf"(?:gn|ny)(?={_VOWEL})", name, rng, lambda m: "ny" if m == "gn" else "gn")


def _h(name: str, rng: random.Random) -> str | None:
    # TH → T (THIOMBIANO/TIOMBIANO), or an initial silent H dropped (HAMIDOU → AMIDOU).
    return _sub_one(rf"(?<=t)h|{_START}h(?={_VOWEL})", name, rng, _drop)


def _y_i(name: str, rng: random.Random) -> str | None:
    # Final Y ↔ I after a consonant (COULIBALY/COULIBALI, Papy/Papi).
    return _sub_one(rf"(?<=[{_CONS}])[yi]{_END}", name, rng, lambda m: "i" if m == "y" else "y")


def _gu_g(name: str, rng: random.Random) -> str | None:
    # GU before E/I written G (GUIRO/GIRO).
    return _sub_one(r"(?<=g)u(?=[ei])", name, rng, _drop)


# --- orthography kinds (the key may change; the consonant outline of names.skeleton does not) -
# French against English/Portuguese/Italian-influenced spellings of Mooré and Bantu names, as
# published name lists show them (bench/data/spellings_heldout.json holds real pairs; these
# rules are written from the classes of issue 17, not from those pairs).


def _oun_on(name: str, rng: random.Random) -> str | None:
    # OU dropped before a nasal and a consonant, or added (ZOUNGRANA/ZONGRANA), in capitals.
    return _either(
        name,
        rng,
        (rf"(?<=[{_CONS}])ou(?=[nm][{_CONS}])", "o", True),
        (rf"(?<=[{_CONS}])o(?=[nm][{_CONS}])", "ou", True),
    )


def _i_y_ie(name: str, rng: random.Random) -> str | None:
    # I before a vowel written Y (KANIOKA/KANYOKA), Y written I, or IE written I (KIEMBA/KIMBA).
    ways = [
        (rf"(?<=[{_CONS}])i(?={_VOWEL})", "y"),
        (rf"(?<=[{_CONS}])y(?={_VOWEL})", "i"),
        (rf"(?<=[{_CONS}])ie(?=[{_CONS}])", "i"),
    ]
    rng.shuffle(ways)
    for pattern, text in ways:
        out = _sub_one(pattern, name, rng, _fixed(text), caps_only=True)
        if out is not None:
            return out
    return None


def _tsh_c(name: str, rng: random.Random) -> str | None:
    # The standard Bantu orthography writes C what French writes TSH/TCH (CILUBA/TSHILUBA).
    return _either(
        name,
        rng,
        (r"(?:tsh|tch)(?=[ie])", "c", True),
        (r"(?<![sc])c(?=[ie])", "tsh", True),
    )


def _di_dj(name: str, rng: random.Random) -> str | None:
    # DI before a vowel, DJ and J for one sound (DIALLO/DJALLO/JALLO), in capitals.
    pattern = rf"(?:di|dj|(?<![d])j)(?={_VOWEL})"
    matches = [m for m in re.finditer(pattern, name, _I) if _in_caps(name, m.start())]
    if not matches:
        return None
    m = rng.choice(matches)
    others = [x for x in ("di", "dj", "j") if x != m.group().lower()]
    return _replace(name, m.start(), m.end(), rng.choice(others))


def _g_gh(name: str, rng: random.Random) -> str | None:
    # G before A/O/U ↔ GH (English-influenced spellings), in capitals.
    return _either(name, rng, (r"(?<![gn])g(?=[aou])", "gh", True), (r"gh(?=[aeiou])", "g", True))


def _k_q(name: str, rng: random.Random) -> str | None:
    # K before OU/U written Q (Portuguese-influenced), or Q written K.
    return _either(name, rng, (r"(?<![ck])k(?=ou|u)", "q", True), (r"q(?!u)", "k", True))


def _final_h(name: str, rng: random.Random) -> str | None:
    # A final H after a vowel added or dropped (MUSA/MUSAH).
    return _either(
        name, rng, (rf"(?<={_VOWEL})h{_END}", "", False), (rf"(?<=[aei]){_END}", "h", False)
    )


def _final_a_ou(name: str, rng: random.Random) -> str | None:
    # Final A written OU or OU written A after T/B/N (SARATA/SARATOU, DJENABA/DJENABOU).
    return _either(
        name, rng, (rf"(?<=[tbn])a{_END}", "ou", False), (rf"(?<=[tbn])ou{_END}", "a", False)
    )


def _v_w(name: str, rng: random.Random) -> str | None:
    # W between vowels written V, or V written W (SAWADOGO/SAVADOGO), in capitals.
    return _either(
        name,
        rng,
        (rf"(?<={_VOWEL})w(?={_VOWEL})", "v", True),
        (rf"(?<={_VOWEL})v(?={_VOWEL})", "w", True),
    )


def _accent_move(name: str, rng: random.Random) -> str | None:
    # The accent of an É put on another E (KIENDRÉBEOGO → KIÉNDREBEOGO).
    accented = [m.start() for m in re.finditer("[éÉ]", name)]
    plain = [m.start() for m in re.finditer("[eE]", name)]
    if not accented or not plain:
        return None
    i, j = rng.choice(accented), rng.choice(plain)
    out = _replace(name, i, i + 1, "e")
    return _replace(out, j, j + 1, "é")


# --- typo kinds (the key may change) --------------------------------------------------------


def _swap(name: str, rng: random.Random) -> str | None:
    spots = [
        i
        for i in range(len(name) - 1)
        if name[i].isalpha() and name[i + 1].isalpha() and name[i].lower() != name[i + 1].lower()
    ]
    if not spots:
        return None
    i = rng.choice(spots)
    return _replace(name, i, i + 2, (name[i + 1] + name[i]).lower())


def _drop_vowel(name: str, rng: random.Random) -> str | None:
    # An interior vowel of a word of at least four letters.
    if len(name) < 4:
        return None
    return _sub_one(rf"(?<=[^\W\d_])[{_V}](?=[^\W\d_])", name, rng, _drop)


def _keyboard(name: str, rng: random.Random) -> str | None:
    spots = [i for i in range(1, len(name)) if name[i].lower() in _NEIGHBOURS]
    if not spots:
        return None
    i = rng.choice(spots)
    new = rng.choice(_NEIGHBOURS[name[i].lower()])
    return _replace(name, i, i + 1, new)


_RULES: dict[str, Callable[[str, random.Random], str | None]] = {
    "accent": _accent,
    "ou_w": _ou_w,
    "c_k": _c_k,
    "double": _double,
    "final_e": _final_e,
    "dj_j": _dj_j,
    "tch": _tch,
    "final_o_ou": _final_o_ou,
    "ou_u": _ou_u,
    "gn_ny": _gn_ny,
    "h": _h,
    "y_i": _y_i,
    "gu_g": _gu_g,
}
_ORTHO: dict[str, Callable[[str, random.Random], str | None]] = {
    "oun_on": _oun_on,
    "i_y_ie": _i_y_ie,
    "tsh_c": _tsh_c,
    "di_dj": _di_dj,
    "g_gh": _g_gh,
    "k_q": _k_q,
    "final_h": _final_h,
    "final_a_ou": _final_a_ou,
    "v_w": _v_w,
    "accent_move": _accent_move,
}
_TYPOS: dict[str, Callable[[str, random.Random], str | None]] = {
    "swap": _swap,
    "drop_vowel": _drop_vowel,
    "keyboard": _keyboard,
}
RULE_KINDS: tuple[str, ...] = tuple(_RULES)
ORTHO_KINDS: tuple[str, ...] = tuple(_ORTHO)
TYPO_KINDS: tuple[str, ...] = tuple(_TYPOS)
ALL_KINDS: tuple[str, ...] = RULE_KINDS + ORTHO_KINDS + TYPO_KINDS
_ALL = {**_RULES, **_ORTHO, **_TYPOS}


def variant_of_kind(name: str, kind: str, rng: random.Random) -> str | None:
    """One variant of ``name`` of the given kind, or None when the kind does not apply."""
    if not isinstance(name, str):
        raise TypeError(f"name must be a str, not {type(name).__name__}")
    try:
        make = _ALL[kind]
    except KeyError:
        raise ValueError(f"unknown variant kind {kind!r}; known: {', '.join(ALL_KINDS)}") from None
    out = make(name, rng)
    return out if out is not None and out != name else None


def labelled_variants(
    name: str, rng: random.Random, n: int = 1, kinds: Iterable[str] | None = None
) -> list[tuple[str, str]]:
    """Up to ``n`` distinct ``(variant, kind)`` pairs, each different from ``name``.

    Kinds are tried in a random order; fewer than ``n`` pairs come back when the name does not
    allow that many (a short name such as ``KI`` has few plausible variants).
    """
    if not isinstance(n, int) or n < 1:
        raise ValueError("n must be a positive integer")
    pool = list(ALL_KINDS if kinds is None else kinds)
    for kind in pool:
        if kind not in _ALL:
            raise ValueError(f"unknown variant kind {kind!r}; known: {', '.join(ALL_KINDS)}")
    out: list[tuple[str, str]] = []
    seen = {name}
    for _round in range(3):
        rng.shuffle(pool)
        for kind in pool:
            variant = variant_of_kind(name, kind, rng)
            if variant is not None and variant not in seen:
                seen.add(variant)
                out.append((variant, kind))
                if len(out) == n:
                    return out
    return out


def spelling_variants(
    name: str, rng: random.Random, n: int = 1, kinds: Iterable[str] | None = None
) -> list[str]:
    """Up to ``n`` distinct plausible spellings of ``name`` (see :func:`labelled_variants`)."""
    return [variant for variant, _kind in labelled_variants(name, rng, n, kinds)]


def accent_variants(name: str) -> list[str]:
    """The accent-free form (if ``name`` has accents) and the fully accented French form.

    >>> accent_variants("TRAORE")
    ['TRAORÉ']
    >>> accent_variants("Ouédraogo")
    ['Ouedraogo']
    """
    bare = _strip_accents(name)
    out: list[str] = []
    if bare != name:
        out.append(bare)
    accented = bare
    for i in reversed(_accentable(bare)):
        accented = _replace(accented, i, i + 1, "é")
    if accented not in (name, bare):
        out.append(accented)
    return out
