"""What every chart of :mod:`civreg.certificates.stats_charts` draws with: the colours, an
empty chart that says so, axes in the house style, margins fitted to the labels, short month
names in the user's language, and whether the months chart counts by month or by year.
"""

from __future__ import annotations

from typing import Any

from matplotlib.figure import Figure

from civreg.domain.vital_groups import MONTHS_EN
from civreg.domain.vital_stats import VitalStatistics
from civreg.i18n import get_language, t

KIND_COLOURS = {"birth": "#2f6db5", "death": "#555555", "marriage": "#d98a1c"}
SEX_COLOURS = {1: "#2f6db5", 2: "#c2416b", 0: "#aaaaaa"}
TIMELINESS_COLOURS = {
    "on_time": "#3b8b3b",
    "late": "#e0a020",
    "judgment": "#c0392b",
    "transcribed": "#7f8c8d",
}
BAR = "#2f6db5"


def empty(fig: Figure, title: str) -> bool:
    ax = fig.add_subplot()
    ax.set_axis_off()
    ax.set_title(title, fontsize=10, loc="left")
    ax.text(0.5, 0.5, t("stats.chart.nothing"), ha="center", va="center", color="#777777")
    return False


def axes(fig: Figure, title: str) -> Any:
    ax = fig.add_subplot()
    ax.set_title(title, fontsize=10, loc="left")
    ax.spines[["top", "right"]].set_visible(False)
    ax.tick_params(labelsize=8)
    return ax


def fit(
    fig: Figure,
    *,
    left_labels: list[str] | None = None,
    rotated: list[str] | None = None,
    bottom: float = 0.14,
) -> None:
    """Fixed margins from the labels' lengths (cheaper than a constrained layout, which
    measured every text at each draw)."""
    w, h = fig.get_figwidth(), fig.get_figheight()
    char = 8 * 0.6 / 72  # inches per character of a tick label (8 pt, generous)
    left = 0.6 / w
    if left_labels:
        left = (max(len(x) for x in left_labels) * char + 0.25) / w
    if rotated:
        bottom = (max(len(x) for x in rotated) * char * 0.72 + 0.25) / h
    fig.subplots_adjust(left=min(left, 0.5), right=0.98, top=1 - 0.32 / h, bottom=min(bottom, 0.5))


def short(text: str, width: int = 30) -> str:
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


# the usual abbreviations (French: juin and juillet are not both "jui")
SHORT_MONTHS_FR = (
    "janv.",
    "févr.",
    "mars",
    "avr.",
    "mai",
    "juin",
    "juil.",
    "août",
    "sept.",
    "oct.",
    "nov.",
    "déc.",
)


def short_month(period: str) -> str:
    if len(period) < 7:
        return period
    month = int(period[5:7]) - 1
    name = MONTHS_EN[month][:3] if get_language() == "en" else SHORT_MONTHS_FR[month]
    return f"{name}\n{period[:4]}"


def month_keys(stats: VitalStatistics) -> tuple[bool, list[str]]:
    """Whether the months chart shows years (more than three, or no month known), and its
    keys."""
    periods = sorted({p for p in stats.values("period") if len(p) >= 7})
    years = sorted({p[:4] for p in stats.values("period")})
    by_year = len(years) > 3 or not periods
    return by_year, years if by_year else periods
