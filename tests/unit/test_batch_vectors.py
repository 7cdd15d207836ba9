"""The published test vectors (docs/test-vectors/batch/) are read as documented, and this
code still writes them byte for byte.

Regenerate after a deliberate format change (never to silence a failure you do not
understand):  .venv/bin/python tests/unit/test_batch_vectors.py --write
"""

from __future__ import annotations

import hashlib
import json
import struct
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
import zstandard
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from civreg.sync import batch, crypto
from civreg.sync.format import (
    RECORD_TYPES,
    TAG_HEADER,
    TAG_MANIFEST,
    TAG_PAYLOAD,
    TAG_SIGNATURE,
    frame_section,
    preamble,
    split_sections,
)
from civreg.sync.header import BatchHeader, encode_manifest

VECTORS = Path(__file__).resolve().parents[2] / "docs" / "test-vectors" / "batch"
OFFICE_SEED = bytes(range(32))
AUTHORITY_PRIVATE = bytes(range(32, 64))
EPHEMERAL_PRIVATE = bytes(range(64, 96))
OTHER_AUTHORITY_PRIVATE = bytes(range(96, 128))
NONCE = bytes(range(12))
CREATED_AT = datetime(2025, 3, 14, 9, 26, 53, tzinfo=UTC)
RECORDS: list[dict[str, Any]] = [
    {
        "type": "act",
        "id": "BF-11-01-N-2025-000038",
        "kind": "birth",
        "child": {"family_name": "OUÉDRAOGO", "given_names": "Aïcha", "sex": 2},
    },
    {
        "type": "mention",
        "id": "BF-11-01-N-2025-000038/1",
        "act": "BF-11-01-N-2025-000038",
        "kind": "marriage",
        "date": {"year": 2045},
    },
    {"type": "audit", "id": "17", "action": "act.register", "hash": "ab" * 32},
]
OPTIONS: dict[str, Any] = {
    "office_id": "BF-11-01",
    "sequence": 1,
    "change_range": (1, 3),
    "created_at": CREATED_AT,
}


INVALID: dict[str, tuple[str, str]] = {
    "invalid-truncated.civbatch": ("truncated", "plain.civbatch without its last byte"),
    "invalid-bad-magic.civbatch": ("bad_magic", "first two bytes replaced by 'PK'"),
    "invalid-future-version.civbatch": ("unsupported_version", "version field set to 2"),
    "invalid-bad-signature.civbatch": ("bad_signature", "one signature bit flipped"),
    "invalid-hash-mismatch.civbatch": ("hash_mismatch", "one ciphertext bit flipped"),
    "invalid-wrong-recipient.civbatch": (
        "wrong_recipient",
        "encrypted to other_authority, opened with authority",
    ),
    "invalid-unknown-key.civbatch": (
        "unknown_key",
        "signed by Ed25519 seed 01..20 (hex), which the trust list lacks",
    ),
    "invalid-duplicate-record.civbatch": ("duplicate_record", "act 'a' twice"),
    "invalid-malformed-payload.civbatch": ("malformed_payload", "second line is not JSON"),
}


def office_key() -> Ed25519PrivateKey:
    return Ed25519PrivateKey.from_private_bytes(OFFICE_SEED)


def authority_key() -> X25519PrivateKey:
    return X25519PrivateKey.from_private_bytes(AUTHORITY_PRIVATE)


def trust(office_id: str, key_id: str):
    if office_id == "BF-11-01" and key_id == batch.key_id(office_key().public_key()):
        return batch.KeyStatus.TRUSTED, office_key().public_key()
    return batch.KeyStatus.UNKNOWN_KEY, None


def write(recipient: X25519PublicKey | None = None, **extra: Any) -> bytes:
    options = OPTIONS | {"signing_key": office_key()} | extra
    if recipient is not None:
        options |= {
            "recipient_public_key": recipient,
            "ephemeral_key": X25519PrivateKey.from_private_bytes(EPHEMERAL_PRIVATE),
            "nonce": NONCE,
        }
    return batch.write_batch(RECORDS, **options)


