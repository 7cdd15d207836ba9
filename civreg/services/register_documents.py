"""From a register's batch records to what the year-end documents print: each act as a
register page's data (:class:`~civreg.certificates.data.CertificateData`, the act *as entered*
with its mentions), and each person of the alphabetical tables. Shared by
:mod:`civreg.services.year_end`; reads no database itself."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, fields, replace
from typing import Any

from civreg.certificates.data import CertificateData, CopyIssue, CopyKind, Heading, Officer
from civreg.domain.acts import ActInput, ActKind, ActStatus, ActView, Mention
from civreg.domain.dates import DateParseError, PartialDate
from civreg.services.certificate_data import issue_place, registered_act, utc_offset
from civreg.services.context import Ctx
from civreg.sync.second_original import withhold

_INPUT_FIELDS = {f.name for f in fields(ActInput)}


def _mention(m: Mapping[str, Any]) -> Mention:
    return Mention(
        0,
        str(m["id"]),
        str(m["kind"]),
        str(m["date"]),
        str(m.get("text") or ""),
        str(m.get("authority") or ""),
        str(m.get("reference") or ""),
        str(m.get("related_ref") or ""),
        str(m.get("recorded_by_name") or ""),
        str(m.get("recorded_at") or ""),
    )


def act_input(content: Mapping[str, Any]) -> ActInput:
    """The act as entered (the medical cause left out: it is never printed)."""
    return ActInput.from_dict({k: v for k, v in withhold(content).items() if k in _INPUT_FIELDS})


def mentions_by_act(mentions: Iterable[Mapping[str, Any]]) -> dict[str, list[Mention]]:
    out: dict[str, list[Mention]] = defaultdict(list)
    for m in mentions:
        out[str(m["act"])].append(_mention(m))
    return out


def register_entries(
    ctx: Ctx,
    acts: Sequence[Mapping[str, Any]],
    mentions: Iterable[Mapping[str, Any]],
    *,
    heading: Heading,
    printed_on: dt.date,
) -> list[CertificateData]:
    """Register-page data of every act record, in the records' order."""
    profile = ctx.profile
    offset = utc_offset(ctx)
    copy = CopyIssue(
        kind=CopyKind.REGISTER,
        number=None,
        issue_date=printed_on,
        issue_place=issue_place(ctx),
        signer=Officer(ctx.user.full_name or ctx.user.username, ctx.user.title or ""),
        specimen=ctx.office.is_demo,
    )
    by_act = mentions_by_act(mentions)
    out = []
    for record in acts:
        c = record["content"]
        notes = tuple(by_act.get(str(c["global_id"]), ()))
        view = ActView(
            id=0,
            uuid=str(c["uuid"]),
            status=ActStatus.REGISTERED,
            kind=ActKind(c["kind"]),
            centre=str(c["centre"]),
            year=int(c["year"]),
            number=int(c["number"]),
            global_id=str(c["global_id"]),
            cancelled=any(m.kind == "cancellation" for m in notes),
            data=act_input(c),
            registered_at=c.get("registered_at"),
            registrar_name=str(c.get("registrar_name") or ""),
            registrar_title=str(c.get("registrar_title") or ""),
            late=bool(c.get("late")),
            created_at="",
            updated_at="",
            mentions=notes,
        )
        rec = registered_act(view, profile.format_number(view.number or 0), c["office_id"], offset)
        out.append(
            CertificateData(
                heading=heading,
                record=rec,
                # a register printed on a back-dated day (tests, a demo) is not "before" its acts
                copy=copy
                if rec.registered_on <= printed_on
                else replace(copy, issue_date=rec.registered_on),
                rules=profile.documents,
                dates_in_words=profile.dates_in_words,
                country=profile.code,
            )
        )
    return out


# -- the alphabetical tables -------------------------------------------------------------
@dataclass(frozen=True)
class TableRow:
    """An act as the tables need it (read in bulk, see :mod:`civreg.services.year_end`)."""

    act_id: int
    kind: str
    year: int
    number: int
    global_id: str
    event_date: str
    judgment: bool
    transcribed: bool
    cancelled: bool
    names: Mapping[str, tuple[str, str, str]]  # role -> (family, post-nom, given names)


def date_display(iso: str) -> str:
    try:
        return PartialDate.from_iso(iso).display()
    except DateParseError:
        return iso
