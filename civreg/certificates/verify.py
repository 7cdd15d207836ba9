"""Offline verification of a certificate's QR payload against a list of trusted office keys.

``verify_pdf`` reads the payloads back from a PDF in one of two ways:

* ``"image"`` (default when ``pdftoppm`` from poppler-utils is installed): each page is
  rasterised (grey PGM) and the QR codes are decoded optically with ``zxingcpp`` — what a
  phone does,
  so it proves the printed code itself is readable and signed;
* ``"text"``: the renderer also writes each payload as an invisible text line next to its QR
  code, read here with ``pypdf``. It needs no external program but only proves that the
  PDF carries a signed payload, not that the drawn code matches it.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from cryptography.exceptions import InvalidSignature

from civreg.certificates.qr_payload import (
    PREFIXES,
    MalformedPayload,
    QrFields,
    decode_payload,
    digest_matches,
)
from civreg.errors import CivregError
from civreg.i18n import register
from civreg.security.office_keys import KeyStatus, TrustList

register(
    {
        "certificate.verify.VALID": {
            "fr": "Certificat authentique : signé par l'office {office} (clé {key}).",
            "en": "Genuine certificate: signed by office {office} (key {key}).",
        },
        "certificate.verify.INVALID_SIGNATURE": {
            "fr": "Signature invalide : le contenu a été modifié ou contrefait.",
            "en": "Invalid signature: the content was altered or forged.",
        },
        "certificate.verify.UNKNOWN_OFFICE": {
            "fr": "Office ou clé inconnus ({office}, clé {key}) : mettez à jour la liste des clés.",
            "en": "Unknown office or key ({office}, key {key}): update the key list.",
        },
        "certificate.verify.REVOKED_KEY": {
            "fr": "La clé de l'office {office} a été révoquée : certificat à refuser.",
            "en": "The key of office {office} was revoked: refuse this certificate.",
        },
        "certificate.verify.MALFORMED": {
            "fr": "Code QR illisible ou d'un format inconnu ({detail}).",
            "en": "Unreadable QR code or unknown format ({detail}).",
        },
        "certificate.verify.no_qr": {
            "fr": "Aucun code QR de certificat trouvé dans le document.",
            "en": "No certificate QR code found in the document.",
        },
        "certificate.verify.unreadable_pdf": {
            "fr": "Le document PDF ne peut pas être lu ({detail}).",
            "en": "The PDF document cannot be read ({detail}).",
        },
        "certificate.warning.act_cancelled": {
            "fr": "ATTENTION : l'acte était annulé à la date de délivrance — cette copie ne "
            "prouve pas l'état civil de la personne.",
            "en": "WARNING: the act was cancelled on the issue date — this copy does not prove "
            "the person's civil status.",
        },
        "certificate.warning.specimen": {
            "fr": "SPÉCIMEN : données de démonstration, sans aucune valeur légale.",
            "en": "SPECIMEN: demonstration data, of no legal value.",
        },
        "certificate.warning.issued_in_future": {
            "fr": "ATTENTION : date de délivrance dans le futur ({date}) — copie suspecte.",
            "en": "WARNING: issue date in the future ({date}) — suspicious copy.",
        },
    }
)

# The largest text a printed code can hold: a version 40 QR code at error correction level M
# carries 3391 alphanumeric characters. Longer input is refused before it is decoded.
MAX_PAYLOAD_CHARS = 3391
_KEY_ID_RE = re.compile(r"[0-9a-f]{16}")
_OFFICE_ID_RE = re.compile(r"[A-Z]{2}(-[A-Za-z0-9]{1,12}){1,4}")
# What a scanner or a copy-paste may add around the text. Trimming is safe: a payload starts
# with its prefix, and the last character of base45 is never a space (a 3-character group
# ends with at most "W", a final 2-character group with a digit 0-5).
_SURROUNDING = " \t\r\n\v\f\ufeff\u200b\u00a0"

_PAYLOAD_RE = re.compile(r"CR[0-9]+:[0-9A-Z $%*+\-./:]+")
# The legal content of a page sits between these invisible markers (docs/qr-payload.md §7).
LEGAL_BEGIN = "<<CR-LEGAL>>"
LEGAL_END = "<</CR-LEGAL>>"


class ContentCheck(StrEnum):
    """Whether the document's text gives the digest the QR code signs (version 2)."""

    MATCH = "match"  # the printed legal content is the one the office signed
    MISMATCH = "mismatch"  # the text differs from what was signed: altered document
    UNCHECKED = "unchecked"  # no text given, or a version 1 code (no digest)


