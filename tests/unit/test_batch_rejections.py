"""Every way a batch can be wrong ends in BatchRejected with the documented reason."""

from __future__ import annotations

import hashlib
import random
import struct
import tracemalloc
from datetime import UTC, datetime

import pytest
import zstandard
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from civreg.sync import batch, crypto
from civreg.sync.format import (
    RECORD_TYPES,
    TAG_HEADER,
    TAG_MANIFEST,
    TAG_PAYLOAD,
    TAG_SIGNATURE,
    frame_section,
    preamble,
)
from civreg.sync.header import BatchHeader, encode_manifest

WHEN = datetime(2025, 3, 14, 9, 26, 53, tzinfo=UTC)
OFFICE_KEY = Ed25519PrivateKey.from_private_bytes(bytes(range(32)))
OFFICE_KEY_ID = batch.key_id(OFFICE_KEY.public_key())
AUTHORITY_KEY = batch.generate_authority_key()


def trust(office_id: str, key_id: str):
    if office_id != "BF-11-01":
        return batch.KeyStatus.UNKNOWN_OFFICE, None
    if key_id != OFFICE_KEY_ID:
        return batch.KeyStatus.UNKNOWN_KEY, None
    return batch.KeyStatus.TRUSTED, OFFICE_KEY.public_key()


def records(count: int = 40) -> list[dict]:
    return [
        {"type": "act", "id": f"BF-11-01-N-2025-{n:06d}", "name": "SAWADOGO Ibrahim", "n": n}
        for n in range(1, count + 1)
    ]


def make(encrypted: bool = False, count: int = 40, **extra) -> bytes:
    options = dict(
        office_id="BF-11-01",
        sequence=3,
        change_range=(1, count),
        signing_key=OFFICE_KEY,
        created_at=WHEN,
    )
    if encrypted:
        options["recipient_public_key"] = AUTHORITY_KEY.public_key()
    options.update(extra)
    return batch.write_batch(records(count), **options)


def signed_raw_payload(
    plaintext: bytes,
    counts: dict[str, int] | None = None,
    version: int = 1,
    key: Ed25519PrivateKey = OFFICE_KEY,
) -> bytes:
    """A correctly signed batch around any compressed payload bytes (what a buggy office
    writer could produce)."""
    header = BatchHeader(
        office_id="BF-11-01",
        signing_key_id=OFFICE_KEY_ID,
        sequence=1,
        changes_from=1,
        changes_to=1,
        created_at=WHEN,
        recipient_key_id=None,
        encryption=None,
        counts=counts or dict.fromkeys(RECORD_TYPES, 0),
        payload_length=len(plaintext),
    ).encode()
    signed = (
        preamble(version)
        + frame_section(TAG_HEADER, header)
        + frame_section(TAG_MANIFEST, encode_manifest(hashlib.sha256(plaintext).hexdigest()))
    )
    return (
        signed
        + frame_section(TAG_SIGNATURE, crypto.sign(key, signed))
        + frame_section(TAG_PAYLOAD, plaintext)
    )


def reason_of(data: bytes, **options) -> str:
    with pytest.raises(batch.BatchRejected) as caught:
        batch.open_batch(data, trust, decrypt_key=AUTHORITY_KEY, **options)
    return caught.value.reason


def section_boundaries(data: bytes) -> list[int]:
    offsets = [0, len(batch.MAGIC), len(batch.MAGIC) + 2]
    offset = offsets[-1]
    while offset < len(data):
        (length,) = struct.unpack_from(">Q", data, offset + 4)
        offsets += [offset + 4, offset + 12, offset + 12 + length]
        offset += 12 + length
    return offsets


@pytest.mark.parametrize("encrypted", [False, True])
def test_truncated_at_every_section_boundary_and_at_random_lengths(encrypted):
    data = make(encrypted)
    cuts = {c for c in section_boundaries(data) if c < len(data)}
    cuts |= {c - 1 for c in section_boundaries(data) if 0 < c <= len(data)}
    cuts |= set(random.Random(1).sample(range(len(data)), 200))
    for cut in sorted(cuts):
        with pytest.raises(batch.BatchRejected) as caught:
            batch.inspect_batch(data[:cut])
        assert caught.value.reason == "truncated", cut
        assert reason_of(data[:cut]) == "truncated"


