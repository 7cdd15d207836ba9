"""The signed QR payload of a certificate copy (docs/qr-payload.md).

Text form: ``CR2:`` + base45( body ‖ signature ), where ``body`` is the canonical JSON of the
signed fields (UTF-8, keys sorted, no spaces, NFC text) and ``signature`` the 64-byte Ed25519
signature of the issuing office over exactly those body bytes. A verifier needs no
canonicalisation: it checks the signature over the bytes it decoded, then reads the JSON.

Version 2 (``CR2:``, what civreg prints) signs a short summary — subject, act id, status, last
mention kind and date, issue date, copy number — and ``h``, the SHA-256 digest of the exact
legal content printed (every printed field and mention; :func:`content_digest`). Version 1
(``CR1:``: subject, event date and place, status, no digest) is still decoded and verified.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import unicodedata
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from civreg.certificates.base45 import b45decode, b45encode
from civreg.certificates.data import CertificateData, CopyKind
from civreg.domain.acts import KIND_LETTER, ActKind
from civreg.domain.dates import DateParseError, PartialDate
from civreg.security.office_keys import key_id

if TYPE_CHECKING:
    from civreg.certificates.content import Document

PREFIXES = {1: "CR1:", 2: "CR2:"}
PREFIX = PREFIXES[2]  # what civreg prints
VERSION = 2
SIGNATURE_SIZE = 64
KIND_CODES = dict(KIND_LETTER)
COPY_CODES = {CopyKind.FULL: "I", CopyKind.EXTRACT: "E"}
STATUS_CODES = {"registered": "R", "cancelled": "A"}
FIELD_KEYS = {
    1: frozenset({"v", "id", "k", "n", "d", "p", "t", "c", "i", "o", "kid", "s", "x"}),
    2: frozenset({"v", "id", "k", "n", "d", "t", "c", "i", "o", "kid", "s", "mk", "md", "x", "h"}),
}
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_HEX64 = re.compile(r"[0-9a-f]{64}")
_MENTION_KIND = re.compile(r"[a-z][a-z_]{0,39}")  # open list: newer kinds still decode


class MalformedPayload(ValueError):
    """The text is not a CR1/CR2 payload (``args[0]`` says why, without personal data)."""


@dataclass(frozen=True)
class QrFields:
    """The signed fields, decoded. ``event_date`` is ``YYYY[-MM[-DD]]`` or ``""``.

    Version 1 has ``event_place`` and no summary of mentions nor digest; version 2 has
    ``last_mention_kind`` / ``last_mention_date`` (``""`` when the act has no mention) and
    ``digest`` (hex SHA-256 of the printed legal content) and no event place."""

    version: int
    global_id: str
    kind: str  # "N" birth, "M" marriage, "D" death
    names: tuple[str, ...]
    event_date: str
    copy_kind: str  # "I" copie intégrale, "E" extrait
    copy_number: int
    issue_date: str
    office_id: str
    key_id: str
    status: str  # "R" registered, "A" cancelled (annulé)
    specimen: bool
    event_place: str = ""  # version 1 only
    last_mention_kind: str = ""  # version 2: "divorce", "rectification"… or ""
    last_mention_date: str = ""  # version 2: YYYY-MM-DD or ""
    digest: str = ""  # version 2: 64 lowercase hex characters

    def to_json_object(self) -> dict[str, Any]:
        obj: dict[str, Any] = {
            "v": self.version,
            "id": self.global_id,
            "k": self.kind,
            "n": list(self.names),
            "d": self.event_date,
            "t": self.copy_kind,
            "c": self.copy_number,
            "i": self.issue_date,
            "o": self.office_id,
            "kid": self.key_id,
            "s": self.status,
            "x": 1 if self.specimen else 0,
        }
        if self.version == 1:
            obj["p"] = self.event_place
        else:
            obj.update(mk=self.last_mention_kind, md=self.last_mention_date, h=self.digest)
        return obj

    def canonical_bytes(self) -> bytes:
        return canonical_json(self.to_json_object())

    @property
    def prefix(self) -> str:
        return PREFIXES[self.version]


def canonical_json(obj: dict[str, Any]) -> bytes:
    text = json.dumps(obj, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return unicodedata.normalize("NFC", text).encode("utf-8")


def canonical_content(text: str) -> bytes:
    """The legal content as the digest sees it: NFC, every white-space character removed
    (so line breaks, wrapping and spacing never matter), UTF-8."""
    nfc = unicodedata.normalize("NFC", text)
    return "".join(ch for ch in nfc if not ch.isspace()).encode("utf-8")


def content_digest(text: str) -> str:
    """Hex SHA-256 of :func:`canonical_content`: the ``h`` field of a version 2 payload."""
    return hashlib.sha256(canonical_content(text)).hexdigest()


def digest_matches(fields: QrFields, text: str) -> bool:
    """Does ``text`` (the document's legal content, any spacing) give the signed digest?"""
    return fields.version >= 2 and content_digest(text) == fields.digest


@dataclass(frozen=True)
class QrSigner:
    """Signs payloads with the private key of the issuing office."""

    office_id: str
    private_key: Ed25519PrivateKey

    @property
    def key_id(self) -> str:
        return key_id(self.private_key.public_key())

    def sign(self, message: bytes) -> bytes:
        return self.private_key.sign(message)


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text.strip())


