"""Bounded memory on import whatever the batch (issue 13 item 4): a decompression bomb, a
record that never ends, hundreds of thousands of tiny records — each refused or read through
without piling up, by the real importer into a real district store. Python's allocations are
measured with tracemalloc (the whole process, with the SQLite page cache, is measured by
bench/bench_import_memory.py)."""

from __future__ import annotations

import tracemalloc
from datetime import UTC, datetime
from pathlib import Path

import pytest
import zstandard
from sqlalchemy import func, select

from civreg.errors import BatchRejected
from civreg.exchange.importer import Limits
from civreg.models.office import Office
from civreg.models.sync import QuarantineItem, ReceivedBatch
from civreg.security.signing_power import office_signing_key
from civreg.services.transmission import import_batches
from tests.hostile_batches import endless_line, signed_batch
from tests.integration.transmission_support import new_commune, new_district, trust


@pytest.fixture
def world(tmp_path: Path):
    commune, district = new_commune(tmp_path, "11"), new_district(tmp_path)
    trust(district, commune, tmp_path)
    with commune.admin.store.read() as s:
        office = s.scalar(select(Office))
        key, key_id = office_signing_key(s, office), office.key_id
    yield commune, district, key, key_id
    commune.close()
    district.close()


def _signed(world, frame: bytes, counts: dict[str, int], sequence: int = 1) -> bytes:
    commune, _district, key, key_id = world
    when = datetime(2025, 6, 20, tzinfo=UTC)
    return signed_batch(frame, counts, key, key_id, commune.office_id, sequence, when)


def _import_peak(district, path: Path, limits: Limits | None = None):
    tracemalloc.start()
    try:
        try:
            result: object = import_batches(
                district.admin, [path], receipt_dir=path.parent, limits=limits
            )
        except BatchRejected as exc:
            result = exc
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return result, peak


def _received(district) -> int:
    with district.admin.store.read() as s:
        return s.scalar(select(func.count()).select_from(ReceivedBatch)) or 0


def test_a_record_that_never_ends_is_refused_early(world, tmp_path: Path) -> None:
    path = tmp_path / "bomb.civreg-batch"
    path.write_bytes(_signed(world, endless_line(4 << 30), {"act": 1}))  # 4 GiB inflated
    assert path.stat().st_size < 200_000
    result, peak = _import_peak(world[1], path)
    assert isinstance(result, BatchRejected) and result.reason == "record_too_long"
    assert peak < 40_000_000, peak  # issue 13: 2.1-2.6 GB before the size check fired
    assert _received(world[1]) == 0


def test_tiny_records_stream_through_the_importer(world, tmp_path: Path) -> None:
    """20 000 tiny audit records, each wrongly hashed: read twice, quarantined in chunks,
    never all in memory at once."""
    commune = world[0]
    lines = "".join(
        f'{{"id":"{commune.office_id}:{i}","seq":{i},"type":"audit"}}\n' for i in range(1, 20_001)
    )
    frame = zstandard.ZstdCompressor(level=3).compress(lines.encode())
    path = tmp_path / "tiny.civreg-batch"
    path.write_bytes(_signed(world, frame, {"audit": 20_000}))
    report, peak = _import_peak(world[1], path)
    assert not isinstance(report, BatchRejected), report
    assert report.batches[0].outcome["audit_added"] == 0
    assert len(report.batches[0].quarantined) == 20_000
    with world[1].admin.store.read() as s:
        stored = s.scalar(select(func.count()).select_from(QuarantineItem))
    assert stored == 20_000
    assert peak < 25_000_000, peak  # the records, their quarantine and the receipt


def test_declared_millions_are_refused_before_reading(world, tmp_path: Path) -> None:
    frame = zstandard.ZstdCompressor(level=3).compress(b'{"id":"1","type":"audit"}\n' * 1000)
    path = tmp_path / "many.civreg-batch"
    path.write_bytes(_signed(world, frame, {"audit": 10_000_000}))
    result, _peak = _import_peak(world[1], path)
    assert isinstance(result, BatchRejected) and result.reason == "too_many_records"


def test_a_file_over_the_size_limit_is_not_read(world, tmp_path: Path) -> None:
    path = tmp_path / "big.civreg-batch"
    path.write_bytes(_signed(world, b"\0" * 2_000_000, {"act": 1}))
    result, peak = _import_peak(world[1], path, Limits(max_file_bytes=1_000_000))
    assert isinstance(result, BatchRejected) and result.reason == "too_large"
    assert peak < 1_000_000  # refused from its size, never read
