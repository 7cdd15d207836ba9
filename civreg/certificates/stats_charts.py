"""The charts of vital statistics, drawn once with matplotlib for both places they appear:
the Statistics screen (a Qt canvas around the same :class:`~matplotlib.figure.Figure`) and
the PDF report (the figure as a PNG in the ReportLab page).

Why matplotlib (docs/statistics.md): one drawing serves the screen and the report, the
command line draws charts without Qt, it installs from PyPI wheels on a fresh Debian, and
its Agg renderer needs no display. QtCharts (``pyside6-addons``) would draw only on screen,
and pyqtgraph is made for live numeric plots, not labelled bar charts.

Each chart function draws into the figure it is given and returns False when there is
nothing to show (the figure then says so). Labels come from the message catalogue in the
current language; nothing here reads a database.
"""

from __future__ import annotations

from collections.abc import Callable

from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

import civreg.domain.vital_tables  # noqa: F401 - registers the column labels used here
from civreg.certificates.stats_chart_kit import (
    BAR,
    KIND_COLOURS,
    SEX_COLOURS,
    TIMELINESS_COLOURS,
    axes,
    empty,
    fit,
    month_keys,
    short,
    short_month,
)
from civreg.domain.disclosure import THRESHOLD
from civreg.domain.vital_groups import (
    AGE_GROUPS,
    CAUSE_CODES,
    PLACES,
    SEXES,
    TIMELINESS,
    age_label,
    cause_label,
    group_codes,
    kind_label,
    place_label,
    sex_label,
    timeliness_label,
)
from civreg.domain.vital_stats import KINDS, VitalStatistics
from civreg.i18n import register, t

register(
    {
        "stats.chart.months": {
            "fr": "Actes par mois de l'événement",
            "en": "Acts by month of the event",
        },
        "stats.chart.years": {
            "fr": "Actes par année de l'événement",
            "en": "Acts by year of the event",
        },
        "stats.chart.timeliness": {
            "fr": "Délai d'enregistrement",
            "en": "Timeliness of registration",
        },
        "stats.chart.sex": {"fr": "Naissances et décès par sexe", "en": "Births and deaths by sex"},
        "stats.chart.place": {"fr": "Naissances par lieu", "en": "Births by place"},
        "stats.chart.mother_age": {
            "fr": "Naissances selon l'âge de la mère",
            "en": "Births by age of the mother",
        },
        "stats.chart.death_age": {"fr": "Décès par âge et sexe", "en": "Deaths by age and sex"},
        "stats.chart.death_cause": {
            "fr": "Décès par cause (chapitre CIM-10)",
            "en": "Deaths by cause (ICD-10 chapter)",
        },
        "stats.chart.spouse_age": {
            "fr": "Âge des époux au mariage",
            "en": "Age of spouses at marriage",
        },
        "stats.chart.communes": {
            "fr": "Naissances enregistrées et attendues par commune",
            "en": "Births registered and expected by commune",
        },
        "stats.chart.centres": {"fr": "Actes par centre", "en": "Acts by centre"},
        "stats.chart.nothing": {
            "fr": "Aucun acte pour cette sélection",
            "en": "No act in this selection",
        },
        "stats.chart.share": {"fr": "Part (%)", "en": "Share (%)"},
        "stats.chart.acts": {"fr": "Actes", "en": "Acts"},
        "stats.chart.expected": {"fr": "Attendues", "en": "Expected"},
        "stats.chart.registered": {"fr": "Enregistrées", "en": "Registered"},
    }
)


