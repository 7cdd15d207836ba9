"""Read-only lookups for the client: the search box (ranked search service, or for roles
without it an accent-insensitive name prefix, act number, global identifier, date), the
centres and the years that have registers.

Users allowed to search go through :mod:`civreg.services.search` (ranked, spelling-tolerant);
the plain lookup serves roles without the search permission (administrators).
"""

from __future__ import annotations

import re
from dataclasses import replace

from sqlalchemy import or_, select

from civreg.domain.dates import DateParseError, parse_user_date
from civreg.domain.names import normalize
from civreg.models.acts import Act, PersonSearch
from civreg.models.office import Centre
from civreg.services.context import Ctx
from civreg.services.queries import ActRow, act_rows

GLOBAL_ID = re.compile(r"^[A-Z]{2}-[A-Za-z0-9-]+$")


def _service_rows(ctx: Ctx, text: str, limit: int) -> list[ActRow]:
    """The search service's hits as register rows, each saying whose name matched."""
    from civreg.services.search import search

    page = search(ctx, text, limit=limit)
    hits = page.hits
    matched = {h.act_id: (h.matched_role, h.matched_name) for h in hits}
    rows = act_rows(ctx, [h.act_id for h in hits])
    return [
        replace(
            r,
            matched_role=matched[r.id][0],
            matched_name=matched[r.id][1],
            by_given_name=page.by_given_name,
        )
        for r in rows
    ]


def _name_ids(ctx: Ctx, text: str, limit: int) -> list[int]:
    words = normalize(text).split()
    if not words:
        return []
    q = select(PersonSearch.act_id).distinct()
    first = words[0]
    if len(words) == 1:
        q = q.where(
            or_(
                PersonSearch.norm_family.startswith(first, autoescape=True),
                PersonSearch.norm_given.startswith(first, autoescape=True),
            )
        )
    else:
        rest = " ".join(words[1:])
        q = q.where(
            or_(
                (PersonSearch.norm_family.startswith(first, autoescape=True))
                & (PersonSearch.norm_given.startswith(rest, autoescape=True)),
                (PersonSearch.norm_given.startswith(first, autoescape=True))
                & (PersonSearch.norm_family.startswith(rest, autoescape=True)),
                PersonSearch.norm_family.startswith(" ".join(words), autoescape=True),
            )
        )
    with ctx.store.read() as s:
        return list(s.scalars(q.order_by(PersonSearch.act_id.desc()).limit(limit)))


def find_acts(ctx: Ctx, text: str, limit: int = 50) -> list[ActRow]:
    """Acts matching what was typed in the search box, best first. Uses the search service
    when the role may search; otherwise (administrators) a plain accent-free lookup."""
    ctx.require("act.view")
    text = text.strip()
    if not text:
        return []
    if ctx.can("search"):
        return _service_rows(ctx, text, limit)
    ids: list[int] = []
    with ctx.store.read() as s:
        if GLOBAL_ID.match(text.upper()) and any(c.isdigit() for c in text):
            ids = list(
                s.scalars(
                    select(Act.id)
                    .where(Act.global_id.startswith(text.upper(), autoescape=True))
                    .limit(limit)
                )
            )
        elif text.isdigit() and len(text) <= 6:
            ids = list(
                s.scalars(
                    select(Act.id)
                    .where(Act.number == int(text))
                    .order_by(Act.year.desc())
                    .limit(limit)
                )
            )
        elif any(c.isdigit() for c in text):
            try:
                day = parse_user_date(text).iso()
            except DateParseError:
                day = ""
            if day:
                ids = list(
                    s.scalars(
                        select(Act.id)
                        .where(Act.event_date == day)
                        .order_by(Act.id.desc())
                        .limit(limit)
                    )
                )
    if not ids and not any(c.isdigit() for c in text):
        ids = _name_ids(ctx, text, limit)
    return act_rows(ctx, ids)


def centres(ctx: Ctx) -> list[tuple[str, str]]:
    """(code, name) of the office's centres, for the registers filter."""
    ctx.require("act.view")
    with ctx.store.read() as s:
        rows = s.execute(select(Centre.code, Centre.name).order_by(Centre.code)).all()
    return [(c, n) for c, n in rows]


def years(ctx: Ctx, kind: str) -> list[int]:
    """Years that have a register of this kind, newest first."""
    ctx.require("act.view")
    with ctx.store.read() as s:
        from civreg.models.acts import Register

        return list(
            s.scalars(
                select(Register.year)
                .where(Register.kind == kind)
                .distinct()
                .order_by(Register.year.desc())
            )
        )
