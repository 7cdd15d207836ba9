"""The second original of a closed year's registers, as delivered to the court registry
(*greffe*): per register a PDF (the annual register with its closing statement and table) and
a machine-readable file (the acts and their mentions as batch records, one JSON per line),
a manifest naming every file with its SHA-256, and Ed25519 signatures by the office key —
of the manifest, and of each file on its own. docs/registers.md describes the folder.

Anyone holding the office's public key (the national list of office keys) checks a folder
with :func:`verify_folder`: the manifest's signature, each file's hash and signature, and the
records against the manifest (counts, numbers without gap). No database here.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from civreg.security.atomic import atomic_write_bytes
from civreg.security.audit import content_hash
from civreg.security.office_keys import KeyStatus, TrustList
from civreg.sync import crypto
from civreg.sync.format import canonical_json

FORMAT = "civreg-second-original"
SIGNATURE_FORMAT = "civreg-signature"
VERSION = 1
MANIFEST = "manifest.json"
SIGNATURE_SUFFIX = ".sig"
# What the machine-readable file leaves out of each act's content (confidential, as on paper)
WITHHELD = ("details.cause",)


@dataclass(frozen=True)
class RegisterFiles:
    """One register's part of the manifest."""

    kind: str
    year: int
    acts: int
    mentions: int
    first_number: int | None
    last_number: int | None
    closed_at: str
    closed_by: str
    pdf: str  # file names, relative to the folder
    records: str
    pdf_pages: int


def record_lines(records: Sequence[Mapping[str, Any]]) -> bytes:
    """The machine-readable file: one canonical JSON record per line."""
    return b"".join(canonical_json(dict(r)) + b"\n" for r in records)


def withhold(content: Mapping[str, Any]) -> dict[str, Any]:
    """An act's content without the confidential medical cause of death."""
    out = dict(content)
    details = dict(out.get("details") or {})
    details.pop("cause", None)
    out["details"] = details
    return out


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def signature_document(
    name: str, data: bytes, key: Ed25519PrivateKey, office_id: str
) -> dict[str, Any]:
    """A detached signature of one file: its SHA-256 signed by the office key."""
    digest = _sha(data)
    message = canonical_json({"file": name, "sha256": digest})
    return {
        "format": SIGNATURE_FORMAT,
        "version": VERSION,
        "office_id": office_id,
        "key_id": crypto.key_id(key.public_key()),
        "algorithm": "Ed25519",
        "file": name,
        "sha256": digest,
        "signature": base64.b64encode(crypto.sign(key, message)).decode("ascii"),
    }


def write_signed(
    folder: Path, name: str, data: bytes, key: Ed25519PrivateKey, office_id: str
) -> str:
    """Write ``name`` and ``name.sig`` atomically; returns the file's SHA-256."""
    atomic_write_bytes(folder / name, data)
    sig = signature_document(name, data, key, office_id)
    atomic_write_bytes(folder / f"{name}{SIGNATURE_SUFFIX}", canonical_json(sig) + b"\n")
    return str(sig["sha256"])


def build_manifest(
    *,
    office_id: str,
    country: str,
    commune: str,
    centre: str,
    centre_name: str,
    created_at: str,
    key_id: str,
    registers: Sequence[RegisterFiles],
    hashes: Mapping[str, tuple[str, int]],
) -> dict[str, Any]:
    """The manifest: who delivers which registers, and the SHA-256 and size of every file."""
    return {
        "format": FORMAT,
        "version": VERSION,
        "office_id": office_id,
        "country": country,
        "commune": commune,
        "centre": centre,
        "centre_name": centre_name,
        "created_at": created_at,
        "signing_key_id": key_id,
        "withheld": list(WITHHELD),
        "registers": [
            {
                "kind": r.kind,
                "year": r.year,
                "acts": r.acts,
                "mentions": r.mentions,
                "first_number": r.first_number,
                "last_number": r.last_number,
                "closed_at": r.closed_at,
                "closed_by": r.closed_by,
                "pdf": {"file": r.pdf, "pages": r.pdf_pages},
                "records": {"file": r.records},
            }
            for r in registers
        ],
        "files": {
            name: {"sha256": digest, "bytes": size}
            for name, (digest, size) in sorted(hashes.items())
        },
    }


# -- verification --------------------------------------------------------------------------
@dataclass
class Verdict:
    """What a check of a second-original folder found (``ok`` when nothing is wrong)."""

    office_id: str = ""
    key_status: str = ""  # trusted | unknown | revoked
    registers: list[dict[str, Any]] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # plain English codes with the file

    @property
    def ok(self) -> bool:
        return not self.problems and self.key_status == KeyStatus.TRUSTED


def _load_json(path: Path) -> Any:
    try:
        return json.loads(path.read_bytes().decode("utf-8"))
    except (OSError, UnicodeDecodeError, ValueError):
        return None


