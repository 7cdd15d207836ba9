"""Vital statistics as a DHIS2 *data value set* (the JSON that ``POST /api/dataValueSets``
imports), through a mapping of civreg's categories onto the national instance's data
elements, category option combos and organisation units.

The mapping is a TOML file (shipped default: ``civreg/resources/statistics/dhis2.toml``;
docs/statistics.md describes every key). Each *data element* counts one kind of act,
disaggregated by zero, one or two civreg dimensions (``sex``, ``timeliness``, ``place``,
``age``, ``cause``); each combination of their values is one DHIS2 category option combo.

Aggregates only: a value is a count of acts in one commune (org unit), one period (month or
year of the event), one option combo. Counts from 1 to 4 are not sent, nor a count that could
be recovered from the others of its line (:mod:`civreg.domain.disclosure`); empty cells
(0) are not sent either: DHIS2 reads a missing value as "no data".
"""

from __future__ import annotations

import re
import tomllib
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from civreg.domain.disclosure import suppress_line
from civreg.domain.vital_groups import (
    AGE_GROUPS,
    CAUSE_CODES,
    PLACES,
    SEX_CODES,
    SEXES,
    TIMELINESS,
    group_codes,
)
from civreg.domain.vital_stats import KINDS, Cell, VitalStatistics
from civreg.errors import CivregError
from civreg.i18n import register
from civreg.resources import resource_path

DEFAULT_MAPPING = resource_path("statistics", "dhis2.toml")
DIMS = ("sex", "timeliness", "place", "age", "cause")
ID_RE = re.compile(r"^[A-Za-z0-9_.:\-]{1,50}$")

register(
    {
        "dhis2.bad_mapping": {
            "fr": "Table de correspondance DHIS2 invalide ({where}) : {detail}.",
            "en": "Invalid DHIS2 mapping ({where}): {detail}.",
        },
    }
)


class Dhis2MappingError(CivregError):
    key = "dhis2.bad_mapping"


@dataclass(frozen=True)
class DataElement:
    name: str  # the mapping's own key, e.g. "births_sex"
    id: str
    kind: str
    by: tuple[str, ...]
    options: Mapping[str, str]  # "male" or "20-24|female" -> option combo id


@dataclass(frozen=True)
class Dhis2Mapping:
    id_scheme: str
    period_type: str
    data_set: str
    org_unit_prefix: str
    org_units: Mapping[str, str]
    elements: tuple[DataElement, ...]
    source: str = "default"

    def org_unit(self, commune: str) -> str:
        return self.org_units.get(commune) or f"{self.org_unit_prefix}{commune}"


def dimension_values(kind: str, dim: str) -> tuple[str, ...]:
    """Every code a dimension takes, in the mapping's spelling (``place``: ``not_stated``
    for an unstated place)."""
    if dim == "sex":
        return tuple(SEX_CODES[s] for s in SEXES)
    if dim == "timeliness":
        return TIMELINESS
    if dim == "place":
        return tuple(p or "not_stated" for p in PLACES)
    if dim == "age":
        return group_codes(AGE_GROUPS[kind])
    if dim == "cause":
        return CAUSE_CODES
    raise KeyError(dim)


def _token(code: str) -> str:
    return re.sub(r"[^A-Za-z0-9]+", "_", code.replace("+", "P")).strip("_").upper()


def _bad(where: str, detail: str) -> Dhis2MappingError:
    return Dhis2MappingError(where=where, detail=detail)


def _str(raw: Mapping[str, Any], key: str, where: str, default: str | None = None) -> str:
    value = raw.get(key, default)
    if not isinstance(value, str):
        raise _bad(where, f"« {key} » must be text")
    return value


def _element(name: str, raw: Any) -> DataElement:
    where = f"data_elements.{name}"
    if not isinstance(raw, Mapping):
        raise _bad(where, "a table is expected")
    unknown = set(raw) - {"id", "kind", "by", "options", "generate"}
    if unknown:
        raise _bad(where, f"unknown key « {sorted(unknown)[0]} »")
    ident = _str(raw, "id", where)
    if not ID_RE.fullmatch(ident):
        raise _bad(where, "id: 1 to 50 letters, digits or _ . : -")
    kind = _str(raw, "kind", where)
    if kind not in KINDS:
        raise _bad(where, "kind: birth, death or marriage")
    by = raw.get("by", [])
    if not isinstance(by, list) or len(by) > 2 or not all(d in DIMS for d in by):
        raise _bad(where, f"by: up to two of {', '.join(DIMS)}")
    if kind == "marriage" and any(d in ("sex", "cause") for d in by):
        raise _bad(where, "marriages have no sex nor cause dimension")
    if kind != "death" and "cause" in by:
        raise _bad(where, "only deaths have a cause")
    options = raw.get("options", {})
    if not isinstance(options, Mapping) or not all(
        isinstance(k, str) and isinstance(v, str) and ID_RE.fullmatch(v) for k, v in options.items()
    ):
        raise _bad(where, "options: text keys and identifiers")
    combos = [""]
    for dim in by:
        combos = [f"{c}|{v}" if c else v for c in combos for v in dimension_values(kind, dim)]
    wrong = set(options) - set(combos)
    if wrong:
        raise _bad(where, f"option « {sorted(wrong)[0]} » is not a value of {'/'.join(by)}")
    resolved = dict(options)
    template = raw.get("generate")
    if template is not None:
        if not isinstance(template, str):
            raise _bad(where, "generate must be text")
        for combo in combos:
            if combo not in resolved:
                parts = dict(zip(by, combo.split("|"), strict=True))
                resolved[combo] = template.format(**{k: _token(v) for k, v in parts.items()})
        if not all(ID_RE.fullmatch(v) for v in resolved.values()):
            raise _bad(where, "generate gives an invalid identifier")
    return DataElement(name, ident, kind, tuple(by), resolved)


