"""The counts of vital statistics kept beside the acts: a derived cache, rebuilt from the acts
whenever its rules change (never part of the legal record, never transmitted).

``stats_facts``: per registered act, the categories it is counted under
(:func:`civreg.domain.vital_facts.dimensions`) and whether it is cancelled.
``stats_cube``: per combination of categories and month of the event's earliest day, how
many acts (cancelled ones left out): what the Statistics screen reads.
``stats_cube_year``: the same counts per year of the event (the month left out): what a
selection of many years reads (a fifth of the rows over 25 years), kept in step with
``stats_cube``.
``stats_state``: how far the cache has read the store (acts, mentions, drafts waiting).
"""

from __future__ import annotations

from sqlalchemy import Boolean, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from civreg.models.base import Base

CUBE_DIMS = (
    "kind",
    "commune",
    "centre",
    "from_month",
    "period",
    "sex",
    "timeliness",
    "place",
    "age",
    "age2",
    "cause",
)


class StatsFact(Base):
    __tablename__ = "stats_facts"
    __table_args__ = (Index("ix_stats_facts_event_from", "event_from"),)

    act_id: Mapped[int] = mapped_column(ForeignKey("acts.id"), primary_key=True)
    kind: Mapped[str] = mapped_column(String(10))
    commune: Mapped[str] = mapped_column(String(20))
    centre: Mapped[str] = mapped_column(String(20))
    event_from: Mapped[str | None] = mapped_column(String(10), nullable=True)
    period: Mapped[str] = mapped_column(String(7))
    sex: Mapped[int] = mapped_column(Integer)
    timeliness: Mapped[str] = mapped_column(String(12))
    place: Mapped[str] = mapped_column(String(20))
    age: Mapped[str] = mapped_column(String(8))
    age2: Mapped[str] = mapped_column(String(8))
    cause: Mapped[str] = mapped_column(String(10))
    cancelled: Mapped[bool] = mapped_column(Boolean, default=False)


class StatsCell(Base):
    __tablename__ = "stats_cube"
    __table_args__ = (UniqueConstraint(*CUBE_DIMS, name="uq_stats_cube_cell"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(10))
    commune: Mapped[str] = mapped_column(String(20))
    centre: Mapped[str] = mapped_column(String(20))
    from_month: Mapped[str] = mapped_column(String(7))  # month of the event's earliest day, or ""
    period: Mapped[str] = mapped_column(String(7))
    sex: Mapped[int] = mapped_column(Integer)
    timeliness: Mapped[str] = mapped_column(String(12))
    place: Mapped[str] = mapped_column(String(20))
    age: Mapped[str] = mapped_column(String(8))
    age2: Mapped[str] = mapped_column(String(8))
    cause: Mapped[str] = mapped_column(String(10))
    n: Mapped[int] = mapped_column(Integer)


YEAR_DIMS = tuple(d for d in CUBE_DIMS if d != "from_month")


class StatsYearCell(Base):
    __tablename__ = "stats_cube_year"
    __table_args__ = (UniqueConstraint(*YEAR_DIMS, name="uq_stats_cube_year_cell"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(10))
    commune: Mapped[str] = mapped_column(String(20))
    centre: Mapped[str] = mapped_column(String(20))
    period: Mapped[str] = mapped_column(String(7))  # the event's year: stats_cube.period[:4]
    sex: Mapped[int] = mapped_column(Integer)
    timeliness: Mapped[str] = mapped_column(String(12))
    place: Mapped[str] = mapped_column(String(20))
    age: Mapped[str] = mapped_column(String(8))
    age2: Mapped[str] = mapped_column(String(8))
    cause: Mapped[str] = mapped_column(String(10))
    n: Mapped[int] = mapped_column(Integer)


class StatsState(Base):
    __tablename__ = "stats_state"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    version: Mapped[int] = mapped_column(Integer)  # domain.vital_facts.RULES_VERSION
    max_act_id: Mapped[int] = mapped_column(Integer, default=0)
    max_mention_id: Mapped[int] = mapped_column(Integer, default=0)
    # ids of the acts not registered (drafts) when the counts were last brought up to date,
    # comma-separated: one of them registered since is counted at the next catch-up
    pending: Mapped[str] = mapped_column(Text, default="")