def _check_signature(
    doc: Any, name: str, data: bytes, trust: TrustList, office_id: str
) -> str | None:
    """None when ``doc`` is a valid signature of ``data`` by a trusted key of the office."""
    if not isinstance(doc, dict) or doc.get("format") != SIGNATURE_FORMAT:
        return f"signature_unreadable:{name}"
    if doc.get("file") != name or doc.get("office_id") != office_id:
        return f"signature_mismatch:{name}"
    if doc.get("sha256") != _sha(data):
        return f"hash_mismatch:{name}"
    status, key = trust.lookup(office_id, str(doc.get("key_id", "")))
    if status is not KeyStatus.TRUSTED or key is None:
        return f"key_{status.value}:{name}"
    try:
        signature = base64.b64decode(str(doc.get("signature", "")), validate=True)
    except (binascii.Error, ValueError):
        return f"signature_unreadable:{name}"
    message = canonical_json({"file": name, "sha256": doc["sha256"]})
    if not crypto.signature_valid(key, signature, message):
        return f"bad_signature:{name}"
    return None


def _check_records(verdict: Verdict, folder: Path, reg: Mapping[str, Any]) -> None:
    name = str(reg.get("records", {}).get("file", ""))
    try:
        lines = (folder / name).read_bytes().decode("utf-8").splitlines()
        records = [json.loads(line) for line in lines if line]
    except (OSError, UnicodeDecodeError, ValueError):
        verdict.problems.append(f"records_unreadable:{name}")
        return
    acts = [r for r in records if r.get("type") == "act"]
    mentions = [r for r in records if r.get("type") == "mention"]
    if len(acts) != reg.get("acts") or len(mentions) != reg.get("mentions"):
        verdict.problems.append(f"count_mismatch:{name}")
    numbers = [a.get("content", {}).get("number") for a in acts]
    if any(not isinstance(n, int) for n in numbers):
        verdict.problems.append(f"number_missing:{name}")
        return
    if numbers and numbers != list(range(numbers[0], numbers[0] + len(numbers))):
        verdict.problems.append(f"numbers_not_consecutive:{name}")
    if numbers and (numbers[0], numbers[-1]) != (reg.get("first_number"), reg.get("last_number")):
        verdict.problems.append(f"numbers_mismatch:{name}")
    years = {a.get("content", {}).get("year") for a in acts}
    if years - {reg.get("year")}:
        verdict.problems.append(f"year_mismatch:{name}")
    for act in acts:
        # each act's content is the one its registration hashed into the audit chain (a death
        # act's cannot be recomputed: its medical cause is withheld)
        content, digest = act.get("content", {}), act.get("content_hash")
        if content.get("kind") != "death" and digest and content_hash(content) != digest:
            verdict.problems.append(f"content_hash_mismatch:{name}:{act.get('id')}")


def verify_folder(folder: Path | str, trust: TrustList) -> Verdict:
    """Check a second-original folder against the trusted office keys."""
    folder = Path(folder)
    verdict = Verdict()
    manifest_bytes = b""
    try:
        manifest_bytes = (folder / MANIFEST).read_bytes()
        manifest = json.loads(manifest_bytes.decode("utf-8"))
    except (OSError, UnicodeDecodeError, ValueError):
        verdict.problems.append(f"manifest_unreadable:{MANIFEST}")
        return verdict
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        verdict.problems.append(f"not_a_second_original:{MANIFEST}")
        return verdict
    if manifest.get("version") != VERSION:
        verdict.problems.append(f"unsupported_version:{MANIFEST}")
        return verdict
    office_id = str(manifest.get("office_id", ""))
    verdict.office_id = office_id
    sig = _load_json(folder / f"{MANIFEST}{SIGNATURE_SUFFIX}")
    status, _key = trust.lookup(office_id, str(manifest.get("signing_key_id", "")))
    verdict.key_status = status.value
    problem = _check_signature(sig, MANIFEST, manifest_bytes, trust, office_id)
    if problem:
        verdict.problems.append(problem)
        return verdict
    files = manifest.get("files", {})
    for name, info in sorted(files.items()):
        try:
            data = (folder / name).read_bytes()
        except OSError:
            verdict.problems.append(f"missing:{name}")
            continue
        if _sha(data) != info.get("sha256") or len(data) != info.get("bytes"):
            verdict.problems.append(f"hash_mismatch:{name}")
            continue
        problem = _check_signature(
            _load_json(folder / f"{name}{SIGNATURE_SUFFIX}"), name, data, trust, office_id
        )
        if problem:
            verdict.problems.append(problem)
    for reg in manifest.get("registers", []):
        for part in ("pdf", "records"):
            if reg.get(part, {}).get("file") not in files:
                verdict.problems.append(f"unlisted:{reg.get(part, {}).get('file')}")
        _check_records(verdict, folder, reg)
        verdict.registers.append(
            {k: reg.get(k) for k in ("kind", "year", "acts", "first_number", "last_number")}
        )
    extra = {
        p.name
        for p in folder.iterdir()
        if p.is_file() and not p.name.endswith(SIGNATURE_SUFFIX) and p.name != MANIFEST
    } - set(files)
    verdict.problems += [f"unlisted:{name}" for name in sorted(extra)]
    return verdict