@pytest.mark.parametrize("encrypted", [False, True])
def test_a_flipped_byte_anywhere_is_rejected(encrypted):
    data = make(encrypted)
    rng = random.Random(2)
    positions = set(rng.sample(range(len(data)), 400)) | set(range(0, 200))
    for position in sorted(positions):
        damaged = bytearray(data)
        damaged[position] ^= 1 << rng.randrange(8)
        with pytest.raises(batch.BatchRejected):
            batch.open_batch(bytes(damaged), trust, decrypt_key=AUTHORITY_KEY)


def test_flipped_bytes_get_the_reason_of_the_section_they_hit():
    data = make(encrypted=True)
    bounds = section_boundaries(data)
    manifest_body, signature_body, payload_body = bounds[7], bounds[10], bounds[13]

    def flip(position: int) -> str:
        damaged = bytearray(data)
        damaged[position] ^= 0x01
        return reason_of(bytes(damaged))

    assert flip(1) == "bad_magic"
    assert flip(len(batch.MAGIC)) == "unsupported_version"
    assert flip(len(batch.MAGIC) + 3) == "malformed_structure"  # a section tag
    assert flip(manifest_body + 20) == "bad_signature"
    assert flip(signature_body + 5) == "bad_signature"
    assert flip(payload_body + 5) == "hash_mismatch"
    assert flip(len(data) - 1) == "hash_mismatch"


def test_trailing_bytes_after_the_last_section_are_rejected():
    assert reason_of(make() + b"\x00") == "malformed_structure"


def test_not_a_batch():
    assert reason_of(b"PK\x03\x04 a zip file, not a batch") == "bad_magic"
    assert reason_of(b"") == "truncated"


def test_future_format_version():
    data = make()
    future = data[: len(batch.MAGIC)] + struct.pack(">H", 2) + data[len(batch.MAGIC) + 2 :]
    assert reason_of(future) == "unsupported_version"
    with pytest.raises(batch.BatchRejected) as caught:
        batch.inspect_batch(signed_raw_payload(b"", version=3))
    assert caught.value.reason == "unsupported_version"
    assert "3" in caught.value.message("en")


def test_unknown_office_unknown_key_and_revoked_key():
    stranger = Ed25519PrivateKey.generate()
    assert reason_of(make(signing_key=stranger)) == "unknown_key"
    assert reason_of(make(office_id="CD-KN-03")) == "unknown_office"

    def revoking(office_id, key_id):
        return batch.KeyStatus.REVOKED, None

    with pytest.raises(batch.BatchRejected) as caught:
        batch.verify_batch(make(), revoking)
    assert caught.value.reason == "revoked_key"


def test_a_key_id_claiming_the_office_key_but_signed_by_another_key():
    impostor = make(signing_key=Ed25519PrivateKey.generate(), signing_key_id=OFFICE_KEY_ID)
    assert reason_of(impostor) == "bad_signature"


def test_encrypted_for_another_recipient():
    other = batch.generate_authority_key()
    data = make(encrypted=True, recipient_public_key=other.public_key())
    assert reason_of(data) == "wrong_recipient"


def test_right_key_id_but_wrong_private_key_cannot_decrypt():
    data = make(encrypted=True)
    with pytest.raises(batch.BatchRejected) as caught:
        batch.open_batch(
            data,
            trust,
            decrypt_key=batch.generate_authority_key(),
            own_recipient_key_id=batch.authority_key_id(AUTHORITY_KEY.public_key()),
        )
    assert caught.value.reason == "cannot_decrypt"


def test_payload_larger_than_the_stored_size_limit():
    data = make()
    assert reason_of(data, max_payload_bytes=50) == "too_large"


