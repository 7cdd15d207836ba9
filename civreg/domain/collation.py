"""Alphabetical order as a French reader of a civil status table expects it.

Registers' annual and ten-year tables list persons by family name, then given names, in
dictionary order: accents and case do not change the order (``ÉDOUARD`` files with
``EDOUARD``), nor do spaces, hyphens or apostrophes (``N'DRI`` files as ``NDRI``, ``LE BLANC``
beside ``LEBLANC``); ligatures are spelt out (``Œ`` as ``OE``). Only when two names are equal
at that level do the finer differences decide, in this order: separators (``LE BLANC`` before
``LEBLANC``), then accents (``e`` before ``é``), then case, so that the order is total and the
same on every machine (no locale library involved).

    >>> sorted(["Élise", "Eloi", "ELISE", "Emile"], key=sort_key)
    ['ELISE', 'Élise', 'Eloi', 'Emile']
"""

from __future__ import annotations

import functools
import unicodedata

from civreg.domain.names import normalize

__all__ = ["name_sort_key", "sort_key"]

SortKey = tuple[str, str, str, str]


@functools.lru_cache(maxsize=65536)  # tables repeat family and given names thousands of times
def sort_key(text: str) -> SortKey:
    """Primary: letters and digits only, accent- and case-free; then with word breaks; then
    accents; then case."""
    words = normalize(text)
    primary = words.replace(" ", "")
    accented = unicodedata.normalize("NFC", text).casefold()
    return (primary, words, _accent_order(accented), text)


def _accent_order(text: str) -> str:
    # Unaccented letters sort before accented ones: map each letter to (base, mark) and
    # join so that a plain letter (no mark) compares lower than the same letter with one.
    out = []
    for ch in text:
        base = unicodedata.normalize("NFKD", ch)
        letter = "".join(c for c in base if not unicodedata.combining(c))
        marks = "".join(c for c in base if unicodedata.combining(c))
        if not letter.strip() or not (letter.isalnum()):
            continue
        out.append(letter + (marks or "\x00"))
    return "".join(out)


def name_sort_key(family: str, given: str, *more: str) -> tuple[tuple[str, ...], ...]:
    """Family name, then given names (then anything else that breaks ties: a post-nom, a
    date, a number as zero-padded text), each compared first without accents, case or
    separators; the finer differences of all of them decide only after that (``NDRI Ama``
    before ``N'DRI Koffi``)."""
    keys = [sort_key(x) for x in (family, given, *more)]
    return tuple(tuple(k[level] for k in keys) for level in range(4))
