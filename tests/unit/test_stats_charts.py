"""The statistics charts: month labels that tell every month apart, and which charts would
show counts that a published report withholds (1 to 4)."""

from __future__ import annotations

import pytest

from civreg.certificates.stats_charts import CHARTS, chart_counts, shows_small_counts
from civreg.domain.vital_stats import Cell, StatsFilter, VitalStatistics
from civreg.i18n import set_language


def _cell(kind: str, n: int, *, month: str = "03", sex: int = 1, **more: str) -> Cell:
    values = {
        "commune": "11",
        "centre": "01",
        "period": f"2025-{month}",
        "sex": sex,
        "timeliness": "on_time",
        "place": "health_facility",
        "age": "20-24",
        "age2": "20-24" if kind == "marriage" else "",
        "cause": "I" if kind == "death" else "",
    }
    values.update(more)
    return Cell(kind=kind, n=n, **values)  # type: ignore[arg-type]


def _stats(*cells: Cell) -> VitalStatistics:
    return VitalStatistics(filter=StatsFilter.for_year(2025), cells=cells, computed_at="")


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_month_labels_tell_every_month_apart(lang: str) -> None:
    from civreg.certificates.stats_chart_kit import short_month as _short_month

    set_language(lang)
    try:
        labels = [_short_month(f"2025-{m:02d}") for m in range(1, 13)]
    finally:
        set_language("fr")
    assert len(set(labels)) == 12, labels  # "juin" and "juillet" are not both "jui"
    if lang == "fr":
        assert labels[5].startswith("juin") and labels[6].startswith("juil")


def test_charts_showing_counts_one_to_four_are_named() -> None:
    # births: 10 boys and 10 girls in March, all in health facilities, mothers 20-24;
    # deaths: 3 in March (a small count)
    stats = _stats(
        _cell("birth", 10),
        _cell("birth", 10, sex=2),
        _cell("death", 3),
    )
    small = {key for key in CHARTS if shows_small_counts(key, stats)}
    # the months chart (deaths per month), the sex chart (deaths by sex), the timeliness
    # shares (3 deaths), the deaths by age, by cause, the acts per centre: all would reveal
    # the 3 deaths
    assert small == {"months", "sex", "timeliness", "death_age", "death_cause", "centres"}
    assert sorted(chart_counts("place", stats)) == [0, 0, 0, 20]
    assert not shows_small_counts("place", stats) and not shows_small_counts("mother_age", stats)
    # enough deaths: nothing small is shown any more
    big = _stats(_cell("birth", 10), _cell("birth", 10, sex=2), _cell("death", 6))
    assert {key for key in CHARTS if shows_small_counts(key, big)} == set()
    # two late births among twenty: their share (10 %) would reveal them
    late = _stats(_cell("birth", 18), _cell("birth", 2, sex=2, timeliness="late"))
    assert shows_small_counts("timeliness", late) and shows_small_counts("sex", late)
