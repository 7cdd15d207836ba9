"""Batch files: what goes in comes out, identically re-exportable, checkable by a district."""

from __future__ import annotations

import json
import os
from datetime import UTC, datetime, timedelta, timezone

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from civreg.sync import batch

WHEN = datetime(2025, 3, 14, 9, 26, 53, tzinfo=UTC)


@pytest.fixture(scope="module")
def office_key() -> Ed25519PrivateKey:
    return Ed25519PrivateKey.from_private_bytes(bytes(range(32)))


@pytest.fixture(scope="module")
def authority_key():
    return batch.generate_authority_key()


@pytest.fixture(scope="module")
def trust(office_key):
    kid = batch.key_id(office_key.public_key())

    def lookup(office_id: str, key_id: str):
        if office_id != "BF-11-01":
            return batch.KeyStatus.UNKNOWN_OFFICE, None
        if key_id != kid:
            return batch.KeyStatus.UNKNOWN_KEY, None
        return batch.KeyStatus.TRUSTED, office_key.public_key()

    return lookup


def sample_records() -> list[dict]:
    return [
        {
            "type": "act",
            "id": "BF-11-01-N-2025-000038",
            "kind": "birth",
            "child": {"family_name": "OUÉDRAOGO", "given_names": "Aïcha", "sex": 2},
            "birth_date": {"year": 2025, "month": 3},
            "weight_g": 3150,
        },
        {"type": "mention", "id": "m-1", "act": "BF-11-01-N-2025-000038", "text": "mariage"},
        {"type": "audit", "id": "a-17", "seq": 17, "hash": "00" * 32},
        {
            "type": "act",
            "id": "BF-11-01-D-2025-000002",
            "kind": "death",
            "empty": None,
            "list": [1, 2.5, True, "ß"],
        },
        {"type": "key_announcement", "id": "k-1", "public_key": "AAAA"},
    ]


def write(office_key, **extra):
    options = dict(
        office_id="BF-11-01",
        sequence=7,
        change_range=(120, 163),
        signing_key=office_key,
        created_at=WHEN,
    )
    options.update(extra)
    return batch.write_batch(sample_records(), **options)


def test_plain_round_trip_returns_the_records_and_header(office_key, trust):
    data = write(office_key)
    assert data.startswith(batch.MAGIC)
    assert batch.open_batch(data, trust) == sample_records()
    header = batch.verify_batch(data, trust).header
    assert header.office_id == "BF-11-01"
    assert header.sequence == 7
    assert header.change_range == (120, 163)
    assert header.created_at == WHEN
    assert header.recipient_key_id is None and not header.encrypted
    assert header.counts["act"] == 2 and header.counts["copy"] == 0
    assert header.record_count == 5
    assert header.signing_key_id == batch.key_id(office_key.public_key())
    assert batch.inspect_batch(data) == header


def test_encrypted_round_trip_hides_the_records(office_key, authority_key, trust):
    data = write(office_key, recipient_public_key=authority_key.public_key())
    assert b"OU\xc3\x89DRAOGO" not in data and b"BF-11-01-N-2025" not in data
    records = batch.open_batch(data, trust, decrypt_key=authority_key)
    assert records == sample_records()
    header = batch.inspect_batch(data)
    assert header.recipient_key_id == batch.authority_key_id(authority_key.public_key())


def test_district_verifies_an_encrypted_batch_without_any_private_key(
    office_key, authority_key, trust
):
    data = write(office_key, recipient_public_key=authority_key.public_key())
    verified = batch.verify_batch(data, trust)
    assert verified.header.encrypted
    assert verified.header.counts["act"] == 2
    with pytest.raises(batch.BatchRejected) as caught:
        batch.read_records(verified)
    assert caught.value.reason == "cannot_decrypt"


def test_reexport_with_the_same_inputs_gives_identical_bytes(office_key, authority_key):
    assert write(office_key) == write(office_key)
    ephemeral = batch.generate_authority_key()
    nonce = bytes(range(12))
    first = write(
        office_key,
        recipient_public_key=authority_key.public_key(),
        ephemeral_key=ephemeral,
        nonce=nonce,
    )
    again = write(
        office_key,
        recipient_public_key=authority_key.public_key(),
        ephemeral_key=ephemeral,
        nonce=nonce,
    )
    assert first == again
    fresh = write(office_key, recipient_public_key=authority_key.public_key())
    assert fresh != first  # without them, every encryption is different


def test_created_at_is_stored_in_utc_whole_seconds(office_key, trust):
    local = datetime(2025, 3, 14, 10, 26, 53, 999, tzinfo=timezone(timedelta(hours=1)))
    header = batch.verify_batch(write(office_key, created_at=local), trust).header
    assert header.created_at == WHEN