def parse_mapping(raw: Mapping[str, Any], source: str = "default") -> Dhis2Mapping:
    where = "mapping"
    unknown = set(raw) - {
        "version",
        "id_scheme",
        "period_type",
        "data_set",
        "org_unit_prefix",
        "org_units",
        "data_elements",
    }
    if unknown:
        raise _bad(where, f"unknown key « {sorted(unknown)[0]} »")
    if raw.get("version", 1) != 1:
        raise _bad(where, "version 1 expected")
    scheme = _str(raw, "id_scheme", where, "CODE").upper()
    if scheme not in ("CODE", "UID"):
        raise _bad(where, "id_scheme: CODE or UID")
    period_type = _str(raw, "period_type", where, "Monthly")
    if period_type not in ("Monthly", "Yearly"):
        raise _bad(where, "period_type: Monthly or Yearly")
    org_units = raw.get("org_units", {})
    if not isinstance(org_units, Mapping) or not all(
        isinstance(v, str) and ID_RE.fullmatch(v) for v in org_units.values()
    ):
        raise _bad("org_units", "commune code = org unit identifier")
    elements_raw = raw.get("data_elements", {})
    if not isinstance(elements_raw, Mapping) or not elements_raw:
        raise _bad("data_elements", "at least one data element")
    elements = tuple(_element(name, value) for name, value in elements_raw.items())
    return Dhis2Mapping(
        id_scheme=scheme,
        period_type=period_type,
        data_set=_str(raw, "data_set", where, ""),
        org_unit_prefix=_str(raw, "org_unit_prefix", where, ""),
        org_units={str(k): str(v) for k, v in org_units.items()},
        elements=elements,
        source=source,
    )


def load_mapping(text: str | None = None, source: str = "default") -> Dhis2Mapping:
    """The mapping from TOML text (the shipped default when None)."""
    if text is None:
        text = Path(DEFAULT_MAPPING).read_text(encoding="utf-8")
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise _bad(source, str(exc)) from None
    return parse_mapping(raw, source)


@dataclass
class Dhis2Export:
    payload: dict[str, Any]
    values: int = 0
    suppressed: int = 0  # cells withheld (small counts and their complements)
    month_unknown: int = 0  # acts left out of a monthly export (event month unknown)
    unmapped: dict[str, int] = field(default_factory=dict)  # element -> acts with no combo


def _value(cell: Cell, dim: str) -> str:
    if dim == "sex":
        return SEX_CODES.get(cell.sex, "unknown")
    if dim == "place":
        return cell.place or "not_stated"
    return str(getattr(cell, dim))


def data_value_set(
    stats: VitalStatistics, mapping: Dhis2Mapping, *, complete_date: str
) -> Dhis2Export:
    """The data value set of ``stats`` under ``mapping`` (periods from the event dates)."""
    monthly = mapping.period_type == "Monthly"
    out = Dhis2Export(payload={})
    lines: dict[tuple[str, str, str], dict[str, int]] = defaultdict(lambda: defaultdict(int))
    elements = {e.name: e for e in mapping.elements}
    for cell in stats.cells:
        if monthly and cell.month is None:
            out.month_unknown += cell.n
        for element in mapping.elements:
            if element.kind != cell.kind:
                continue
            if monthly and cell.month is None:
                continue
            period = f"{cell.period[:4]}{cell.period[5:7]}" if monthly else cell.year
            combo = "|".join(_value(cell, d) for d in element.by)
            lines[(element.name, period, cell.commune)][combo] += cell.n
    values: list[dict[str, str]] = []
    for (name, period, commune), counts in sorted(lines.items()):
        element = elements[name]
        combos = sorted(counts)
        published = suppress_line([counts[c] for c in combos], total_published=True)
        for combo, value in zip(combos, published, strict=True):
            if value is None:
                out.suppressed += 1
                continue
            if value == 0:
                continue
            record = {
                "dataElement": element.id,
                "period": period,
                "orgUnit": mapping.org_unit(commune),
                "value": str(value),
            }
            if element.by:
                coc = element.options.get(combo)
                if coc is None:
                    out.unmapped[name] = out.unmapped.get(name, 0) + value
                    continue
                record["categoryOptionCombo"] = coc
            values.append(record)
    payload: dict[str, Any] = {}
    if mapping.data_set:
        payload["dataSet"] = mapping.data_set
    payload["completeDate"] = complete_date
    if mapping.id_scheme == "CODE":
        payload["idScheme"] = "CODE"
    payload["dataValues"] = values
    out.payload = payload
    out.values = len(values)
    return out
