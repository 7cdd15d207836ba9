"""The signed CR1 payload: encoding, verdicts, tampering and the published test vectors."""

from __future__ import annotations

import datetime as dt
import json
import os
from dataclasses import replace
from pathlib import Path

import pytest

from civreg.certificates import samples
from civreg.certificates.base45 import ALPHABET, b45decode, b45encode
from civreg.certificates.data import CopyKind, PartialDate
from civreg.certificates.qr_payload import (
    MalformedPayload,
    QrSigner,
    decode_payload,
    encode_payload,
    make_payload,
    qr_fields,
)
from civreg.certificates.verify import VerificationStatus as S
from civreg.certificates.verify import verify_qr
from civreg.security.office_keys import (
    TrustList,
    generate_office_key,
    parse_public_key_object,
    public_key_file,
)

VECTORS = Path(__file__).resolve().parents[2] / "docs" / "test-vectors" / "qr"


def trust_for(*signers: QrSigner, revoked: QrSigner | None = None) -> TrustList:
    keys = []
    for s in (*signers, *([revoked] if revoked else [])):
        doc = public_key_file(s.office_id, "BF", s.private_key.public_key(), dt.date(2025, 1, 1))
        key = parse_public_key_object(doc)
        keys.append(replace(key, revoked=s is revoked))
    return TrustList(keys)


@pytest.fixture(scope="module")
def signer() -> QrSigner:
    return QrSigner("BF-11-01", generate_office_key())


def test_base45_rfc9285_examples_and_round_trip():
    assert b45encode(b"AB") == "BB8"
    assert b45encode(b"Hello!!") == "%69 VD92EX0"
    assert b45decode("QED8WEX0") == b"ietf!"
    for n in range(40):
        data = os.urandom(n)
        assert b45decode(b45encode(data)) == data
    for bad in ("GGW", "A", "abc"):  # 65535 overflow, bad length, lowercase
        with pytest.raises(ValueError):
            b45decode(bad)


def test_payload_carries_the_signed_fields(signer):
    data = samples.sample_marriage(CopyKind.EXTRACT)
    text = make_payload(data, signer)
    assert text.startswith("CR1:") and set(text[4:]) <= set(ALPHABET)
    v = verify_qr(text, trust_for(signer))
    assert v.status is S.VALID
    f = v.fields
    assert f.global_id == data.global_id and f.kind == "M" and f.copy_kind == "E"
    assert f.names == ("N'DRI Kouassi Jean-Baptiste", "OUÉDRAOGO Awa")
    assert (f.event_date, f.event_place) == ("2025-03-08", "Mairie de Koudougou")
    assert (f.copy_number, f.issue_date) == (1, "2025-06-02")
    assert (f.office_id, f.key_id, f.status, f.specimen) == ("BF-11-01", signer.key_id, "R", True)
    assert "specimen" in v.warnings


def test_partial_event_date_is_signed_as_partial(signer):
    data = replace(samples.sample_death(), event_date=PartialDate(2025, 3))
    assert qr_fields(data, signer).event_date == "2025-03"


def test_verdicts(signer):
    other = QrSigner("BF-11-02", generate_office_key())
    text = make_payload(samples.sample_birth(), signer)
    assert verify_qr(text, trust_for(signer)).status is S.VALID
    assert verify_qr(text, trust_for(other)).status is S.UNKNOWN_OFFICE
    assert verify_qr(text, trust_for(other, revoked=signer)).status is S.REVOKED_KEY
    assert verify_qr("CR1:", trust_for(signer)).status is S.MALFORMED
    assert verify_qr("hello", trust_for(signer)).status is S.MALFORMED
    assert verify_qr(text[:-3], trust_for(signer)).status is S.MALFORMED
    # Same office id, another key: the key id differs, so the key is unknown.
    impostor = QrSigner("BF-11-01", generate_office_key())
    forged = make_payload(samples.sample_birth(), impostor)
    assert verify_qr(forged, trust_for(signer)).status is S.UNKNOWN_OFFICE


