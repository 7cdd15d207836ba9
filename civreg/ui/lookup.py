"""Read-only lookups the UI needs before the search service exists: accent-insensitive name
prefix, act number, global identifier, date. Runs on the database worker only.

When :mod:`civreg.services.search` is present its ``search`` is used for names instead (it is
spelling-tolerant); this module stays the fallback and handles numbers and identifiers.
"""

from __future__ import annotations

import importlib
import re
from typing import Any

from sqlalchemy import or_, select

from civreg.domain.dates import DateParseError, parse_user_date
from civreg.domain.names import normalize
from civreg.models.acts import Act, PersonSearch
from civreg.models.office import Centre
from civreg.services.context import Ctx
from civreg.services.queries import ActRow, act_rows

GLOBAL_ID = re.compile(r"^[A-Z]{2}-[A-Za-z0-9-]+$")


def _search_service() -> Any | None:
    try:
        return importlib.import_module("civreg.services.search")
    except ModuleNotFoundError:
        return None


def _service_ids(ctx: Ctx, text: str, limit: int) -> list[int] | None:
    mod = _search_service()
    fn = getattr(mod, "search", None) if mod else None
    if fn is None:
        return None
    hits = fn(ctx, text, limit=limit)
    ids: list[int] = []
    for h in hits:
        act_id = getattr(h, "act_id", None)
        if act_id is None and isinstance(h, dict):
            act_id = h.get("act_id")
        if act_id is None:
            return None  # an unexpected shape: fall back to the local lookup
        if act_id not in ids:
            ids.append(int(act_id))
    return ids


def _name_ids(ctx: Ctx, text: str, limit: int) -> list[int]:
    words = normalize(text).split()
    if not words:
        return []
    q = select(PersonSearch.act_id).distinct()
    first = words[0]
    if len(words) == 1:
        q = q.where(or_(PersonSearch.norm_family.startswith(first, autoescape=True),
                        PersonSearch.norm_given.startswith(first, autoescape=True)))
    else:
        rest = " ".join(words[1:])
        q = q.where(or_(
            (PersonSearch.norm_family.startswith(first, autoescape=True))
            & (PersonSearch.norm_given.startswith(rest, autoescape=True)),
            (PersonSearch.norm_given.startswith(first, autoescape=True))
            & (PersonSearch.norm_family.startswith(rest, autoescape=True)),
            PersonSearch.norm_family.startswith(" ".join(words), autoescape=True),
        ))
    with ctx.store.read() as s:
        return list(s.scalars(q.order_by(PersonSearch.act_id.desc()).limit(limit)))


def find_acts(ctx: Ctx, text: str, limit: int = 50) -> list[ActRow]:
    """Acts matching what was typed in the search box, most recent first."""
    ctx.require("act.view")
    text = text.strip()
    if not text:
        return []
    ids: list[int] = []
    with ctx.store.read() as s:
        if GLOBAL_ID.match(text.upper()) and any(c.isdigit() for c in text):
            ids = list(s.scalars(select(Act.id).where(
                Act.global_id.startswith(text.upper(), autoescape=True)).limit(limit)))
        elif text.isdigit() and len(text) <= 6:
            ids = list(s.scalars(select(Act.id).where(Act.number == int(text))
                                 .order_by(Act.year.desc()).limit(limit)))
        else:
            try:
                day = parse_user_date(text).iso() if any(c.isdigit() for c in text) else ""
            except DateParseError:
                day = ""
            if day:
                ids = list(s.scalars(select(Act.id).where(Act.event_date == day)
                                     .order_by(Act.id.desc()).limit(limit)))
    if not ids and not any(c.isdigit() for c in text):
        service = _service_ids(ctx, text, limit) if ctx.can("search") else None
        ids = service if service is not None else _name_ids(ctx, text, limit)
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

        return list(s.scalars(select(Register.year).where(Register.kind == kind)
                              .distinct().order_by(Register.year.desc())))


def possible_duplicates(ctx: Ctx, data: Any, exclude_id: int | None = None,
                        limit: int = 10) -> list[ActRow]:
    """Acts of the same kind whose subject has the same (accent-free) names; the search
    service's ``find_duplicates`` is used instead when it exists."""
    from civreg.domain.acts import SUBJECT_ROLE

    mod = _search_service()
    fn = getattr(mod, "find_duplicates", None) if mod else None
    if fn is not None:
        ids: list[int] = []
        for h in fn(ctx, data):
            act_id = getattr(h, "act_id", None) or getattr(h, "id", None)
            if act_id is not None and act_id != exclude_id and act_id not in ids:
                ids.append(int(act_id))
        return act_rows(ctx, ids[:limit])
    subject = data.person(SUBJECT_ROLE[data.kind])
    if subject is None or not subject.family_name.strip() or not subject.given_names.strip():
        return []
    fam, given = normalize(subject.family_name), normalize(subject.given_names)
    q = (select(PersonSearch.act_id)
         .join(Act, Act.id == PersonSearch.act_id)
         .where(PersonSearch.norm_family == fam, PersonSearch.norm_given == given,
                PersonSearch.role == SUBJECT_ROLE[data.kind], Act.kind == str(data.kind)))
    if exclude_id is not None:
        q = q.where(Act.id != exclude_id)
    with ctx.store.read() as s:
        found = list(s.scalars(q.order_by(Act.id.desc()).limit(limit)))
    return act_rows(ctx, found)
