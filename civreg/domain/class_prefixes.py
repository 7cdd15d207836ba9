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
Ulu, Utu, Ubu (Encyclopaedia Britannica 1902, "Bantu languages"); Ovi- in Angola: "Die
Ovimbundu (Singular Ocimbundu [...]) [...] das -s am Ende von 'Ovimbundu' [...] drückt
dasselbe aus wie das Präfix 'ovi-', nämlich den Plural" (German Wikipedia, "Ovimbundu"), and
Ova- beside it (Ovaherero, Ovambo); Banya-, "the people of": "The name [Banyamulenge] means
the people of Mulenge [...] they called themselves 'Banyaruanda' [...] 'the people of
Rwanda'" (Wikipedia, "Banyamulenge").

L and R are one sound in many of these languages, written either way: "The liquids [l] and
[r] are allophones of a single phoneme /l~r/, although the distinction is reflected in the
orthography" (Luganda–Lusoga–Lugwere commission, "Technical report on Luganda orthography
harmonisation", 2019); "Although the language has only one liquid, both r and l are used in
the orthography" (Wikibooks, "Kinyarwanda/Orthography"). A core freed of its prefix is
therefore compared with L and R as one letter with another freed core (BALEGA/WAREGA) or
with a whole name of five letters or more (BANYALWANDA/RWANDA; not DIARRA, whose loose key
GARA would meet MUGALA); names compared whole keep them apart (KABORE is not KABOLE).

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

# Loose-key forms (V is U there: OVA is OUA, WANYA is UANIA), and the phonetic key's forms
# with a V (VA, OVA, OVI), which ``search_keys.class_keys`` probes the index with. Every
# prefix a key begins with is taken off in turn (ABA and BA: ABAKUBA gives BAKUBA, KUBA).
CLASS_PREFIXES = (
    "BANIA",
    "UANIA",
    "ABA",
    "AMA",
    "UMU",
    "UBU",
    "IKI",
    "OUA",
    "OUI",
    "OVA",
    "OVI",
    "BA",
    "UA",
    "VA",
    "MU",
    "MO",
    "TU",
    "KI",
    "LU",
    "BU",
)
# Letters a core keeps at least: two-letter cores join unrelated names (AMADOU and BADO
# share DO, KINDO too once its nasal is off).
CORE_MIN = 3
# ... and one more behind the prefixes taken from the augment and "people of" forms: a
# three-letter core left by them joined unrelated names (WANYANGA and MONGA: NGA; LUAMBO
# and OVAMBO: MBO).
LONG_CORE_PREFIXES = frozenset({"BANIA", "UANIA", "UMU", "UBU", "IKI", "OUA", "OUI", "OVA", "OVI"})
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
        least = CORE_MIN + (p in LONG_CORE_PREFIXES)
        if loose.startswith(p) and len(loose) - len(p) >= least:
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


def _liquid(core: str) -> str:
    return core.replace("R", "L")


# A whole name a freed core is compared with L = R must have this many letters: on four,
# DIARRA (GARA: DI is J, J is G) met MUGALA and BANGALA, and TALLA met OUATTARA (Wa-).
LIQUID_WHOLE_MIN = 5


@lru_cache(maxsize=100_000)
def _liquid_cores(key: str) -> tuple[frozenset[str], frozenset[str]]:
    """(the cores freed of a class prefix, the key's own loose forms of at least
    ``LIQUID_WHOLE_MIN`` letters), with R written L."""
    loose = loose_key(key)
    own = {loose, bare_loose(loose)}
    return (
        frozenset(_liquid(c) for c in class_cores(key) if c not in own),
        frozenset(_liquid(c) for c in own if len(c) >= LIQUID_WHOLE_MIN),
    )


def same_core(a: str, b: str) -> bool:
    """Whether two one-word phonetic keys are one name with and without a class prefix (or
    with two different ones): a shared core that is not both keys' own loose form.

    >>> from civreg.domain.names import phonetic
    >>> same_core(phonetic("BAKUBA"), phonetic("KUBA"))
    True
    >>> same_core(phonetic("TUPENDE"), phonetic("APENDE"))
    True
    >>> same_core(phonetic("BANYALWANDA"), phonetic("RWANDA"))
    True
    >>> same_core(phonetic("KABORE"), phonetic("BORE"))
    False
    """
    if loose_key(a) == loose_key(b):
        return False
    if class_cores(a) & class_cores(b) or _core_ends(a) & _core_ends(b):
        return True
    # L = R: two freed cores (BALEGA/WAREGA), or a freed core and a whole name of five
    # letters or more (BANYALWANDA/RWANDA)
    freed_a, whole_a = _liquid_cores(a)
    freed_b, whole_b = _liquid_cores(b)
    return bool(freed_a & (freed_b | whole_b)) or bool(freed_b & whole_a)
