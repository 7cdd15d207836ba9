"""Given names that are one name in another language's form: the Akan day names as Twi,
Fante, Ewe and Baoulé write them (Kwasi, Kwesi, Kouassi), names of Arabic origin in their
West African forms (Zaynab, Seynabou; Muhammad, Mamadou). Spelling rules cannot join them
(KWESI and KOUASSI share one letter in three), so a table does: the groups of
``civreg/resources/given_name_equivalents.json``, each with the published sources that
print its forms as one name. A form not printed by a source is not in the table.

Forms are compared by their compact phonetic key (``names.phonetic``, spaces removed), so a
spelling of a listed form that sounds the same is joined too (Kudjoe as Cudjoe). Two forms
of one group are *one name*; a key found in two groups joins both (the table's test keeps
that from happening). Not stored: a comparison of two keys.
"""

from __future__ import annotations

import functools
import json

from civreg.domain.names import phonetic
from civreg.resources import resource_path

TABLE = "given_name_equivalents.json"


@functools.cache
def _groups() -> dict[str, frozenset[int]]:
    """Each compact phonetic key of a listed form, and the groups it belongs to."""
    data = json.loads(resource_path(TABLE).read_text(encoding="utf-8"))
    out: dict[str, set[int]] = {}
    for i, group in enumerate(data["groups"]):
        for form in group["forms"]:
            out.setdefault(phonetic(form).replace(" ", ""), set()).add(i)
    return {k: frozenset(v) for k, v in out.items()}


def one_name(a: str, b: str) -> bool:
    """Whether the phonetic keys ``a`` and ``b`` (one name each) are two forms of one name of
    the table (KUASI and KUESI: Kwasi, Kwesi)."""
    groups = _groups()
    ga = groups.get(a.replace(" ", ""))
    if not ga:
        return False
    gb = groups.get(b.replace(" ", ""))
    return bool(gb and ga & gb)


@functools.lru_cache(maxsize=4096)
def equivalent_keys(key: str) -> frozenset[str]:
    """The compact phonetic keys of the other forms of the name ``key`` (empty when the
    table does not hold it)."""
    groups = _groups()
    mine = groups.get(key.replace(" ", ""))
    if not mine:
        return frozenset()
    return frozenset(k for k, g in groups.items() if g & mine and k != key)
