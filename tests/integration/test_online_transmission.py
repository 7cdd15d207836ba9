"""Batches sent online: a real intake service on loopback over a real PostgreSQL district
store, a real client (the outbox sender), and a relay that cuts connections at random."""

from __future__ import annotations

import hashlib
import json
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from sqlalchemy import func, select, text

from civreg.models.audit import AuditEntry
from civreg.models.sync import ReceivedBatch
from civreg.outbox import sender as sender_mod
from civreg.outbox.client import IntakeClient
from civreg.outbox.sender import Sender
from civreg.services.outbox import outbox_status, set_outbox_settings
from civreg.services.outbox_settings import OutboxSettings
from civreg.services.transmission import export_batch, transmission_status
from tests.integration.flaky_link import FlakyLink
from tests.integration.intake_support import IntakeServer
from tests.integration.transmission_support import (
    PW,
    Office,
    birth,
    new_commune,
    new_district,
    register,
    snapshot,
    trust,
)

pytestmark = pytest.mark.postgres

NAMES = ["KABORE", "ZONGO", "SAWADOGO", "OUEDRAOGO", "COMPAORE", "TRAORE", "OUATTARA", "SOME"]


@pytest.fixture
def fast_retries(monkeypatch: pytest.MonkeyPatch) -> None:
    """Small pieces (so that small test batches are cut mid-body) and short waits."""
    monkeypatch.setattr(sender_mod, "FIRST_PIECE", 2048)
    monkeypatch.setattr(sender_mod, "MIN_PIECE", 512)
    monkeypatch.setattr(sender_mod, "MAX_PIECE", 8192)
    monkeypatch.setattr(sender_mod, "BACKOFF_BASE", 0.05)
    monkeypatch.setattr(sender_mod, "BACKOFF_CAP", 0.5)


def make_batches(commune: Office, folder: Path, n: int, acts_per_batch: int = 3) -> list[Path]:
    files = []
    for b in range(n):
        for i in range(acts_per_batch):
            day = 1 + (b * acts_per_batch + i) % 28
            given = f"Enfant {chr(65 + b)}{chr(65 + i)}"  # names hold letters, never digits
            register(commune, birth(NAMES[(b + i) % len(NAMES)], given, day))
        path = folder / f"batch-{b + 1}.civbatch"
        export_batch(commune.registrar, path)
        files.append(path)
    return files


def district_counts(district: Office) -> dict[str, int]:
    with district.admin.store.read() as s:
        return {
            "received": s.scalar(select(func.count()).select_from(ReceivedBatch)) or 0,
            "distinct": s.scalar(
                select(func.count()).select_from(
                    select(ReceivedBatch.office_id, ReceivedBatch.sequence).distinct().subquery()
                )
            )
            or 0,
            "imports": s.scalar(
                select(func.count())
                .select_from(AuditEntry)
                .where(AuditEntry.operation == "batch.import")
            )
            or 0,
            "acts": s.execute(text("SELECT count(*) FROM acts")).scalar() or 0,
            "uploads": s.execute(text("SELECT count(*) FROM intake_uploads")).scalar() or 0,
            "chunks": s.execute(text("SELECT count(*) FROM intake_chunks")).scalar() or 0,
            "receipts": s.execute(text("SELECT count(*) FROM intake_receipts")).scalar() or 0,
        }


@pytest.fixture
def offices(pg_url: str, tmp_path: Path):
    commune, district = new_commune(tmp_path, "11"), new_district(tmp_path, pg_url)
    trust(district, commune, tmp_path)
    trust(commune, district, tmp_path)  # so that the commune can verify the receipts
    yield commune, district
    commune.close()
    district.close()


