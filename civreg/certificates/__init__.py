"""Certificate documents (copie intégrale, extrait, register page) as PDF, with an
offline-verifiable QR code.

This package knows no database: services build :class:`CertificateData` from the domain's
act types and call::

    from civreg.certificates import QrSigner, render_pdf, verify_pdf, verify_qr

    signer = QrSigner(office_id, private_key)          # the issuing office's Ed25519 key
    pages = render_pdf([data, ...], Path("lot.pdf"), signer)
    verdicts = verify_pdf(Path("copy.pdf"), TrustList.from_directory(keys_dir))

The QR payload format is documented in docs/qr-payload.md.
"""

from civreg.certificates.data import (
    CertificateData,
    CertificateDataError,
    CopyIssue,
    CopyKind,
    Heading,
    Officer,
    RegisteredAct,
)
from civreg.certificates.qr_payload import QrFields, QrSigner, make_payload
from civreg.certificates.render import render_one, render_pdf
from civreg.certificates.verify import (
    CertificateUnreadable,
    ContentCheck,
    Verification,
    VerificationStatus,
    verify_pdf,
    verify_qr,
    verify_text,
)

__all__ = [
    "CertificateData",
    "CertificateDataError",
    "CertificateUnreadable",
    "ContentCheck",
    "CopyIssue",
    "CopyKind",
    "Heading",
    "Officer",
    "QrFields",
    "QrSigner",
    "RegisteredAct",
    "Verification",
    "VerificationStatus",
    "make_payload",
    "render_one",
    "render_pdf",
    "verify_pdf",
    "verify_qr",
    "verify_text",
]
