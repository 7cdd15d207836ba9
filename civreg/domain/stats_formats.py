"""Vital statistics as text: the JSON of ``civreg stats --json``, one CSV per table (what
``civreg stats --csv`` prints and what the statistical office receives, docs/statistics.md).

CSV: semicolon-separated (what a French-language spreadsheet opens directly), UTF-8 with a
byte-order mark, one header line; the first two columns are the row's code and label, then
one column per category, then ``Total`` when the columns add up. A suppressed count is
written ``s`` (*secret statistique*); a category that does not apply, ``-``.
"""

from __future__ import annotations

import csv
import io
from typing import Any

from civreg.domain.vital_stats import VitalStatistics
from civreg.domain.vital_tables import Table
from civreg.i18n import register, t

SUPPRESSED = "s"
NOT_APPLICABLE = "-"
BOM = "\ufeff"

register(
    {
        "stats.csv.code": {"fr": "Code", "en": "Code"},
        "stats.meta.office": {"fr": "Office", "en": "Office"},
        "stats.meta.level": {"fr": "Niveau", "en": "Level"},
        "stats.meta.period": {"fr": "Période (date de l'événement)", "en": "Period (event date)"},
        "stats.meta.centre": {"fr": "Centre", "en": "Centre"},
        "stats.meta.commune": {"fr": "Commune", "en": "Commune"},
        "stats.meta.computed": {"fr": "Calculé le (UTC)", "en": "Computed on (UTC)"},
        "stats.meta.suppression": {"fr": "Secret statistique", "en": "Small cells"},
        "stats.meta.suppression_on": {
            "fr": "effectifs de 1 à 4 masqués (s), avec leurs compléments",
            "en": "counts from 1 to 4 withheld (s), with their complements",
        },
        "stats.meta.suppression_off": {
            "fr": "aucun (effectifs exacts, usage interne)",
            "en": "none (exact counts, internal use)",
        },
        "stats.meta.all": {"fr": "tous", "en": "all"},
        "stats.meta.any": {"fr": "toutes les dates", "en": "all dates"},
        "stats.meta.item": {"fr": "Rubrique", "en": "Item"},
        "stats.meta.value": {"fr": "Valeur", "en": "Value"},
    }
)


def _cell(value: int | None, na: bool = False) -> str:
    if na:
        return NOT_APPLICABLE
    return SUPPRESSED if value is None else str(value)


def period_text(stats: VitalStatistics, lang: str | None = None) -> str:
    f = stats.filter
    if not f.date_from and not f.date_to:
        return t("stats.meta.any", lang)
    if f.year is not None:
        return str(f.year)
    return f"{f.date_from or '…'} — {f.date_to or '…'}"


def metadata(stats: VitalStatistics, office: str, lang: str | None = None) -> list[tuple[str, str]]:
    f = stats.filter
    everyone = t("stats.meta.all", lang)
    return [
        (t("stats.meta.office", lang), office),
        (t("stats.meta.level", lang), stats.level),
        (t("stats.meta.period", lang), period_text(stats, lang)),
        (t("stats.meta.commune", lang), stats.name(f.commune) if f.commune else everyone),
        (t("stats.meta.centre", lang), stats.name(f.centre) if f.centre else everyone),
        (t("stats.meta.computed", lang), stats.computed_at),
    ]


def table_rows(table: Table, lang: str | None = None) -> list[list[str]]:
    """Header line then one line per row (then the column totals), as text."""
    header = [t("stats.csv.code", lang), table.stub, *table.col_labels]
    if table.row_totals is not None:
        header.append(t("stats.col.total", lang))
    header += [h for h, _ in table.extra]
    lines = [header]
    for i, (code, label) in enumerate(zip(table.row_codes, table.row_labels, strict=True)):
        line = [code, label]
        line += [_cell(v, (i, j) in table.na) for j, v in enumerate(table.cells[i])]
        if table.row_totals is not None:
            line.append(_cell(table.row_totals[i]))
        line += [texts[i] for _, texts in table.extra]
        lines.append(line)
    if table.col_totals is not None:
        line = ["total", t("stats.col.total", lang), *(_cell(v) for v in table.col_totals)]
        if table.row_totals is not None:
            line.append(_cell(table.grand))
        line += ["" for _ in table.extra]
        lines.append(line)
    return lines


def table_csv(table: Table, lang: str | None = None, *, bom: bool = True) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, delimiter=";", lineterminator="\r\n")
    writer.writerows(table_rows(table, lang))
    return (BOM if bom else "") + buf.getvalue()


def metadata_csv(
    stats: VitalStatistics, office: str, suppressed: bool, lang: str | None = None
) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, delimiter=";", lineterminator="\r\n")
    writer.writerow([t("stats.meta.item", lang), t("stats.meta.value", lang)])
    writer.writerows(metadata(stats, office, lang))
    writer.writerow(
        [
            t("stats.meta.suppression", lang),
            t("stats.meta.suppression_on" if suppressed else "stats.meta.suppression_off", lang),
        ]
    )
    return BOM + buf.getvalue()


def table_json(table: Table) -> dict[str, Any]:
    rows = []
    for i, (code, label) in enumerate(zip(table.row_codes, table.row_labels, strict=True)):
        row: dict[str, Any] = {
            "code": code,
            "label": label,
            "values": [None if (i, j) in table.na else v for j, v in enumerate(table.cells[i])],
        }
        if table.row_totals is not None:
            row["total"] = table.row_totals[i]
        for header, texts in table.extra:
            row.setdefault("extra", {})[header] = texts[i]
        rows.append(row)
    out: dict[str, Any] = {
        "key": table.key,
        "title": table.title,
        "stub": table.stub,
        "columns": [
            {"code": c, "label": label}
            for c, label in zip(table.col_codes, table.col_labels, strict=True)
        ],
        "rows": rows,
        "suppressed": table.suppressed,
    }
    if table.col_totals is not None:
        out["column_totals"] = list(table.col_totals)
        out["grand_total"] = table.grand
    return out


def stats_json(stats: VitalStatistics, tables: list[Table], office: str) -> dict[str, Any]:
    f = stats.filter
    return {
        "format": "civreg-vital-statistics",
        "version": 1,
        "office": office,
        "level": stats.level,
        "filter": {
            "from": f.date_from,
            "to": f.date_to,
            "centre": f.centre,
            "commune": f.commune,
        },
        "computed_at": stats.computed_at,
        "totals": {k: stats.total(k) for k in ("birth", "death", "marriage")},
        "tables": [table_json(tb) for tb in tables],
    }