def test_cut_connections_every_batch_imported_exactly_once(
    offices, pg_url: str, tmp_path: Path, fast_retries
) -> None:
    commune, district = offices
    make_batches(commune, tmp_path, 6)
    with IntakeServer(pg_url, "admin", PW, tmp_path / "intake.log") as server:
        link = FlakyLink(server.port, cut_probability=0.5, cut_max_bytes=6000, seed=7)
        try:
            settings = set_outbox_settings(commune.admin, OutboxSettings(endpoint=link.url))
            sender = Sender(commune.registrar, IntakeClient(settings, timeout=5))
            result = sender.drain(until=time.monotonic() + 240)
        finally:
            link.stop()
        events = server.events()
        log_text = server.log_path.read_text()
    assert result.outcome == "done", result
    assert link.cuts >= 3  # the link really was cut, mid-upload
    assert sorted(result.delivered) == [1, 2, 3, 4, 5, 6]
    assert sorted(result.acknowledged) == [1, 2, 3, 4, 5, 6]
    counts = district_counts(district)
    assert counts == {
        "received": 6,
        "distinct": 6,
        "imports": 6,
        "acts": 18,
        "uploads": 0,
        "chunks": 0,
        "receipts": 6,
    }
    # The commune sees every batch acknowledged by the district's signed receipt.
    st = transmission_status(commune.registrar)
    assert [b.status for b in st.batches] == ["acknowledged"] * 6
    assert all(b.acknowledged_by == district.office_id for b in st.batches)
    out = outbox_status(commune.registrar)
    assert [d.state for d in out.deliveries] == ["acknowledged"] * 6
    # Structured logs, identifiers only.
    assert sum(1 for e in events if e["event"] == "batch.imported") == 6
    assert any(e["event"] == "upload.chunk" for e in events)
    for name in [*NAMES, "Enfant"]:
        assert name not in log_text
    # … and not the client's address (only the service's own, at start)
    assert "127.0.0.1" not in "".join(
        json.dumps(e) for e in events if e["event"] != "service.start"
    )

    # Sending again changes nothing: the queue is empty.
    again = Sender(commune.registrar, IntakeClient(settings)).drain(until=time.monotonic() + 5)
    assert again.outcome == "done" and again.delivered == []


def _patch(url: str, sha: str, offset: int, length: int, body: bytes) -> tuple[int, dict]:
    req = urllib.request.Request(
        f"{url}/v1/batches/{sha}",
        data=body,
        method="PATCH",
        headers={"Upload-Offset": str(offset), "Upload-Length": str(length)},
    )
    try:
        with urllib.request.urlopen(req, timeout=30) as r:
            return r.status, json.loads(r.read())
    except urllib.error.HTTPError as exc:
        return exc.code, json.loads(exc.read() or b"{}")


def test_forged_batches_get_4xx_and_nothing_is_imported(
    offices, pg_url: str, tmp_path: Path
) -> None:
    commune, district = offices
    (good,) = make_batches(commune, tmp_path, 1)
    data = good.read_bytes()
    stranger = new_commune(tmp_path, "99")  # an office the district does not trust
    try:
        (tmp_path / "x").mkdir()
        (foreign,) = make_batches(stranger, tmp_path / "x", 1)
    finally:
        stranger.close()
    before = snapshot(district.admin)
    with IntakeServer(pg_url, "admin", PW, tmp_path / "intake.log") as server:
        # 1. an altered signed header: refused on the first bytes
        forged = bytearray(data)
        forged[40] ^= 0x01
        sha = hashlib.sha256(forged).hexdigest()
        status, body = _patch(server.url, sha, 0, len(forged), bytes(forged))
        assert 400 <= status < 500 and body["error"] in ("bad_signature", "malformed_header")
        # 2. a batch from an office the district does not trust
        fdata = foreign.read_bytes()
        status, body = _patch(server.url, hashlib.sha256(fdata).hexdigest(), 0, len(fdata), fdata)
        assert status == 403 and body["error"] == "unknown_office"
        assert "BF-99-01" in body["message"]
        # 3. a valid signature over an altered payload: refused at import, upload discarded
        tampered = bytearray(data)
        tampered[-5] ^= 0xFF
        sha = hashlib.sha256(tampered).hexdigest()
        status, body = _patch(server.url, sha, 0, len(tampered), bytes(tampered))
        assert status == 422 and body["error"] == "hash_mismatch"
        # 4. the right bytes announced under another batch's name
        status, body = _patch(server.url, "0" * 64, 0, len(data), data)
        assert status == 422 and body["error"] == "upload_corrupted"
        # 5. malformed requests
        status, body = _patch(server.url, "not-a-hash", 0, 10, b"x" * 10)
        assert status in (400, 404)
        status, body = _patch(server.url, sha, 0, 10**12, b"x")
        assert status == 413 and body["error"] == "too_large"
    assert snapshot(district.admin) == before  # nothing imported, nothing left behind


