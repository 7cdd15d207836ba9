"""Vital statistics: filters (year and part of the year, centre, commune), the summary per kind
of act, and a chart beside its table for each subject (by month, timeliness, place, mother's
age, deaths by age and sex and by cause, spouses' ages, communes with completeness, centres);
exports of the PDF report, the DHIS2 data value set and the statistical office's CSV tables.

Counts come from :func:`civreg.services.statistics.screen_statistics` (registered acts, never
cancelled ones; over every year summed by the database) on the database worker; tables and
charts are the report's own (:mod:`civreg.domain.vital_tables`,
:mod:`civreg.certificates.stats_charts`).
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QSplitter,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from civreg.domain.vital_stats import KINDS, StatsFilter, VitalStatistics
from civreg.domain.vital_tables import Table, standard_tables
from civreg.services.changes import Changes
from civreg.services.context import Ctx
from civreg.ui import file_dialogs
from civreg.ui.lazy import LazyPage
from civreg.ui.locale_text import percent_text
from civreg.ui.operations import Operations
from civreg.ui.stats_canvas import ChartView
from civreg.ui.tables import ALL, LAST, cell, read_only_table

# table key (its prefix for the by-month/by-year variants) -> chart shown beside it
CHART_FOR = {
    "deaths_by_month": "months",
    "deaths_by_year": "months",
    "marriages_by_month": "months",
    "marriages_by_year": "months",
    "births_by_timeliness": "timeliness",
    "deaths_by_timeliness": "timeliness",
    "births_by_place": "place",
    "deaths_by_place": "place",
    "births_by_mother_age": "mother_age",
    "deaths_by_age_sex": "death_age",
    "deaths_by_cause": "death_cause",
    "marriages_by_spouse_age": "spouse_age",
    "acts_by_commune": "communes",
    "acts_by_centre": "centres",
}


def chart_for(key: str) -> str:
    if key in CHART_FOR:
        return CHART_FOR[key]
    return "months" if key.endswith(("_by_month", "_by_year")) else "sex"


@dataclass(frozen=True)
class Figures:
    stats: VitalStatistics
    years: list[int]  # years with a register or a registered act, newest first (the filter)
    centres: list[tuple[str, str]]
    communes: list[tuple[str, str]]

    @property
    def year(self) -> int | None:
        """The calendar year shown, when the selection is one whole year."""
        return self.stats.filter.year


def load_figures(ctx: Ctx, f: StatsFilter) -> Figures:
    """Runs on the database worker."""
    from civreg.services.lookup import years
    from civreg.services.statistics import centres, communes, event_years, screen_statistics

    found = {y for kind in KINDS for y in years(ctx, kind)}
    found.update(event_years(ctx))  # a district holds no register, only imported acts
    found.add(date.today().year)
    return Figures(
        # by year past three years of events, as the tables and charts show them
        screen_statistics(ctx, f),
        sorted(found, reverse=True),
        centres(ctx),
        communes(ctx),
    )


def percent(n: int, total: int) -> str:
    """``2 (66,7 %)`` in French, ``2 (66.7%)`` in English."""
    return percent_text(n, total)


class StatisticsPage(LazyPage, QWidget):
    def __init__(self, ctx: Ctx, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("statistics")
        self.ctx, self.ops = ctx, ops
        self.figures: Figures | None = None
        self.tables: list[Table] = []

        self.year = QComboBox()
        self.year.setObjectName("stats_year")
        self.year.addItem(self.tr("All years"), None)
        self.year.addItem(str(date.today().year), date.today().year)
        self.year.setCurrentIndex(1)
        self.part = QComboBox()
        self.part.setObjectName("stats_part")
        self.part.addItem(self.tr("Whole year"), None)
        for q in range(1, 5):
            self.part.addItem(self.tr("Quarter {n}").format(n=q), f"q{q}")
        for m, name in enumerate(self.month_names(), 1):
            self.part.addItem(name, f"m{m}")
        self.centre = QComboBox()
        self.centre.setObjectName("stats_centre")
        self.centre.addItem(self.tr("All centres"), None)
        self.commune = QComboBox()
        self.commune.setObjectName("stats_commune")
        self.commune.addItem(self.tr("All communes"), None)
        self.commune_label = QLabel(self.tr("Commune"))
        for combo in (self.year, self.part, self.centre, self.commune):
            combo.activated.connect(lambda _i: self.load())
        refresh = QPushButton(self.tr("&Refresh"))
        refresh.clicked.connect(self.load)
        self.export_button = QPushButton(self.tr("&Export"))
        self.export_button.setObjectName("stats_export")
        menu = QMenu(self.export_button)
        menu.addAction(self.tr("PDF report with charts…"), self.export_report)
        menu.addAction(self.tr("DHIS2 data value set (JSON)…"), self.export_dhis2)
        menu.addAction(self.tr("Statistical office tables (CSV)…"), self.export_tables)
        self.export_button.setMenu(menu)
        bar = QHBoxLayout()
        year_label = QLabel(self.tr("&Year of the event"))
        year_label.setBuddy(self.year)
        bar.addWidget(year_label)
        bar.addWidget(self.year)
        bar.addWidget(self.part)
        bar.addWidget(QLabel(self.tr("Centre")))
        bar.addWidget(self.centre)
        bar.addWidget(self.commune_label)
        bar.addWidget(self.commune)
        bar.addStretch(1)
        self.busy = QLabel("")
        self.busy.setObjectName("stats_busy")
        self.busy.setStyleSheet("color: #555;")
        bar.addWidget(self.busy)
        bar.addWidget(refresh)
        bar.addWidget(self.export_button)
        self.commune_label.hide()
        self.commune.hide()

        self.summary = read_only_table(["", "", "", "", "", "", "", ""], stretch=LAST)
        self.summary.setObjectName("stats_summary")
        self.summary.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )
        self.summary.horizontalHeader().setStretchLastSection(True)
        self.views = QListWidget()
        self.views.setObjectName("stats_views")
        self.views.setMaximumWidth(300)
        self.views.setWordWrap(True)
        self.views.setSpacing(2)
        self.views.currentRowChanged.connect(self.show_view)
        self.chart = ChartView()
        self.table = read_only_table([""], stretch=ALL)
        self.table.setObjectName("stats_table")
        right = QSplitter(Qt.Orientation.Vertical)
        right.addWidget(self.chart)
        right.addWidget(self.table)
        right.setStretchFactor(0, 3)
        right.setStretchFactor(1, 2)
        body = QSplitter(Qt.Orientation.Horizontal)
        body.addWidget(self.views)
        body.addWidget(right)
        body.setStretchFactor(1, 1)
        self.note = QLabel(
            self.tr(
                "Registered acts by the date of the event; cancelled acts are not counted. "
                "Exports withhold counts from 1 to 4 (statistical confidentiality)."
            )
        )
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #555;")
        lay = QVBoxLayout(self)
        lay.addLayout(bar)
        lay.addWidget(self.summary)
        lay.addWidget(body, 1)
        lay.addWidget(self.note)
        self.follow_changes(ops)

    # -- texts ---------------------------------------------------------------------------
    def kind_names(self) -> dict[str, str]:
        return {
            "birth": self.tr("Births"),
            "marriage": self.tr("Marriages"),
            "death": self.tr("Deaths"),
        }

    def month_names(self) -> list[str]:
        return [
            self.tr("January"),
            self.tr("February"),
            self.tr("March"),
            self.tr("April"),
            self.tr("May"),
            self.tr("June"),
            self.tr("July"),
            self.tr("August"),
            self.tr("September"),
            self.tr("October"),
            self.tr("November"),
            self.tr("December"),
        ]

    # -- loading -------------------------------------------------------------------------
    def concerns(self, changes: Changes) -> bool:
        return bool(changes.registers) or changes.mentions or changes.everything

    def current_filter(self) -> StatsFilter:
        year = self.year.currentData()
        centre = self.centre.currentData()
        commune = self.commune.currentData()
        if year is None:
            return StatsFilter(centre=centre, commune=commune)
        part = self.part.currentData()
        start, end = date(year, 1, 1), date(year, 12, 31)
        if part is not None:
            what, n = part[0], int(part[1:])
            first, last = (3 * n - 2, 3 * n) if what == "q" else (n, n)
            start = date(year, first, 1)
            end = date(year, last, calendar.monthrange(year, last)[1])
        return StatsFilter(start.isoformat(), end.isoformat(), centre, commune)

    def fetch(self) -> None:
        self.part.setEnabled(self.year.currentData() is not None)
        self.busy.setText(self.tr("Counting…"))
        self.ops.run(
            load_figures,
            self.ctx,
            self.current_filter(),
            owner=self,
            on_done=self.show_figures,
            on_error=self._failed,
        )

    def _failed(self, exc: BaseException) -> None:
        from civreg.ui.errors import show_error

        self.busy.setText("")
        show_error(self, exc)

    @staticmethod
    def _refill(combo: QComboBox, items: list[tuple[object, str]]) -> None:
        current = combo.currentData()
        combo.blockSignals(True)
        while combo.count() > 1:
            combo.removeItem(1)
        for data, text in items:
            combo.addItem(text, data)
        combo.setCurrentIndex(max(0, combo.findData(current)))
        combo.blockSignals(False)

    def show_figures(self, figures: Figures) -> None:
        self.busy.setText("")
        self.figures = figures
        self._refill(self.year, [(y, str(y)) for y in figures.years])
        self._refill(self.centre, [(c, f"{name} ({c})") for c, name in figures.centres])
        several = len(figures.communes) > 1 or self.ctx.office.level != "commune"
        self._refill(self.commune, [(c, f"{name} ({c})") for c, name in figures.communes])
        self.commune.setVisible(several)
        self.commune_label.setVisible(several)
        self.tables = standard_tables(figures.stats)
        self._show_summary(figures.stats, self.tables[0])
        keep = (
            self.views.currentItem().data(Qt.ItemDataRole.UserRole)
            if self.views.currentItem()
            else None
        )
        self.views.blockSignals(True)
        self.views.clear()
        for table in self.tables[1:]:
            item = QListWidgetItem(table.title)
            item.setData(Qt.ItemDataRole.UserRole, table.key)
            self.views.addItem(item)
        self.views.blockSignals(False)
        keys = [t.key for t in self.tables[1:]]
        row = keys.index(keep) if keep in keys else 0
        self.views.blockSignals(True)
        self.views.setCurrentRow(row)
        self.views.blockSignals(False)
        self.show_view(row)

    def _show_summary(self, stats: VitalStatistics, table: Table) -> None:
        names = self.kind_names()
        headers = [table.stub, *table.col_labels]
        self.summary.setColumnCount(len(headers))
        self.summary.setHorizontalHeaderLabels(headers)
        self.summary.setRowCount(len(table.row_codes))
        for i, kind in enumerate(table.row_codes):
            total = stats.total(kind)
            self.summary.setItem(i, 0, cell(names.get(kind, kind)))
            for j, value in enumerate(table.cells[i]):
                code = table.col_codes[j]
                if (i, j) in table.na:
                    text = "—"
                elif code == "total":
                    text = str(value)
                else:
                    text = percent(value or 0, total)
                self.summary.setItem(i, j + 1, cell(text, right=True))
        self.summary.resizeRowsToContents()
        rows = sum(self.summary.rowHeight(r) for r in range(self.summary.rowCount()))
        self.summary.setFixedHeight(
            self.summary.horizontalHeader().height() + rows + 2 * self.summary.frameWidth()
        )

    def show_view(self, row: int) -> None:
        if self.figures is None or not 0 <= row < len(self.tables) - 1:
            return
        table = self.tables[row + 1]
        self.chart.show_chart(chart_for(table.key), self.figures.stats)
        self._fill_table(self.table, table)

    def _fill_table(self, widget: QTableWidget, table: Table) -> None:
        headers = [table.stub, *table.col_labels]
        if table.row_totals is not None:
            headers.append(self.tr("Total"))
        headers += [h for h, _ in table.extra]
        widget.clear()
        widget.setColumnCount(len(headers))
        widget.setHorizontalHeaderLabels(headers)
        widget.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        widget.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        lines = len(table.row_codes) + (1 if table.col_totals is not None else 0)
        widget.setRowCount(lines)
        for i, label in enumerate(table.row_labels):
            values = ["—" if (i, j) in table.na else str(v) for j, v in enumerate(table.cells[i])]
            if table.row_totals is not None:
                values.append(str(table.row_totals[i]))
            values += [texts[i] for _, texts in table.extra]
            widget.setItem(i, 0, cell(label))
            for j, v in enumerate(values, 1):
                widget.setItem(i, j, cell(v, right=True))
        if table.col_totals is not None:
            last = len(table.row_codes)
            widget.setItem(last, 0, cell(self.tr("Total")))
            totals = [str(v) for v in table.col_totals]
            if table.row_totals is not None:
                totals.append(str(table.grand))
            for j, v in enumerate(totals, 1):
                item = cell(v, right=True)
                font = item.font()
                font.setBold(True)
                item.setFont(font)
                widget.setItem(last, j, item)

    # -- exports -------------------------------------------------------------------------
    def _stem(self) -> str:
        f = self.current_filter()
        period = f.date_from[:7] if f.date_from and f.year is None else str(f.year or "all")
        return f"{self.ctx.office.office_id}-statistics-{period}"

    def _done(self, result) -> None:
        path = result.paths[0].parent if len(result.paths) > 1 else result.paths[0]
        text = self.tr("Written: {path}").format(path=path)
        window = self.window()
        if hasattr(window, "statusBar"):
            window.statusBar().showMessage(text, 15_000)
        self.last_export = result

    def export_report(self, name: str | None = None) -> None:
        from civreg.services.statistics_export import export_report_pdf

        if name is None:
            name = file_dialogs.save_file(
                self, self.tr("Save the report as"), f"{self._stem()}.pdf", self.tr("PDF (*.pdf)")
            )
        if name:
            self.ops.run(
                export_report_pdf,
                self.ctx,
                self.current_filter(),
                Path(name),
                owner=self,
                on_done=self._done,
            )

    def export_dhis2(self, name: str | None = None) -> None:
        from civreg.services.statistics_export import export_dhis2

        if name is None:
            name = file_dialogs.save_file(
                self,
                self.tr("Save the DHIS2 data value set as"),
                f"{self._stem()}-dhis2.json",
                self.tr("JSON (*.json)"),
            )
        if name:
            self.ops.run(
                export_dhis2,
                self.ctx,
                self.current_filter(),
                Path(name),
                owner=self,
                on_done=self._done,
            )

    def export_tables(self, folder: str | None = None) -> None:
        from civreg.services.statistics_export import export_tables_csv

        if folder is None:
            folder = file_dialogs.folder(self, self.tr("Folder for the CSV tables"))
        if folder:
            self.ops.run(
                export_tables_csv,
                self.ctx,
                self.current_filter(),
                Path(folder),
                owner=self,
                on_done=self._done,
            )
