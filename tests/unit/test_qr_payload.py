"""The signed CR2 payload (and CR1, still verified): encoding, verdicts, tampering, the
content digest and the published test vectors."""

from __future__ import annotations

import datetime as dt
import json
import os
from dataclasses import replace
from pathlib import Path

import pytest

from civreg.certificates import samples
from civreg.certificates.base45 import ALPHABET, b45decode, b45encode
from civreg.certificates.content import legal_text
from civreg.certificates.data import CopyKind
from civreg.certificates.qr_payload import (
    MalformedPayload,
    QrSigner,
    content_digest,
    decode_payload,
    encode_payload,
    make_payload,
    qr_fields,
)
from civreg.certificates.qr_summary import summary
from civreg.certificates.verify import ContentCheck, verify_qr, verify_text
from civreg.certificates.verify import VerificationStatus as S
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


def test_payload_carries_the_summary_and_the_content_digest(signer):
    data = samples.sample_marriage(CopyKind.EXTRACT)
    text = make_payload(data, signer)
    assert text.startswith("CR2:") and set(text[4:]) <= set(ALPHABET)
    v = verify_qr(text, trust_for(signer))
    assert v.status is S.VALID
    f = v.fields
    assert f.version == 2 and f.global_id == data.global_id and f.kind == "M"
    assert f.copy_kind == "E"
    assert f.names == ("N'DRI Kouassi Jean-Baptiste", "OUÉDRAOGO Awa")
    assert f.event_date == "2025-03-08" and f.event_place == ""
    assert (f.copy_number, f.issue_date) == (1, "2025-06-02")
    assert (f.office_id, f.key_id, f.status, f.specimen) == ("BF-11-01", signer.key_id, "R", True)
    assert (f.last_mention_kind, f.last_mention_date) == ("", "")
    assert f.digest == content_digest(legal_text(data))
    assert "specimen" in v.warnings


def test_a_divorced_marriage_no_longer_verifies_as_plainly_valid(signer):
    """Regression: the v1 code signed subject, date, place and status only — a divorced
    marriage verified "valid" with no hint. v2 signs the last mention and the content."""
    divorce = samples.mention(
        "divorce", dt.date(2025, 11, 3), "divorce prononcé", "TGI de Koudougou", "jgt 88/2025"
    )
    data = samples.sample_marriage(CopyKind.EXTRACT)
    divorced = replace(data, record=replace(data.record, mentions=(divorce,)))
    f = verify_qr(make_payload(divorced, signer), trust_for(signer)).fields
    assert (f.last_mention_kind, f.last_mention_date) == ("divorce", "2025-11-03")
    assert "dernière mention : divorce du 2025-11-03" in summary(f, "fr")
    assert "last mention: divorce of 2025-11-03" in summary(f, "en")
    # the undivorced text does not match the divorced copy's code
    v = verify_text(make_payload(divorced, signer), legal_text(data), trust_for(signer))
    assert v.status is S.VALID and v.content is ContentCheck.MISMATCH
    v = verify_text(make_payload(divorced, signer), legal_text(divorced), trust_for(signer))
    assert v.content is ContentCheck.MATCH


def test_digest_ignores_spacing_but_not_a_character(signer):
    text = legal_text(samples.sample_birth())
    assert content_digest(text) == content_digest(text.replace("\n", "  \n\t ").replace(" ", ""))
    assert content_digest(text) != content_digest(text.replace("Wendkouni", "Wendkuni", 1))
    assert content_digest("é") == content_digest("e\u0301")  # NFC


def test_partial_event_date_is_signed_as_partial(signer):
    data = samples.sample_death()
    data = replace(
        data, record=replace(data.record, act=replace(data.record.act, event_date="2025-03"))
    )
    assert qr_fields(data, signer).event_date == "2025-03"


def test_previews_are_never_signed(signer):
    data = samples.sample_birth()
    with pytest.raises(ValueError):
        make_payload(replace(data, copy=replace(data.copy, number=None)), signer)


def test_verdicts(signer):
    other = QrSigner("BF-11-02", generate_office_key())
    text = make_payload(samples.sample_birth(), signer)
    assert verify_qr(text, trust_for(signer)).status is S.VALID
    assert verify_qr(text, trust_for(other)).status is S.UNKNOWN_OFFICE
    assert verify_qr(text, trust_for(other, revoked=signer)).status is S.REVOKED_KEY
    assert verify_qr("CR2:", trust_for(signer)).status is S.MALFORMED
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
    forged = "CR2:" + b45encode(body.replace(b"SAWADOGO", b"SAWADOGA") + sig)
    v = verify_qr(forged, trust_for(signer))
    assert v.status is S.INVALID_SIGNATURE and v.fields.names[0].startswith("SAWADOGA")


def test_non_canonical_or_extra_fields_are_malformed(signer):
    fields = qr_fields(samples.sample_birth(), signer)
    obj = fields.to_json_object()
    for body in (
        json.dumps(obj, sort_keys=True).encode(),  # spaces: not canonical
        json.dumps(obj | {"cause": "x"}, sort_keys=True, separators=(",", ":")).encode(),
        json.dumps(obj | {"v": 1}, sort_keys=True, separators=(",", ":")).encode(),
        json.dumps(obj | {"h": "ABC"}, sort_keys=True, separators=(",", ":")).encode(),
        json.dumps(obj | {"md": ""}, sort_keys=True, separators=(",", ":")).encode(),
    ):
        text = "CR2:" + b45encode(body + signer.sign(body))
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
        result = verify_text(vector["payload"], "\n".join(vector.get("content", ())), trust, now)
        assert result.status.value == vector["expected"], vector["name"]
        got = result.fields.to_json_object() if result.fields else None
        assert got == vector["fields"], vector["name"]
        if "content_check" in vector:
            assert result.content.value == vector["content_check"], vector["name"]


def test_vectors_are_reproducible(tmp_path):
    """Ed25519 is deterministic: regenerating from the test seeds gives the same payloads —
    and civreg still prints what the published v2 vectors say (no silent drift)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("gen", VECTORS / "generate_vectors.py")
    gen = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(gen)
    signer = gen.test_signer("BF-11-01")
    doc = json.loads((VECTORS / "vectors.json").read_text(encoding="utf-8"))
    by_name = {v["name"]: v for v in doc["vectors"]}
    v1 = by_name["v1 birth extract"]["payload"]
    assert encode_payload(gen.fields_for(signer), signer) == v1
    extract = gen._real(samples.sample_birth(CopyKind.EXTRACT))
    v2 = doc["vectors"][0]
    assert make_payload(extract, signer) == v2["payload"]
    assert legal_text(extract).split("\n") == v2["content"]


def test_verdict_messages_are_bilingual_and_free_of_names(signer):
    text = make_payload(samples.sample_birth(), signer)
    v = verify_qr(text, trust_for(signer))
    fr, en = v.message("fr"), v.message("en")
    assert fr.startswith("Certificat authentique") and en.startswith("Genuine certificate")
    assert "BF-11-01" in fr and "SAWADOGO" not in fr + en
    bad = verify_qr("CR2:%%%", trust_for(signer))
    assert bad.status is S.MALFORMED and bad.fields is None
    assert bad.message("fr").startswith("Code QR illisible")
