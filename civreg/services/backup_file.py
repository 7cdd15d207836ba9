"""The backup file: one ZIP (stored, ZIP64) holding the encrypted store, its key file and a
manifest, written under a temporary name and renamed when complete.

Parts, in this order::

    store.db       the database, still encrypted with the store's data key
    store.keys     the key file (the data key wrapped per user and for recovery)
    manifest.json  what the backup holds (see :class:`Manifest`), with each part's SHA-256
    manifest.mac   HMAC-SHA256 of manifest.json under HKDF(data key, "civreg backup manifest v1")

Anyone can check the parts against the manifest (damage); only someone who can unlock the
key file can check the manifest's MAC (authenticity). The manifest holds no personal data:
office, dates, schema revision, audit head, counts.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import zipfile
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import IO, Any

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from civreg.errors import CivregError
from civreg.i18n import register

FORMAT = "civreg-backup"
VERSION = 1
SUFFIX = ".cvbk"
DB_PART, KEYS_PART, MANIFEST_PART, MAC_PART = (
    "store.db",
    "store.keys",
    "manifest.json",
    "manifest.mac",
)
CHUNK = 1 << 20
MAX_MANIFEST_BYTES = 1 << 20

register(
    {
        "backup.not_a_backup": {
            "fr": "Ce fichier n'est pas une sauvegarde civreg ({name}).",
            "en": "This file is not a civreg backup ({name}).",
        },
        "backup.too_new": {
            "fr": "Cette sauvegarde a été faite par une version plus récente de civreg (format "
            "{version}). Installez la dernière version pour la restaurer.",
            "en": "This backup was made by a newer version of civreg (format {version}). "
            "Install the latest version to restore it.",
        },
        "backup.damaged": {
            "fr": "La sauvegarde {name} est endommagée ({part} ne correspond pas à son "
            "empreinte). Utilisez une autre sauvegarde.",
            "en": "The backup {name} is damaged ({part} does not match its fingerprint). "
            "Use another backup.",
        },
        "backup.not_authentic": {
            "fr": "La sauvegarde {name} a été modifiée après sa création (son manifeste n'est "
            "pas authentique). Utilisez une autre sauvegarde.",
            "en": "The backup {name} was changed after it was made (its manifest is not "
            "authentic). Use another backup.",
        },
    }
)


@dataclass(frozen=True)
class Part:
    size: int
    sha256: str


@dataclass(frozen=True)
class Manifest:
    created_at: str  # UTC, ISO 8601
    program_version: str
    office_id: str
    store_id: str  # the key file's store id
    schema_revision: str
    audit_seq: int
    audit_head: str
    acts: dict[str, dict[str, int]]  # kind -> status -> count
    counts: dict[str, int]  # mentions, copies_issued, users, audit_entries, batches_sent
    registers: list[dict[str, Any]]  # centre, kind, year, next_number
    parts: dict[str, Part] = field(default_factory=dict)
    format: str = FORMAT
    version: int = VERSION

    @property
    def registered_acts(self) -> int:
        return sum(by.get("registered", 0) for by in self.acts.values())

    def to_json(self) -> bytes:
        return json.dumps(asdict(self), sort_keys=True, indent=1).encode("utf-8")

    @classmethod
    def from_json(cls, raw: bytes, name: str) -> Manifest:
        try:
            doc = json.loads(raw.decode("utf-8"))
            if doc.get("format") != FORMAT:
                raise ValueError("format")
            if not isinstance(doc.get("version"), int):
                raise ValueError("version")
            if doc["version"] > VERSION:
                raise CivregError("backup.too_new", version=doc["version"])
            doc["parts"] = {
                k: Part(int(v["size"]), str(v["sha256"])) for k, v in doc["parts"].items()
            }
            return cls(**doc)
        except CivregError:
            raise
        except (ValueError, KeyError, TypeError, AttributeError, UnicodeDecodeError):
            raise CivregError("backup.not_a_backup", name=name) from None


def manifest_mac(data_key: bytes, manifest_json: bytes) -> bytes:
    mac_key = HKDF(hashes.SHA256(), 32, salt=None, info=b"civreg backup manifest v1").derive(
        data_key
    )
    return hmac.new(mac_key, manifest_json, hashlib.sha256).digest()


Progress = Callable[[int], None]  # bytes just written


def _copy(src: IO[bytes], dst: IO[bytes], progress: Progress | None) -> Part:
    digest = hashlib.sha256()
    size = 0
    while chunk := src.read(CHUNK):
        digest.update(chunk)
        dst.write(chunk)
        size += len(chunk)
        if progress is not None:
            progress(len(chunk))
    return Part(size, digest.hexdigest())


def write_backup(
    tmp_path: Path,
    *,
    db_file: Path,
    keys: bytes,
    manifest: Manifest,
    data_key: bytes,
    progress: Progress | None = None,
) -> tuple[Manifest, str]:
    """Write the backup to ``tmp_path`` (fsynced); return the final manifest and the file's
    SHA-256. The caller renames it to its final name when the store has recorded it."""
    from dataclasses import replace

    fd = os.open(tmp_path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as fh:
        with zipfile.ZipFile(fh, "w", compression=zipfile.ZIP_STORED, allowZip64=True) as zf:
            with open(db_file, "rb") as src, zf.open(DB_PART, "w", force_zip64=True) as dst:
                db_part = _copy(src, dst, progress)
            zf.writestr(KEYS_PART, keys)
            keys_part = Part(len(keys), hashlib.sha256(keys).hexdigest())
            manifest = replace(manifest, parts={DB_PART: db_part, KEYS_PART: keys_part})
            raw = manifest.to_json()
            zf.writestr(MANIFEST_PART, raw)
            zf.writestr(MAC_PART, manifest_mac(data_key, raw).hex())
        fh.flush()
        os.fsync(fh.fileno())
    return manifest, file_sha256(tmp_path)


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        while chunk := fh.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


class BackupReader:
    """Open a backup file, read its manifest, extract and check its parts."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.name = self.path.name
        try:
            self._zip = zipfile.ZipFile(self.path, "r")
            names = set(self._zip.namelist())
            if not {DB_PART, KEYS_PART, MANIFEST_PART, MAC_PART} <= names:
                raise ValueError("parts")
            info = self._zip.getinfo(MANIFEST_PART)
            if info.file_size > MAX_MANIFEST_BYTES:
                raise ValueError("manifest size")
            self.manifest_json = self._zip.read(MANIFEST_PART)
            self.mac = bytes.fromhex(self._zip.read(MAC_PART).decode("ascii").strip())
        except (zipfile.BadZipFile, ValueError, KeyError, UnicodeDecodeError, EOFError):
            raise CivregError("backup.not_a_backup", name=self.name) from None
        self.manifest = Manifest.from_json(self.manifest_json, self.name)
        if set(self.manifest.parts) != {DB_PART, KEYS_PART}:
            raise CivregError("backup.not_a_backup", name=self.name)

    def close(self) -> None:
        self._zip.close()

    def __enter__(self) -> BackupReader:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def extract(self, part: str, target: Path, progress: Progress | None = None) -> None:
        """Copy one part to ``target`` (fsynced), refusing it if it does not match."""
        expected = self.manifest.parts[part]
        try:
            with self._zip.open(part) as src, open(target, "wb") as dst:
                got = _copy(src, dst, progress)
                dst.flush()
                os.fsync(dst.fileno())
        except (zipfile.BadZipFile, EOFError):  # CRC mismatch, truncated file
            raise CivregError("backup.damaged", name=self.name, part=part) from None
        if got != expected:
            raise CivregError("backup.damaged", name=self.name, part=part)

    def verify_parts(self, progress: Progress | None = None) -> None:
        """Read every part through and compare it with the manifest (no key needed)."""
        for part, expected in self.manifest.parts.items():
            digest = hashlib.sha256()
            size = 0
            try:
                with self._zip.open(part) as src:
                    while chunk := src.read(CHUNK):
                        digest.update(chunk)
                        size += len(chunk)
                        if progress is not None:
                            progress(len(chunk))
            except (zipfile.BadZipFile, EOFError):
                raise CivregError("backup.damaged", name=self.name, part=part) from None
            if Part(size, digest.hexdigest()) != expected:
                raise CivregError("backup.damaged", name=self.name, part=part)

    def check_mac(self, data_key: bytes) -> None:
        if not hmac.compare_digest(manifest_mac(data_key, self.manifest_json), self.mac):
            raise CivregError("backup.not_authentic", name=self.name)

    def key_file_bytes(self) -> bytes:
        raw = self._zip.read(KEYS_PART)
        expected = self.manifest.parts[KEYS_PART]
        if Part(len(raw), hashlib.sha256(raw).hexdigest()) != expected:
            raise CivregError("backup.damaged", name=self.name, part=KEYS_PART)
        return raw
