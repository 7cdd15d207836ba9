"""The ``[documents]`` table of a country profile: what certified copies print and who may
have them, as dated data with its source.

* ``mottos``: the national motto with the dates it is in force; a copy prints the one in force
  on its issue date.
* ``admin_lines``: the administrative lines of the header (BF region and province, DRC
  province and ville…), each a geography level and a French template.
* ``utc_offset`` / ``utc_offsets``: the legal time of the office (registration times are
  stored in UTC), with per-area exceptions keyed by a geography code (DRC east and west).
* ``office_titles``: how the office is called (BF *centre principal d'état civil*, DRC
  *bureau principal de l'état civil*).
* ``extract_mentions``: per act kind, the marginal mentions an extract carries.
* ``model``: per act kind, the items the country's act model has (declaration date, the
  spouses' parents, previous marital status, consent statement, the deceased's parents…).
* ``consent``: the consent statement of a marriage act, per form of marriage.
* ``requesters``: the capacities in which a person may ask for a copy, and which documents
  each capacity may have (``full`` / ``extract``, per act kind).

Checked entry by entry like the rest of the profile (:mod:`civreg.domain.profile_schema`);
see ``docs/country-profiles.md``.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from civreg.domain.acts import MENTION_KINDS, ActKind

if TYPE_CHECKING:
    from civreg.domain.profile_reader import ProfileReader

MODEL_ITEMS = frozenset(
    {
        "declaration_date",  # the date the office received the declaration
        "declarant",  # the declarant and their capacity
        "parents",  # birth: the parents; death: the deceased's parents
        "spouses_parents",  # marriage: each spouse's parents
        "previous_marital_status",  # marriage: each spouse's status before the marriage
        "marital_status",  # death: the deceased's marital status
        "spouse",  # death: the deceased's spouse
        "witnesses",
        "consent",  # marriage: the consent statement
        "parental_consent",  # marriage: consent of the parents of a minor spouse
        "hour",  # the hour of the event
    }
)
COPY_KINDS = ("full", "extract")


@dataclass(frozen=True)
class Motto:
    text: str
    valid_from: dt.date | None
    valid_to: dt.date | None
    source: str
    to_confirm: bool

    def in_force(self, on: dt.date) -> bool:
        starts = self.valid_from is None or self.valid_from <= on
        return starts and (self.valid_to is None or on <= self.valid_to)


@dataclass(frozen=True)
class AdminLine:
    level: str  # a geography level (region, province, ville, territoire, commune…)
    template: str  # "Région : {name}", "Ville de {name}"


@dataclass(frozen=True)
class RequesterCapacity:
    code: str  # person, parent, spouse, descendant, legal_representative, authority…
    full: frozenset[ActKind]  # act kinds whose full copy this capacity may have
    extract: frozenset[ActKind]
    needs_reference: bool  # e.g. the prosecutor's authorisation must be referenced

    def may_have(self, act_kind: ActKind, copy_kind: str) -> bool:
        return act_kind in (self.full if copy_kind == "full" else self.extract)


@dataclass(frozen=True, eq=False)
class DocumentRules:
    utc_offset: dt.timedelta
    utc_offsets: Mapping[str, dt.timedelta]  # geography code -> offset (first match wins)
    mottos: tuple[Motto, ...]
    admin_lines: tuple[AdminLine, ...]
    office_titles: Mapping[str, str]  # "principal" / "secondary" -> title
    extract_mentions: Mapping[ActKind, frozenset[str]]
    model: Mapping[ActKind, frozenset[str]]
    consent: Mapping[str, str]  # marriage form -> consent statement
    requesters: tuple[RequesterCapacity, ...]
    to_confirm: tuple[str, ...]
    source: str

    def motto_on(self, day: dt.date) -> Motto | None:
        """The motto in force on ``day`` (None when the profile knows none for that day)."""
        for motto in self.mottos:
            if motto.in_force(day):
                return motto
        return None

    def offset_for(self, place_codes: tuple[str, ...] | list[str]) -> dt.timedelta:
        """The UTC offset of a place, given its geography path (codes, any order)."""
        for code in place_codes:
            if code in self.utc_offsets:
                return self.utc_offsets[code]
        return self.utc_offset

    def has(self, kind: ActKind, item: str) -> bool:
        return item in self.model.get(kind, frozenset())

    def office_title(self, principal: bool) -> str:
        return self.office_titles["principal" if principal else "secondary"]

    def capacity(self, code: str) -> RequesterCapacity | None:
        return next((c for c in self.requesters if c.code == code), None)

    def capacities_for(self, act_kind: ActKind, copy_kind: str) -> tuple[RequesterCapacity, ...]:
        return tuple(c for c in self.requesters if c.may_have(act_kind, copy_kind))


def _date(r: ProfileReader, entry: str, value: Any) -> dt.date | None:
    if value is None:
        return None
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    if isinstance(value, str):  # overrides stored as JSON carry ISO text
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            pass
    raise r.fail(entry, "wrong_type", expected="date")


_OFFSET = re.compile(r"([+-])(\d{2}):(\d{2})")


def _offset(r: ProfileReader, entry: str, value: Any) -> dt.timedelta:
    m = _OFFSET.fullmatch(value) if isinstance(value, str) else None
    if m is None or int(m.group(2)) > 14 or int(m.group(3)) >= 60:
        raise r.fail(entry, "wrong_type", expected="+HH:MM")
    delta = dt.timedelta(hours=int(m.group(2)), minutes=int(m.group(3)))
    return -delta if m.group(1) == "-" else delta


def _kinds(r: ProfileReader, table: Mapping[str, Any], entry: str, key: str) -> frozenset[ActKind]:
    return frozenset(r.kind(f"{entry}.{key}", k) for k in r.strings(table, entry, key, ()))


def parse_documents(r: ProfileReader, raw: Mapping[str, Any]) -> DocumentRules:
    """Validate the ``[documents]`` table (see the module docstring)."""
    allowed = {
        "utc_offset",
        "utc_offsets",
        "mottos",
        "admin_lines",
        "office_titles",
        "extract_mentions",
        "model",
        "consent",
        "requesters",
        "to_confirm",
        "source",
    }
    doc = r.table(raw, "documents", allowed)
    utc_offset = _offset(r, "documents.utc_offset", r.get(doc, "documents", "utc_offset", str))
    raw_offsets = doc.get("utc_offsets", {})
    if not isinstance(raw_offsets, Mapping):
        raise r.fail("documents.utc_offsets", "wrong_type", expected="table")
    utc_offsets = {
        code: _offset(r, f"documents.utc_offsets.{code}", v) for code, v in raw_offsets.items()
    }
    mottos = []
    raw_mottos = r.get(doc, "documents", "mottos", list)
    for i, m in enumerate(raw_mottos):
        entry = f"documents.mottos[{i}]"
        if not isinstance(m, Mapping):
            raise r.fail(entry, "wrong_type", expected="table")
        for k in m:
            if k not in {"text", "from", "to", "source", "to_confirm"}:
                raise r.fail(f"{entry}.{k}", "unknown_key")
        motto = Motto(
            text=r.get(m, entry, "text", str),
            valid_from=_date(r, f"{entry}.from", m.get("from")),
            valid_to=_date(r, f"{entry}.to", m.get("to")),
            source=r.get(m, entry, "source", str),
            to_confirm=r.get(m, entry, "to_confirm", bool, False),
        )
        if motto.valid_from and motto.valid_to and motto.valid_to < motto.valid_from:
            raise r.fail(f"{entry}.to", "bad_range")
        mottos.append(motto)
    mottos.sort(key=lambda m: m.valid_from or dt.date.min)
    for before, after in itertools.pairwise(mottos):
        if before.valid_to is None or (after.valid_from and before.valid_to >= after.valid_from):
            raise r.fail("documents.mottos", "bad_range")

    admin_lines = []
    for i, line in enumerate(r.get(doc, "documents", "admin_lines", list, [])):
        entry = f"documents.admin_lines[{i}]"
        if not isinstance(line, Mapping) or set(line) != {"level", "format"}:
            raise r.fail(entry, "wrong_type", expected="{level, format}")
        template = r.get(line, entry, "format", str)
        try:
            template.format(name="X")
        except (KeyError, IndexError, ValueError) as exc:
            raise r.fail(f"{entry}.format", "bad_format", detail=str(exc)) from None
        admin_lines.append(AdminLine(r.get(line, entry, "level", str), template))

    titles = r.table(doc, "office_titles", {"principal", "secondary"}, "documents.")
    office_titles = {
        k: r.get(titles, "documents.office_titles", k, str) for k in ("principal", "secondary")
    }

    extract = r.table(doc, "extract_mentions", None, "documents.")
    extract_mentions: dict[ActKind, frozenset[str]] = {}
    for key in extract:
        kind = r.kind("documents.extract_mentions", key)
        kinds = r.strings(extract, "documents.extract_mentions", key)
        for k in kinds:
            if k not in MENTION_KINDS:
                raise r.fail(f"documents.extract_mentions.{key}", "unknown_field", field=k)
        extract_mentions[kind] = frozenset(kinds)

    model_table = r.table(doc, "model", None, "documents.")
    model: dict[ActKind, frozenset[str]] = {}
    for key in model_table:
        kind = r.kind("documents.model", key)
        items = r.strings(model_table, "documents.model", key)
        for item in items:
            if item not in MODEL_ITEMS:
                raise r.fail(f"documents.model.{key}", "unknown_field", field=item)
        model[kind] = frozenset(items)

    consent_table = doc.get("consent", {})
    if not isinstance(consent_table, Mapping):
        raise r.fail("documents.consent", "wrong_type", expected="table")
    consent = {k: r.get(consent_table, "documents.consent", k, str) for k in consent_table}

    req = r.table(doc, "requesters", None, "documents.")
    requesters = []
    for code, spec in req.items():
        entry = f"documents.requesters.{code}"
        if not isinstance(spec, Mapping):
            raise r.fail(entry, "wrong_type", expected="table")
        for k in spec:
            if k not in {"full", "extract", "needs_reference"}:
                raise r.fail(f"{entry}.{k}", "unknown_key")
        requesters.append(
            RequesterCapacity(
                code=code,
                full=_kinds(r, spec, entry, "full"),
                extract=_kinds(r, spec, entry, "extract"),
                needs_reference=r.get(spec, entry, "needs_reference", bool, False),
            )
        )
    if not requesters:
        raise r.fail("documents.requesters", "empty")
    to_confirm = r.strings(doc, "documents", "to_confirm", ())
    for item in to_confirm:
        head, _, rest = item.partition(".")
        if head != "documents" or rest.split(".")[0] not in allowed:
            raise r.fail(f"documents.to_confirm ({item})", "unknown_key")
    return DocumentRules(
        utc_offset=utc_offset,
        utc_offsets=MappingProxyType(utc_offsets),
        mottos=tuple(mottos),
        admin_lines=tuple(admin_lines),
        office_titles=MappingProxyType(office_titles),
        extract_mentions=MappingProxyType(extract_mentions),
        model=MappingProxyType(model),
        consent=MappingProxyType(consent),
        requesters=tuple(requesters),
        to_confirm=to_confirm,
        source=r.get(doc, "documents", "source", str, ""),
    )
