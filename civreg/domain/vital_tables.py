"""The standard tables of vital statistics, built from a :class:`VitalStatistics`: what the
Statistics screen, ``civreg stats``, the PDF report and the statistical office's CSV show.

A :class:`Table` is rows × columns of counts with labels in one language, a stable ``key`` (the
CSV file name, docs/statistics.md) and stable row and column codes. :func:`publishable` gives
the same table with small cells suppressed (:mod:`civreg.domain.disclosure`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from civreg.domain.disclosure import suppress_table
from civreg.domain.vital_groups import (
    AGE_GROUPS,
    CAUSE_CODES,
    PLACES,
    SEX_CODES,
    SEXES,
    TIMELINESS,
    age_label,
    cause_label,
    group_codes,
    kind_label,
    month_label,
    place_label,
    sex_label,
    timeliness_label,
)
from civreg.domain.vital_stats import KINDS, VitalStatistics
from civreg.i18n import get_language, register, t

register(
    {
        "stats.table.summary": {
            "fr": "Actes enregistrés par nature, sexe et délai",
            "en": "Registered acts by kind, sex and timeliness",
        },
        "stats.table.by_month": {
            "fr": "{kind} par mois de l'événement et sexe",
            "en": "{kind} by month of the event and sex",
        },
        "stats.table.marriages_by_month": {
            "fr": "Mariages par mois de célébration",
            "en": "Marriages by month of celebration",
        },
        "stats.table.by_year": {
            "fr": "{kind} par année de l'événement et sexe",
            "en": "{kind} by year of the event and sex",
        },
        "stats.table.marriages_by_year": {
            "fr": "Mariages par année de célébration",
            "en": "Marriages by year of celebration",
        },
        "stats.table.timeliness": {
            "fr": "{kind} selon le délai de déclaration et le sexe",
            "en": "{kind} by timeliness of registration and sex",
        },
        "stats.table.place": {
            "fr": "{kind} par lieu de l'événement et sexe",
            "en": "{kind} by place of occurrence and sex",
        },
        "stats.table.centre": {
            "fr": "Actes enregistrés par centre d'état civil",
            "en": "Registered acts by civil status centre",
        },
        "stats.table.commune": {
            "fr": "Actes enregistrés par commune et complétude des naissances",
            "en": "Registered acts by commune and completeness of births",
        },
        "stats.table.mother_age": {
            "fr": "Naissances selon l'âge de la mère et le sexe de l'enfant",
            "en": "Births by age of the mother and sex of the child",
        },
        "stats.table.death_age": {
            "fr": "Décès par groupe d'âge et sexe",
            "en": "Deaths by age group and sex",
        },
        "stats.table.death_cause": {
            "fr": "Décès par cause (chapitre de la CIM-10) et sexe",
            "en": "Deaths by cause (ICD-10 chapter) and sex",
        },
        "stats.table.spouse_age": {
            "fr": "Mariages selon l'âge des époux",
            "en": "Marriages by age of the spouses",
        },
        "stats.col.total": {"fr": "Total", "en": "Total"},
        "stats.col.kind": {"fr": "Nature", "en": "Kind"},
        "stats.col.month": {"fr": "Mois", "en": "Month"},
        "stats.col.year": {"fr": "Année", "en": "Year"},
        "stats.col.timeliness": {"fr": "Délai", "en": "Timeliness"},
        "stats.col.place": {"fr": "Lieu", "en": "Place"},
        "stats.col.centre": {"fr": "Centre", "en": "Centre"},
        "stats.col.commune": {"fr": "Commune", "en": "Commune"},
        "stats.col.age": {"fr": "Âge", "en": "Age"},
        "stats.col.cause": {"fr": "Cause", "en": "Cause"},
        "stats.col.spouse1": {"fr": "Époux 1", "en": "Spouse 1"},
        "stats.col.spouse2": {"fr": "Époux 2", "en": "Spouse 2"},
        "stats.col.expected": {"fr": "Naissances attendues", "en": "Expected births"},
        "stats.col.completeness": {"fr": "Complétude (%)", "en": "Completeness (%)"},
    }
)


@dataclass(frozen=True)
class Table:
    key: str
    title: str
    stub: str  # the header of the row-label column
    row_codes: tuple[str, ...]
    row_labels: tuple[str, ...]
    col_codes: tuple[str, ...]
    col_labels: tuple[str, ...]
    cells: tuple[tuple[int | None, ...], ...]  # None: suppressed
    row_totals: tuple[int | None, ...] | None = None  # a "Total" column, when the columns add up
    col_totals: tuple[int | None, ...] | None = None  # a "Total" row, when the rows add up
    grand: int | None = None
    extra: tuple[tuple[str, tuple[str, ...]], ...] = ()  # (header, texts per row) not counts
    na: frozenset[tuple[int, int]] = frozenset()  # (row, col) that do not apply: shown "—"
    suppressed: bool = False

    @property
    def empty(self) -> bool:
        return not any(v for row in self.cells for v in row if v)


def _table(
    key: str,
    title: str,
    stub: str,
    rows: Sequence[tuple[str, str]],
    cols: Sequence[tuple[str, str]],
    value: Callable[[str, str], int],
    *,
    totals: bool = True,
    extra: tuple[tuple[str, tuple[str, ...]], ...] = (),
) -> Table:
    cells = tuple(tuple(int(value(r, c)) for c, _ in cols) for r, _ in rows)
    row_totals = tuple(sum(r) for r in cells) if totals else None
    col_totals = (
        tuple(sum(cells[i][j] for i in range(len(rows))) for j in range(len(cols)))
        if totals
        else None
    )
    return Table(
        key=key,
        title=title,
        stub=stub,
        row_codes=tuple(r for r, _ in rows),
        row_labels=tuple(label for _, label in rows),
        col_codes=tuple(c for c, _ in cols),
        col_labels=tuple(label for _, label in cols),
        cells=cells,
        row_totals=row_totals,
        col_totals=col_totals,
        grand=sum(row_totals) if row_totals is not None else None,
        extra=extra,
    )


def _sex_cols(lang: str | None) -> list[tuple[str, str]]:
    return [(SEX_CODES[s], sex_label(s, lang)) for s in SEXES]


def _sex_of(code: str) -> int:
    return {v: k for k, v in SEX_CODES.items()}[code]


def _get(counts: Mapping[Any, int], *key: object) -> int:
    return counts.get(key if len(key) > 1 else key[0], 0)


def summary_table(stats: VitalStatistics, lang: str | None = None) -> Table:
    cols = [
        ("total", t("stats.col.total", lang)),
        *_sex_cols(lang),
        *((code, timeliness_label(code, lang)) for code in TIMELINESS),
    ]

    def value(kind: str, col: str) -> int:
        if col == "total":
            return stats.total(kind)
        if col in TIMELINESS:
            return stats.total(kind, timeliness=col)
        if kind == "marriage":
            return 0
        return stats.total(kind, sex=_sex_of(col))

    table = _table(
        "summary",
        t("stats.table.summary", lang),
        t("stats.col.kind", lang),
        [(k, kind_label(k, lang)) for k in KINDS],
        cols,
        value,
        totals=False,
    )
    marriage = KINDS.index("marriage")
    sexes = {i + 1 for i in range(len(SEXES))}  # the sex columns follow "total"
    return replace(table, na=frozenset((marriage, c) for c in sexes))


def month_table(stats: VitalStatistics, kind: str, lang: str | None = None) -> Table:
    """By month of the event — by year when the selection spans more than three years."""
    by_year = len({p[:4] for p in stats.values("period")}) > 3
    dim = "year" if by_year else "period"
    periods = sorted({str(p) for p in stats.tally(kind, dim)})
    label = (lambda p: p) if by_year else (lambda p: month_label(p, lang))
    stub = t("stats.col.year" if by_year else "stats.col.month", lang)
    suffix = "year" if by_year else "month"
    if kind == "marriage":
        counts = stats.tally(kind, dim)
        return _table(
            f"marriages_by_{suffix}",
            t(f"stats.table.marriages_by_{suffix}", lang),
            stub,
            [(p, label(p)) for p in periods],
            [("total", t("stats.col.total", lang))],
            lambda r, _c: _get(counts, r),
            totals=False,
        )
    counts2 = stats.tally2(kind, dim, "sex")
    return _table(
        f"{kind}s_by_{suffix}",
        t(f"stats.table.by_{suffix}", lang, kind=kind_label(kind, lang)),
        stub,
        [(p, label(p)) for p in periods],
        _sex_cols(lang),
        lambda r, c: _get(counts2, r, _sex_of(c)),
    )


def timeliness_table(stats: VitalStatistics, kind: str, lang: str | None = None) -> Table:
    counts = stats.tally2(kind, "timeliness", "sex")
    return _table(
        f"{kind}s_by_timeliness",
        t("stats.table.timeliness", lang, kind=kind_label(kind, lang)),
        t("stats.col.timeliness", lang),
        [(code, timeliness_label(code, lang)) for code in TIMELINESS],
        _sex_cols(lang),
        lambda r, c: _get(counts, r, _sex_of(c)),
    )


def place_table(stats: VitalStatistics, kind: str, lang: str | None = None) -> Table:
    counts = stats.tally2(kind, "place", "sex")
    return _table(
        f"{kind}s_by_place",
        t("stats.table.place", lang, kind=kind_label(kind, lang)),
        t("stats.col.place", lang),
        [(code or "not_stated", place_label(code, lang)) for code in PLACES],
        _sex_cols(lang),
        lambda r, c: _get(counts, "" if r == "not_stated" else r, _sex_of(c)),
    )


def centre_table(stats: VitalStatistics, lang: str | None = None) -> Table:
    counts = stats.tally2(None, "centre", "kind")
    centres = stats.values("centre")
    return _table(
        "acts_by_centre",
        t("stats.table.centre", lang),
        t("stats.col.centre", lang),
        [(c, stats.name(c)) for c in centres],
        [(k, kind_label(k, lang)) for k in KINDS],
        lambda r, c: _get(counts, r, c),
    )


def commune_table(stats: VitalStatistics, lang: str | None = None) -> Table:
    counts = stats.tally2(None, "commune", "kind")
    expected: dict[str, int | None] = {}
    for row in stats.completeness():
        if row.expected is not None:
            expected[row.commune] = (expected.get(row.commune) or 0) + row.expected
    communes = sorted(set(stats.communes()) | set(expected))
    births = stats.tally("birth", "commune")

    def rate(code: str) -> str:
        want = expected.get(code)
        if not want:
            return ""
        text = f"{100.0 * births.get(code, 0) / want:.1f}"  # a share, in the reader's language
        return text.replace(".", ",") if (lang or get_language()) == "fr" else text

    return _table(
        "acts_by_commune",
        t("stats.table.commune", lang),
        t("stats.col.commune", lang),
        [(c, stats.name(c)) for c in communes],
        [(k, kind_label(k, lang)) for k in KINDS],
        lambda r, c: _get(counts, r, c),
        extra=(
            (
                t("stats.col.expected", lang),
                tuple(str(expected[c]) if expected.get(c) else "" for c in communes),
            ),
            (t("stats.col.completeness", lang), tuple(rate(c) for c in communes)),
        ),
    )


def age_table(stats: VitalStatistics, kind: str, lang: str | None = None) -> Table:
    groups = group_codes(AGE_GROUPS[kind])
    if kind == "marriage":
        first = stats.tally(kind, "age")
        second = stats.tally(kind, "age2")
        return _table(
            "marriages_by_spouse_age",
            t("stats.table.spouse_age", lang),
            t("stats.col.age", lang),
            [(g, age_label(g, lang)) for g in groups],
            [("spouse1", t("stats.col.spouse1", lang)), ("spouse2", t("stats.col.spouse2", lang))],
            lambda r, c: (first if c == "spouse1" else second).get(r, 0),
            totals=False,
        )
    counts = stats.tally2(kind, "age", "sex")
    key, title = (
        ("births_by_mother_age", "stats.table.mother_age")
        if kind == "birth"
        else ("deaths_by_age_sex", "stats.table.death_age")
    )
    return _table(
        key,
        t(title, lang),
        t("stats.col.age", lang),
        [(g, age_label(g, lang)) for g in groups],
        _sex_cols(lang),
        lambda r, c: _get(counts, r, _sex_of(c)),
    )


def cause_table(stats: VitalStatistics, lang: str | None = None) -> Table:
    counts = stats.tally2("death", "cause", "sex")
    return _table(
        "deaths_by_cause",
        t("stats.table.death_cause", lang),
        t("stats.col.cause", lang),
        [(code, cause_label(code, lang)) for code in CAUSE_CODES],
        _sex_cols(lang),
        lambda r, c: _get(counts, r, _sex_of(c)),
    )


def standard_tables(stats: VitalStatistics, lang: str | None = None) -> list[Table]:
    """Every table, in the order of the report."""
    tables = [summary_table(stats, lang)]
    for kind in KINDS:
        tables.append(month_table(stats, kind, lang))
    for kind in ("birth", "death"):
        tables.append(timeliness_table(stats, kind, lang))
        tables.append(place_table(stats, kind, lang))
    tables.append(age_table(stats, "birth", lang))
    tables.append(age_table(stats, "death", lang))
    tables.append(cause_table(stats, lang))
    tables.append(age_table(stats, "marriage", lang))
    if stats.level != "commune" or len(stats.communes()) > 1:
        tables.append(commune_table(stats, lang))
    tables.append(centre_table(stats, lang))
    return tables


def publishable(table: Table) -> Table:
    """The table with counts 1–4 suppressed (and their complements, see disclosure)."""
    if table.suppressed:
        return table
    s = suppress_table(
        [[v or 0 for v in r] for r in table.cells] if table.cells else [],
        row_totals=table.row_totals is not None,
        col_totals=table.col_totals is not None,
    )
    return Table(
        key=table.key,
        title=table.title,
        stub=table.stub,
        row_codes=table.row_codes,
        row_labels=table.row_labels,
        col_codes=table.col_codes,
        col_labels=table.col_labels,
        cells=tuple(tuple(r) for r in s.cells),
        row_totals=tuple(s.row_totals) if s.row_totals is not None else None,
        col_totals=tuple(s.col_totals) if s.col_totals is not None else None,
        grand=s.grand if table.grand is not None else None,
        extra=table.extra,
        na=table.na,
        suppressed=True,
    )
