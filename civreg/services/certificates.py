"""Certified copies and extracts, their free preview, and the register pages of a signing
session.

* :func:`preview_certificate` — what the copy will look like, marked APERÇU, unsigned and
  unnumbered: nothing is recorded, no copy number is used.
* :func:`issue_certificates` / :func:`issue_certificate` — the copy that is printed or saved:
  the requester and their capacity are checked against the country profile, the copy is
  numbered and recorded in the issuance register, and carries the signed QR code.
* :func:`print_day_registers` — every act registered on a day as register pages (the act as
  entered, with the signature zones of the declarant, witnesses and officer): counted nowhere.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from civreg.certificates import QrSigner, render_pdf
from civreg.certificates.data import CertificateData
from civreg.errors import CivregError, Conflict
from civreg.i18n import register
from civreg.models.act_repo import to_view
from civreg.models.acts import Act
from civreg.models.office import Centre, Office
from civreg.oplog import logged
from civreg.security.atomic import atomic_write_bytes
from civreg.security.signing_power import office_signing_key
from civreg.services.certificate_data import certificate_data, office_today, utc_offset
from civreg.services.context import Ctx
from civreg.services.copies import (
    IssuedCopyRow,
    Requester,
    check_requester,
    record_copy_in,
)
from civreg.services.drafts import load_act

register(
    {
        "certificate.nothing": {
            "fr": "Aucun acte à imprimer pour cette sélection.",
            "en": "No act to print for this selection.",
        },
        "certificate.cancelled_job": {
            "fr": "Impression annulée : aucune copie n'a été délivrée.",
            "en": "Printing cancelled: no copy was issued.",
        },
    }
)


@dataclass(frozen=True)
class IssuedCertificates:
    pdf: bytes
    pages: int
    copies: tuple[IssuedCopyRow, ...]


@dataclass(frozen=True)
class RegisterPages:
    pdf: bytes
    pages: int
    acts: tuple[int, ...]  # act ids, in register order


def _signer(s) -> QrSigner:
    office = s.scalar(select(Office))
    assert office is not None
    return QrSigner(office.office_id, office_signing_key(s, office))


def _centres(s) -> dict[str, tuple[str, bool]]:
    return {c.code: (c.name, c.principal) for c in s.scalars(select(Centre))}


def _data(
    ctx: Ctx,
    s,
    row: Act,
    kind: str,
    *,
    number: int | None,
    today: dt.date,
    requester: Requester | None,
    centres: dict[str, tuple[str, bool]],
) -> CertificateData:
    if row.status != "registered":
        raise Conflict("copy.not_registered")
    view = to_view(s, row, include_medical=False)
    name, principal = centres.get(view.centre, ("", True))
    return certificate_data(
        ctx,
        view,
        copy_kind=kind,
        copy_number=number,
        issue_date=today,
        requester=requester,
        centre_name=name,
        principal=principal,
    )


@logged("certificate.preview", ref_arg="ref")
def preview_certificate(
    ctx: Ctx,
    ref: int | str,
    kind: str,
    *,
    requester: Requester | None = None,
    today: dt.date | None = None,
) -> bytes:
    """The copy as it will look, watermarked APERÇU, without QR code nor copy number.
    Records nothing: previewing is free."""
    ctx.require("copy.issue")
    if kind not in ("full", "extract"):
        raise CivregError("copy.bad_kind")
    with ctx.store.read() as s:
        row = load_act(s, ref)
        data = _data(
            ctx,
            s,
            row,
            kind,
            number=None,
            today=today or office_today(ctx),
            requester=requester,
            centres=_centres(s),
        )
    buf = io.BytesIO()
    render_pdf([data], buf, None)
    return buf.getvalue()


@logged("certificate.issue", ref_arg="refs")
def issue_certificates(
    ctx: Ctx,
    refs: Sequence[int | str],
    kind: str,
    *,
    requester: Requester,
    out: Path | None = None,
    today: dt.date | None = None,
    progress: Callable[[int, int], bool] | None = None,
) -> IssuedCertificates:
    """Issue one copy of each act for ``requester`` (registrar only): checked against the
    profile's requester capacities, numbered, recorded, rendered into one PDF with signed QR
    codes.

    Recording and rendering happen in one transaction: if anything fails or ``progress``
    returns False (cancelled), nothing is recorded. The file, if asked for, is written
    atomically after the commit.
    """
    ctx.require("copy.issue")
    if not refs:
        raise CivregError("certificate.nothing")
    today = today or office_today(ctx)
    items: list[CertificateData] = []
    copies: list[IssuedCopyRow] = []
    with ctx.store.write() as s:
        signer = _signer(s)
        centres = _centres(s)
        for i, ref in enumerate(refs):
            row = load_act(s, ref)
            who = check_requester(ctx, row.kind, kind, requester)
            copy = record_copy_in(ctx, s, row, kind, who)
            items.append(
                _data(
                    ctx,
                    s,
                    row,
                    kind,
                    number=copy.copy_number,
                    today=today,
                    requester=who,
                    centres=centres,
                )
            )
            copies.append(copy)
            if progress is not None and progress(i + 1, len(refs)) is False:
                raise CivregError("certificate.cancelled_job")
        buf = io.BytesIO()
        pages = render_pdf(items, buf, signer)
    pdf = buf.getvalue()
    if out is not None:
        atomic_write_bytes(Path(out), pdf)
    return IssuedCertificates(pdf, pages, tuple(copies))


def issue_certificate(
    ctx: Ctx,
    ref: int | str,
    kind: str,
    *,
    requester: Requester,
    out: Path | None = None,
    today: dt.date | None = None,
) -> IssuedCertificates:
    return issue_certificates(ctx, [ref], kind, requester=requester, out=out, today=today)


@logged("certificate.print_day")
def print_day_registers(
    ctx: Ctx,
    day: dt.date,
    out: Path | None = None,
    *,
    progress: Callable[[int, int], bool] | None = None,
) -> RegisterPages:
    """Every act registered on ``day``, in register order, as register pages for the
    signing session. Nothing is issued or counted."""
    ctx.require("act.view")
    ids = _registered_on(ctx, day)
    if not ids:
        raise CivregError("certificate.nothing")
    items: list[CertificateData] = []
    with ctx.store.read() as s:
        centres = _centres(s)
        for i, ref in enumerate(ids):
            row = load_act(s, ref)
            items.append(
                _data(
                    ctx, s, row, "register", number=None, today=day, requester=None, centres=centres
                )
            )
            if progress is not None and progress(i + 1, len(ids)) is False:
                raise CivregError("certificate.cancelled_job")
    buf = io.BytesIO()
    pages = render_pdf(items, buf, None)
    pdf = buf.getvalue()
    if out is not None:
        atomic_write_bytes(Path(out), pdf)
    return RegisterPages(pdf, pages, tuple(ids))


def _registered_on(ctx: Ctx, day: dt.date) -> list[int]:
    """Ids of the acts registered on ``day`` in the office's legal time (registration times
    are stored in UTC), in register order."""
    start = dt.datetime.combine(day, dt.time()) - utc_offset(ctx)
    with ctx.store.read() as s:
        return list(
            s.scalars(
                select(Act.id)
                .where(
                    Act.status == "registered",
                    Act.registered_at >= start,
                    Act.registered_at < start + dt.timedelta(days=1),
                )
                .order_by(Act.kind, Act.year, Act.number)
            )
        )


def bulk_print_day(
    ctx: Ctx,
    day: dt.date,
    out: Path,
    *,
    progress: Callable[[int, int], bool] | None = None,
) -> RegisterPages:
    """The day's register pages (kept under its former name for the client's menu)."""
    return print_day_registers(ctx, day, out, progress=progress)
