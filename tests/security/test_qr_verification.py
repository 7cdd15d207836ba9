"""Forged or misleading copies: the verifier states what matters (docs/qr-payload.md §5).

Before the fix a cancelled act, a SPECIMEN and a future issue date were flagged only inside
the program (the command line printed nothing, the JSON had no warnings), a malformed key id
answered UNKNOWN_OFFICE (inviting a key-list update), and the input had no size limit."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from civreg.certificates import samples
from civreg.certificates.base45 import b45encode
from civreg.certificates.data import CopyKind
from civreg.certificates.qr_payload import QrSigner, canonical_json, make_payload, qr_fields
from civreg.certificates.verify import MAX_PAYLOAD_CHARS, verify_qr
from civreg.certificates.verify import VerificationStatus as S
from civreg.security.office_keys import (
    TrustList,
    generate_office_key,
    parse_public_key_object,
    public_key_file,
    write_public_key_file,
)


@pytest.fixture(scope="module")
def signer() -> QrSigner:
    return QrSigner("BF-11-01", generate_office_key())


def _trust(signer: QrSigner) -> TrustList:
    doc = public_key_file("BF-11-01", "BF", signer.private_key.public_key(), dt.date(2025, 1, 1))
    return TrustList([parse_public_key_object(doc)])


def _signed(signer: QrSigner, **changes: object) -> str:
    """A genuinely signed payload whose fields were changed before signing."""
    fields = qr_fields(samples.sample_birth(specimen=False), signer)
    obj = fields.to_json_object() | changes
    body = canonical_json(obj)
    return fields.prefix + b45encode(body + signer.sign(body))


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "civreg", "verify-certificate", *args],
        capture_output=True,
        text=True,
        env=dict(os.environ, CIVREG_LANG="en"),
        timeout=120,
    )


@pytest.mark.parametrize(
    ("data", "warning", "text"),
    [
        (samples.cancelled(samples.sample_birth(specimen=False)), "act_cancelled", "cancelled"),
        (samples.sample_birth(specimen=True), "specimen", "SPECIMEN"),
    ],
)
def test_warnings_in_text_and_json(signer, tmp_path: Path, data, warning, text) -> None:
    key = write_public_key_file(
        tmp_path / "k.json", "BF-11-01", "BF", signer.private_key.public_key(), dt.date(2025, 1, 1)
    )
    payload = make_payload(data, signer)
    v = verify_qr(payload, _trust(signer))
    assert v.status is S.VALID and warning in v.warnings
    out = _cli("--qr", payload, "--trust", str(key))
    assert out.returncode == 0 and text in out.stdout
    out = _cli("--qr", payload, "--trust", str(key), "--json")
    doc = json.loads(out.stdout)[0]
    assert warning in doc["warnings"] and any(text in m for m in doc["warning_messages"])


def test_future_issue_date_is_warned(signer, tmp_path: Path) -> None:
    future = (dt.date.today() + dt.timedelta(days=30)).isoformat()
    payload = _signed(signer, i=future)
    v = verify_qr(payload, _trust(signer))
    assert v.status is S.VALID and v.warnings == ("issued_in_future",)
    assert future in v.warning_messages("en")[0]


@pytest.mark.parametrize("kid", ["E6BB3686628823D3", "e6bb36866288", "../../etc/passwd", ""])
def test_malformed_key_id_is_malformed_not_unknown(signer, kid: str) -> None:
    v = verify_qr(_signed(signer, kid=kid), _trust(signer))
    assert (v.status, v.detail) == (S.MALFORMED, "malformed key id")


def test_malformed_office_id_is_malformed(signer) -> None:
    v = verify_qr(_signed(signer, o="bf 11 01"), _trust(signer))
    assert (v.status, v.detail) == (S.MALFORMED, "malformed office id")


def test_surrounding_whitespace_is_ignored(signer) -> None:
    payload = make_payload(samples.sample_birth(CopyKind.EXTRACT, specimen=False), signer)
    for wrapped in (
        f"  {payload}  ",
        f"{payload}\r\n",
        f"\t{payload}\n",
        f"\ufeff{payload}",
        f"{payload}\u00a0",
    ):
        assert verify_qr(wrapped, _trust(signer)).status is S.VALID
    inner = payload[:20] + "\n" + payload[20:]
    assert verify_qr(inner, _trust(signer)).status is not S.VALID


def test_a_payload_never_ends_with_a_space_so_trimming_is_safe(signer) -> None:
    """base45: a 3-character group ends with at most "W", a final 2-character group with a
    digit 0-5 — never with the space that trimming removes."""
    for n in range(200):
        base = samples.sample_birth(specimen=False)
        data = replace(base, copy=replace(base.copy, number=1 + n))
        assert not make_payload(data, signer).endswith(" ")
    assert b45encode(b"\xff\xff") == "FGW" and b45encode(b"\xff")[-1] in "012345"


def test_oversized_input_is_refused_before_decoding(signer) -> None:
    v = verify_qr("CR2:" + "A" * MAX_PAYLOAD_CHARS, _trust(signer))
    assert (v.status, v.detail) == (S.MALFORMED, "too long")
