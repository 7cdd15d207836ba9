"""Administrative geography as data: regions, provinces, communes and localities.

A geography is read from a CSV file with the columns ``level,code,name,parent_code``
(``parent_code`` empty for the top level). It answers the questions the counter asks: the
communes, a place by code, its children, its path (region > province > commune) and an
accent-insensitive prefix search that stays fast on tens of thousands of localities
(pre-sorted folded keys + :mod:`bisect`; no scan of the whole list).
"""

from __future__ import annotations

import csv
import re
import unicodedata
from bisect import bisect_left
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from civreg.errors import CivregError, NotFound
from civreg.i18n import register, t

register(
    {
        "geography.bad_row": {
            "fr": "Fichier de géographie {file}, ligne {line} : {reason}",
            "en": "Geography file {file}, line {line}: {reason}",
        },
        "geography.reason.header": {
            "fr": "l'en-tête doit être « level,code,name,parent_code ».",
            "en": 'the header must be "level,code,name,parent_code".',
        },
        "geography.reason.columns": {
            "fr": "4 colonnes attendues.",
            "en": "4 columns expected.",
        },
        "geography.reason.empty": {
            "fr": "le niveau, le code et le nom sont obligatoires.",
            "en": "level, code and name are required.",
        },
        "geography.reason.level": {
            "fr": "niveau inconnu « {level} ».",
            "en": 'unknown level "{level}".',
        },
        "geography.reason.duplicate": {
            "fr": "le code « {code} » apparaît deux fois.",
            "en": 'code "{code}" appears twice.',
        },
        "geography.reason.parent": {
            "fr": "le parent « {parent} » n'existe pas.",
            "en": 'parent "{parent}" does not exist.',
        },
        "geography.reason.cycle": {
            "fr": "le code « {code} » est son propre ancêtre.",
            "en": 'code "{code}" is its own ancestor.',
        },
        "geography.reason.unreadable": {
            "fr": "fichier illisible ({detail}).",
            "en": "unreadable file ({detail}).",
        },
    }
)

HEADER = ["level", "code", "name", "parent_code"]
_SEPARATORS = re.compile(r"[\W_]+")


class GeographyError(CivregError):
    """A geography CSV row is wrong; names the file, the line and the reason."""

    key = "geography.bad_row"

    def __init__(self, file: str, line: int, reason: str, **reason_params: object) -> None:
        self.file, self.line, self.reason, self.reason_params = file, line, reason, reason_params
        super().__init__(self.key, file=file, line=line)

    def message(self, lang: str | None = None) -> str:
        reason = t(f"geography.reason.{self.reason}", lang, **self.reason_params)
        return t(self.key, lang, file=self.file, line=self.line, reason=reason)


def fold(text: str) -> str:
    """Search key: no accents, case-folded, punctuation as single spaces (``Fada N'Gourma`` →
    ``fada n gourma``)."""
    if not text.isascii():
        decomposed = unicodedata.normalize("NFKD", text)
        text = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _SEPARATORS.sub(" ", text.casefold()).strip()


@dataclass(frozen=True, slots=True)
class Place:
    level: str
    code: str
    name: str
    parent_code: str = ""


