"""Regenerate the CR1 QR payload test vectors in this folder (deterministic).

    .venv/bin/python docs/test-vectors/qr/generate_vectors.py

The private keys below are TEST KEYS derived from public seeds: never use them for real.
Ed25519 signatures are deterministic, so the same fields always give the same payload.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import replace
from pathlib import Path

from civreg.certificates.base45 import ALPHABET
from civreg.certificates.qr_payload import QrFields, QrSigner, encode_payload
from civreg.certificates.verify import verify_qr
from civreg.security.office_keys import (
    TrustList,
    load_private_key,
    parse_public_key_object,
    public_key_file,
)

HERE = Path(__file__).resolve().parent
CREATED = dt.date(2025, 1, 15)


def test_signer(office_id: str) -> QrSigner:
    seed = hashlib.sha256(f"civreg test vector key {office_id}".encode()).digest()
    return QrSigner(office_id, load_private_key(seed))


def fields_for(signer: QrSigner, **changes: object) -> QrFields:
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
        if verify_qr(changed, trust).status.value == wanted:
            return pos, changed
    raise RuntimeError("no such change")


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
    vectors = [
        {"name": "birth extract", "payload": birth, "expected": "VALID"},
        {"name": "marriage full copy, month-only date", "payload": marriage, "expected": "VALID"},
        {"name": "cancelled death act", "payload": death_cancelled, "expected": "VALID"},
        {
            "name": f"birth extract with character {pos} changed",
            "payload": tampered,
            "expected": "INVALID_SIGNATURE",
        },
        {
            "name": "office not in the trust list",
            "payload": encode_payload(fields_for(stranger), stranger),
            "expected": "UNKNOWN_OFFICE",
        },
        {
            "name": "revoked office key",
            "payload": encode_payload(fields_for(revoked), revoked),
            "expected": "REVOKED_KEY",
        },
        {"name": "wrong prefix", "payload": "CR2:" + birth[4:], "expected": "MALFORMED"},
        {"name": "truncated", "payload": birth[:60], "expected": "MALFORMED"},
    ]
    for v in vectors:
        result = verify_qr(v["payload"], trust, now=dt.datetime(2025, 6, 3))
        assert result.status.value == v["expected"], (v["name"], result)
        v["fields"] = result.fields.to_json_object() if result.fields else None
    out = {"trust": "trust-bundle.json", "verified_on": "2025-06-03", "vectors": vectors}
    (HERE / "vectors.json").write_text(json.dumps(out, indent=1, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
