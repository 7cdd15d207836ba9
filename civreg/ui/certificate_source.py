"""Where the UI gets certificate PDFs: the certificates service, when it is installed."""

from __future__ import annotations

import importlib
from typing import Any

from civreg.errors import CivregError
from civreg.i18n import register
from civreg.services.context import Ctx

register(
    {
        "ui.certificates_missing": {
            "fr": "L'impression des copies n'est pas encore disponible dans cette version.",
            "en": "Printing copies is not available in this version yet.",
        },
    }
)


class CertificatesUnavailable(CivregError):
    key = "ui.certificates_missing"


def _service() -> Any:
    try:
        mod = importlib.import_module("civreg.services.certificates")
    except ModuleNotFoundError as exc:
        if exc.name == "civreg.services.certificates":
            raise CertificatesUnavailable() from None
        raise
    fn = getattr(mod, "issue_certificate", None)
    if fn is None:
        raise CertificatesUnavailable()
    return fn


def available() -> bool:
    try:
        _service()
    except CertificatesUnavailable:
        return False
    return True


def certificate_pdf(ctx: Ctx, ref: int | str, kind: str, requester: str = "") -> bytes:
    """PDF bytes of a full copy (``kind='full'``) or an extract; runs on the worker."""
    result = _service()(ctx, ref, kind, requester=requester)
    if isinstance(result, bytes | bytearray):
        return bytes(result)
    pdf = getattr(result, "pdf", None)
    if isinstance(pdf, bytes | bytearray):
        return bytes(pdf)
    raise CertificatesUnavailable()
