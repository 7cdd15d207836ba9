"""The store side of a year's register: its acts in number order and their mentions, as batch
records (:mod:`civreg.exchange.records`), read in bulk — what the annual register, the tables
and the court's second original are made from."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from civreg.exchange.bulk_select import select_in
from civreg.exchange.records import act_records, mention_records
from civreg.models.acts import Act, Mention


def register_act_uuids(
    session: Session,
    *,
    country: str,
    commune: str,
    centre: str,
    kind: str,
    years: tuple[int, int],
) -> list[str]:
    """Uuids of the registered acts of (centre, kind) whose register year is within
    ``years`` (inclusive), by year then number."""
    first, last = years
    q = (
        select(Act.uuid)
        .where(
            Act.status == "registered",
            Act.country == country,
            Act.commune == commune,
            Act.centre == centre,
            Act.kind == kind,
            Act.year >= first,
            Act.year <= last,
        )
        .order_by(Act.year, Act.number)
    )
    return list(session.scalars(q))


def register_records(
    session: Session, uuids: list[str]
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The act records (in the order of ``uuids``) and the mention records of those acts
    (in the order they were recorded)."""
    acts = act_records(session, uuids)
    ids = [row[0] for row in select_in(session, Act.__table__, ("id",), "uuid", uuids)]
    mention_uuids = [
        row[0] for row in select_in(session, Mention.__table__, ("uuid",), "act_id", ids)
    ]
    return acts, mention_records(session, mention_uuids)
