"""Bad batches: each is refused with its specific reason and the importing store (SQLite:
byte for byte; PostgreSQL: row for row) is exactly as before. Run on both backends."""

from __future__ import annotations

import hashlib
import json
import os
import random
import sys
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
import zstandard

sys.path.insert(0, str(Path(__file__).parent))  # --import-mode=importlib: shared set-up
from transmission_support import (
    birth,
    new_commune,
    new_district,
    prepare_snapshot,
    register,
    snapshot,
    trust,
)

from civreg.errors import BatchRejected
from civreg.exchange.importer import Limits
from civreg.models.office import Office as OfficeRow
from civreg.security.audit import content_hash
from civreg.security.signing_power import office_signing_key
from civreg.services.keys import authority_init, revoke_key
from civreg.services.transmission import export_batch, import_batches
from civreg.sync import crypto
from civreg.sync.authority_keys import generate_authority_key
from civreg.sync.format import (
    TAG_HEADER,
    TAG_MANIFEST,
    TAG_PAYLOAD,
    TAG_SIGNATURE,
    frame_section,
    preamble,
)
from civreg.sync.header import BatchHeader, encode_manifest
from civreg.sync.reader import open_batch
from civreg.sync.writer import write_batch


class World:
    def __init__(self, folder: Path, pg_url: str | None) -> None:
        self.folder = folder
        self.commune = new_commune(folder, "11")
        self.stranger = new_commune(folder, "13")  # its key is never trusted
        self.district = new_district(folder, pg_url)
        for day, name in ((2, "KABORE"), (3, "ZONGO"), (4, "SOME")):
            register(self.commune, birth(name, "Paul", day))
        trust(self.district, self.commune, folder)
        self.first = folder / "b1.civbatch"
        export_batch(self.commune.registrar, self.first)
        import_batches(self.district.admin, [self.first], receipt_dir=folder)
        register(self.commune, birth("OUEDRAOGO", "Marc", 5))
        self.second = folder / "b2.civbatch"
        export_batch(self.commune.registrar, self.second)
        self.data = self.second.read_bytes()
        register(self.stranger, birth("TRAORE", "Ali", 6))
        self.foreign = folder / "s1.civbatch"
        export_batch(self.stranger.registrar, self.foreign)
        with self.commune.admin.store.read() as s:
            office = s.query(OfficeRow).one()
            self.key = office_signing_key(s, office)
            self.key_id = office.key_id
        self.records = open_batch(self.data, lambda o, k: ("trusted", self.key.public_key()))

    def close(self) -> None:
        for o in (self.commune, self.stranger, self.district):
            o.close()