NAME_MAX = 80  # characters of each name in ``n``; the digest covers the whole printed name


def _short(name: str) -> str:
    """A name as the summary carries it: whole up to NAME_MAX characters, otherwise cut with
    an ellipsis (keeps the code readable; the printed name is covered by the digest)."""
    return name if len(name) <= NAME_MAX else name[: NAME_MAX - 1].rstrip() + "…"


def qr_fields(data: CertificateData, signer: QrSigner, doc: Document | None = None) -> QrFields:
    """The version 2 fields a copy of ``data`` signs."""
    from civreg.certificates.content import build, legal_strings
    from civreg.certificates.french_people import full_name

    if data.copy.number is None or data.copy_kind not in COPY_CODES:
        raise ValueError("only an issued copy (with a copy number) is signed")
    rec = data.record
    last = rec.mentions[-1] if rec.mentions else None
    legal = "\n".join(legal_strings(doc if doc is not None else build(data)))
    return QrFields(
        version=VERSION,
        global_id=_nfc(rec.global_id),
        kind=KIND_CODES[ActKind(rec.kind)],
        names=tuple(_short(_nfc(full_name(p))) for p in rec.subjects),
        event_date=_event_iso(rec.act.event_date),
        copy_kind=COPY_CODES[data.copy_kind],
        copy_number=data.copy.number,
        issue_date=data.copy.issue_date.isoformat(),
        office_id=signer.office_id,
        key_id=signer.key_id,
        status=STATUS_CODES[data.status],
        specimen=data.copy.specimen,
        last_mention_kind=last.kind if last else "",
        last_mention_date=_day_iso(last.date) if last else "",
        digest=content_digest(legal),
    )


def _event_iso(text: str) -> str:
    try:
        return PartialDate.from_iso(text).iso().lstrip("~") if text else ""
    except DateParseError:
        return ""


def _day_iso(text: str) -> str:
    return text if _ISO_DAY.fullmatch(text or "") else ""


def encode_payload(fields: QrFields, signer: QrSigner) -> str:
    if fields.office_id != signer.office_id or fields.key_id != signer.key_id:
        raise ValueError("the fields name another office or key than the signer")
    body = fields.canonical_bytes()
    return fields.prefix + b45encode(body + signer.sign(body))


def make_payload(data: CertificateData, signer: QrSigner, doc: Document | None = None) -> str:
    """The QR text of one issued copy, signed by ``signer``."""
    return encode_payload(qr_fields(data, signer, doc), signer)


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    obj: dict[str, Any] = {}
    for k, v in pairs:
        if k in obj:
            raise MalformedPayload("duplicate key")
        obj[k] = v
    return obj


