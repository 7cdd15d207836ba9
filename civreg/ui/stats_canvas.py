"""A chart of the Statistics screen: the report's matplotlib figure
(:mod:`civreg.certificates.stats_charts`) on a Qt canvas, redrawn only when its data or its
chart changes. matplotlib is imported the first time a chart is shown, so the client starts
as fast as before."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QSizePolicy, QVBoxLayout, QWidget

from civreg.domain.vital_stats import VitalStatistics


class ChartView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("stats_chart")
        self._canvas: Any = None
        self._figure: Any = None
        self.key: str | None = None
        self._shown: tuple[str, int] | None = None
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self._layout = lay
        self.setMinimumHeight(220)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def _ensure_canvas(self) -> None:
        if self._canvas is not None:
            return
        from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg

        from civreg.certificates.stats_charts import new_figure

        self._figure = new_figure(6.0, 3.2, 100)
        self._canvas = FigureCanvasQTAgg(self._figure)
        self._canvas.setObjectName("stats_chart_canvas")
        self._layout.addWidget(self._canvas)

    def show_chart(self, key: str, stats: VitalStatistics) -> None:
        """Draw chart ``key`` of ``stats`` (nothing to do if it is already shown)."""
        if self._shown == (key, id(stats)):
            return
        from civreg.certificates.stats_charts import draw

        self._ensure_canvas()
        draw(key, stats, self._figure)
        self._canvas.draw_idle()
        self.key = key
        self._shown = (key, id(stats))

    def axes_count(self) -> int:
        return len(self._figure.axes) if self._figure is not None else 0

    def titles(self) -> list[str]:
        if self._figure is None:
            return []
        return [ax.get_title(loc="left") for ax in self._figure.axes]
