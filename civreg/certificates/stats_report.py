"""The statistics report as PDF: the office's header, the selection, the summary, then per
subject a chart (:mod:`civreg.certificates.stats_charts`) and its table; small cells
suppressed unless the report is for internal use. No database here: the service gives a
:class:`~civreg.domain.vital_stats.VitalStatistics` and the office's heading.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import Any

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Frame,
    Image,
    KeepTogether,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from civreg.certificates import fonts
from civreg.certificates import registers_common as rc
from civreg.certificates.stats_charts import png, shows_small_counts
from civreg.domain.stats_formats import NOT_APPLICABLE, SUPPRESSED, metadata
from civreg.domain.vital_stats import VitalStatistics
from civreg.domain.vital_tables import Table as StatsTable
from civreg.domain.vital_tables import publishable, standard_tables
from civreg.i18n import register, t

register(
    {
        "stats.report.title": {
            "fr": "STATISTIQUES DE L'ÉTAT CIVIL",
            "en": "CIVIL REGISTRATION STATISTICS",
        },
        "stats.report.box": {"fr": "Statistiques de l'état civil", "en": "Vital statistics"},
        "stats.report.period": {"fr": "Période : {period}", "en": "Period: {period}"},
        "stats.report.made": {"fr": "Établi le {day}", "en": "Made on {day}"},
        "stats.report.subtitle": {
            "fr": "Actes enregistrés, par date de l'événement — actes annulés non comptés",
            "en": "Registered acts, by date of the event — cancelled acts not counted",
        },
        "stats.report.note": {
            "fr": "Définitions : un acte compte dans la période qui contient le premier jour "
            "que sa date d'événement peut désigner ; « dans le délai légal » : déclaré dans "
            "le délai en vigueur à la date de l'événement ; « sur jugement » : dressé sur "
            "jugement supplétif ou déclaratif ; âge de la mère et du défunt en années "
            "révolues ; cause du décès : cause initiale (dernière ligne de la partie I du "
            "certificat), chapitre de la CIM-10.",
            "en": "Definitions: an act counts in the period holding the first day its event "
            "date may denote; 'within the legal deadline': declared within the deadline in "
            "force on the event; 'by court judgment': drawn up on a judgment; ages of the "
            "mother and of the deceased in completed years; cause of death: the underlying "
            "cause (last line of part I of the certificate), ICD-10 chapter.",
        },
        "stats.report.suppressed": {
            "fr": "Secret statistique : les effectifs de 1 à 4 sont masqués (s), ainsi que "
            "les cases qui permettraient de les retrouver.",
            "en": "Statistical confidentiality: counts from 1 to 4 are withheld (s), with "
            "the cells that would reveal them.",
        },
        "stats.report.chart_withheld": {
            "fr": "Graphique non publié : il montrerait des effectifs de 1 à 4 (secret "
            "statistique).",
            "en": "Chart not published: it would show counts from 1 to 4 (statistical "
            "confidentiality).",
        },
        "stats.report.exact": {
            "fr": "Effectifs exacts : document à usage interne, à ne pas diffuser.",
            "en": "Exact counts: for internal use, not for circulation.",
        },
    }
)

# which chart illustrates which table (tables without a chart are printed alone)
CHART_OF = {
    "summary": "sex",
    "births_by_month": "months",
    "births_by_year": "months",
    "births_by_timeliness": "timeliness",
    "births_by_place": "place",
    "births_by_mother_age": "mother_age",
    "deaths_by_age_sex": "death_age",
    "deaths_by_cause": "death_cause",
    "marriages_by_spouse_age": "spouse_age",
    "acts_by_commune": "communes",
    "acts_by_centre": "centres",
}
CHART_W, CHART_H = 170 * mm, 72 * mm


@dataclass(frozen=True)
class ReportInfo:
    head: rc.DocHead
    office: str  # "Mairie de Koudougou (BF-11-01)"
    made_on: str  # the day, in words or digits


def _styles() -> dict[str, ParagraphStyle]:
    fonts.register_fonts()
    return {
        "h2": ParagraphStyle(
            "h2", fontName=fonts.SANS_BOLD, fontSize=10.5, leading=13, spaceBefore=8, spaceAfter=4
        ),
        "body": ParagraphStyle("body", fontName=fonts.SANS, fontSize=8.5, leading=11),
        "note": ParagraphStyle(
            "note",
            fontName=fonts.SANS,
            fontSize=7.5,
            leading=9.5,
            textColor=colors.HexColor("#444444"),
        ),
        "cell": ParagraphStyle("cell", fontName=fonts.SANS, fontSize=7.5, leading=9),
    }


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _value(v: int | None, na: bool = False) -> str:
    return NOT_APPLICABLE if na else SUPPRESSED if v is None else f"{v:,}".replace(",", " ")


def _table_flowable(
    table: StatsTable, lang: str | None, styles: dict[str, ParagraphStyle]
) -> Table:
    header = [table.stub, *table.col_labels]
    if table.row_totals is not None:
        header.append(t("stats.col.total", lang))
    header += [h for h, _ in table.extra]
    data: list[list[Any]] = [[Paragraph(_esc(h), styles["cell"]) for h in header]]
    for i, label in enumerate(table.row_labels):
        line: list[Any] = [Paragraph(_esc(label), styles["cell"])]
        line += [_value(v, (i, j) in table.na) for j, v in enumerate(table.cells[i])]
        if table.row_totals is not None:
            line.append(_value(table.row_totals[i]))
        line += [texts[i] for _, texts in table.extra]
        data.append(line)
    if table.col_totals is not None:
        line = [t("stats.col.total", lang), *(_value(v) for v in table.col_totals)]
        if table.row_totals is not None:
            line.append(_value(table.grand))
        line += ["" for _ in table.extra]
        data.append(line)
    ncols = len(header)
    from reportlab.pdfbase.pdfmetrics import stringWidth

    widest = max([stringWidth(x, fonts.SANS, 7.5) for x in (table.stub, *table.row_labels)] or [0])
    first = min(max(widest + 8, 28 * mm), 70 * mm if ncols > 4 else 90 * mm)
    rest = (rc.CONTENT_W - first) / max(1, ncols - 1)
    flow = Table(data, colWidths=[first, *([rest] * (ncols - 1))], repeatRows=1)
    style = [
        ("FONT", (0, 0), (-1, -1), fonts.SANS, 7.5),
        ("FONT", (0, 0), (-1, 0), fonts.SANS_BOLD, 7.5),
        ("ALIGN", (1, 1), (-1, -1), "RIGHT"),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LINEBELOW", (0, 0), (-1, 0), 0.6, colors.black),
        ("GRID", (0, 0), (-1, -1), 0.25, colors.HexColor("#bbbbbb")),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#eeeeee")),
        ("TOPPADDING", (0, 0), (-1, -1), 1.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
    ]
    if table.col_totals is not None:
        style += [
            ("FONT", (0, -1), (-1, -1), fonts.SANS_BOLD, 7.5),
            ("LINEABOVE", (0, -1), (-1, -1), 0.6, colors.black),
        ]
    flow.setStyle(TableStyle(style))
    return flow


def render_report(
    stats: VitalStatistics, info: ReportInfo, *, suppress: bool = True, lang: str | None = None
) -> tuple[bytes, int]:
    """The report as PDF bytes, and its page count."""
    styles = _styles()
    buf = io.BytesIO()
    first_top = rc.head_height(info.head) + 4
    frame_first = Frame(
        rc.MARGIN_X,
        rc.MARGIN_BOTTOM,
        rc.CONTENT_W,
        rc.PAGE_H - first_top - rc.MARGIN_BOTTOM,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
        id="first",
    )
    later_h = rc.PAGE_H - rc.MARGIN_TOP - rc.RUNNING_HEAD_H - rc.MARGIN_BOTTOM
    frame_later = Frame(
        rc.MARGIN_X,
        rc.MARGIN_BOTTOM,
        rc.CONTENT_W,
        later_h,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
        id="later",
    )
    title = t("stats.report.title", lang)

    def first_page(c: Any, doc: Any) -> None:
        rc.draw_head(c, info.head)
        rc.draw_page_foot(c, info.office, doc.page)
        rc.draw_watermark(c, info.head.watermark)

    def later_page(c: Any, doc: Any) -> None:
        rc.draw_running_head(
            c, title, info.head.identity[1][1] if len(info.head.identity) > 1 else ""
        )
        rc.draw_page_foot(c, info.office, doc.page)
        rc.draw_watermark(c, info.head.watermark)

    doc = BaseDocTemplate(
        buf,
        pagesize=(rc.PAGE_W, rc.PAGE_H),
        title=title,
        author=info.office,
        subject=t("stats.report.box", lang),
        creator="civreg",
        invariant=1,
        pageTemplates=[
            PageTemplate(
                id="first", frames=[frame_first], onPage=first_page, autoNextPageTemplate="later"
            ),
            PageTemplate(id="later", frames=[frame_later], onPage=later_page),
        ],
    )
    story: list[Any] = []
    meta = metadata(stats, info.office, lang)
    story.append(
        Paragraph("<br/>".join(f"<b>{_esc(k)}</b> : {_esc(v)}" for k, v in meta), styles["body"])
    )
    story.append(Spacer(1, 3 * mm))
    story.append(
        Paragraph(
            _esc(t("stats.report.suppressed" if suppress else "stats.report.exact", lang)),
            styles["note"],
        )
    )
    for table in standard_tables(stats, lang):
        shown = publishable(table) if suppress else table
        block: list[Any] = [Paragraph(_esc(shown.title), styles["h2"])]
        chart = CHART_OF.get(table.key)
        if chart and suppress and shows_small_counts(chart, stats):
            block.append(Paragraph(_esc(t("stats.report.chart_withheld", lang)), styles["note"]))
            chart = None
        elif chart:
            image = png(chart, stats, width_in=CHART_W / 72, height_in=CHART_H / 72, dpi=150)
            block.append(Image(io.BytesIO(image), width=CHART_W, height=CHART_H))
            block.append(Spacer(1, 2 * mm))
        story.append(CondPageBreak(CHART_H + 40 * mm if chart else 40 * mm))
        story.append(KeepTogether(block))
        story.append(_table_flowable(shown, lang, styles))
    story.append(Spacer(1, 4 * mm))
    story.append(Paragraph(_esc(t("stats.report.note", lang)), styles["note"]))
    doc.build(story)
    return buf.getvalue(), doc.page
