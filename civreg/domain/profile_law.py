"""Profile entries added for issue 10 ("the law in force, enforced"): per-field length and
character limits (``[limits]``) and territorial competence (``[competence.<kind>]``).

Both are parsed here, called from :func:`civreg.domain.profile_schema.parse_profile_data`, and
described in ``docs/country-profiles.md``.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from civreg.domain.acts import ActKind
from civreg.i18n import register

if TYPE_CHECKING:
    from civreg.domain.profile_reader import ProfileReader

register(
    {
        "profile.reason.overlap": {
            "fr": "les périodes de deux jeux de règles se chevauchent.",
            "en": "the periods of two rule sets overlap.",
        },
        "profile.reason.unknown_charset": {
            "fr": "jeu de caractères inconnu (name, text ou multiline).",
            "en": "unknown character set (name, text or multiline).",
        },
    }
)

CHARSETS = ("name", "text", "multiline")
COMPETENCE_BASES = ("event_place", "parents_residence")
COMPETENCE_OUTSIDE = ("justify", "refuse")
_NAME_PUNCTUATION = frozenset(" -'’.")
_INDEX = re.compile(r"\[\d+\]")
_PLAIN_NAME = re.compile(r"(?:[^\W\d_]|[ \-'’.])*")  # letters (no digit, no _) and - ' . space


@dataclass(frozen=True)
class FieldLimit:
    max: int
    charset: str  # "name": letters and - ' . ; "text": one printable line; "multiline"


@dataclass(frozen=True, eq=False)
class Limits:
    """Length and character limits of text fields. ``fields`` keys are a person field
    (``family_name``: every person), an act field (``event_place``) or a details path with
    indices dropped (``details.cause.part1.text``)."""

    default: FieldLimit = FieldLimit(200, "text")
    fields: Mapping[str, FieldLimit] = field(default_factory=lambda: MappingProxyType({}))

    def for_path(self, path: str) -> FieldLimit:
        found = self._cache.get(path)
        if found is None:
            found = self._cache[path] = self._lookup(path)
        return found

    def _lookup(self, path: str) -> FieldLimit:
        plain = _INDEX.sub("", path) if "[" in path else path
        if plain in self.fields:
            return self.fields[plain]
        head, _, rest = plain.partition(".")
        if head != "details" and rest in self.fields:
            return self.fields[rest]
        return self.default

    @property
    def _cache(self) -> dict[str, FieldLimit]:
        cache: dict[str, FieldLimit] | None = self.__dict__.get("_paths")
        if cache is None:
            cache = {}
            object.__setattr__(self, "_paths", cache)
        return cache


def bad_characters(text: str, charset: str) -> bool:
    """True when ``text`` holds a character ``charset`` does not allow (control characters
    are never allowed, line breaks only in ``multiline``; names hold letters, accents,
    spaces, hyphens, apostrophes and full stops)."""
    if charset == "name" and _PLAIN_NAME.fullmatch(text):
        return False  # the usual case: letters and name punctuation only
    if charset != "name" and text.isprintable():
        return False  # no control, format or separator character but the plain space
    for ch in text:
        cat = unicodedata.category(ch)
        if ch == "\n" and charset == "multiline":
            continue
        if cat[0] == "C" or cat in ("Zl", "Zp"):
            return True
        if charset == "name" and not (cat[0] in "LM" or ch in _NAME_PUNCTUATION):
            return True
    return False


@dataclass(frozen=True)
class Competence:
    """Which office may register an act: ``basis`` is ``event_place`` (BF births: the centre
    of the place of birth) or ``parents_residence`` (DRC births: the father's or mother's
    residence); ``code_field`` the details entry holding that place's geography code;
    ``outside`` what happens elsewhere: ``justify`` (a warning and a required justification)
    or ``refuse``."""

    basis: str
    code_field: str
    outside: str


def parse_limits(r: ProfileReader, raw: Mapping[str, Any]) -> Limits:
    if "limits" not in raw:
        return Limits()
    table = r.table(raw, "limits", {"default", "fields"})
    default = _limit(r, table, "limits", "default")
    fields_table = table.get("fields", {})
    if not isinstance(fields_table, Mapping):
        raise r.fail("limits.fields", "wrong_type", expected="table")
    per_field = {k: _limit(r, fields_table, "limits.fields", k) for k in fields_table}
    return Limits(default, MappingProxyType(per_field))


def _limit(r: ProfileReader, table: Mapping[str, Any], entry: str, key: str) -> FieldLimit:
    spec = r.table(table, key, {"max", "charset"}, f"{entry}.")
    name = f"{entry}.{key}"
    maximum = r.get(spec, name, "max", int, minimum=1)
    charset = r.get(spec, name, "charset", str, "text")
    if charset not in CHARSETS:
        raise r.fail(f"{name}.charset", "unknown_charset")
    return FieldLimit(maximum, charset)


def parse_competence(r: ProfileReader, raw: Mapping[str, Any]) -> Mapping[ActKind, Competence]:
    if "competence" not in raw:
        return MappingProxyType({})
    table = r.table(raw, "competence")
    out: dict[ActKind, Competence] = {}
    for key in table:
        kind = r.kind("competence", key)
        spec = r.table(table, key, {"basis", "code_field", "outside"}, "competence.")
        entry = f"competence.{key}"
        basis = r.get(spec, entry, "basis", str)
        code_field = r.get(spec, entry, "code_field", str)
        outside = r.get(spec, entry, "outside", str, "justify")
        if basis not in COMPETENCE_BASES:
            raise r.fail(f"{entry}.basis", "bad_value")
        if outside not in COMPETENCE_OUTSIDE:
            raise r.fail(f"{entry}.outside", "bad_value")
        if not code_field.startswith("details.") or code_field == "details.":
            raise r.fail(f"{entry}.code_field", "unknown_field", field=code_field)
        out[kind] = Competence(basis, code_field, outside)
    return MappingProxyType(out)