class Geography:
    """An immutable set of places with fast lookups. ``commune_levels`` names the levels that
    count as a commune (BF: ``commune``; DRC: ``commune``, ``secteur``, ``chefferie``)."""

    def __init__(
        self,
        places: Iterable[Place],
        *,
        commune_levels: Iterable[str] = ("commune",),
        version: str = "",
    ) -> None:
        self._places: list[Place] = list(places)
        self._by_code: dict[str, Place] = {p.code: p for p in self._places}
        self.commune_levels = tuple(commune_levels)
        self.version = version
        self._children: dict[str, list[Place]] = {}
        for p in self._places:
            self._children.setdefault(p.parent_code, []).append(p)
        # Whole-name keys rank first; word-start keys ("yalgado" in "CHU Yalgado Ouédraogo")
        # second. Each list is sorted so a prefix is a contiguous run found by bisect.
        full: list[tuple[str, int]] = []
        words: list[tuple[str, int]] = []
        for i, p in enumerate(self._places):
            key = fold(p.name)
            full.append((key, i))
            j = key.find(" ")
            while j >= 0:
                words.append((key[j + 1 :], i))
                j = key.find(" ", j + 1)
        full.sort()
        words.sort()
        self._full_keys = [k for k, _ in full]
        self._full_idx = [i for _, i in full]
        self._word_keys = [k for k, _ in words]
        self._word_idx = [i for _, i in words]

    def __len__(self) -> int:
        return len(self._places)

    def __iter__(self) -> Iterator[Place]:
        return iter(self._places)

    def __contains__(self, code: object) -> bool:
        return code in self._by_code

    def find(self, code: str) -> Place | None:
        return self._by_code.get(code)

    def get(self, code: str) -> Place:
        """Like :meth:`find` but raises :class:`NotFound` for an unknown code."""
        place = self._by_code.get(code)
        if place is None:
            raise NotFound(what=code)
        return place

    def level(self, level: str) -> list[Place]:
        return [p for p in self._places if p.level == level]

    def communes(self) -> list[Place]:
        return [p for p in self._places if p.level in self.commune_levels]

    def top(self) -> list[Place]:
        return list(self._children.get("", ()))

    def children(self, code: str) -> list[Place]:
        return list(self._children.get(code, ()))

    def path(self, code: str) -> list[Place]:
        """Ancestors then the place itself, top level first (region > province > commune)."""
        chain = [self.get(code)]
        while chain[-1].parent_code:
            chain.append(self.get(chain[-1].parent_code))
        return chain[::-1]

    def is_within(self, code: str, ancestor: str) -> bool:
        return any(p.code == ancestor for p in self.path(code))

    def search(
        self,
        prefix: str,
        limit: int = 20,
        *,
        levels: Iterable[str] | None = None,
        within: str | None = None,
    ) -> list[Place]:
        """Places whose name (or a word of it) starts with ``prefix``, ignoring accents and
        case; whole-name matches first, each group in alphabetical order."""
        q = fold(prefix)
        if not q or limit <= 0:
            return []
        wanted = set(levels) if levels is not None else None
        seen: set[int] = set()
        out: list[Place] = []
        for keys, idx in ((self._full_keys, self._full_idx), (self._word_keys, self._word_idx)):
            k = bisect_left(keys, q)
            while k < len(keys) and keys[k].startswith(q) and len(out) < limit:
                i = idx[k]
                k += 1
                if i in seen:
                    continue
                seen.add(i)
                p = self._places[i]
                if wanted is not None and p.level not in wanted:
                    continue
                if within is not None and not self.is_within(p.code, within):
                    continue
                out.append(p)
        return out

    def extended(self, places: Iterable[Place]) -> Geography:
        """A new geography with more places (e.g. a full locality list) added."""
        return Geography(
            [*self._places, *places], commune_levels=self.commune_levels, version=self.version
        )


def load_geography_csv(
    path: Path | str,
    *,
    levels: Iterable[str] | None = None,
    commune_levels: Iterable[str] = ("commune",),
    version: str = "",
    base: Geography | None = None,
) -> Geography:
    """Read a geography CSV (UTF-8). ``levels`` restricts the allowed level names; ``base``
    lets a locality file refer to parents defined elsewhere (its places are included).
    Raises :class:`GeographyError` naming the line of the first bad row."""
    path = Path(path)
    name = path.name
    allowed = set(levels) if levels is not None else None
    try:
        with path.open(encoding="utf-8-sig", newline="") as fh:
            rows = list(csv.reader(fh))
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise GeographyError(name, 0, "unreadable", detail=type(exc).__name__) from exc
    if not rows or [c.strip() for c in rows[0]] != HEADER:
        raise GeographyError(name, 1, "header")
    known: dict[str, Place] = {p.code: p for p in base} if base is not None else {}
    places: list[Place] = []
    lines: dict[str, int] = {}
    for line, row in enumerate(rows[1:], start=2):
        if not row or (len(row) == 1 and not row[0].strip()):
            continue
        if len(row) != 4:
            raise GeographyError(name, line, "columns")
        level, code, label, parent = (c.strip() for c in row)
        if not (level and code and label):
            raise GeographyError(name, line, "empty")
        if allowed is not None and level not in allowed:
            raise GeographyError(name, line, "level", level=level)
        if code in known:
            raise GeographyError(name, line, "duplicate", code=code)
        place = Place(level, code, label, parent)
        known[code] = place
        places.append(place)
        lines[code] = line
    for place in places:
        if place.parent_code and place.parent_code not in known:
            raise GeographyError(name, lines[place.code], "parent", parent=place.parent_code)
    _check_no_cycle(places, known, lines, name)
    all_places = [*(base or ()), *places]
    return Geography(all_places, commune_levels=commune_levels, version=version)


def _check_no_cycle(
    places: list[Place], known: dict[str, Place], lines: dict[str, int], file: str
) -> None:
    done: set[str] = set()
    for place in places:
        trail: set[str] = set()
        current: Place | None = place
        while current is not None and current.code not in done:
            if current.code in trail:
                raise GeographyError(file, lines.get(current.code, 0), "cycle", code=current.code)
            trail.add(current.code)
            current = known.get(current.parent_code) if current.parent_code else None
        done |= trail
