"""Build a document's data from a registered act (plain ``ActView``), the office and the
country profile. The certificate layer uses the domain's act types as they are; this module
adds only what a printed document needs: heading, dates, register identity, the copy.

The medical cause of death is never passed on (the act is read without it, and the
certificate layer refuses an act that still carries it).
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from dataclasses import replace

from civreg.certificates.data import (
    CertificateData,
    CopyIssue,
    CopyKind,
    Heading,
    Officer,
    RegisteredAct,
)
from civreg.domain.acts import ActView
from civreg.domain.corrections import apply_corrections
from civreg.domain.dates import DateParseError, PartialDate
from civreg.domain.geography import Place
from civreg.services.context import Ctx
from civreg.services.copies import Requester, capacity_label


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold().strip()


def _places(ctx: Ctx) -> list[Place]:
    geo = ctx.profile.geography
    if ctx.office.commune not in geo:
        return []
    return geo.path(ctx.office.commune)


def heading(ctx: Ctx, *, issue_date: dt.date, centre_name: str, principal: bool) -> Heading:
    """Country lines, the motto in force on ``issue_date``, the administrative lines the
    profile asks for (BF region, province, commune; DRC province, ville or territoire,
    commune…) and the office (*centre principal d'état civil*, *bureau principal de l'état
    civil*)."""
    profile = ctx.profile
    docs = profile.documents
    motto = docs.motto_on(issue_date)
    by_level = {p.level: p for p in _places(ctx)}
    admin = tuple(
        line.template.format(name=by_level[line.level].name)
        for line in docs.admin_lines
        if line.level in by_level
    )
    title = docs.office_title(principal)
    name = centre_name or ctx.office.name
    office_line = name if _fold(name).startswith(_fold(title)) else f"{title} : {name}"
    return Heading(
        country_lines=tuple(profile.header_lines),
        motto=motto.text if motto else "",
        admin_lines=admin,
        office_line=office_line,
    )


def issue_place(ctx: Ctx) -> str:
    """Where copies are issued: the commune's name (the office's name when the commune is
    not in the geography)."""
    places = _places(ctx)
    return places[-1].name if places else ctx.office.name


def _day(iso: str) -> dt.date | None:
    try:
        d = PartialDate.from_iso(iso)
    except DateParseError:
        return None
    return d.to_date()


def utc_offset(ctx: Ctx) -> dt.timedelta:
    """The office's legal time (profile ``documents.utc_offset``, per area where it varies)."""
    return ctx.profile.documents.offset_for([p.code for p in _places(ctx)])


def office_today(ctx: Ctx) -> dt.date:
    """Today in the office's legal time: the day a copy is issued. The machine's own date can
    be another one (a computer kept in UTC, east of the DRC after 22:00), and a copy dated the
    day before its act was drawn up is refused."""
    return (dt.datetime.now(dt.UTC).replace(tzinfo=None) + utc_offset(ctx)).date()


def local(iso_utc: str, offset: dt.timedelta) -> dt.datetime:
    """A stored (naive UTC) timestamp in the office's legal time."""
    return dt.datetime.fromisoformat(iso_utc) + offset


def drawn_up(view: ActView, offset: dt.timedelta) -> tuple[dt.date, dt.time | None, dt.date]:
    """(day the act was drawn up, its hour when known, day it was registered here), in the
    office's legal time.

    A transcribed paper act was drawn up on its original date (hour unknown); an act drawn
    up by this program (on time, or late on a judgment) on the day it was registered."""
    assert view.registered_at is not None
    registered = local(view.registered_at, offset)
    tr = view.data.transcription
    if tr is not None:
        original = _day(tr.original_date)
        if original is not None:
            return original, None, registered.date()
    if view.year is not None and registered.year != view.year:
        # Registered into the register of another year (back-dated entry, e.g. a demo store
        # or a migration): an act is drawn up within its register's year, on the day the
        # declaration was received when that lies in it.
        declared = _day(view.data.declaration_date)
        if declared is not None and declared.year == view.year:
            return declared, None, registered.date()
    return registered.date(), registered.time().replace(second=0, microsecond=0), registered.date()


def registered_act(
    view: ActView, number_display: str, office_id: str, offset: dt.timedelta
) -> RegisteredAct:
    assert view.year and view.number and view.global_id
    day, hour, registered_on = drawn_up(view, offset)
    mentions = tuple(
        replace(m, recorded_at=local(m.recorded_at, offset).isoformat()) if m.recorded_at else m
        for m in view.mentions
    )
    return RegisteredAct(
        act=view.data,
        register_year=view.year,
        number=view.number,
        number_display=number_display,
        global_id=view.global_id,
        office_id=office_id,
        drawn_up=day,
        drawn_up_time=hour,
        registered_on=registered_on,
        registrar=Officer(view.registrar_name, view.registrar_title),
        mentions=mentions,
    )


def certificate_data(
    ctx: Ctx,
    view: ActView,
    *,
    copy_kind: str,
    copy_number: int | None,
    issue_date: dt.date,
    requester: Requester | None = None,
    centre_name: str = "",
    principal: bool = True,
) -> CertificateData:
    """The data of one document: a numbered copy, a preview (``copy_number=None``) or a
    register page (``copy_kind="register"``)."""
    profile = ctx.profile
    kind = CopyKind(copy_kind)
    signer = Officer(
        ctx.user.full_name or ctx.user.username, ctx.user.title or profile.registrar_title
    )
    copy = CopyIssue(
        kind=kind,
        number=copy_number if kind is not CopyKind.REGISTER else None,
        issue_date=issue_date,
        issue_place=issue_place(ctx),
        signer=signer,
        requester=requester.name if requester else "",
        requester_capacity=capacity_label(requester.capacity, "fr") if requester else "",
        requester_reference=requester.reference if requester else "",
        specimen=ctx.office.is_demo,
    )
    # Copies state the act as it reads today: rectified values printed, the registered ones
    # kept in the act and in the rectification's own mention (issue 12 item 2). A register
    # page shows the act as it was entered.
    current = view
    if kind is not CopyKind.REGISTER:
        current = replace(view, data=apply_corrections(view.data, view.mentions).data)
    return CertificateData(
        heading=heading(ctx, issue_date=issue_date, centre_name=centre_name, principal=principal),
        record=registered_act(
            current, profile.format_number(view.number or 0), ctx.office.office_id, utc_offset(ctx)
        ),
        copy=copy,
        rules=profile.documents,
        dates_in_words=profile.dates_in_words,
        country=profile.code,
    )
