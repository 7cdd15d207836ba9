"""Office key files and the trust list."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import replace

import pytest

from civreg.errors import CivregError
from civreg.security.office_keys import (
    KeyStatus,
    OfficeKeyError,
    TrustList,
    generate_office_key,
    key_id,
    load_private_key,
    parse_public_key_object,
    private_key_bytes,
    public_key_file,
    raw_public_key,
    read_public_key_file,
    write_bundle,
    write_public_key_file,
)

CREATED = dt.date(2025, 1, 15)


def test_key_id_is_sha256_prefix_of_raw_key():
    pub = generate_office_key().public_key()
    assert key_id(pub) == hashlib.sha256(raw_public_key(pub)).hexdigest()[:16]


def test_private_key_round_trip_signs_the_same():
    key = generate_office_key()
    again = load_private_key(private_key_bytes(key))
    assert again.sign(b"x") == key.sign(b"x")
    with pytest.raises(OfficeKeyError):
        load_private_key(b"short")


def test_write_and_read_public_key_file(tmp_path):
    pub = generate_office_key().public_key()
    path = write_public_key_file(tmp_path / "BF-11-01.json", "BF-11-01", "BF", pub, CREATED)
    doc = json.loads(path.read_text())
    assert doc["format"] == "civreg-office-key" and doc["version"] == 1
    assert doc["office_name"] is None and doc["created"] == "2025-01-15"
    key = read_public_key_file(path)
    assert key.office_id == "BF-11-01" and key.key_id == key_id(pub)
    assert key.raw() == raw_public_key(pub)
    assert [p.name for p in tmp_path.iterdir()] == ["BF-11-01.json"]  # no temp file left


@pytest.mark.parametrize(
    ("change", "detail"),
    [
        ({"format": "other"}, "format"),
        ({"version": 2}, "version"),
        ({"office_id": "bf 11"}, "office_id"),
        ({"country": "CD"}, "country"),
        ({"public_key": "!!"}, "base64"),
        ({"public_key": "AAAA"}, "32 bytes"),
        ({"key_id": "0123456789abcdef"}, "does not match"),
        ({"created": "yesterday"}, "ISO date"),
        ({"revoked": "yes"}, "revoked"),
    ],
)
def test_malformed_key_files_are_refused_with_a_clear_message(tmp_path, change, detail):
    pub = generate_office_key().public_key()
    doc = public_key_file("BF-11-01", "BF", pub, CREATED) | change
    path = tmp_path / "k.json"
    path.write_text(json.dumps(doc))
    with pytest.raises(OfficeKeyError) as err:
        read_public_key_file(path)
    assert isinstance(err.value, CivregError)
    assert "k.json" in str(err.value) and detail in str(err.value)


def test_not_json_is_refused(tmp_path):
    path = tmp_path / "k.json"
    path.write_text("{nope")
    with pytest.raises(OfficeKeyError):
        read_public_key_file(path)


def test_trust_list_from_directory_bundle_and_rows(tmp_path):
    a, b = generate_office_key().public_key(), generate_office_key().public_key()
    write_public_key_file(tmp_path / "a.json", "BF-11-01", "BF", a, CREATED)
    write_public_key_file(tmp_path / "b.json", "CD-KN-02", "CD", b, CREATED)
    trust = TrustList.from_directory(tmp_path)
    assert len(trust) == 2
    assert trust.lookup("BF-11-01", key_id(a))[0] is KeyStatus.TRUSTED
    assert trust.lookup("BF-11-01", key_id(b))[0] is KeyStatus.UNKNOWN  # wrong office
    assert trust.lookup("BF-99-99", key_id(a)) == (KeyStatus.UNKNOWN, None)

    keys = trust.keys()
    revoked = [replace(k, revoked=True) if k.office_id == "CD-KN-02" else k for k in keys]
    bundle = write_bundle(tmp_path / "bundle.json.txt", revoked)
    from_bundle = TrustList.from_bundle(bundle)
    assert from_bundle.lookup("CD-KN-02", key_id(b))[0] is KeyStatus.REVOKED
    assert from_bundle.lookup("BF-11-01", key_id(a))[0] is KeyStatus.TRUSTED

    rows = TrustList.from_rows([("BF-11-01", key_id(a), raw_public_key(a), True)])
    assert rows.lookup("BF-11-01", key_id(a))[0] is KeyStatus.REVOKED
    with pytest.raises(OfficeKeyError):
        TrustList.from_rows([("BF-11-01", key_id(b), raw_public_key(a), False)])


def test_revocation_wins_over_a_trusted_copy_of_the_same_key():
    pub = generate_office_key().public_key()
    key = parse_public_key_object(public_key_file("BF-11-01", "BF", pub, CREATED))
    trust = TrustList([replace(key, revoked=True), key])
    assert trust.lookup("BF-11-01", key.key_id)[0] is KeyStatus.REVOKED


def test_bundle_must_be_a_list(tmp_path):
    path = tmp_path / "bundle.json"
    path.write_text("{}")
    with pytest.raises(OfficeKeyError):
        TrustList.from_bundle(path)