def _pg_database() -> Iterator[str | None]:
    base = os.environ.get("CIVREG_TEST_PG_URL")
    if not base:
        pytest.skip("no PostgreSQL server: set CIVREG_TEST_PG_URL")
    import psycopg

    name = f"civreg_test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(base, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        yield base.rsplit("/", 1)[0] + "/" + name
    finally:
        with psycopg.connect(base, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def world(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory):
    folder = tmp_path_factory.mktemp(f"bad-{request.param}")
    gen = _pg_database() if request.param == "postgresql" else (x for x in [None])
    url = next(gen)
    w = World(folder, url)
    yield w
    w.close()
    gen.close()


def refused(w: World, data: bytes, reason: str | None, limits: Limits | None = None) -> str:
    """Import ``data``; it must be refused (with ``reason``) and change nothing."""
    ctx = w.district.admin
    path = w.folder / f"bad-{hashlib.sha256(data).hexdigest()[:12]}.civbatch"
    path.write_bytes(data)
    prepare_snapshot(ctx)
    before = snapshot(ctx)
    receipts = set(w.folder.glob("receipt-*"))
    with pytest.raises(BatchRejected) as info:
        import_batches(ctx, [path], receipt_dir=w.folder, limits=limits)
    assert snapshot(ctx) == before, "a refused batch changed the store"
    assert set(w.folder.glob("receipt-*")) == receipts, "no receipt for a refused import"
    if reason is not None:
        assert info.value.reason == reason, info.value.message()
    assert info.value.message()  # translated, never the bare key
    assert not info.value.message().startswith("batch.")
    return info.value.reason


def signed(w: World, payload_plain: bytes, counts: dict[str, int], sequence: int = 2) -> bytes:
    """A correctly signed batch around an arbitrary (compressed) payload."""
    frame = zstandard.ZstdCompressor(level=3, write_checksum=True).compress(payload_plain)
    full = dict.fromkeys(("act", "audit", "copy", "key_announcement", "mention", "notice"), 0)
    full.update(counts)
    header = BatchHeader(
        office_id=w.commune.office_id,
        signing_key_id=w.key_id,
        sequence=sequence,
        changes_from=9,
        changes_to=9,
        created_at=datetime.now(UTC).replace(microsecond=0),
        recipient_key_id=None,
        encryption=None,
        counts=full,
        payload_length=len(frame),
    ).encode()
    manifest = encode_manifest(hashlib.sha256(frame).hexdigest())
    head = preamble() + frame_section(TAG_HEADER, header) + frame_section(TAG_MANIFEST, manifest)
    return (
        head
        + frame_section(TAG_SIGNATURE, crypto.sign(w.key, head))
        + frame_section(TAG_PAYLOAD, frame)
    )


def rewrite(w: World, records: list[dict[str, Any]], sequence: int = 2, **kw: Any) -> bytes:
    return write_batch(
        records,
        office_id=w.commune.office_id,
        sequence=sequence,
        change_range=(9, 9),
        signing_key=w.key,
        **kw,
    )


def test_truncated_at_every_section_boundary(world: World) -> None:
    data = world.data
    cuts = {4, 8, 9, 10}
    offset = 10
    while offset < len(data):
        length = int.from_bytes(data[offset + 4 : offset + 12], "big")
        cuts.update({offset, offset + 4, offset + 12, offset + 12 + length - 1})
        offset += 12 + length
    for cut in sorted(c for c in cuts if 0 < c < len(data)):
        refused(world, data[:cut], "truncated")


def test_flipped_bytes_are_refused(world: World) -> None:
    rng = random.Random(6)
    for position in rng.sample(range(len(world.data)), 40):
        broken = bytearray(world.data)
        broken[position] ^= 1 << rng.randrange(8)
        refused(world, bytes(broken), None)


def test_unknown_and_revoked_keys(world: World) -> None:
    refused(world, world.foreign.read_bytes(), "unknown_office")
    other = rewrite(world, world.records, signing_key_id="0123456789abcdef")
    refused(world, other, "unknown_key")
    revoke_key(world.district.admin, world.commune.office_id)
    try:
        refused(world, world.data, "revoked_key")
    finally:
        from sqlalchemy import update

        from civreg.models.sync import TrustedKey

        with world.district.admin.store.write() as s:
            s.execute(update(TrustedKey).values(status="trusted", revoked_at=None))


def test_replay_and_sequence_conflict(world: World) -> None:
    ctx = world.district.admin
    prepare_snapshot(ctx)
    before = snapshot(ctx)
    report = import_batches(ctx, [world.first], receipt_dir=world.folder)
    assert [b.status for b in report.batches] == ["already_imported"]
    assert snapshot(ctx) == before
    refused(world, world.data.replace(b'"sequence":2', b'"sequence":1'), "bad_signature")
    forged = rewrite(world, world.records, sequence=1)
    refused(world, forged, "sequence_conflict")


def test_future_version_and_not_a_batch(world: World) -> None:
    refused(world, world.data[:8] + (2).to_bytes(2, "big") + world.data[10:], "unsupported_version")
    refused(world, b"PK\x03\x04 a zip file", "bad_magic")


def test_other_recipient(world: World) -> None:
    ctx = world.district.admin
    with ctx.store.read() as s:
        from civreg.models.sync import AuthorityKey

        has_key = s.query(AuthorityKey).count() > 0
    if not has_key:
        authority_init(ctx, world.folder / "authority.pub.json")
    other = generate_authority_key().public_key()
    refused(world, rewrite(world, world.records, recipient_public_key=other), "wrong_recipient")


def test_payload_beyond_the_decompression_limit(world: World) -> None:
    refused(world, world.data, "too_large", Limits(max_decompressed_bytes=200))


def test_malformed_json_and_duplicates(world: World) -> None:
    refused(world, signed(world, b'{"type":"act","id":"x"\n', {"act": 1}), "malformed_payload")
    line = b'{"id":"m1","type":"mention"}\n'
    refused(world, signed(world, line + line, {"mention": 2}), "duplicate_record")


def test_number_conflict_within_the_batch(world: World) -> None:
    act = next(r for r in world.records if r["type"] == "act")
    twin = {**act, "content": dict(act["content"])}
    twin["content"]["uuid"] = twin["uuid"] = str(uuid.uuid4())
    twin["content"]["global_id"] = twin["id"] = act["id"] + "-BIS"
    twin["content_hash"] = content_hash(twin["content"])
    refused(world, rewrite(world, [act, twin]), "number_conflict")


def test_number_conflict_with_a_stored_act(world: World) -> None:
    act = next(r for r in world.records if r["type"] == "act")
    clash = {**act, "content": dict(act["content"])}
    clash["content"]["number"] = 1  # number 1 is already held by another act
    clash["content_hash"] = content_hash(clash["content"])
    refused(world, rewrite(world, [clash]), "number_conflict")


def test_tampered_record_content(world: World) -> None:
    act = next(r for r in world.records if r["type"] == "act")
    bad = {**act, "content": {**act["content"], "event_place": "ailleurs"}}
    refused(world, rewrite(world, [bad]), "invalid_record")


def test_good_batch_still_imports_after_all_that(world: World) -> None:
    report = import_batches(world.district.admin, [world.second], receipt_dir=world.folder)
    assert report.batches[0].status == "imported"
    assert report.batches[0].outcome["acts"]["inserted"] == 1


def test_own_batch_is_called_this_offices_own(world: World) -> None:
    """A commune importing the batch it exported is told it is its own batch (issue 11 item
    10), not "a batch from an unknown office" (its own key is in no trust list)."""
    with pytest.raises(BatchRejected) as caught:
        import_batches(world.commune.admin, [world.second], receipt_dir=world.folder)
    assert caught.value.reason == "own_batch"
    assert "bureau même" in str(caught.value) or "this very office" in str(caught.value)


WORKER = Limits(worker_min_acts=0)  # read in a worker process, as a big batch is


def _new_act(w: World, number: int) -> dict[str, Any]:
    """An act record of the commune that the district has never seen (valid, signed later)."""
    act = next(r for r in w.records if r["type"] == "act")
    new = {**act, "content": dict(act["content"])}
    new["content"]["uuid"] = new["uuid"] = str(uuid.uuid4())
    new["content"]["global_id"] = new["id"] = f"{act['id']}-{uuid.uuid4().hex[:6]}"
    new["content"]["number"] = number
    new["content_hash"] = content_hash(new["content"])
    return new


def test_refusals_met_in_the_reading_process(world: World) -> None:
    """A batch read in a process of its own (big batches) is refused for the same reason as
    one read in the importing process, and the store is left exactly as it was."""
    bad_json = signed(world, b'{"type":"act","id":"x"\n', {"act": 1}, sequence=7)
    refused(world, bad_json, "malformed_payload", WORKER)
    act = _new_act(world, 901)
    bad = {**act, "content": {**act["content"], "event_place": "ailleurs"}}
    refused(world, rewrite(world, [bad], sequence=7), "invalid_record", WORKER)
    twin = _new_act(world, 901)
    refused(world, rewrite(world, [act, twin], sequence=7), "number_conflict", WORKER)
    clash = _new_act(world, 1)  # number 1 is held by a stored act: found by the writing side
    refused(world, rewrite(world, [clash], sequence=7), "number_conflict", WORKER)
    limits = Limits(max_decompressed_bytes=200, worker_min_acts=0)
    refused(world, rewrite(world, [act], sequence=7), "too_large", limits)


def test_refusal_after_acts_were_written_leaves_nothing(world: World) -> None:
    """The duplicate is only known once the last record is read, after the act before it was
    written: the import's transaction takes the act back (read here and in a worker)."""
    line = json.dumps(_new_act(world, 902), ensure_ascii=False).encode() + b"\n"
    mention = b'{"id":"m1","type":"mention"}\n'
    data = signed(world, line + mention + mention, {"act": 1, "mention": 2}, sequence=7)
    refused(world, data, "duplicate_record")
    refused(world, data, "duplicate_record", WORKER)
