"""A people's name with or without its Bantu noun-class prefix: BAKUBA/KUBA,
BAPENDE/APENDE/PENDE, MUHEMBA/BAHEMBA/HEMBA, WALUBA/BALUBA/LUBA (not AMASHI/BASHI/SHI:
a core keeps three letters at least).

In Bantu languages a people is named with a class prefix (Ba-, Wa-, A-: the people; Mu-,
Mo-: one of them; Ki-, Tshi-: the language; Bu-, U-: the land), and the same people is
written with one prefix, another, or none; many Congolese family names are such names.
Sources: "A prefix primer: Ba, wa and a signify tribe or people. Ki and tshi stand for
language. U stands for location or territory. [...] The Kongo people call themselves the
ba-Kongo and their tongue ki-Kongo. The Luba call themselves the ba-Luba and speak
tshi-Luba" (Questia, "From BA to Wa, Bantu Heritage Unites Most of the 250 Languages of
Congo"); "mu-Ganda, al plurale ba-Ganda [...] ki- (o ci-) Ganda e al Paese bu- (o u-)
Ganda. Il prefisso varia a seconda dei gruppi etnici [...] A-, Aba-, Ama-, [...] Mo-,
[...] Va-, Wa-" (Sapere, enciclopedia, « Ba- »); the class prefixes Umu, Aba, Ama, Iki,
Ulu, Utu, Ubu (Encyclopaedia Britannica 1902, "Bantu languages").

Left out: Ma- and Ka-, which begin too many family names of Burkina Faso (MAIGA, KABORE)
that carry no prefix, and Ci-, which the key writes SI, as it begins SIDIBE or SISSOKO
(Tshi-/Chi- are XI in the key, and taken there). The prefixes are matched on the loose
phonetic key (``names.loose_key``: WA is UA); a first vowel or nasal alone (A-, N-, M-) is
already ``names.bare_loose``'s. A final vowel may differ too (BUNDA/BABUNDU). Not stored: a
comparison of two keys.
"""

from __future__ import annotations

from functools import lru_cache

from civreg.domain.names import FINAL_VOWELS_MIN, bare_loose, loose_key

# Loose-key forms, longest first (AMA before A..., ABA before BA).
CLASS_PREFIXES = ("ABA", "AMA", "BA", "UA", "VA", "MU", "MO", "TU", "KI", "LU", "BU")
# Letters a core keeps at least: two-letter cores join unrelated names (AMADOU and BADO
# share DO, KINDO too once its nasal is off).
CORE_MIN = 3
# Tshi-/Chi- (the language) on the phonetic key, where it is XI and SI stays SI.
HUSHED_PREFIX = "XI"
_VOWEL_LETTERS = "AEIOU"


@lru_cache(maxsize=100_000)
def class_cores(key: str) -> frozenset[str]:
    """The loose forms of a one-word phonetic key without a class prefix or first vowel or
    nasal, itself included; empty for a key of several words."""
    loose = loose_key(key)
    if not loose or " " in key:
        return frozenset()
    out = {loose}
    for p in CLASS_PREFIXES:
        if loose.startswith(p) and len(loose) - len(p) >= CORE_MIN:
            out.add(loose[len(p) :])
    if key.startswith(HUSHED_PREFIX) and len(key) - len(HUSHED_PREFIX) >= CORE_MIN:
        out.add(loose_key(key[len(HUSHED_PREFIX) :]))
    out |= {b for b in map(bare_loose, list(out)) if len(b) >= CORE_MIN}
    return frozenset(out)


@lru_cache(maxsize=100_000)
def _core_ends(key: str) -> frozenset[str]:
    """The cores of ``key`` without their final vowels, when ``FINAL_VOWELS_MIN`` letters
    are left (BUNDA/BABUNDU: BUND)."""
    ends = (c.rstrip(_VOWEL_LETTERS) for c in class_cores(key))
    return frozenset(e for e in ends if len(e) >= FINAL_VOWELS_MIN)


def same_core(a: str, b: str) -> bool:
    """Whether two one-word phonetic keys are one name with and without a class prefix (or
    with two different ones): a shared core that is not both keys' own loose form.

    >>> from civreg.domain.names import phonetic
    >>> same_core(phonetic("BAKUBA"), phonetic("KUBA"))
    True
    >>> same_core(phonetic("TUPENDE"), phonetic("APENDE"))
    True
    >>> same_core(phonetic("KABORE"), phonetic("BORE"))
    False
    """
    if loose_key(a) == loose_key(b):
        return False
    return bool(class_cores(a) & class_cores(b)) or bool(_core_ends(a) & _core_ends(b))