class VerificationStatus(StrEnum):
    VALID = "VALID"
    INVALID_SIGNATURE = "INVALID_SIGNATURE"
    UNKNOWN_OFFICE = "UNKNOWN_OFFICE"
    REVOKED_KEY = "REVOKED_KEY"
    MALFORMED = "MALFORMED"


class CertificateUnreadable(CivregError):
    key = "certificate.verify.unreadable_pdf"


@dataclass(frozen=True)
class Verification:
    """The verdict. ``fields`` are the decoded signed fields (``None`` when MALFORMED);
    show them as authentic only when ``status`` is VALID."""

    status: VerificationStatus
    fields: QrFields | None = None
    detail: str = ""
    warnings: tuple[str, ...] = field(default=())
    page: int | None = None  # 1-based page where the code was found (verify_pdf)
    content: ContentCheck = ContentCheck.UNCHECKED

    @property
    def ok(self) -> bool:
        return self.status is VerificationStatus.VALID

    def warning_messages(self, lang: str | None = None) -> list[str]:
        """The warnings of a VALID verdict, in the user's language."""
        from civreg.i18n import t

        date = self.fields.issue_date if self.fields else ""
        return [t(f"certificate.warning.{w}", lang, date=date) for w in self.warnings]

    def message(self, lang: str | None = None) -> str:
        from civreg.i18n import t

        office = self.fields.office_id if self.fields else ""
        key = self.fields.key_id if self.fields else ""
        return t(
            f"certificate.verify.{self.status.value}",
            lang,
            office=office,
            key=key,
            detail=self.detail,
        )


def verify_qr(text: str, trust: TrustList, now: dt.datetime | None = None) -> Verification:
    """Check one payload; ``now`` (default: the current time) flags copies dated in the future."""
    text = text.strip(_SURROUNDING) if isinstance(text, str) else text
    if isinstance(text, str) and len(text) > MAX_PAYLOAD_CHARS:
        return Verification(VerificationStatus.MALFORMED, detail="too long")
    try:
        fields, body, signature = decode_payload(text)
    except MalformedPayload as exc:
        return Verification(VerificationStatus.MALFORMED, detail=str(exc.args[0]))
    if not _KEY_ID_RE.fullmatch(fields.key_id):
        return Verification(VerificationStatus.MALFORMED, detail="malformed key id")
    if not _OFFICE_ID_RE.fullmatch(fields.office_id):
        return Verification(VerificationStatus.MALFORMED, detail="malformed office id")
    status, public_key = trust.lookup(fields.office_id, fields.key_id)
    if status is KeyStatus.UNKNOWN or public_key is None:
        return Verification(VerificationStatus.UNKNOWN_OFFICE, fields)
    try:
        public_key.verify(signature, body)
    except InvalidSignature:
        return Verification(VerificationStatus.INVALID_SIGNATURE, fields)
    if status is KeyStatus.REVOKED:
        return Verification(VerificationStatus.REVOKED_KEY, fields)
    warnings: list[str] = []
    today = (now or dt.datetime.now()).date()
    if dt.date.fromisoformat(fields.issue_date) > today + dt.timedelta(days=1):
        warnings.append("issued_in_future")
    if fields.specimen:
        warnings.append("specimen")
    if fields.status == "A":
        warnings.append("act_cancelled")
    return Verification(VerificationStatus.VALID, fields, warnings=tuple(warnings))


def pdftoppm_available() -> bool:
    return shutil.which("pdftoppm") is not None


def read_pdf_payloads(path: Path | str, method: str = "auto") -> list[tuple[int, str]]:
    """(page number, payload text) for every certificate QR found, in page order."""
    if method == "auto":
        method = "image" if pdftoppm_available() else "text"
    if method == "image":
        return _payloads_from_images(Path(path))
    if method == "text":
        return _payloads_from_text(Path(path))
    raise ValueError(f"unknown method {method!r}")


