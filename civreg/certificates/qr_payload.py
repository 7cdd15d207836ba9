"""The signed QR payload of a certificate copy (format ``CR1``, see docs/qr-payload.md).

Text form: ``CR1:`` + base45( body ‖ signature ), where ``body`` is the canonical JSON of the
signed fields (UTF-8, keys sorted, no spaces, NFC text) and ``signature`` the 64-byte Ed25519
signature of the issuing office over exactly those body bytes. A verifier needs no
canonicalisation: it checks the signature over the bytes it decoded, then reads the JSON.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import unicodedata
from dataclasses import dataclass
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from civreg.certificates.base45 import b45decode, b45encode
from civreg.certificates.data import (
    ActStatus,
    CertificateData,
    CertificateDataError,
    CopyKind,
    PartialDate,
)
from civreg.certificates.french_text import full_name
from civreg.domain.acts import KIND_LETTER
from civreg.security.office_keys import key_id

PREFIX = "CR1:"
VERSION = 1
SIGNATURE_SIZE = 64
KIND_CODES = KIND_LETTER  # the kind letter of the register number
COPY_CODES = {CopyKind.FULL: "I", CopyKind.EXTRACT: "E"}
STATUS_CODES = {ActStatus.REGISTERED: "R", ActStatus.CANCELLED: "A"}
FIELD_KEYS = frozenset({"v", "id", "k", "n", "d", "p", "t", "c", "i", "o", "kid", "s", "x"})


class MalformedPayload(ValueError):
    """The text is not a CR1 payload (its ``args[0]`` says why, without personal data)."""


@dataclass(frozen=True)
class QrFields:
    """The signed fields, decoded. ``event_date`` is ``YYYY[-MM[-DD]]`` or ``""``."""

    version: int
    global_id: str
    kind: str  # "N" birth, "M" marriage, "D" death
    names: tuple[str, ...]
    event_date: str
    event_place: str
    copy_kind: str  # "I" copie intégrale, "E" extrait
    copy_number: int
    issue_date: str
    office_id: str
    key_id: str
    status: str  # "R" registered, "A" cancelled (annulé)
    specimen: bool

    def to_json_object(self) -> dict[str, Any]:
        return {
            "v": self.version,
            "id": self.global_id,
            "k": self.kind,
            "n": list(self.names),
            "d": self.event_date,
            "p": self.event_place,
            "t": self.copy_kind,
            "c": self.copy_number,
            "i": self.issue_date,
            "o": self.office_id,
            "kid": self.key_id,
            "s": self.status,
            "x": 1 if self.specimen else 0,
        }

    def canonical_bytes(self) -> bytes:
        return canonical_json(self.to_json_object())


def canonical_json(obj: dict[str, Any]) -> bytes:
    text = json.dumps(obj, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return unicodedata.normalize("NFC", text).encode("utf-8")


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


def qr_fields(data: CertificateData, signer: QrSigner) -> QrFields:
    """The fields a copy of ``data`` signs: identity of the act, people named, the copy."""
    event = ""
    if data.event_date is not None:
        event = data.event_date.iso()
    return QrFields(
        version=VERSION,
        global_id=_nfc(data.global_id),
        kind=KIND_CODES[data.kind],
        names=tuple(_nfc(full_name(p)) for p in data.subjects),
        event_date=event,
        event_place=_nfc(data.event_place),
        copy_kind=COPY_CODES[data.copy_kind],
        copy_number=data.copy_number,
        issue_date=data.issue_date.isoformat(),
        office_id=signer.office_id,
        key_id=signer.key_id,
        status=STATUS_CODES[data.status],
        specimen=data.is_specimen,
    )


def encode_payload(fields: QrFields, signer: QrSigner) -> str:
    if fields.office_id != signer.office_id or fields.key_id != signer.key_id:
        raise ValueError("the fields name another office or key than the signer")
    body = fields.canonical_bytes()
    return PREFIX + b45encode(body + signer.sign(body))


def make_payload(data: CertificateData, signer: QrSigner) -> str:
    """The QR text of one certificate copy, signed by ``signer``."""
    return encode_payload(qr_fields(data, signer), signer)


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    obj: dict[str, Any] = {}
    for k, v in pairs:
        if k in obj:
            raise MalformedPayload("duplicate key")
        obj[k] = v
    return obj


def decode_payload(text: str) -> tuple[QrFields, bytes, bytes]:
    """Split a payload into (fields, signed body bytes, signature); checks form, not trust."""
    if not isinstance(text, str) or not text.startswith(PREFIX):
        raise MalformedPayload("not a CR1 payload")
    try:
        raw = b45decode(text[len(PREFIX) :])
    except ValueError as exc:
        raise MalformedPayload("bad base45") from exc
    if len(raw) <= SIGNATURE_SIZE:
        raise MalformedPayload("too short")
    body, signature = raw[:-SIGNATURE_SIZE], raw[-SIGNATURE_SIZE:]
    try:
        obj = json.loads(body.decode("utf-8"), object_pairs_hook=_no_duplicates)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise MalformedPayload("body is not UTF-8 JSON") from exc
    if not isinstance(obj, dict) or set(obj) != FIELD_KEYS:
        raise MalformedPayload("unexpected set of fields")
    fields = _fields_from_object(obj)
    if fields.canonical_bytes() != body:
        raise MalformedPayload("body is not in canonical form")
    return fields, body, signature


def _fields_from_object(obj: dict[str, Any]) -> QrFields:
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

    if integer("v") != VERSION:
        raise MalformedPayload("unsupported version")
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
            PartialDate.parse(text("d"))
        except CertificateDataError as exc:
            raise MalformedPayload("bad event date") from exc
    try:
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text("i")):
            raise ValueError(text("i"))
        dt.date.fromisoformat(text("i"))
    except ValueError as exc:
        raise MalformedPayload("bad issue date") from exc
    return QrFields(
        version=VERSION,
        global_id=text("id"),
        kind=text("k"),
        names=tuple(names),
        event_date=text("d"),
        event_place=text("p"),
        copy_kind=text("t"),
        copy_number=integer("c"),
        issue_date=text("i"),
        office_id=text("o"),
        key_id=text("kid"),
        status=text("s"),
        specimen=bool(obj["x"]),
    )
