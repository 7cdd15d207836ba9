"""Vital statistics that leave the office: the PDF report with charts, the DHIS2 data value
set and the statistical office's CSV tables. Aggregates only, never a name or an act; small
cells suppressed (docs/statistics.md). Files are written atomically; each export is audited
(what, which period, how many values) and logged.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path

from civreg.certificates.registers_common import DocHead
from civreg.certificates.stats_report import ReportInfo, render_report
from civreg.domain.dhis2 import Dhis2Mapping, data_value_set, load_mapping
from civreg.domain.stats_formats import metadata_csv, period_text, stats_json, table_csv
from civreg.domain.vital_stats import StatsFilter, VitalStatistics
from civreg.domain.vital_tables import publishable, standard_tables
from civreg.i18n import register, t
from civreg.oplog import logged
from civreg.security.atomic import atomic_write_bytes
from civreg.services.certificate_data import heading
from civreg.services.context import Ctx
from civreg.services.output_paths import output_file, output_folder
from civreg.services.settings import get_setting, put_setting
from civreg.services.statistics import vital_statistics

DHIS2_MAPPING = "stats.dhis2_mapping"  # the TOML text of the office's own mapping

register(
    {
        "stats.report.file": {"fr": "statistiques", "en": "statistics"},
    }
)


@dataclass(frozen=True)
class ExportResult:
    paths: tuple[Path, ...]
    values: int  # data values (DHIS2), tables (CSV) or pages (PDF)
    suppressed: int = 0
    month_unknown: int = 0
    unmapped: tuple[tuple[str, int], ...] = ()


def office_label(ctx: Ctx) -> str:
    return f"{ctx.office.name} ({ctx.office.office_id})"


def _audit(ctx: Ctx, what: str, f: StatsFilter, detail: str) -> None:
    with ctx.store.write() as s:
        ctx.audit(
            s,
            "stats.export",
            detail=f"{what} {f.date_from or '*'}..{f.date_to or '*'} "
            f"{f.commune or '*'}/{f.centre or '*'} {detail}",
        )


# -- DHIS2 ------------------------------------------------------------------------------
def office_mapping(ctx: Ctx) -> Dhis2Mapping:
    """The office's DHIS2 mapping (set by ``set_dhis2_mapping``), else the shipped one."""
    ctx.require("stats.view")
    with ctx.store.read() as s:
        text = get_setting(s, DHIS2_MAPPING)
    return load_mapping(text, "office") if text else load_mapping()


@logged("stats.dhis2_mapping")
def set_dhis2_mapping(ctx: Ctx, text: str | None) -> Dhis2Mapping:
    """Store the office's mapping (TOML text), checked first; None restores the default."""
    ctx.require("stats.configure")
    mapping = load_mapping(text, "office") if text is not None else load_mapping()
    with ctx.store.write() as s:
        put_setting(s, DHIS2_MAPPING, text)
        ctx.audit(s, "stats.dhis2_mapping", detail=f"{len(mapping.elements)} data elements")
    return mapping


@logged("stats.dhis2")
def export_dhis2(
    ctx: Ctx,
    f: StatsFilter,
    out: Path,
    *,
    mapping: Dhis2Mapping | None = None,
    stats: VitalStatistics | None = None,
    today: dt.date | None = None,
) -> ExportResult:
    ctx.require("stats.view")
    out = output_file(out)
    mapping = mapping or office_mapping(ctx)
    stats = stats or vital_statistics(ctx, f)
    export = data_value_set(stats, mapping, complete_date=(today or dt.date.today()).isoformat())
    data = json.dumps(export.payload, ensure_ascii=False, indent=1).encode("utf-8") + b"\n"
    atomic_write_bytes(Path(out), data)
    _audit(ctx, "dhis2", f, f"{export.values} values, {export.suppressed} withheld")
    return ExportResult(
        (Path(out),),
        export.values,
        export.suppressed,
        export.month_unknown,
        tuple(sorted(export.unmapped.items())),
    )


# -- CSV tables for the statistical office ----------------------------------------------
@logged("stats.csv")
def export_tables_csv(
    ctx: Ctx,
    f: StatsFilter,
    folder: Path,
    *,
    suppress: bool = True,
    stats: VitalStatistics | None = None,
    lang: str | None = None,
) -> ExportResult:
    """One CSV per standard table, plus ``metadata.csv``, into ``folder``."""
    ctx.require("stats.view")
    folder = output_folder(folder)
    stats = stats or vital_statistics(ctx, f)
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    hidden = 0
    for table in standard_tables(stats, lang):
        shown = publishable(table) if suppress else table
        hidden += sum(v is None for row in shown.cells for v in row)
        path = folder / f"{table.key}.csv"
        atomic_write_bytes(path, table_csv(shown, lang).encode("utf-8"))
        paths.append(path)
    meta = folder / "metadata.csv"
    atomic_write_bytes(meta, metadata_csv(stats, office_label(ctx), suppress, lang).encode("utf-8"))
    paths.append(meta)
    _audit(ctx, "csv", f, f"{len(paths) - 1} tables, {hidden} withheld")
    return ExportResult(tuple(paths), len(paths) - 1, hidden)


# -- the PDF report ---------------------------------------------------------------------
def _report_head(ctx: Ctx, stats: VitalStatistics, today: dt.date, lang: str | None) -> DocHead:
    from civreg.certificates.french_text import date_text

    made = date_text(today, False) if (lang or "fr") == "fr" else today.isoformat()
    return DocHead(
        heading=heading(ctx, issue_date=today, centre_name="", principal=True),
        identity=(
            ("small", t("stats.report.box", lang)),
            ("big", period_text(stats, lang)),
            ("small", t("stats.report.made", lang, day=made)),
            ("tiny", ctx.office.office_id),
        ),
        title=t("stats.report.title", lang),
        subtitle=t("stats.report.subtitle", lang),
        watermark="SPECIMEN" if ctx.office.is_demo else "",
    )


@logged("stats.report")
def export_report_pdf(
    ctx: Ctx,
    f: StatsFilter,
    out: Path,
    *,
    suppress: bool = True,
    stats: VitalStatistics | None = None,
    today: dt.date | None = None,
    lang: str | None = None,
) -> ExportResult:
    ctx.require("stats.view")
    out = output_file(out)
    stats = stats or vital_statistics(ctx, f)
    today = today or dt.date.today()
    info = ReportInfo(_report_head(ctx, stats, today, lang), office_label(ctx), today.isoformat())
    pdf, pages = render_report(stats, info, suppress=suppress, lang=lang)
    atomic_write_bytes(Path(out), pdf)
    _audit(ctx, "report", f, f"{pages} pages{'' if suppress else ' exact'}")
    return ExportResult((Path(out),), pages)


def statistics_json(ctx: Ctx, stats: VitalStatistics, *, suppress: bool, lang: str | None) -> dict:
    tables = [publishable(tb) if suppress else tb for tb in standard_tables(stats, lang)]
    return stats_json(stats, tables, office_label(ctx))