def zstd_bomb(inflated_bytes: int) -> bytes:
    """A hand-made zstd frame: a raw block, then RLE blocks of "A" (4 bytes per 128 KiB)."""

    def block(kind: int, size: int, last: bool = False) -> bytes:
        return (int(last) | kind << 1 | size << 3).to_bytes(3, "little")

    prefix, suffix = b'{"type":"act","id":"x","pad":"', b'"}\n'
    frame = bytearray(b"\x28\xb5\x2f\xfd" + b"\x00" + bytes([7 << 3]))  # window 128 KiB
    frame += block(0, len(prefix)) + prefix
    for _ in range(inflated_bytes // (128 * 1024)):
        frame += block(1, 128 * 1024) + b"A"
    frame += block(0, len(suffix), last=True) + suffix
    return bytes(frame)


def test_the_hand_made_bomb_is_a_real_zstd_frame():
    inflated = zstandard.ZstdDecompressor().decompressobj().decompress(zstd_bomb(1 << 20))
    assert len(inflated) == (1 << 20) + 33 and inflated.endswith(b'AAA"}\n')


def test_decompression_bomb_is_refused_before_it_is_all_inflated():
    """One endless record: refused when the line passes the record limit (1 MiB), long
    before the decompression budget (issue 13: 2.1-2.6 GB before the size check fired)."""
    bomb = zstd_bomb(1 << 30)  # 1 GiB from 32 KiB
    assert len(bomb) < 40 * 1024
    counts = dict.fromkeys(RECORD_TYPES, 0) | {"act": 1}
    data = signed_raw_payload(bomb, counts)
    tracemalloc.start()
    try:
        assert reason_of(data, max_decompressed_bytes=10_000_000) == "record_too_long"
        assert reason_of(data) == "record_too_long"  # default limits, the same early stop
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 40_000_000


def test_bomb_of_short_lines_is_refused_at_the_decompression_limit():
    lines = b"".join(b'{"id":"%d","type":"act"}\n' % i for i in range(120_000))  # 3 MB
    bomb = zstandard.ZstdCompressor(level=3).compress(lines)
    counts = dict.fromkeys(RECORD_TYPES, 0) | {"act": 120_000}
    data = signed_raw_payload(bomb, counts)
    from civreg.sync.reader import RecordLimits, stream_records

    verified = batch.verify_batch(data, trust)
    limits = RecordLimits(max_decompressed_bytes=1_000_000)
    read = 0
    tracemalloc.start()
    try:
        with pytest.raises(batch.BatchRejected) as caught:
            for _ in stream_records(verified, limits=limits):  # as the importer reads them
                read += 1
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert caught.value.reason == "too_large" and 30_000 < read < 60_000
    assert peak < 40_000_000


def test_more_records_than_allowed_are_refused_before_reading():
    counts = dict.fromkeys(RECORD_TYPES, 0) | {"audit": 5_000_000}
    data = signed_raw_payload(compress(b""), counts)
    assert reason_of(data) == "too_many_records"


def test_decompression_limit_applies_to_ordinary_batches_too():
    data = make(count=40)
    assert reason_of(data, max_decompressed_bytes=1000) == "too_large"
    assert len(batch.open_batch(data, trust, max_decompressed_bytes=100_000)) == 40


def compress(text: bytes) -> bytes:
    return zstandard.ZstdCompressor(level=3).compress(text)


@pytest.mark.parametrize(
    "plaintext",
    [
        b'{"type":"act","id":"a"}\n{"type":"act",\n',
        b'{"type":"act","id":"a"}\n[1,2]\n',
        b'{"type":"act","id":"a"}\n"text"\n',
        b'{"type":"act","id":"a"}\n\n',
        b'{"type":"act","id":"a"}',  # last line not terminated
        b'{"type":"act","id":"a","x":NaN}\n',
        b'{"type":"act","id":"\xff\xfe"}\n',
        b'{"type":"act"}\n',
        b'{"type":"act","id":7}\n',
        b'{"type":"birth","id":"a"}\n',
        b"[" * 100_000 + b"]" * 100_000 + b"\n",
    ],
)
def test_malformed_records_inside_a_valid_signed_payload(plaintext):
    counts = dict.fromkeys(RECORD_TYPES, 0) | {"act": 1}
    assert reason_of(signed_raw_payload(compress(plaintext), counts)) == "malformed_payload"


def test_payload_that_is_not_one_complete_zstd_frame():
    frame = compress(b'{"type":"act","id":"a"}\n')
    counts = dict.fromkeys(RECORD_TYPES, 0) | {"act": 1}
    for payload in (b"not zstd at all", frame[:-3], frame + frame, frame + b"\x00"):
        assert reason_of(signed_raw_payload(payload, counts)) == "malformed_payload"


def test_counts_must_match_the_header():
    counts = dict.fromkeys(RECORD_TYPES, 0) | {"act": 2}
    data = signed_raw_payload(compress(b'{"type":"act","id":"a"}\n'), counts)
    assert reason_of(data) == "malformed_payload"


def test_duplicate_records_inside_one_batch():
    counts = dict.fromkeys(RECORD_TYPES, 0) | {"act": 2, "mention": 1}
    text = (
        b'{"id":"x","type":"act","v":1}\n{"id":"x","type":"mention"}\n'
        b'{"id":"x","type":"act","v":2}\n'
    )
    with pytest.raises(batch.BatchRejected) as caught:
        batch.open_batch(signed_raw_payload(compress(text), counts), trust)
    assert caught.value.reason == "duplicate_record"
    assert caught.value.params["line"] == 3


def test_same_id_under_two_types_is_not_a_duplicate():
    counts = dict.fromkeys(RECORD_TYPES, 0) | {"act": 1, "mention": 1}
    text = b'{"id":"x","type":"act"}\n{"id":"x","type":"mention"}\n'
    assert len(batch.open_batch(signed_raw_payload(compress(text), counts), trust)) == 2


@pytest.mark.parametrize(
    "change",
    [
        lambda h: h.replace(b'"sequence":3', b'"sequence":3.0'),
        lambda h: h.replace(b'"sequence":3', b'"sequence": 3'),
        lambda h: h.replace(b'"sequence":3', b'"sequence":-3'),
        lambda h: h.replace(b'"compression":"zstd"', b'"compression":"gzip"'),
        lambda h: h.replace(b'"office_id":"BF-11-01"', b'"office_id":"bf-11-01"'),
        lambda h: h.replace(b"{", b'{"extra":1,', 1),
        lambda h: h.replace(b"2025-03-14T09:26:53Z", b"2025-02-30T09:26:53Z"),
        lambda h: h[:-1],
    ],
)
def test_malformed_header_is_rejected_before_any_key_is_looked_up(change):
    data = make()
    bounds = section_boundaries(data)
    start, end = bounds[2] + 12, bounds[5]
    header = change(data[start:end])
    damaged = data[: start - 8] + struct.pack(">Q", len(header)) + header + data[end:]
    looked_up = []

    def spying_trust(office_id, key_id):
        looked_up.append(office_id)
        return trust(office_id, key_id)

    with pytest.raises(batch.BatchRejected) as caught:
        batch.verify_batch(damaged, spying_trust)
    assert caught.value.reason == "malformed_header"
    assert looked_up == []


def test_rejections_never_carry_record_content():
    data = make()
    damaged = data[:-10] + bytes(10)
    with pytest.raises(batch.BatchRejected) as caught:
        batch.open_batch(damaged, trust)
    for lang in ("fr", "en"):
        assert "SAWADOGO" not in caught.value.message(lang)


def _reasons_raised_in(folder: str) -> set[str]:
    """Every literal reason passed to ``reject(...)`` in a package folder of civreg."""
    import ast
    from pathlib import Path

    root = Path(__file__).resolve().parents[2] / "civreg" / folder
    found: set[str] = set()
    for path in root.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and getattr(node.func, "id", getattr(node.func, "attr", None)) == "reject"
                and node.args
                and isinstance(node.args[0], ast.Constant)
            ):
                found.add(node.args[0].value)
    return found


def test_the_importer_refuses_only_with_documented_reasons():
    """The importer's refusals go through the same guard as the reader's: a reason that is
    not in the catalogue is a programming error, never a message-less refusal."""
    from pathlib import Path

    from civreg.i18n import catalogue
    from civreg.sync import rejections

    raised = _reasons_raised_in("exchange")
    assert raised and raised <= set(rejections.IMPORT_REASONS)
    docs = (Path(__file__).resolve().parents[2] / "docs" / "transmission.md").read_text()
    messages = catalogue()
    for reason in rejections.IMPORT_REASONS:
        assert f"`{reason}`" in docs, reason
        texts = messages[f"batch.{reason}"]
        assert texts["fr"] and texts["en"] and texts["fr"] != texts["en"]
    with pytest.raises(ValueError):
        rejections.reject("no_such_reason", office_id="BF-11-01")
    assert rejections.reject("own_batch", office_id="BF-11-01").reason == "own_batch"


def test_the_reader_refuses_only_with_format_reasons():
    from civreg.sync import rejections

    assert _reasons_raised_in("sync") <= set(rejections.REASONS)