def test_header_and_manifest_are_canonical_json(office_key):
    data = write(office_key)
    start = len(batch.MAGIC) + 2 + 12
    length = int.from_bytes(data[start - 8 : start], "big")
    text = data[start : start + length].decode("utf-8")
    obj = json.loads(text)
    assert text == json.dumps(obj, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    assert obj["format_version"] == batch.FORMAT_VERSION
    assert obj["compression"] == "zstd"


def test_an_empty_batch_round_trips(office_key, trust):
    data = batch.write_batch(
        [],
        office_id="BF-11-01",
        sequence=1,
        change_range=(1, 1),
        signing_key=office_key,
        created_at=WHEN,
    )
    assert batch.open_batch(data, trust) == []


@pytest.mark.parametrize(
    ("records", "options"),
    [
        ([{"type": "act"}], {}),
        ([{"type": "act", "id": ""}], {}),
        ([{"type": "photo", "id": "x"}], {}),
        (["not a dict"], {}),
        ([{"type": "act", "id": "x"}, {"type": "act", "id": "x"}], {}),
        ([{"type": "act", "id": "x", "v": float("nan")}], {}),
        ([{"type": "act", "id": "x", "v": object()}], {}),
        ([], {"office_id": "bf 11"}),
        ([], {"sequence": 0}),
        ([], {"change_range": (5, 4)}),
        ([], {"created_at": datetime(2025, 1, 1)}),
        ([], {"nonce": b"123456789012"}),
    ],
)
def test_writer_refuses_what_a_reader_would_reject(office_key, records, options):
    params = dict(
        office_id="BF-11-01",
        sequence=1,
        change_range=(1, 2),
        signing_key=office_key,
        created_at=WHEN,
    )
    params.update(options)
    with pytest.raises(batch.BatchInputError):
        batch.write_batch(records, **params)


def test_write_batch_file_is_atomic_and_leaves_no_temp_file(office_key, trust, tmp_path):
    target = tmp_path / "BF-11-01-000007.civbatch"
    target.write_bytes(b"old content")
    data = batch.write_batch_file(
        target,
        sample_records(),
        office_id="BF-11-01",
        sequence=7,
        change_range=(120, 163),
        signing_key=office_key,
        created_at=WHEN,
    )
    assert target.read_bytes() == data
    assert os.listdir(tmp_path) == [target.name]
    with pytest.raises(batch.BatchInputError):
        batch.write_batch_file(
            target,
            [{"type": "x"}],
            office_id="BF-11-01",
            sequence=8,
            change_range=(1, 2),
            signing_key=office_key,
        )
    assert target.read_bytes() == data
    assert os.listdir(tmp_path) == [target.name]


def test_authority_public_key_file_round_trips(tmp_path, authority_key):
    path = tmp_path / "authority.json"
    batch.write_authority_public_key(path, "BF-NAT", authority_key.public_key())
    loaded = batch.read_authority_public_key(path)
    assert loaded.authority_id == "BF-NAT"
    assert loaded.key_id == batch.authority_key_id(authority_key.public_key())
    assert len(loaded.key_id) == 16
    assert batch.key_id(loaded.public_key) == loaded.key_id
    obj = json.loads(path.read_text("utf-8"))
    assert obj["format"] == "civreg-authority-key" and obj["version"] == 1


@pytest.mark.parametrize(
    "change",
    [
        {"key_id": "0000000000000000"},
        {"version": 2},
        {"format": "something-else"},
        {"public_key": "not base64!"},
        {"public_key": "AAAA"},
    ],
)
def test_a_damaged_authority_key_file_is_refused(tmp_path, authority_key, change):
    obj = json.loads(batch.dump_authority_public_key("BF-NAT", authority_key.public_key()))
    obj.update(change)
    path = tmp_path / "authority.json"
    path.write_text(json.dumps(obj), "utf-8")
    with pytest.raises(batch.AuthorityKeyFileError):
        batch.read_authority_public_key(path)


def test_every_reason_has_french_and_english_messages():
    from civreg.i18n import catalogue

    messages = catalogue()
    for reason in batch.REASONS:
        texts = messages[f"batch.{reason}"]
        assert texts["fr"] and texts["en"] and texts["fr"] != texts["en"]
    error = batch.BatchRejected("too_large", limit=10)
    assert "10" in error.message("en") and "10" in error.message("fr")


def test_records_can_stream_from_a_generator(office_key, trust):
    produced = (dict(record) for record in sample_records())
    data = batch.write_batch(
        produced,
        office_id="BF-11-01",
        sequence=7,
        change_range=(120, 163),
        signing_key=office_key,
        created_at=WHEN,
    )
    assert data == write(office_key)
    assert batch.open_batch(data, trust) == sample_records()
