"""An independent verifier of certificate QR codes, written from docs/qr-payload.md alone.

It imports nothing from civreg (a test checks it): if civreg drifts from its documentation,
this verifier disagrees with it. Standard library, ``cryptography`` for Ed25519 and ``pypdf``
for PDF text only.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import json
import re
import unicodedata
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

B45 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:"
KEYS = {
    1: {"v", "id", "k", "n", "d", "p", "t", "c", "i", "o", "kid", "s", "x"},
    2: {"v", "id", "k", "n", "d", "t", "c", "i", "o", "kid", "s", "mk", "md", "x", "h"},
}


class Malformed(Exception):
    pass


def b45decode(text: str) -> bytes:  # §1, RFC 9285
    out = bytearray()
    if len(text) % 3 == 1:
        raise Malformed("length")
    for i in range(0, len(text), 3):
        chunk = text[i : i + 3]
        try:
            digits = [B45.index(ch) for ch in chunk]
        except ValueError:
            raise Malformed("alphabet") from None
        n = sum(d * 45**k for k, d in enumerate(digits))
        if len(chunk) == 3:
            if n > 0xFFFF:
                raise Malformed("triplet")
            out += n.to_bytes(2, "big")
        else:
            if n > 0xFF:
                raise Malformed("pair")
            out.append(n)
    return bytes(out)


def load_trust(bundle: Path) -> dict[tuple[str, str], tuple[Ed25519PublicKey, bool]]:  # §6
    out: dict[tuple[str, str], tuple[Ed25519PublicKey, bool]] = {}
    for obj in json.loads(bundle.read_text(encoding="utf-8")):
        raw = base64.b64decode(obj["public_key"])
        if hashlib.sha256(raw).hexdigest()[:16] != obj["key_id"]:
            raise ValueError("key id does not match its key")
        pair = (obj["office_id"], obj["key_id"])
        revoked = bool(obj.get("revoked")) or (pair in out and out[pair][1])
        out[pair] = (Ed25519PublicKey.from_public_bytes(raw), revoked)
    return out


def _canonical(obj: dict) -> bytes:  # §3
    text = json.dumps(obj, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return unicodedata.normalize("NFC", text).encode("utf-8")


def _pairs(pairs):
    obj = {}
    for k, v in pairs:
        if k in obj:
            raise Malformed("duplicate key")
        obj[k] = v
    return obj


def _day(value) -> None:
    if not isinstance(value, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        raise Malformed("day")
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        raise Malformed("day") from None


def decode(text: str) -> tuple[int, dict, bytes, bytes]:
    text = text.strip()
    version = {"CR1:": 1, "CR2:": 2}.get(text[:4])
    if version is None:
        raise Malformed("prefix")
    raw = b45decode(text[4:])
    if len(raw) <= 64:
        raise Malformed("short")
    body, sig = raw[:-64], raw[-64:]
    try:
        obj = json.loads(body.decode("utf-8"), object_pairs_hook=_pairs)
    except (UnicodeDecodeError, ValueError):
        raise Malformed("json") from None
    if not isinstance(obj, dict) or set(obj) != KEYS[version] or _canonical(obj) != body:
        raise Malformed("keys or form")
    ints = ("v", "c", "x")
    if any(not isinstance(obj[k], int) or isinstance(obj[k], bool) for k in ints):
        raise Malformed("integer")
    if any(not isinstance(obj[k], str) for k in set(obj) - set(ints) - {"n"}):
        raise Malformed("text")
    names = obj["n"]
    if not isinstance(names, list) or not names or not all(isinstance(n, str) for n in names):
        raise Malformed("names")
    if obj["v"] != version or obj["k"] not in ("N", "M", "D") or obj["t"] not in ("I", "E"):
        raise Malformed("codes")
    if obj["s"] not in ("R", "A") or obj["x"] not in (0, 1) or obj["c"] < 1:
        raise Malformed("codes")
    if obj["d"] and not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", obj["d"]):
        raise Malformed("event date")
    _day(obj["i"])
    if version == 2:
        if obj["mk"] and not re.fullmatch(r"[a-z][a-z_]{0,39}", obj["mk"]):
            raise Malformed("mention kind")
        if bool(obj["mk"]) != bool(obj["md"]):
            raise Malformed("mention")
        if obj["md"]:
            _day(obj["md"])
        if not re.fullmatch(r"[0-9a-f]{64}", obj["h"]):
            raise Malformed("digest")
    return version, obj, body, sig


def verify(text: str, trust, now: dt.date) -> tuple[str, dict | None, list[str]]:  # §5
    try:
        _version, obj, body, sig = decode(text)
    except Malformed:
        return "MALFORMED", None, []
    entry = trust.get((obj["o"], obj["kid"]))
    if entry is None:
        return "UNKNOWN_OFFICE", obj, []
    key, revoked = entry
    try:
        key.verify(sig, body)
    except InvalidSignature:
        return "INVALID_SIGNATURE", obj, []
    if revoked:
        return "REVOKED_KEY", obj, []
    warnings = []
    if obj["s"] == "A":
        warnings.append("cancelled")
    if obj["x"] == 1:
        warnings.append("specimen")
    if dt.date.fromisoformat(obj["i"]) > now:
        warnings.append("future")
    return "VALID", obj, warnings


def digest(content: str) -> str:  # §4
    nfc = unicodedata.normalize("NFC", content)
    return hashlib.sha256("".join(c for c in nfc if not c.isspace()).encode()).hexdigest()


def legal_content_of_pdf(path: Path) -> tuple[list[str], list[int]]:  # §8
    """(legal text of each page, numbers of the pages carrying a code's invisible text)."""
    import pypdf

    texts, with_code = [], []
    for number, page in enumerate(pypdf.PdfReader(path).pages, 1):
        text = page.extract_text() or ""
        kept = [c.partition("<</CR-LEGAL>>")[0] for c in text.split("<<CR-LEGAL>>")[1:]]
        texts.append("".join(kept))
        if re.search(r"CR[12]:", text):
            with_code.append(number)
    return texts, with_code


def copies_of_pdf(path: Path) -> list[str]:
    """The legal content of each copy in the PDF, in order (§8 step 3)."""
    texts, code_pages = legal_content_of_pdf(path)
    out, previous = [], 0
    for page in code_pages:
        out.append("".join(texts[previous:page]))
        previous = page
    return out
