"""Regenerate the QR payload test vectors in this folder (deterministic).

    .venv/bin/python docs/test-vectors/qr/generate_vectors.py

The private keys below are TEST KEYS derived from public seeds: never use them for real.
Ed25519 signatures are deterministic and the PDFs are rendered in ReportLab's invariant mode,
so the same inputs always give the same files.

Version 2 vectors carry ``content``: the legal content of the copy, one printed string per
line, whose digest the payload signs; ``content_check`` says whether it matches. The first
one also points to the PDF it was rendered into (``pdf``), to try the PDF text extraction
of docs/qr-payload.md §7.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
from dataclasses import replace
from pathlib import Path

from civreg.certificates import samples
from civreg.certificates.base45 import ALPHABET, b45encode
from civreg.certificates.content import legal_text
from civreg.certificates.data import CopyKind
from civreg.certificates.qr_payload import QrFields, QrSigner, encode_payload, make_payload
from civreg.certificates.render import render_into
from civreg.certificates.verify import verify_text
from civreg.security.office_keys import (
    TrustList,
    load_private_key,
    parse_public_key_object,
    public_key_file,
)

HERE = Path(__file__).resolve().parent
CREATED = dt.date(2025, 1, 15)
NOW = dt.datetime(2025, 6, 3)


def test_signer(office_id: str) -> QrSigner:
    seed = hashlib.sha256(f"civreg test vector key {office_id}".encode()).digest()
    return QrSigner(office_id, load_private_key(seed))


def fields_for(signer: QrSigner, **changes: object) -> QrFields:
    """Version 1 fields (the format before CR2; still verified)."""
    base = QrFields(
        version=1,
        global_id="BF-11-01-N-2025-000038",
        kind="N",
        names=("N'DRI Éléonore Wendkouni",),
        event_date="2025-03-12",
        event_place="Koudougou",
        copy_kind="E",
        copy_number=2,
        issue_date="2025-06-02",
        office_id=signer.office_id,
        key_id=signer.key_id,
        status="R",
        specimen=False,
    )
    return replace(base, **changes)


def first_tamper_with(payload: str, trust: TrustList, wanted: str) -> tuple[int, str]:
    """The first single-character change of ``payload`` whose verdict is ``wanted``."""
    for pos in range(len("CR1:"), len(payload)):
        ch = ALPHABET[(ALPHABET.index(payload[pos]) + 1) % len(ALPHABET)]
        changed = payload[:pos] + ch + payload[pos + 1 :]
        if verify_text(changed, "", trust, NOW).status.value == wanted:
            return pos, changed
    raise RuntimeError("no such change")


def v1_vectors(trusted, revoked, stranger, trust) -> list[dict]:
    birth = encode_payload(fields_for(trusted), trusted)
    marriage = encode_payload(
        fields_for(
            trusted,
            global_id="BF-11-01-M-2025-000007",
            kind="M",
            names=("KIENDRÉBÉOGO-OUÉDRAOGO Jean-Baptiste", "OUÉDRAOGO Awa"),
            event_date="2025-03",
            event_place="Mairie de Koudougou",
            copy_kind="I",
            copy_number=1,
        ),
        trusted,
    )
    death_cancelled = encode_payload(
        fields_for(
            trusted,
            global_id="BF-11-01-D-2025-000012",
            kind="D",
            names=("KABORÉ Dieudonné",),
            event_date="2025",
            status="A",
        ),
        trusted,
    )
    pos, tampered = first_tamper_with(birth, trust, "INVALID_SIGNATURE")
    return [
        {"name": "v1 birth extract", "payload": birth, "expected": "VALID"},
        {"name": "v1 marriage, month-only date", "payload": marriage, "expected": "VALID"},
        {"name": "v1 cancelled death act", "payload": death_cancelled, "expected": "VALID"},
        {
            "name": f"v1 birth extract with character {pos} changed",
            "payload": tampered,
            "expected": "INVALID_SIGNATURE",
        },
        {
            "name": "v1 office not in the trust list",
            "payload": encode_payload(fields_for(stranger), stranger),
            "expected": "UNKNOWN_OFFICE",
        },
        {
            "name": "v1 revoked office key",
            "payload": encode_payload(fields_for(revoked), revoked),
            "expected": "REVOKED_KEY",
        },
        {"name": "v1 body, CR2 prefix", "payload": "CR2:" + birth[4:], "expected": "MALFORMED"},
        {"name": "unknown prefix CR9", "payload": "CR9:" + birth[4:], "expected": "MALFORMED"},
        {"name": "v1 truncated", "payload": birth[:60], "expected": "MALFORMED"},
    ]


def _real(data):
    """A sample as a real (non-specimen) copy."""
    return replace(data, copy=replace(data.copy, specimen=False))


def v2_vectors(trusted, revoked, stranger, trust) -> list[dict]:
    extract = _real(samples.sample_birth(CopyKind.EXTRACT))
    pdf = io.BytesIO()
    render_into([extract], pdf, trusted)
    (HERE / "birth-extract-v2.pdf").write_bytes(pdf.getvalue())
    birth = make_payload(extract, trusted)
    content = legal_text(extract)

    divorce = samples.mention(
        "divorce", dt.date(2025, 5, 20), "divorce prononcé", "TGI de Koudougou", "jgt 88/2025"
    )
    marriage = _real(samples.sample_marriage(CopyKind.EXTRACT))
    marriage = replace(marriage, record=replace(marriage.record, mentions=(divorce,)))
    death = _real(samples.cancelled(samples.sample_death(CopyKind.FULL)))
    cd = _real(samples.sample_cd_birth(CopyKind.FULL))
    cd_signer = test_signer("CD-HK-01")
    altered = content.replace("SAWADOGO Ibrahim", "SAWADOGO Ibrahima", 1)
    pos, tampered = first_tamper_with(birth, trust, "INVALID_SIGNATURE")
    stranger_payload = make_payload(extract, stranger)
    revoked_payload = make_payload(extract, revoked)
    # A CR2 body with a key missing, correctly signed: still malformed.
    from civreg.certificates.qr_payload import canonical_json, qr_fields

    obj = qr_fields(extract, trusted).to_json_object()
    del obj["h"]
    body = canonical_json(obj)
    missing = "CR2:" + b45encode(body + trusted.sign(body))
    out = [
        {
            "name": "v2 birth extract, rendered into birth-extract-v2.pdf",
            "payload": birth,
            "expected": "VALID",
            "content": content.split("\n"),
            "content_check": "match",
            "pdf": "birth-extract-v2.pdf",
        },
        {
            "name": "v2 birth extract, the child's given name altered in the text",
            "payload": birth,
            "expected": "VALID",
            "content": altered.split("\n"),
            "content_check": "mismatch",
        },
        {
            "name": "v2 marriage extract of a divorced couple (last mention: divorce)",
            "payload": make_payload(marriage, trusted),
            "expected": "VALID",
            "content": legal_text(marriage).split("\n"),
            "content_check": "match",
        },
        {
            "name": "v2 full copy of a cancelled death act",
            "payload": make_payload(death, trusted),
            "expected": "VALID",
            "content": legal_text(death).split("\n"),
            "content_check": "match",
        },
        {
            "name": "v2 full copy of a DR Congo birth (post-nom)",
            "payload": make_payload(cd, cd_signer),
            "expected": "UNKNOWN_OFFICE",
        },
        {
            "name": f"v2 birth extract with character {pos} changed",
            "payload": tampered,
            "expected": "INVALID_SIGNATURE",
        },
        {"name": "v2 unknown office", "payload": stranger_payload, "expected": "UNKNOWN_OFFICE"},
        {"name": "v2 revoked office key", "payload": revoked_payload, "expected": "REVOKED_KEY"},
        {"name": "v2 body without its digest", "payload": missing, "expected": "MALFORMED"},
        {"name": "v2 body, CR1 prefix", "payload": "CR1:" + birth[4:], "expected": "MALFORMED"},
    ]
    return out


def main() -> None:
    trusted = test_signer("BF-11-01")
    revoked = test_signer("BF-11-02")
    stranger = test_signer("BF-99-01")
    keys = []
    for signer in (trusted, revoked):
        doc = public_key_file(signer.office_id, "BF", signer.private_key.public_key(), CREATED)
        if signer is revoked:
            doc["revoked"] = True
        keys.append(doc)
    (HERE / "trust-bundle.json").write_text(json.dumps(keys, indent=1, ensure_ascii=False) + "\n")
    trust = TrustList(parse_public_key_object(k) for k in keys)
    vectors = v2_vectors(trusted, revoked, stranger, trust)
    vectors += v1_vectors(trusted, revoked, stranger, trust)
    for v in vectors:
        content = "\n".join(v.get("content", ()))
        result = verify_text(v["payload"], content, trust, now=NOW)
        assert result.status.value == v["expected"], (v["name"], result)
        if "content_check" in v:
            assert result.content.value == v["content_check"], v["name"]
        v["fields"] = result.fields.to_json_object() if result.fields else None
    out = {"trust": "trust-bundle.json", "verified_on": NOW.date().isoformat(), "vectors": vectors}
    (HERE / "vectors.json").write_text(json.dumps(out, indent=1, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