def signed_around(plaintext: bytes, counts: dict[str, int]) -> bytes:
    header = BatchHeader(
        office_id="BF-11-01",
        signing_key_id=batch.key_id(office_key().public_key()),
        sequence=1,
        changes_from=1,
        changes_to=3,
        created_at=CREATED_AT,
        recipient_key_id=None,
        encryption=None,
        counts=counts,
        payload_length=len(plaintext),
    ).encode()
    signed = (
        preamble()
        + frame_section(TAG_HEADER, header)
        + frame_section(TAG_MANIFEST, encode_manifest(hashlib.sha256(plaintext).hexdigest()))
    )
    return (
        signed
        + frame_section(TAG_SIGNATURE, crypto.sign(office_key(), signed))
        + frame_section(TAG_PAYLOAD, plaintext)
    )


def flip(data: bytes, position: int) -> bytes:
    damaged = bytearray(data)
    damaged[position] ^= 0x01
    return bytes(damaged)


def hexpub(key: X25519PrivateKey | Ed25519PrivateKey) -> str:
    return crypto.raw_public(key.public_key()).hex()


def build_vectors() -> tuple[dict[str, Any], dict[str, bytes]]:
    """The description (vectors.json) and the files it names."""
    plain, encrypted = write(), write(authority_key().public_key())
    other = X25519PrivateKey.from_private_bytes(OTHER_AUTHORITY_PRIVATE)
    sections = split_sections(encrypted)
    recipient_id = batch.authority_key_id(authority_key().public_key())
    ephemeral = X25519PrivateKey.from_private_bytes(EPHEMERAL_PRIVATE)
    shared = ephemeral.exchange(authority_key().public_key())
    info = crypto.hkdf_info(
        recipient_id,
        crypto.raw_public(ephemeral.public_key()),
        crypto.raw_public(authority_key().public_key()),
    )
    aes_key = crypto.derive_payload_key(
        shared,
        recipient_id,
        crypto.raw_public(ephemeral.public_key()),
        crypto.raw_public(authority_key().public_key()),
    )
    frame = AESGCM(aes_key).decrypt(NONCE, bytes(sections.payload), sections.header)
    jsonl = zstandard.ZstdDecompressor().decompressobj().decompress(frame).decode("utf-8")
    counts = dict.fromkeys(RECORD_TYPES, 0) | {"act": 2}
    compress = zstandard.ZstdCompressor(level=3).compress
    sig_offset = len(split_sections(plain).signed) + 12
    files = {
        "plain.civbatch": plain,
        "encrypted.civbatch": encrypted,
        "invalid-truncated.civbatch": plain[:-1],
        "invalid-bad-magic.civbatch": b"PK" + plain[2:],
        "invalid-future-version.civbatch": plain[:8] + struct.pack(">H", 2) + plain[10:],
        "invalid-bad-signature.civbatch": flip(plain, sig_offset + 10),
        "invalid-hash-mismatch.civbatch": flip(encrypted, len(encrypted) - 20),
        "invalid-wrong-recipient.civbatch": write(other.public_key()),
        "invalid-unknown-key.civbatch": write(
            signing_key=Ed25519PrivateKey.from_private_bytes(bytes(range(1, 33)))
        ),
        "invalid-duplicate-record.civbatch": signed_around(
            compress(b'{"id":"a","type":"act"}\n{"id":"a","type":"act"}\n'), counts
        ),
        "invalid-malformed-payload.civbatch": signed_around(
            compress(b'{"id":"a","type":"act"}\n{"id":"b","type":"act"\n'), counts
        ),
    }
    description = {
        "about": "Test vectors for the civreg batch format, version 1 (docs/batch-format.md). "
        "Trust list: only office BF-11-01 with office_ed25519 is trusted. Open every "
        "file with the authority X25519 private key.",
        "format_version": batch.FORMAT_VERSION,
        "keys": {
            "office_ed25519_private_seed": OFFICE_SEED.hex(),
            "office_ed25519_public": hexpub(office_key()),
            "office_key_id": batch.key_id(office_key().public_key()),
            "authority_x25519_private": AUTHORITY_PRIVATE.hex(),
            "authority_x25519_public": hexpub(authority_key()),
            "authority_key_id": recipient_id,
            "other_authority_x25519_private": OTHER_AUTHORITY_PRIVATE.hex(),
            "other_authority_key_id": batch.authority_key_id(other.public_key()),
        },
        "records": RECORDS,
        "valid": [
            {
                "file": "plain.civbatch",
                "sha256": hashlib.sha256(plain).hexdigest(),
                "header": split_sections(plain).header.decode("utf-8"),
                "manifest": split_sections(plain).manifest.decode("utf-8"),
                "signature": split_sections(plain).signature.hex(),
                "payload_jsonl": jsonl,
            },
            {
                "file": "encrypted.civbatch",
                "sha256": hashlib.sha256(encrypted).hexdigest(),
                "header": sections.header.decode("utf-8"),
                "manifest": sections.manifest.decode("utf-8"),
                "signature": sections.signature.hex(),
                "ephemeral_x25519_private": EPHEMERAL_PRIVATE.hex(),
                "ephemeral_x25519_public": hexpub(ephemeral),
                "nonce": NONCE.hex(),
                "x25519_shared_secret": shared.hex(),
                "hkdf_salt": crypto.HKDF_SALT.hex(),
                "hkdf_info": info.hex(),
                "aes_256_gcm_key": aes_key.hex(),
                "decrypted_zstd_frame": frame.hex(),
                "payload_jsonl": jsonl,
            },
        ],
        "invalid": [
            {"file": name, "reason": reason, "how": how} for name, (reason, how) in INVALID.items()
        ],
    }
    return description, files


