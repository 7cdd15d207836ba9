"""Payload encryption to a recipient's X25519 key, key ids, and the batch signature.

Scheme ``X25519-HKDF-SHA256-AES-256-GCM`` (docs/batch-format.md, "Encryption"):

* ``shared = X25519(ephemeral_private, recipient_public)`` (all-zero output refused);
* ``key = HKDF-SHA256(ikm=shared, salt=HKDF_SALT, info=HKDF_INFO_PREFIX || recipient_key_id
  || ephemeral_public || recipient_public, length=32)``;
* ``ciphertext = AES-256-GCM(key, nonce, plaintext, associated_data=header_bytes)`` with a
  12-byte nonce stored in the header; the 16-byte tag is appended to the ciphertext.

A fresh ephemeral key per batch means each AES key encrypts exactly one plaintext.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterator

from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

HKDF_SALT = b"civreg-batch-v1"
HKDF_INFO_PREFIX = b"civreg-batch-v1 payload key\x00"
NONCE_LENGTH = 12
KEY_LENGTH = 32
TAG_LENGTH = 16
MAX_PLAINTEXT_BYTES = 2**31 - 1 - TAG_LENGTH  # one-shot AES-GCM limit of the library


class DecryptionFailed(Exception):
    """Internal: the payload could not be decrypted (the reader turns it into a rejection)."""


def raw_public(key: X25519PublicKey | Ed25519PublicKey) -> bytes:
    return key.public_bytes(Encoding.Raw, PublicFormat.Raw)


def key_id(key: X25519PublicKey | Ed25519PublicKey) -> str:
    """First 16 hex digits of SHA-256 over the raw 32-byte public key."""
    return hashlib.sha256(raw_public(key)).hexdigest()[:16]


def hkdf_info(recipient_key_id: str, ephemeral_public: bytes, recipient_public: bytes) -> bytes:
    return HKDF_INFO_PREFIX + recipient_key_id.encode("ascii") + ephemeral_public + recipient_public


def derive_payload_key(
    shared: bytes, recipient_key_id: str, ephemeral_public: bytes, recipient_public: bytes
) -> bytes:
    if shared == bytes(len(shared)):
        raise DecryptionFailed("degenerate shared secret")
    return HKDF(
        algorithm=hashes.SHA256(),
        length=KEY_LENGTH,
        salt=HKDF_SALT,
        info=hkdf_info(recipient_key_id, ephemeral_public, recipient_public),
    ).derive(shared)


def new_nonce() -> bytes:
    return os.urandom(NONCE_LENGTH)


def encrypt_payload(
    plaintext: bytes,
    *,
    header: bytes,
    recipient_public_key: X25519PublicKey,
    recipient_key_id: str,
    ephemeral_key: X25519PrivateKey,
    nonce: bytes,
) -> bytes:
    if len(nonce) != NONCE_LENGTH:
        raise ValueError("the AES-GCM nonce must be 12 bytes")
    if len(plaintext) > MAX_PLAINTEXT_BYTES:
        raise ValueError("payload too large to encrypt in one batch")
    recipient_raw = raw_public(recipient_public_key)
    ephemeral_raw = raw_public(ephemeral_key.public_key())
    try:
        shared = ephemeral_key.exchange(recipient_public_key)
        key = derive_payload_key(shared, recipient_key_id, ephemeral_raw, recipient_raw)
    except (ValueError, DecryptionFailed) as exc:
        raise ValueError("the recipient public key is not usable") from exc
    return AESGCM(key).encrypt(nonce, plaintext, header)


def decrypt_payload(
    ciphertext: bytes | memoryview,
    *,
    header: bytes,
    private_key: X25519PrivateKey,
    recipient_key_id: str,
    ephemeral_public: bytes,
    nonce: bytes,
) -> bytes:
    """Decrypt or raise :class:`DecryptionFailed` (wrong key, altered data, bad point)."""
    if len(ciphertext) < TAG_LENGTH:
        raise DecryptionFailed("ciphertext shorter than the tag")
    try:
        peer = X25519PublicKey.from_public_bytes(ephemeral_public)
        shared = private_key.exchange(peer)
    except ValueError:
        raise DecryptionFailed("bad ephemeral key") from None
    key = derive_payload_key(
        shared, recipient_key_id, ephemeral_public, raw_public(private_key.public_key())
    )
    try:
        return AESGCM(key).decrypt(nonce, bytes(ciphertext), header)
    except (InvalidTag, OverflowError, ValueError):
        raise DecryptionFailed("authentication failed") from None


STREAM_CHUNK = 1024 * 1024


def decrypt_payload_stream(
    ciphertext: bytes | memoryview,
    *,
    header: bytes,
    private_key: X25519PrivateKey,
    recipient_key_id: str,
    ephemeral_public: bytes,
    nonce: bytes,
) -> Iterator[bytes]:
    """Like :func:`decrypt_payload`, in 1 MiB pieces (no plaintext copy of the payload).

    Two passes over the ciphertext: the first only checks the GCM tag, so not one byte of
    plaintext comes out before the whole payload is authenticated; the second yields it.
    Raises :class:`DecryptionFailed` before yielding anything."""
    view = memoryview(ciphertext)
    if len(view) < TAG_LENGTH:
        raise DecryptionFailed("ciphertext shorter than the tag")
    try:
        peer = X25519PublicKey.from_public_bytes(ephemeral_public)
        shared = private_key.exchange(peer)
    except ValueError:
        raise DecryptionFailed("bad ephemeral key") from None
    key = derive_payload_key(
        shared, recipient_key_id, ephemeral_public, raw_public(private_key.public_key())
    )
    body, tag = view[: len(view) - TAG_LENGTH], bytes(view[len(view) - TAG_LENGTH :])

    def run(keep: bool) -> Iterator[bytes]:
        try:
            decryptor = Cipher(algorithms.AES(key), modes.GCM(nonce, tag)).decryptor()
            decryptor.authenticate_additional_data(header)
        except ValueError:
            raise DecryptionFailed("bad nonce") from None
        for offset in range(0, len(body), STREAM_CHUNK):
            out = decryptor.update(body[offset : offset + STREAM_CHUNK])
            if keep and out:
                yield out
        try:
            decryptor.finalize()
        except InvalidTag:
            raise DecryptionFailed("authentication failed") from None

    for _ in run(keep=False):
        pass  # pragma: no cover - the first pass yields nothing
    yield from run(keep=True)


def sign(key: Ed25519PrivateKey, message: bytes | memoryview) -> bytes:
    return key.sign(bytes(message))


def signature_valid(key: Ed25519PublicKey, signature: bytes, message: bytes | memoryview) -> bool:
    try:
        key.verify(signature, bytes(message))
    except InvalidSignature:
        return False
    return True
