"""Vital statistics: per kind of act the total, the split by sex, the timeliness of
registration (on time, late on a court judgment, transcribed) and the counts by month."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from civreg.services.changes import Changes
from civreg.services.context import Ctx
from civreg.services.statistics import KindStats, vital_statistics
from civreg.ui.lazy import LazyPage
from civreg.ui.operations import Operations
from civreg.ui.tables import ALL, cell, read_only_table

SEXES = (1, 2, 0)  # ISO/IEC 5218: male, female, unknown (9, not applicable, folds into unknown)


@dataclass(frozen=True)
class Figures:
    year: int | None
    years: list[int]  # years with a register or a registered act, newest first (the filter)
    kinds: list[KindStats]


def load_figures(ctx: Ctx, year: int | None) -> Figures:
    """Runs on the database worker."""
    from civreg.services.lookup import years
    from civreg.services.statistics import event_years

    found = {y for kind in ("birth", "marriage", "death") for y in years(ctx, kind)}
    found.update(event_years(ctx))  # a district holds no register, only imported acts
    found.add(date.today().year)
    return Figures(year, sorted(found, reverse=True), vital_statistics(ctx, year))


def percent(n: int, total: int) -> str:
    return f"{n} ({100.0 * n / total:.1f} %)" if total else str(n)


def _cell(text: str, right: bool = True) -> QTableWidgetItem:
    return cell(text, right=right)


class StatisticsPage(LazyPage, QWidget):
    def __init__(self, ctx: Ctx, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("statistics")
        self.ctx, self.ops = ctx, ops
        self.year = QComboBox()
        self.year.setObjectName("stats_year")
        self.year.addItem(self.tr("All years"), None)
        self.year.addItem(str(date.today().year), date.today().year)
        self.year.setCurrentIndex(1)
        self.year.activated.connect(lambda _i: self.load())
        refresh = QPushButton(self.tr("&Refresh"))
        refresh.clicked.connect(self.load)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Year of the event")))
        bar.addWidget(self.year)
        bar.addStretch(1)
        bar.addWidget(refresh)
        self.summary = read_only_table(
            [
                self.tr("Kind"),
                self.tr("Total"),
                self.tr("Male"),
                self.tr("Female"),
                self.tr("Sex unknown"),
                self.tr("On time"),
                self.tr("Late (court judgment)"),
                self.tr("Transcribed"),
            ],
            stretch=ALL,
        )
        self.summary.horizontalHeader().setSectionResizeMode(
            0, QHeaderView.ResizeMode.ResizeToContents
        )
        self.months = QTabWidget()
        self.month_tables: dict[str, QTableWidget] = {}
        for kind, label in self.kind_names().items():
            table = read_only_table(
                [self.tr("Year"), *self.month_names(), self.tr("Month unknown"), self.tr("Total")],
                stretch=ALL,
            )
            table.setObjectName(f"months_{kind}")
            table.horizontalHeader().setSectionResizeMode(
                13, QHeaderView.ResizeMode.ResizeToContents
            )
            self.month_tables[kind] = table
            self.months.addTab(table, label)
        note = QLabel(
            self.tr(
                "Counts of registered acts by the date of the event. On time: declared within the "
                "legal deadline; late: drawn up on a court judgment; transcribed: an act made "
                "elsewhere and transcribed here."
            )
        )
        note.setWordWrap(True)
        note.setStyleSheet("color: #555;")
        lay = QVBoxLayout(self)
        lay.addLayout(bar)
        lay.addWidget(self.summary)
        lay.addWidget(QLabel(self.tr("By month of the event")))
        lay.addWidget(self.months, 1)
        lay.addWidget(note)
        self.figures: Figures | None = None
        self.follow_changes(ops)

    def kind_names(self) -> dict[str, str]:
        return {
            "birth": self.tr("Births"),
            "marriage": self.tr("Marriages"),
            "death": self.tr("Deaths"),
        }

    def month_names(self) -> list[str]:
        return [
            self.tr("Jan"),
            self.tr("Feb"),
            self.tr("Mar"),
            self.tr("Apr"),
            self.tr("May"),
            self.tr("Jun"),
            self.tr("Jul"),
            self.tr("Aug"),
            self.tr("Sep"),
            self.tr("Oct"),
            self.tr("Nov"),
            self.tr("Dec"),
        ]

    def concerns(self, changes: Changes) -> bool:
        return bool(changes.registers) or changes.mentions or changes.everything

    def fetch(self) -> None:
        self.ops.run(
            load_figures, self.ctx, self.year.currentData(), owner=self, on_done=self.show_figures
        )

    def show_figures(self, figures: Figures) -> None:
        self.figures = figures
        current = self.year.currentData()
        self.year.blockSignals(True)
        while self.year.count() > 1:
            self.year.removeItem(1)
        for y in figures.years:
            self.year.addItem(str(y), y)
        self.year.setCurrentIndex(max(0, self.year.findData(current)))
        self.year.blockSignals(False)
        names = self.kind_names()
        self.summary.setRowCount(len(figures.kinds))
        for i, k in enumerate(figures.kinds):
            unknown = k.total - k.by_sex.get(1, 0) - k.by_sex.get(2, 0)
            values = [
                str(k.total),
                percent(k.by_sex.get(1, 0), k.total),
                percent(k.by_sex.get(2, 0), k.total),
                percent(unknown, k.total),
                percent(k.on_time, k.total),
                percent(k.late, k.total),
                percent(k.transcribed, k.total),
            ]
            if k.kind == "marriage":  # the subject is the first spouse: no sex ratio
                values[1:4] = ["—"] * 3
            self.summary.setItem(i, 0, _cell(names.get(k.kind, k.kind), right=False))
            for j, v in enumerate(values, 1):
                self.summary.setItem(i, j, _cell(v))
            self._fill_months(self.month_tables[k.kind], k)
        self.summary.resizeRowsToContents()
        rows = sum(self.summary.rowHeight(r) for r in range(self.summary.rowCount()))
        self.summary.setFixedHeight(
            self.summary.horizontalHeader().height() + rows + 2 * self.summary.frameWidth()
        )

    def _fill_months(self, table: QTableWidget, k: KindStats) -> None:
        per_year: dict[str, list[int]] = {}
        for key, n in k.by_month.items():
            key = key or ""
            row = per_year.setdefault(key[:4], [0] * 13)
            month = int(key[5:7]) if len(key) >= 7 and key[5:7].isdigit() else 0
            row[month - 1 if 1 <= month <= 12 else 12] += n
        table.setRowCount(len(per_year))
        for i, year in enumerate(sorted(per_year, reverse=True)):
            counts = per_year[year]
            table.setItem(i, 0, _cell(year or "?", right=False))
            for j, n in enumerate(counts, 1):
                table.setItem(i, j, _cell(str(n) if n else ""))
            table.setItem(i, 14, _cell(str(sum(counts))))
