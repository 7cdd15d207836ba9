"""Expected births per commune and year: the denominator of completeness (births registered
÷ births expected). A district or national officer sets a count, or a population and a crude
birth rate (births per 1,000 inhabitants per year) from which the count is computed; the
figure, its basis and who set it are kept in the store's settings and audited.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from civreg.domain.vital_stats import ExpectedBirths, StatsFilter
from civreg.errors import CivregError
from civreg.i18n import register
from civreg.oplog import logged
from civreg.services.context import Ctx
from civreg.services.settings import get_setting, put_setting

EXPECTED_BIRTHS = "stats.expected_births"  # {commune: {year: {"births": n, "basis": text}}}

register(
    {
        "stats.expected.bad": {
            "fr": "Naissances attendues : donnez soit un nombre, soit une population et un taux "
            "brut de natalité (pour 1 000 habitants, entre 1 et 80).",
            "en": "Expected births: give either a count, or a population and a crude birth "
            "rate (per 1,000 inhabitants, between 1 and 80).",
        },
        "stats.expected.bad_year": {
            "fr": "Année invalide : {year}.",
            "en": "Invalid year: {year}.",
        },
        "stats.expected.bad_commune": {
            "fr": "Code de commune invalide : « {commune} ».",
            "en": "Invalid commune code: '{commune}'.",
        },
        "stats.expected.basis": {
            "fr": "population {population} × {rate} ‰",
            "en": "population {population} × {rate} ‰",
        },
    }
)


@dataclass(frozen=True)
class ExpectedRow:
    commune: str
    year: int
    births: int
    basis: str


def _all(s: Session) -> dict[str, dict[str, dict[str, Any]]]:
    return dict(get_setting(s, EXPECTED_BIRTHS, {}) or {})


def expected_births(s: Session, f: StatsFilter | None = None) -> tuple[ExpectedBirths, ...]:
    """The expectations in the store (inside the caller's transaction), those of the filter's
    commune only when it names one."""
    out = []
    for commune, years in sorted(_all(s).items()):
        if f is not None and f.commune and commune != f.commune:
            continue
        for year, value in sorted(years.items()):
            out.append(
                ExpectedBirths(commune, int(year), int(value["births"]), value.get("basis", ""))
            )
    return tuple(out)


def _count(births: int | None, population: int | None, rate: float | None) -> tuple[int, str]:
    if births is not None and population is None and rate is None:
        if births < 0:
            raise CivregError("stats.expected.bad")
        return births, ""
    if births is None and population is not None and rate is not None:
        if population <= 0 or not 1 <= rate <= 80:
            raise CivregError("stats.expected.bad")
        shown = f"{rate:g}".replace(".", ",")
        basis = f"population {population:,} × {shown} ‰".replace(",", " ", 1)
        return round(population * rate / 1000), basis
    raise CivregError("stats.expected.bad")


@logged("stats.expected")
def set_expected_births(
    ctx: Ctx,
    commune: str,
    year: int,
    *,
    births: int | None = None,
    population: int | None = None,
    rate_per_1000: float | None = None,
    source: str = "",
) -> ExpectedRow:
    """Set (replace) the births expected in ``commune`` for ``year``."""
    ctx.require("stats.configure")
    commune = commune.strip()
    if not commune or len(commune) > 20:
        raise CivregError("stats.expected.bad_commune", commune=commune[:20])
    if not 1900 <= year <= 2200:
        raise CivregError("stats.expected.bad_year", year=year)
    count, basis = _count(births, population, rate_per_1000)
    if source:
        basis = f"{basis} ({source})" if basis else source
    with ctx.store.write() as s:
        data = _all(s)
        before = data.get(commune, {}).get(str(year))
        data.setdefault(commune, {})[str(year)] = {"births": count, "basis": basis}
        put_setting(s, EXPECTED_BIRTHS, data)
        ctx.audit(
            s,
            "stats.expected",
            before=before,
            after={"births": count, "basis": basis},
            detail=f"{commune}/{year}",
        )
    return ExpectedRow(commune, year, count, basis)


def list_expected_births(ctx: Ctx) -> list[ExpectedRow]:
    ctx.require("stats.view")
    with ctx.store.read() as s:
        return [ExpectedRow(e.commune, e.year, e.births, e.basis) for e in expected_births(s)]