def test_two_intake_processes_receiving_the_same_batches(
    offices, pg_url: str, tmp_path: Path
) -> None:
    commune, district = offices
    files = make_batches(commune, tmp_path, 5)
    a = IntakeServer(pg_url, "admin", PW, tmp_path / "a.log")
    b = IntakeServer(pg_url, "admin", PW, tmp_path / "b.log")
    answers: list[tuple[str, int, str]] = []
    errors: list[BaseException] = []

    def push(url: str, piece: int) -> None:
        try:
            for path in files:
                data = path.read_bytes()
                sha = hashlib.sha256(data).hexdigest()
                offset = 0
                while True:
                    piece_ = data[offset : offset + piece]
                    status, body = _patch(url, sha, offset, len(data), piece_)
                    if status == 200 and body["status"] != "uploading":
                        answers.append((url, int(body["sequence"]), body["receipt"]))
                        break
                    assert status in (200, 409), body
                    offset = int(body.get("offset", 0))
        except BaseException as exc:
            errors.append(exc)

    try:
        threads = [
            threading.Thread(target=push, args=(a.url, 700)),
            threading.Thread(target=push, args=(b.url, 1100)),
        ]
        for t in threads:
            t.start()
        for t in threads:
            t.join(timeout=180)
    finally:
        a.stop()
        b.stop()
    assert errors == []
    counts = district_counts(district)
    assert counts["received"] == 5 and counts["distinct"] == 5 and counts["imports"] == 5
    assert counts["acts"] == 15 and counts["uploads"] == 0 and counts["receipts"] == 5
    # Both processes gave the same signed receipt for each batch.
    by_seq: dict[int, set[str]] = {}
    for _url, seq, receipt in answers:
        by_seq.setdefault(seq, set()).add(receipt)
    assert sorted(by_seq) == [1, 2, 3, 4, 5]
    assert all(len(r) == 1 for r in by_seq.values())


def test_batch_brought_on_a_stick_first_is_acknowledged_online(
    offices, pg_url: str, tmp_path: Path
) -> None:
    from civreg.services.transmission import import_batches

    commune, district = offices
    files = make_batches(commune, tmp_path, 2)
    import_batches(district.admin, [files[0]], receipt_dir=tmp_path)  # the USB stick
    with IntakeServer(pg_url, "admin", PW, tmp_path / "intake.log") as server:
        settings = set_outbox_settings(commune.admin, OutboxSettings(endpoint=server.url))
        result = Sender(commune.registrar, IntakeClient(settings)).drain(
            until=time.monotonic() + 60
        )
    assert result.outcome == "done" and sorted(result.acknowledged) == [1, 2]
    counts = district_counts(district)
    assert counts["received"] == 2 and counts["imports"] == 2 and counts["acts"] == 6


def test_refused_batch_stops_the_queue_with_its_reason(
    pg_url: str, tmp_path: Path, fast_retries
) -> None:
    commune, district = new_commune(tmp_path, "11"), new_district(tmp_path, pg_url)
    try:
        make_batches(commune, tmp_path, 2)
        with IntakeServer(pg_url, "admin", PW, tmp_path / "intake.log") as server:
            settings = set_outbox_settings(commune.admin, OutboxSettings(endpoint=server.url))
            result = Sender(commune.registrar, IntakeClient(settings)).drain(
                until=time.monotonic() + 30
            )
            assert result.outcome == "refused"
            assert result.refused is not None and result.refused[:2] == (1, "unknown_office")
            out = outbox_status(commune.registrar)
            assert [(d.sequence, d.state, d.last_error) for d in out.deliveries] == [
                (2, "waiting", ""),
                (1, "rejected", "unknown_office"),
            ]
            # The district trusts the commune: the next (forced) try goes through.
            trust(district, commune, tmp_path)
            result = Sender(commune.registrar, IntakeClient(settings)).drain(
                until=time.monotonic() + 30, force=True
            )
            assert result.outcome == "done" and sorted(result.delivered) == [1, 2]
            # Without the district's key the receipts cannot be verified yet: delivered.
            assert result.acknowledged == []
            assert {d.state for d in outbox_status(commune.registrar).deliveries} == {"delivered"}
            trust(commune, district, tmp_path)
            result = Sender(commune.registrar, IntakeClient(settings)).drain(
                until=time.monotonic() + 30
            )
            assert sorted(result.acknowledged) == [1, 2]
    finally:
        commune.close()
        district.close()


