"""Vital statistics a district officer looks at first: counts by month, sex and kind, and
timeliness of birth registration (on time, late with judgment, transcribed)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import case, func, select

from civreg.domain.acts import SUBJECT_ROLE, ActKind
from civreg.models.acts import Act, ActPerson
from civreg.services.context import Ctx


@dataclass(frozen=True)
class KindStats:
    kind: str
    total: int
    by_month: dict[str, int]  # "2025-03" -> count (by event month; partial dates: by year)
    by_sex: dict[int, int]
    on_time: int
    late: int
    transcribed: int


def vital_statistics(ctx: Ctx, year: int | None = None) -> list[KindStats]:
    ctx.require("stats.view")
    out = []
    with ctx.store.read() as s:
        for kind in ActKind:
            base = [Act.status == "registered", Act.kind == kind]
            if year:
                base.append(func.substr(Act.event_date, 1, 4) == str(year))
            month = func.substr(Act.event_date, 1, 7)
            by_month: dict[str, int] = dict(
                s.execute(select(month, func.count()).where(*base).group_by(month)).all()
            )
            by_sex = dict(
                s.execute(
                    select(ActPerson.sex, func.count())
                    .join(Act, Act.id == ActPerson.act_id)
                    .where(*base, ActPerson.role == SUBJECT_ROLE[kind])
                    .group_by(ActPerson.sex)
                ).all()
            )
            row = s.execute(
                select(
                    func.count(),
                    func.sum(case((Act.late.is_(True), 1), else_=0)),
                    func.sum(case((Act.transcribed.is_(True), 1), else_=0)),
                ).where(*base)
            ).one()
            total, late, transcribed = int(row[0]), int(row[1] or 0), int(row[2] or 0)
            out.append(
                KindStats(
                    str(kind),
                    total,
                    by_month,
                    by_sex,
                    total - late - transcribed,
                    late,
                    transcribed,
                )
            )
    return out


def event_years(ctx: Ctx) -> list[int]:
    """Years in which registered acts' events happened, newest first: what a district, which
    keeps no register of its own, can filter its statistics by."""
    ctx.require("stats.view")
    year = func.substr(Act.event_date, 1, 4)
    with ctx.store.read() as s:
        found = s.scalars(select(year).where(Act.status == "registered").distinct())
        return sorted((int(y) for y in found if y and y.isdigit()), reverse=True)