def decode_payload(text: str) -> tuple[QrFields, bytes, bytes]:
    """Split a payload into (fields, signed body bytes, signature); checks form, not trust."""
    if not isinstance(text, str):
        raise MalformedPayload("not a CR1 or CR2 payload")
    version = next((v for v, p in PREFIXES.items() if text.startswith(p)), None)
    if version is None:
        raise MalformedPayload("not a CR1 or CR2 payload")
    try:
        raw = b45decode(text[len(PREFIXES[version]) :])
    except ValueError as exc:
        raise MalformedPayload("bad base45") from exc
    if len(raw) <= SIGNATURE_SIZE:
        raise MalformedPayload("too short")
    body, signature = raw[:-SIGNATURE_SIZE], raw[-SIGNATURE_SIZE:]
    try:
        obj = json.loads(body.decode("utf-8"), object_pairs_hook=_no_duplicates)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise MalformedPayload("body is not UTF-8 JSON") from exc
    if not isinstance(obj, dict) or set(obj) != FIELD_KEYS[version]:
        raise MalformedPayload("unexpected set of fields")
    fields = _fields_from_object(obj, version)
    if fields.canonical_bytes() != body:
        raise MalformedPayload("body is not in canonical form")
    return fields, body, signature


def _fields_from_object(obj: dict[str, Any], version: int) -> QrFields:
    def text(key: str) -> str:
        value = obj[key]
        if not isinstance(value, str):
            raise MalformedPayload(f"field {key} must be text")
        return value

    def integer(key: str) -> int:
        value = obj[key]
        if not isinstance(value, int) or isinstance(value, bool):
            raise MalformedPayload(f"field {key} must be an integer")
        return value

    if integer("v") != version:
        raise MalformedPayload("version does not match the prefix")
    names = obj["n"]
    if not isinstance(names, list) or not names or not all(isinstance(n, str) for n in names):
        raise MalformedPayload("field n must be a list of names")
    if text("k") not in KIND_CODES.values():
        raise MalformedPayload("unknown act kind")
    if text("t") not in COPY_CODES.values():
        raise MalformedPayload("unknown copy kind")
    if text("s") not in STATUS_CODES.values():
        raise MalformedPayload("unknown status")
    if integer("x") not in (0, 1) or integer("c") < 1:
        raise MalformedPayload("bad specimen flag or copy number")
    if text("d"):
        try:
            PartialDate.from_iso(text("d"))
        except DateParseError as exc:
            raise MalformedPayload("bad event date") from exc
        if text("d").startswith("~"):
            raise MalformedPayload("bad event date")
    _check_day(text("i"), "bad issue date")
    extra: dict[str, Any] = {}
    if version == 1:
        extra["event_place"] = text("p")
    else:
        if text("mk") and not _MENTION_KIND.fullmatch(text("mk")):
            raise MalformedPayload("unknown mention kind")
        if bool(text("mk")) != bool(text("md")):
            raise MalformedPayload("mention kind and date go together")
        if text("md"):
            _check_day(text("md"), "bad mention date")
        if not _HEX64.fullmatch(text("h")):
            raise MalformedPayload("bad digest")
        extra.update(last_mention_kind=text("mk"), last_mention_date=text("md"), digest=text("h"))
    return QrFields(
        version=version,
        global_id=text("id"),
        kind=text("k"),
        names=tuple(names),
        event_date=text("d"),
        copy_kind=text("t"),
        copy_number=integer("c"),
        issue_date=text("i"),
        office_id=text("o"),
        key_id=text("kid"),
        status=text("s"),
        specimen=bool(obj["x"]),
        **extra,
    )


def _check_day(value: str, reason: str) -> None:
    try:
        if not _ISO_DAY.fullmatch(value):
            raise ValueError(value)
        dt.date.fromisoformat(value)
    except ValueError as exc:
        raise MalformedPayload(reason) from exc