def test_service_unreachable_ends_offline_and_keeps_the_queue(
    store_path: Path, tmp_path: Path, fast_retries
) -> None:
    commune = new_commune(tmp_path, "11")
    try:
        make_batches(commune, tmp_path, 1)
        settings = set_outbox_settings(commune.admin, OutboxSettings(endpoint="http://127.0.0.1:9"))
        result = Sender(commune.registrar, IntakeClient(settings, timeout=2)).drain(
            until=time.monotonic() + 1.5
        )
        assert result.outcome == "offline"
        (d,) = outbox_status(commune.registrar).deliveries
        assert d.state == "uploading" and d.attempts >= 1 and d.last_error
    finally:
        commune.close()


def test_civreg_send_from_the_command_line(offices, pg_url: str, tmp_path: Path) -> None:
    from tests.integration.test_district_cli import civreg

    commune, _district = offices
    make_batches(commune, tmp_path, 2)
    store = str(commune.path)
    with IntakeServer(pg_url, "admin", PW, tmp_path / "intake.log") as server:
        r = civreg(
            "outbox",
            "set",
            "--store",
            store,
            "--user",
            "admin",
            "--endpoint",
            "http://192.0.2.1/",
            password=PW,
        )
        assert r.returncode == 1 and "https://" in r.stderr  # plain HTTP only on this machine
        r = civreg(
            "outbox",
            "set",
            "--store",
            store,
            "--user",
            "registrar",
            "--endpoint",
            server.url,
            password=PW,
        )
        assert r.returncode == 1  # an administrator's setting
        r = civreg(
            "outbox",
            "set",
            "--store",
            store,
            "--user",
            "admin",
            "--endpoint",
            server.url,
            password=PW,
        )
        assert r.returncode == 0, r.stderr
        r = civreg("send", "--store", store, "--user", "registrar", password=PW)
        assert r.returncode == 0, r.stderr
        assert "2 batch(es) delivered, 2 confirmed" in r.stdout
        r = civreg("send", "--store", store, "--user", "registrar", password=PW)
        assert r.returncode == 0 and "Nothing to send" in r.stdout
        r = civreg(
            "outbox", "status", "--store", store, "--user", "registrar", "--json", password=PW
        )
        doc = json.loads(r.stdout)
        assert [d["state"] for d in doc["deliveries"]] == ["acknowledged", "acknowledged"]
    # The service is gone: exit 3, the queue kept, one line on stderr.
    register(commune, birth("NIKIEMA", "Jean", 9))
    export_batch(commune.registrar, tmp_path / "b3.civbatch")
    r = civreg("send", "--store", store, "--user", "registrar", "--max-time", "2", password=PW)
    assert r.returncode == 3 and r.stderr.count("\n") == 1 and "1 batch" in r.stderr


def test_tls_with_the_districts_certificate(offices, pg_url: str, tmp_path: Path) -> None:
    from tests.integration.intake_support import self_signed

    commune, district = offices
    make_batches(commune, tmp_path, 1)
    cert, key, pem = self_signed(tmp_path)
    tls = ("--tls-cert", str(cert), "--tls-key", str(key))
    with IntakeServer(pg_url, "admin", PW, tmp_path / "intake.log", *tls) as server:
        assert server.url.startswith("https://")
        # Without the district's certificate the client refuses to talk (no silent fallback).
        settings = set_outbox_settings(commune.admin, OutboxSettings(endpoint=server.url))
        result = Sender(commune.registrar, IntakeClient(settings)).drain(
            until=time.monotonic() + 20
        )
        assert result.outcome == "refused" and result.refused[1] == "tls_untrusted"
        assert district_counts(district)["received"] == 0
        settings = set_outbox_settings(
            commune.admin, OutboxSettings(endpoint=server.url, ca_pem=pem)
        )
        result = Sender(commune.registrar, IntakeClient(settings)).drain(
            until=time.monotonic() + 30, force=True
        )
    assert result.outcome == "done" and result.acknowledged == [1]
    assert district_counts(district)["received"] == 1