def test_no_single_character_change_verifies(signer):
    """Every one-character change is caught; several land in signed text → bad signature."""
    text = make_payload(samples.sample_birth(CopyKind.EXTRACT), signer)
    trust = trust_for(signer)
    seen = set()
    for pos in range(4, len(text)):
        changed = text[:pos] + ALPHABET[(ALPHABET.index(text[pos]) + 7) % 45] + text[pos + 1 :]
        status = verify_qr(changed, trust).status
        assert status is not S.VALID, pos
        seen.add(status)
    assert S.INVALID_SIGNATURE in seen and S.MALFORMED in seen


def test_changed_name_in_body_gives_invalid_signature(signer):
    text = make_payload(samples.sample_birth(), signer)
    _fields, body, sig = decode_payload(text)
    assert b"SAWADOGO" in body
    forged = "CR1:" + b45encode(body.replace(b"SAWADOGO", b"SAWADOGA") + sig)
    v = verify_qr(forged, trust_for(signer))
    assert v.status is S.INVALID_SIGNATURE and v.fields.names[0].startswith("SAWADOGA")


def test_non_canonical_or_extra_fields_are_malformed(signer):
    fields = qr_fields(samples.sample_birth(), signer)
    obj = fields.to_json_object()
    for body in (
        json.dumps(obj, sort_keys=True).encode(),  # spaces: not canonical
        json.dumps(obj | {"cause": "x"}, sort_keys=True, separators=(",", ":")).encode(),
        json.dumps(obj | {"v": 2}, sort_keys=True, separators=(",", ":")).encode(),
    ):
        text = "CR1:" + b45encode(body + signer.sign(body))
        with pytest.raises(MalformedPayload):
            decode_payload(text)
        assert verify_qr(text, trust_for(signer)).status is S.MALFORMED


def test_signer_must_match_fields(signer):
    other = QrSigner("BF-11-02", generate_office_key())
    with pytest.raises(ValueError):
        encode_payload(qr_fields(samples.sample_birth(), signer), other)


def test_future_issue_date_is_flagged(signer):
    text = make_payload(samples.sample_birth(specimen=False), signer)
    v = verify_qr(text, trust_for(signer), now=dt.datetime(2025, 1, 1))
    assert v.status is S.VALID and "issued_in_future" in v.warnings
    assert verify_qr(text, trust_for(signer), now=dt.datetime(2025, 7, 1)).warnings == ()


def test_published_vectors_verify():
    trust = TrustList.from_bundle(VECTORS / "trust-bundle.json")
    doc = json.loads((VECTORS / "vectors.json").read_text(encoding="utf-8"))
    now = dt.datetime.fromisoformat(doc["verified_on"])
    expected = {v["expected"] for v in doc["vectors"]}
    assert expected == {s.value for s in S}
    for vector in doc["vectors"]:
        result = verify_qr(vector["payload"], trust, now=now)
        assert result.status.value == vector["expected"], vector["name"]
        got = result.fields.to_json_object() if result.fields else None
        assert got == vector["fields"], vector["name"]


def test_vectors_are_reproducible(tmp_path):
    """Ed25519 is deterministic: regenerating from the test seeds gives the same payloads."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("gen", VECTORS / "generate_vectors.py")
    gen = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(gen)
    signer = gen.test_signer("BF-11-01")
    doc = json.loads((VECTORS / "vectors.json").read_text(encoding="utf-8"))
    assert encode_payload(gen.fields_for(signer), signer) == doc["vectors"][0]["payload"]


def test_verdict_messages_are_bilingual_and_free_of_names(signer):
    text = make_payload(samples.sample_birth(), signer)
    v = verify_qr(text, trust_for(signer))
    fr, en = v.message("fr"), v.message("en")
    assert fr.startswith("Certificat authentique") and en.startswith("Genuine certificate")
    assert "BF-11-01" in fr and "SAWADOGO" not in fr + en
    bad = verify_qr("CR1:%%%", trust_for(signer))
    assert bad.status is S.MALFORMED and bad.fields is None
    assert bad.message("fr").startswith("Code QR illisible")