def stored_description() -> dict[str, Any]:
    return json.loads((VECTORS / "vectors.json").read_text("utf-8"))


def test_valid_vectors_open_to_the_documented_records():
    description = stored_description()
    for vector in description["valid"]:
        data = (VECTORS / vector["file"]).read_bytes()
        assert hashlib.sha256(data).hexdigest() == vector["sha256"]
        records = batch.open_batch(data, trust, decrypt_key=authority_key())
        assert records == description["records"]
        assert (
            "".join(
                json.dumps(r, sort_keys=True, separators=(",", ":"), ensure_ascii=False) + "\n"
                for r in records
            )
            == vector["payload_jsonl"]
        )


@pytest.mark.parametrize("name", list(INVALID))
def test_invalid_vectors_are_rejected_with_their_documented_reason(name):
    (vector,) = [v for v in stored_description()["invalid"] if v["file"] == name]
    data = (VECTORS / name).read_bytes()
    with pytest.raises(batch.BatchRejected) as caught:
        batch.open_batch(data, trust, decrypt_key=authority_key())
    assert caught.value.reason == vector["reason"]


def test_intermediate_values_follow_the_documented_construction():
    vector = stored_description()["valid"][1]
    salt = b"civreg-batch-v1"
    info = (
        b"civreg-batch-v1 payload key\x00"
        + stored_description()["keys"]["authority_key_id"].encode()
        + bytes.fromhex(vector["ephemeral_x25519_public"])
        + bytes.fromhex(stored_description()["keys"]["authority_x25519_public"])
    )
    assert bytes.fromhex(vector["hkdf_salt"]) == salt
    assert bytes.fromhex(vector["hkdf_info"]) == info
    data = (VECTORS / vector["file"]).read_bytes()
    sections = split_sections(data)
    frame = AESGCM(bytes.fromhex(vector["aes_256_gcm_key"])).decrypt(
        bytes.fromhex(vector["nonce"]), bytes(sections.payload), vector["header"].encode()
    )
    assert frame.hex() == vector["decrypted_zstd_frame"]


def test_this_code_still_writes_the_published_vectors():
    description, files = build_vectors()
    assert description == stored_description(), "vectors.json differs: see module docstring"
    for name, data in files.items():
        assert (VECTORS / name).read_bytes() == data, (
            f"{name} differs. If only the zstd frame changed (zstandard upgrade), old files "
            "still read fine but re-export from inputs is no longer byte-identical; "
            "regenerate the vectors deliberately."
        )


if __name__ == "__main__" and "--write" in sys.argv:
    VECTORS.mkdir(parents=True, exist_ok=True)
    built, contents = build_vectors()
    for file_name, content in contents.items():
        (VECTORS / file_name).write_bytes(content)
    (VECTORS / "vectors.json").write_text(
        json.dumps(built, indent=2, ensure_ascii=False) + "\n", "utf-8"
    )
    print(f"wrote {len(contents)} files and vectors.json to {VECTORS}")
