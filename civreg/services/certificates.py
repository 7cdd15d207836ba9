"""Issuing certified copies and extracts: recorded in the issuance register, signed QR code,
one PDF (or one multi-page PDF for a signing session)."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from civreg.certificates import QrSigner, render_pdf
from civreg.certificates.data import CertificateData
from civreg.errors import CivregError
from civreg.i18n import register
from civreg.models.act_repo import to_view
from civreg.models.office import Centre, Office
from civreg.security.atomic import atomic_write_bytes
from civreg.security.signing import load_private
from civreg.services.certificate_data import certificate_data
from civreg.services.context import Ctx
from civreg.services.copies import IssuedCopyRow, record_copy_in
from civreg.services.drafts import load_act

register(
    {
        "certificate.nothing": {
            "fr": "Aucun acte à imprimer pour cette sélection.",
            "en": "No act to print for this selection.",
        },
    }
)


@dataclass(frozen=True)
class IssuedCertificates:
    pdf: bytes
    pages: int
    copies: tuple[IssuedCopyRow, ...]


def _signer(s) -> QrSigner:
    office = s.scalar(select(Office))
    assert office is not None
    return QrSigner(office.office_id, load_private(office.signing_key))


def issue_certificates(
    ctx: Ctx,
    refs: Sequence[int | str],
    kind: str,
    *,
    requester: str = "",
    out: Path | None = None,
    today: dt.date | None = None,
    progress: Callable[[int, int], bool] | None = None,
) -> IssuedCertificates:
    """Record one copy per act and render them all into one PDF (registrar only).

    The copies are recorded and the PDF rendered in one transaction: if rendering fails or
    ``progress`` returns False (cancelled), nothing is recorded. The file, if asked for, is
    written atomically after the commit.
    """
    ctx.require("copy.issue")
    if not refs:
        raise CivregError("certificate.nothing")
    today = today or dt.date.today()
    items: list[CertificateData] = []
    copies: list[IssuedCopyRow] = []
    with ctx.store.write() as s:
        signer = _signer(s)
        centres = {c.code: c.name for c in s.scalars(select(Centre))}
        for i, ref in enumerate(refs):
            copy = record_copy_in(ctx, s, ref, kind, requester)
            view = to_view(s, load_act(s, ref), include_medical=False)
            items.append(
                certificate_data(
                    ctx,
                    view,
                    copy_kind=kind,
                    copy_number=copy.copy_number,
                    issue_date=today,
                    requester=requester,
                    centre_name=centres.get(view.centre, ""),
                )
            )
            copies.append(copy)
            if progress is not None and progress(i + 1, len(refs)) is False:
                raise CivregError("error.generic", detail="cancelled")
        buf = io.BytesIO()
        pages = render_pdf(items, buf, signer)
    pdf = buf.getvalue()
    if out is not None:
        atomic_write_bytes(Path(out), pdf)
    return IssuedCertificates(pdf, pages, tuple(copies))


def issue_certificate(
    ctx: Ctx, ref: int | str, kind: str, *, requester: str = "", out: Path | None = None
) -> IssuedCertificates:
    return issue_certificates(ctx, [ref], kind, requester=requester, out=out)


def bulk_print_day(
    ctx: Ctx,
    day: dt.date,
    out: Path,
    *,
    kind: str = "full",
    progress: Callable[[int, int], bool] | None = None,
) -> IssuedCertificates:
    """Every act registered on ``day``, in register order, into one PDF for signing."""
    from civreg.services.queries import registered_on

    ids = registered_on(ctx, day.isoformat())
    return issue_certificates(ctx, ids, kind, out=out, progress=progress)
