"""Property: whatever bytes arrive, the reader answers with records or BatchRejected, nothing
else (no crash, no other exception, no silently altered records)."""

from __future__ import annotations

from datetime import UTC, datetime

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from civreg.sync import batch

OFFICE_KEY = Ed25519PrivateKey.from_private_bytes(b"\x07" * 32)
AUTHORITY_KEY = X25519PrivateKey.from_private_bytes(b"\x09" * 32)
RECORDS = [
    {"type": kind, "id": f"{kind}-{n}", "n": n, "text": "Ouédraogo à Koudougou"}
    for n, kind in enumerate(batch.RECORD_TYPES * 3)
]


def trust(office_id: str, key_id: str):
    if key_id == batch.key_id(OFFICE_KEY.public_key()) and office_id == "BF-11-01":
        return batch.KeyStatus.TRUSTED, OFFICE_KEY.public_key()
    return batch.KeyStatus.UNKNOWN_KEY, None


def build(encrypted: bool) -> bytes:
    return batch.write_batch(
        RECORDS,
        office_id="BF-11-01",
        sequence=2,
        change_range=(5, 9),
        signing_key=OFFICE_KEY,
        created_at=datetime(2025, 1, 1, tzinfo=UTC),
        recipient_public_key=AUTHORITY_KEY.public_key() if encrypted else None,
        ephemeral_key=X25519PrivateKey.from_private_bytes(b"\x05" * 32) if encrypted else None,
        nonce=b"\x01" * 12 if encrypted else None,
    )


VALID = {False: build(False), True: build(True)}
LIMITS = {"max_payload_bytes": 1 << 20, "max_decompressed_bytes": 1 << 20}


def read_everything(data: bytes) -> list[dict] | None:
    """Run every reader entry point; return records if accepted, None if rejected."""
    for step in (
        lambda: batch.inspect_batch(data),
        lambda: batch.verify_batch(data, trust, max_payload_bytes=1 << 20),
    ):
        try:
            step()
        except batch.BatchRejected as error:
            assert error.reason in batch.REASONS
            assert error.message("fr") and error.message("en")
    try:
        return batch.open_batch(data, trust, decrypt_key=AUTHORITY_KEY, **LIMITS)
    except batch.BatchRejected as error:
        assert error.reason in batch.REASONS
        return None


FAST = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(st.binary(max_size=400))
def test_random_bytes_are_only_ever_rejected(data):
    assert read_everything(data) is None


@FAST
@given(st.binary(max_size=200))
def test_random_bytes_behind_a_valid_magic_are_only_ever_rejected(tail):
    assert read_everything(batch.MAGIC + b"\x00\x01" + tail) is None


@st.composite
def mutated_batches(draw):
    encrypted = draw(st.booleans())
    data = bytearray(VALID[encrypted])
    for _ in range(draw(st.integers(1, 4))):
        action = draw(st.sampled_from(["flip", "set", "delete", "insert", "truncate"]))
        if not data:
            break
        position = draw(st.integers(0, len(data) - 1))
        if action == "flip":
            data[position] ^= 1 << draw(st.integers(0, 7))
        elif action == "set":
            data[position] = draw(st.integers(0, 255))
        elif action == "delete":
            del data[position : position + draw(st.integers(1, 16))]
        elif action == "insert":
            data[position:position] = draw(st.binary(min_size=1, max_size=16))
        else:
            del data[position:]
    return bytes(data)


@FAST
@given(mutated_batches())
def test_mutated_valid_batches_are_rejected_or_read_unchanged(data):
    records = read_everything(data)
    if data in VALID.values():
        assert records == RECORDS
    else:
        assert records is None


def test_the_unmutated_batches_are_accepted():
    assert read_everything(VALID[False]) == RECORDS
    assert read_everything(VALID[True]) == RECORDS