def verify_pdf(
    path: Path | str, trust: TrustList, *, method: str = "auto", now: dt.datetime | None = None
) -> list[Verification]:
    """One verdict per certificate QR code found in the PDF (raises when there is none).

    For a version 2 code, the text of the copy's pages is also checked against the signed
    digest (``content``): the pages of a copy are those after the previous code's page up to
    the page that carries its code."""
    found = read_pdf_payloads(path, method)
    if not found:
        raise CertificateUnreadable("certificate.verify.no_qr")
    legal = legal_text_by_page(path)
    out = []
    previous = 0
    for page, text in found:
        v = verify_qr(text, trust, now)
        content = ContentCheck.UNCHECKED
        if v.fields is not None and v.fields.version >= 2 and page > previous:
            copy_text = "".join(legal[previous:page])
            content = (
                ContentCheck.MATCH if digest_matches(v.fields, copy_text) else ContentCheck.MISMATCH
            )
        previous = max(previous, page)
        out.append(Verification(v.status, v.fields, v.detail, v.warnings, page, content))
    return out


def verify_text(
    payload: str, text: str, trust: TrustList, now: dt.datetime | None = None
) -> Verification:
    """Verify a code and check that ``text`` — the document's legal content, as copied from
    the PDF or typed (spacing and line breaks do not matter) — is what the office signed."""
    v = verify_qr(payload, trust, now)
    if v.fields is None or v.fields.version < 2:
        return v
    content = ContentCheck.MATCH if digest_matches(v.fields, text) else ContentCheck.MISMATCH
    return Verification(v.status, v.fields, v.detail, v.warnings, v.page, content)


def legal_text_by_page(path: Path | str) -> list[str]:
    """The text between the legal-content markers of each page ("" where there are none)."""
    import pypdf
    from pypdf.errors import PdfReadError

    try:
        reader = pypdf.PdfReader(path)
        pages = [page.extract_text() or "" for page in reader.pages]
    except (OSError, PdfReadError) as exc:
        raise CertificateUnreadable(detail=type(exc).__name__) from exc
    out = []
    for text in pages:
        parts = []
        for chunk in text.split(LEGAL_BEGIN)[1:]:
            inner, sep, _rest = chunk.partition(LEGAL_END)
            if sep:
                parts.append(inner)
        out.append("".join(parts))
    return out


def _payloads_from_text(path: Path) -> list[tuple[int, str]]:
    import pypdf
    from pypdf.errors import PdfReadError

    try:
        reader = pypdf.PdfReader(path)
        pages = [page.extract_text() or "" for page in reader.pages]
    except (OSError, PdfReadError) as exc:
        raise CertificateUnreadable(detail=type(exc).__name__) from exc
    return [(i, m.group(0)) for i, text in enumerate(pages, 1) for m in _PAYLOAD_RE.finditer(text)]


def _read_pgm(path: Path) -> memoryview:
    """A binary PGM (P5, 8-bit) as a 2-D buffer zxing-cpp reads: no imaging library needed."""
    data = path.read_bytes()
    fields: list[bytes] = []
    pos = 0
    while len(fields) < 4:  # magic, width, height, maxval; '#' comments allowed
        while data[pos : pos + 1].isspace():
            pos += 1
        if data[pos : pos + 1] == b"#":
            pos = data.index(b"\n", pos) + 1
            continue
        end = pos
        while not data[end : end + 1].isspace():
            end += 1
        fields.append(data[pos:end])
        pos = end
    if fields[0] != b"P5" or int(fields[3]) > 255:
        raise CertificateUnreadable(detail="unexpected image format")
    width, height = int(fields[1]), int(fields[2])
    pixels = data[pos + 1 : pos + 1 + width * height]
    return memoryview(pixels).cast("B", shape=[height, width])


def _payloads_from_images(path: Path, dpi: int = 150) -> list[tuple[int, str]]:
    import zxingcpp

    exe = shutil.which("pdftoppm")
    if exe is None:
        raise CertificateUnreadable(detail="pdftoppm (poppler-utils) is not installed")
    with tempfile.TemporaryDirectory(prefix="civreg-verify-") as tmp:
        result = subprocess.run(
            [exe, "-r", str(dpi), "-gray", str(path), str(Path(tmp) / "p")],
            capture_output=True,
            check=False,
        )
        if result.returncode != 0:
            raise CertificateUnreadable(detail=f"pdftoppm exit {result.returncode}")
        found: list[tuple[int, str]] = []
        images = sorted(Path(tmp).glob("p-*.pgm"), key=lambda p: int(p.stem.split("-")[-1]))
        for image_path in images:
            page = int(image_path.stem.split("-")[-1])
            codes = zxingcpp.read_barcodes(
                _read_pgm(image_path),
                formats=zxingcpp.BarcodeFormats(zxingcpp.BarcodeFormat.QRCode),
            )
            found += [(page, c.text) for c in codes if c.text.startswith(tuple(PREFIXES.values()))]
    return found