def months_chart(fig: Figure, stats: VitalStatistics) -> bool:
    """Births, deaths and marriages per month (per year when more than three years)."""
    if not stats.total():
        return empty(fig, t("stats.chart.months"))
    by_year, keys = month_keys(stats)
    ax = axes(fig, t("stats.chart.years" if by_year else "stats.chart.months"))
    width = 0.8 / len(KINDS)
    for i, kind in enumerate(KINDS):
        counts = stats.tally(kind, "year" if by_year else "period")
        xs = [x + (i - 1) * width for x in range(len(keys))]
        ax.bar(
            xs,
            [counts.get(k, 0) for k in keys],
            width,
            label=kind_label(kind),
            color=KIND_COLOURS[kind],
        )
    ax.set_xticks(range(len(keys)))
    labels = keys if by_year else [short_month(k) for k in keys]
    step = max(1, len(keys) // 14)
    ax.set_xticklabels([lab if i % step == 0 else "" for i, lab in enumerate(labels)], fontsize=7)
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.legend(fontsize=8, frameon=False)
    fit(fig, bottom=0.18 if by_year else 0.2)
    return True


def timeliness_chart(fig: Figure, stats: VitalStatistics) -> bool:
    """Share of births and deaths by timeliness (stacked, 100 %)."""
    kinds = [k for k in ("birth", "death") if stats.total(k)]
    if not kinds:
        return empty(fig, t("stats.chart.timeliness"))
    ax = axes(fig, t("stats.chart.timeliness"))
    left = [0.0] * len(kinds)
    for code in TIMELINESS:
        shares = []
        for k in kinds:
            total = stats.total(k)
            shares.append(100.0 * stats.timeliness(k)[code] / total if total else 0.0)
        ax.barh(
            [kind_label(k) for k in kinds],
            shares,
            left=left,
            label=timeliness_label(code),
            color=TIMELINESS_COLOURS[code],
        )
        for j, share in enumerate(shares):
            if share >= 7:
                ax.text(
                    left[j] + share / 2,
                    j,
                    f"{share:.0f} %",
                    ha="center",
                    va="center",
                    fontsize=8,
                    color="white",
                )
        left = [a + b for a, b in zip(left, shares, strict=True)]
    ax.set_xlim(0, 100)
    ax.set_xlabel(t("stats.chart.share"), fontsize=8)
    fig.legend(fontsize=7, frameon=False, loc="lower center", ncol=2)
    fit(fig, left_labels=[kind_label(k) for k in kinds], bottom=0.42)
    return True


def sex_chart(fig: Figure, stats: VitalStatistics) -> bool:
    kinds = [k for k in ("birth", "death") if stats.total(k)]
    if not kinds:
        return empty(fig, t("stats.chart.sex"))
    ax = axes(fig, t("stats.chart.sex"))
    width = 0.8 / len(SEXES)
    for i, sex in enumerate(SEXES):
        counts = [stats.total(k, sex=sex) for k in kinds]
        xs = [x + (i - 1) * width for x in range(len(kinds))]
        ax.bar(xs, counts, width, label=sex_label(sex), color=SEX_COLOURS[sex])
    ax.set_xticks(range(len(kinds)))
    ax.set_xticklabels([kind_label(k) for k in kinds])
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.legend(fontsize=8, frameon=False)
    fit(fig)
    return True


def place_chart(fig: Figure, stats: VitalStatistics) -> bool:
    counts = stats.tally("birth", "place")
    if not stats.total("birth"):
        return empty(fig, t("stats.chart.place"))
    ax = axes(fig, t("stats.chart.place"))
    labels = [place_label(p) for p in PLACES]
    ax.barh(labels[::-1], [counts.get(p, 0) for p in PLACES][::-1], color=BAR)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    fit(fig, left_labels=labels, bottom=0.1)
    return True


def _age_bars(fig: Figure, stats: VitalStatistics, kind: str, title: str) -> bool:
    if not stats.total(kind):
        return empty(fig, title)
    ax = axes(fig, title)
    codes = group_codes(AGE_GROUPS[kind])
    counts = stats.tally(kind, "age")
    ax.bar(range(len(codes)), [counts.get(c, 0) for c in codes], color=KIND_COLOURS[kind])
    ax.set_xticks(range(len(codes)))
    labels = [age_label(c) for c in codes]
    ax.set_xticklabels(labels, rotation=45, ha="right", fontsize=7)
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    fit(fig, rotated=labels)
    return True


def mother_age_chart(fig: Figure, stats: VitalStatistics) -> bool:
    return _age_bars(fig, stats, "birth", t("stats.chart.mother_age"))


def death_age_chart(fig: Figure, stats: VitalStatistics) -> bool:
    """An age pyramid of deaths: men to the left, women to the right."""
    if not stats.total("death"):
        return empty(fig, t("stats.chart.death_age"))
    ax = axes(fig, t("stats.chart.death_age"))
    codes = group_codes(AGE_GROUPS["death"])
    counts = stats.tally2("death", "age", "sex")
    ys = range(len(codes))
    men = [-counts.get((c, 1), 0) for c in codes]
    women = [counts.get((c, 2), 0) for c in codes]
    ax.barh(ys, men, color=SEX_COLOURS[1], label=sex_label(1))
    ax.barh(ys, women, color=SEX_COLOURS[2], label=sex_label(2))
    ax.set_yticks(list(ys))
    labels = [age_label(c) for c in codes]
    ax.set_yticklabels(labels, fontsize=7)
    fit(fig, left_labels=labels, bottom=0.1)
    ax.axvline(0, color="#333333", linewidth=0.6)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.xaxis.set_major_formatter(lambda v, _pos: f"{abs(int(v))}")
    ax.legend(fontsize=8, frameon=False)
    return True


def cause_chart(fig: Figure, stats: VitalStatistics) -> bool:
    counts = stats.tally("death", "cause")
    codes = [c for c in CAUSE_CODES if counts.get(c)]
    if not codes:
        return empty(fig, t("stats.chart.death_cause"))
    ax = axes(fig, t("stats.chart.death_cause"))
    codes.sort(key=lambda c: counts[c])
    labels = [
        short(cause_label(c).replace("Chapitre ", "").replace("Chapter ", ""), 34) for c in codes
    ]
    ax.barh(range(len(codes)), [counts[c] for c in codes], 0.6, color=KIND_COLOURS["death"])
    ax.set_yticks(range(len(codes)))
    ax.set_yticklabels(labels, fontsize=7)
    ax.set_ylim(-0.6, max(len(codes), 3) - 0.4)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    fit(fig, left_labels=labels, bottom=0.1)
    return True


def spouse_age_chart(fig: Figure, stats: VitalStatistics) -> bool:
    if not stats.total("marriage"):
        return empty(fig, t("stats.chart.spouse_age"))
    ax = axes(fig, t("stats.chart.spouse_age"))
    codes = group_codes(AGE_GROUPS["marriage"])
    first, second = stats.tally("marriage", "age"), stats.tally("marriage", "age2")
    xs = range(len(codes))
    ax.bar(
        [x - 0.2 for x in xs],
        [first.get(c, 0) for c in codes],
        0.4,
        label=t("stats.col.spouse1"),
        color=SEX_COLOURS[1],
    )
    ax.bar(
        [x + 0.2 for x in xs],
        [second.get(c, 0) for c in codes],
        0.4,
        label=t("stats.col.spouse2"),
        color=SEX_COLOURS[2],
    )
    ax.set_xticks(list(xs))
    labels = [age_label(c) for c in codes]
    ax.set_xticklabels(labels, rotation=45, ha="right", fontsize=7)
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.legend(fontsize=8, frameon=False)
    fit(fig, rotated=labels)
    return True


def communes_chart(fig: Figure, stats: VitalStatistics) -> bool:
    """Per commune, births registered beside births expected (completeness in the label)."""
    registered = stats.tally("birth", "commune")
    expected: dict[str, int] = {}
    for row in stats.completeness():
        if row.expected:
            expected[row.commune] = expected.get(row.commune, 0) + row.expected
    communes = sorted(set(registered) | set(expected))
    if not communes:
        return empty(fig, t("stats.chart.communes"))
    ax = axes(fig, t("stats.chart.communes"))
    ys = range(len(communes))
    ax.barh(
        [y + 0.2 for y in ys],
        [registered.get(c, 0) for c in communes],
        0.4,
        color=BAR,
        label=t("stats.chart.registered"),
    )
    ax.barh(
        [y - 0.2 for y in ys],
        [expected.get(c, 0) for c in communes],
        0.4,
        color="#bbbbbb",
        label=t("stats.chart.expected"),
    )
    labels = []
    for c in communes:
        rate = f" ({100.0 * registered.get(c, 0) / expected[c]:.0f} %)" if expected.get(c) else ""
        labels.append(f"{short(stats.name(c), 24)}{rate}")
    ax.set_yticks(list(ys))
    ax.set_yticklabels(labels, fontsize=7)
    ax.set_ylim(-0.8, max(len(communes), 3) - 0.2)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.legend(fontsize=8, frameon=False)
    fit(fig, left_labels=labels, bottom=0.1)
    return True


def centres_chart(fig: Figure, stats: VitalStatistics) -> bool:
    centres = stats.centres()
    if not centres:
        return empty(fig, t("stats.chart.centres"))
    ax = axes(fig, t("stats.chart.centres"))
    counts = stats.tally2(None, "centre", "kind")
    left = [0] * len(centres)
    ys = range(len(centres))
    for kind in KINDS:
        values = [counts.get((c, kind), 0) for c in centres]
        ax.barh(ys, values, 0.6, left=left, label=kind_label(kind), color=KIND_COLOURS[kind])
        left = [a + b for a, b in zip(left, values, strict=True)]
    ax.set_yticks(list(ys))
    labels = [short(stats.name(c), 30) for c in centres]
    ax.set_yticklabels(labels, fontsize=7)
    ax.set_ylim(-0.6, max(len(centres), 3) - 0.4)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.legend(fontsize=8, frameon=False, loc="upper right")
    fit(fig, left_labels=labels, bottom=0.1)
    return True


ChartFn = Callable[[Figure, VitalStatistics], bool]
# key -> drawing function, in the order of the report and the screen's tabs
CHARTS: dict[str, ChartFn] = {
    "months": months_chart,
    "timeliness": timeliness_chart,
    "sex": sex_chart,
    "place": place_chart,
    "mother_age": mother_age_chart,
    "death_age": death_age_chart,
    "death_cause": cause_chart,
    "spouse_age": spouse_age_chart,
    "communes": communes_chart,
    "centres": centres_chart,
}


def chart_counts(key: str, stats: VitalStatistics) -> list[int]:
    """The counts chart ``key`` draws (or makes its shares of): what a published report must
    not show when one of them is from 1 to 4 (statistical confidentiality)."""
    if key == "months":
        by_year, keys = month_keys(stats)
        return [
            stats.tally(kind, "year" if by_year else "period").get(k, 0)
            for kind in KINDS
            for k in keys
        ]
    if key == "timeliness":
        return [n for k in ("birth", "death") for n in stats.timeliness(k).values()]
    if key == "sex":
        return [stats.total(k, sex=sex) for k in ("birth", "death") for sex in SEXES]
    if key == "place":
        counts = stats.tally("birth", "place")
        return [counts.get(p, 0) for p in PLACES]
    if key == "mother_age":
        return list(stats.tally("birth", "age").values())
    if key == "death_age":
        return list(stats.tally2("death", "age", "sex").values())
    if key == "death_cause":
        return list(stats.tally("death", "cause").values())
    if key == "spouse_age":
        return [*stats.tally("marriage", "age").values(), *stats.tally("marriage", "age2").values()]
    if key == "communes":
        return list(stats.tally("birth", "commune").values())
    if key == "centres":
        return list(stats.tally2(None, "centre", "kind").values())
    raise KeyError(key)


def shows_small_counts(key: str, stats: VitalStatistics) -> bool:
    """Whether chart ``key`` would show a count from 1 to 4 (see :func:`chart_counts`)."""
    return any(0 < n < THRESHOLD for n in chart_counts(key, stats))


def new_figure(width_in: float = 6.0, height_in: float = 3.2, dpi: int = 100) -> Figure:
    fig = Figure(figsize=(width_in, height_in), dpi=dpi)
    fig.patch.set_facecolor("white")
    return fig


def draw(key: str, stats: VitalStatistics, fig: Figure | None = None) -> Figure:
    """The chart ``key`` drawn into ``fig`` (cleared first) or a new figure."""
    fig = fig or new_figure()
    fig.clear()
    CHARTS[key](fig, stats)
    return fig


def png(
    key: str, stats: VitalStatistics, *, width_in: float, height_in: float, dpi: int = 170
) -> bytes:
    """The chart as PNG bytes (for the PDF report)."""
    import io

    from matplotlib.backends.backend_agg import FigureCanvasAgg

    fig = draw(key, stats, new_figure(width_in, height_in, dpi))
    canvas = FigureCanvasAgg(fig)
    buf = io.BytesIO()
    canvas.print_png(buf)
    return buf.getvalue()
