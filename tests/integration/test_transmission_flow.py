"""Happy paths: commune -> district (SQLite) -> national (SQLite or PostgreSQL) with
encryption, forwarding, receipts and notices; gaps; idempotence; quarantine; re-export;
key rotation."""

from __future__ import annotations

import os
import sys
import uuid
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))  # --import-mode=importlib: shared set-up
from transmission_support import (
    birth,
    marriage,
    new_commune,
    new_district,
    prepare_snapshot,
    register,
    snapshot,
    trust,
)

from civreg.errors import BatchRejected, TransmissionError
from civreg.exchange.importer import Limits
from civreg.models.office import Office as OfficeRow
from civreg.security.audit import content_hash
from civreg.security.signing_power import office_signing_key
from civreg.services.keys import authority_init, rotate_office_key
from civreg.services.mentions import add_mention
from civreg.services.queries import get_act
from civreg.services.transmission import (
    export_batch,
    forward_batches,
    import_batches,
    import_receipt,
    list_quarantine,
    resolve_quarantine,
    transmission_status,
)
from civreg.sync.reader import open_batch
from civreg.sync.writer import write_batch


@pytest.fixture(params=["sqlite", "postgresql"])
def national_url(request: pytest.FixtureRequest):
    if request.param == "sqlite":
        yield None
        return
    if not os.environ.get("CIVREG_TEST_PG_URL"):
        pytest.skip("no PostgreSQL server: set CIVREG_TEST_PG_URL")
    yield request.getfixturevalue("pg_url")


def test_commune_to_district_to_national(tmp_path: Path, national_url: str | None) -> None:
    a, b = new_commune(tmp_path, "11"), new_commune(tmp_path, "12")
    district = new_district(tmp_path)
    national = new_district(tmp_path, national_url, office="NAT")
    try:
        authority = tmp_path / "authority.pub.json"
        authority_init(national.admin, authority)
        for importer, sender in (
            (district, a),
            (district, b),
            (a, district),
            (b, district),
            (national, a),
            (national, b),
        ):
            trust(importer, sender, tmp_path)
        gb = register(b, birth("ZONGO", "Alice", 3))
        ga = register(a, birth("KABORE", "Paul", 2))
        gm = register(a, marriage(ga, gb))  # B's birth act gets a notice
        up = tmp_path / "up"
        up.mkdir()
        ra = export_batch(a.registrar, up / "a1.civbatch", recipient_key_file=authority)
        plain = export_batch(b.registrar, up / "b1.civbatch")
        assert ra.encrypted and not plain.encrypted and ra.counts["notice"] == 1

        report = import_batches(district.admin, sorted(up.iterdir()), receipt_dir=tmp_path)
        states = {r.office_id: r.status for r in report.batches}
        assert states == {a.office_id: "sealed", b.office_id: "imported"}
        assert report.gaps == {a.office_id: [], b.office_id: []}

        # the commune records the district's receipt: batch 1 acknowledged
        assert transmission_status(a.registrar).batches[0].status == "sent"
        ack = import_receipt(a.registrar, Path(report.receipt_path or ""))
        assert ack.acknowledged == (1,) and ack.issuer == district.office_id
        assert transmission_status(a.registrar).batches[0].status == "acknowledged"
        assert import_receipt(a.registrar, Path(report.receipt_path or "")).already_known

        # forwarding: unchanged bytes, the commune's signature checked at national level
        fw = tmp_path / "forward"
        fw.mkdir()
        sent = forward_batches(district.admin, fw)
        assert sorted(p.read_bytes() for p in sent) == sorted(p.read_bytes() for p in up.iterdir())
        assert forward_batches(district.admin, fw) == []
        nat = import_batches(national.admin, sent, receipt_dir=tmp_path)
        assert {r.status for r in nat.batches} == {"imported"}
        for gid in (ga, gb, gm):
            assert get_act(national.admin, gid).global_id == gid

        # A's notice was sealed for the district; the national store routes it back to B
        assert nat.batches[0].outcome["notices"]["routed"] == 1
        trust(b, national, tmp_path)
        down = tmp_path / "n1.civbatch"
        export_batch(national.admin, down)
        applied = import_batches(b.admin, [down], receipt_dir=tmp_path)
        assert applied.batches[0].outcome["notices"]["applied"] == 1
        mentions = get_act(b.registrar, gb).mentions
        assert [m.kind for m in mentions] == ["marriage"] and gm in mentions[0].text
    finally:
        for o in (a, b, district, national):
            o.close()


def _office_key(ctx):
    with ctx.store.read() as s:
        row = s.query(OfficeRow).one()
        return office_signing_key(s, row), row.key_id


def test_gaps_idempotence_and_identical_reexport(tmp_path: Path) -> None:
    a, district = new_commune(tmp_path, "11"), new_district(tmp_path)
    try:
        trust(district, a, tmp_path)
        files = []
        for n in range(3):
            register(a, birth("KABORE", f"Enfant {chr(65 + n)}", 2 + n))
            files.append(tmp_path / f"a{n + 1}.civbatch")
            export_batch(a.registrar, files[-1])
        with pytest.raises(TransmissionError):
            export_batch(a.registrar, tmp_path / "empty.civbatch")  # nothing new
        first = files[0].read_bytes()
        again = export_batch(a.registrar, tmp_path / "again.civbatch", again=1)
        assert (tmp_path / "again.civbatch").read_bytes() == first and again.again

        report = import_batches(district.admin, [files[0], files[2]], receipt_dir=tmp_path)
        assert report.gaps == {a.office_id: [2]}
        prepare_snapshot(district.admin)
        before = snapshot(district.admin)
        twice = import_batches(
            district.admin, [files[2], tmp_path / "again.civbatch"], receipt_dir=tmp_path
        )
        assert [r.status for r in twice.batches] == ["already_imported"] * 2
        assert snapshot(district.admin) == before
        filled = import_batches(district.admin, [files[1]], receipt_dir=tmp_path)
        assert filled.gaps == {a.office_id: []}
    finally:
        a.close()
        district.close()


def test_differing_record_is_quarantined_unless_a_mention_explains_it(tmp_path: Path) -> None:
    a, district = new_commune(tmp_path, "11"), new_district(tmp_path)
    try:
        trust(district, a, tmp_path)
        gid = register(a, birth("KABORE", "Paul", 2))
        first = tmp_path / "a1.civbatch"
        export_batch(a.registrar, first)
        import_batches(district.admin, [first], receipt_dir=tmp_path)
        key, kid = _office_key(a.admin)
        act = next(
            r
            for r in open_batch(first.read_bytes(), lambda o, k: ("trusted", key.public_key()))
            if r["type"] == "act"
        )
        changed = {**act, "content": {**act["content"], "event_place": "Maternité"}}
        changed["content_hash"] = content_hash(changed["content"])
        forged = tmp_path / "a2.civbatch"
        forged.write_bytes(
            write_batch(
                [changed], office_id=a.office_id, sequence=2, change_range=(50, 50), signing_key=key
            )
        )
        report = import_batches(district.admin, [forged], receipt_dir=tmp_path)
        assert [(q.record_id, q.reason) for q in report.batches[0].quarantined] == [
            (gid, "differs")
        ]
        assert get_act(district.admin, gid).data.event_place == "CSPS"  # never overwritten
        items = list_quarantine(district.officer)
        assert [(i.record_id, i.reason, i.batch_sequence) for i in items] == [(gid, "differs", 2)]
        resolve_quarantine(district.officer, items[0].id, "checked with the commune")
        assert list_quarantine(district.officer) == []

        # the commune hears about it through the receipt
        trust(a, district, tmp_path)
        mention = {
            "type": "mention",
            "id": str(uuid.uuid4()),
            "act": gid,
            "kind": "rectification",
            "date": "2025-06-20",
            "text": "lieu rectifié",
            "authority": "Procureur",
            "reference": "R-1",
            "related_ref": "",
            "source": "local",
            "recorded_by_name": "OEC",
            "recorded_at": "2025-06-20T10:00:00",
        }
        explained = tmp_path / "a3.civbatch"
        explained.write_bytes(
            write_batch(
                [changed, mention],
                office_id=a.office_id,
                sequence=3,
                change_range=(51, 51),
                signing_key=key,
            )
        )
        r3 = import_batches(district.admin, [explained], receipt_dir=tmp_path)
        assert r3.batches[0].quarantined == ()
        assert r3.batches[0].outcome["acts"]["explained"] == 1
        assert [m.kind for m in get_act(district.admin, gid).mentions] == ["rectification"]
        assert kid
    finally:
        a.close()
        district.close()


def test_receipt_reports_quarantine_to_the_commune(tmp_path: Path) -> None:
    a, district = new_commune(tmp_path, "11"), new_district(tmp_path)
    try:
        trust(district, a, tmp_path)
        trust(a, district, tmp_path)
        gid = register(a, birth("KABORE", "Paul", 2))
        batch = tmp_path / "a1.civbatch"
        export_batch(a.registrar, batch)
        # the district already holds the act with other content (forged earlier copy)
        key, _ = _office_key(a.admin)
        records = open_batch(batch.read_bytes(), lambda o, k: ("trusted", key.public_key()))
        act = next(r for r in records if r["type"] == "act")
        other = {**act, "content": {**act["content"], "event_time": "23:59"}}
        other["content_hash"] = content_hash(other["content"])
        early = tmp_path / "early.civbatch"
        early.write_bytes(
            write_batch(
                [other], office_id=a.office_id, sequence=7, change_range=(90, 90), signing_key=key
            )
        )
        import_batches(district.admin, [early], receipt_dir=tmp_path)
        # batch 1 differs from the stored act and nothing explains it: quarantined
        report = import_batches(district.admin, [batch], receipt_dir=tmp_path)
        assert report.batches[0].outcome["acts"]["quarantined"] == 1
        assert report.gaps[a.office_id] == [2, 3, 4, 5, 6]
        ack = import_receipt(a.registrar, Path(report.receipt_path or ""))
        assert ack.acknowledged == (1,) and ack.quarantined == 1
        status = transmission_status(a.registrar)
        assert status.batches[0].status == "quarantined"
        assert status.batches[0].quarantined == ({"type": "act", "id": gid, "reason": "differs"},)
        add_mention(
            a.registrar,
            gid,
            kind="rectification",
            when="2025-06-20",
            text="x",
            authority="Procureur",
            reference="R-2",
        )
        assert transmission_status(a.registrar).pending_changes == 1
    finally:
        a.close()
        district.close()


def test_key_rotation_is_announced_under_the_old_key(tmp_path: Path) -> None:
    a, district = new_commune(tmp_path, "11"), new_district(tmp_path)
    try:
        trust(district, a, tmp_path)
        old = a.admin.office.key_id
        register(a, birth("KABORE", "Paul", 2))
        new = rotate_office_key(a.admin)
        b1, b2 = tmp_path / "a1.civbatch", tmp_path / "a2.civbatch"
        r1 = export_batch(a.registrar, b1)
        assert r1.counts.get("key_announcement") == 1
        register(a, birth("KABORE", "Jean", 3))
        export_batch(a.registrar, b2)
        _, signing = _office_key(a.admin)
        assert signing == new != old
        # batch 2 alone: the district does not know the new key yet
        prepare_snapshot(district.admin)
        before = snapshot(district.admin)
        with pytest.raises(BatchRejected) as info:
            import_batches(district.admin, [b2], receipt_dir=tmp_path)
        assert info.value.reason == "unknown_key"
        assert snapshot(district.admin) == before
        report = import_batches(district.admin, [b2, b1], receipt_dir=tmp_path)
        assert [r.sequence for r in report.batches] == [1, 2]
        assert report.batches[0].outcome["keys_added"] == 1
    finally:
        a.close()
        district.close()


def test_a_birth_registered_in_two_communes_is_quarantined_at_the_district(
    tmp_path: Path,
) -> None:
    """The import runs the duplicate check on the acts it inserted: the second commune's act
    of the same birth waits in quarantine for the district officer."""
    a, b = new_commune(tmp_path, "11"), new_commune(tmp_path, "12")
    district = new_district(tmp_path)
    try:
        trust(district, a, tmp_path)
        trust(district, b, tmp_path)
        register(a, birth("KABORE", "Paul", 2))
        twin = register(b, birth("KABORE", "Paul", 2))
        register(b, birth("ZONGO", "Alice", 9, mother="SAWADOGO"))
        export_batch(a.registrar, tmp_path / "a1.civbatch")
        export_batch(b.registrar, tmp_path / "b1.civbatch")
        report = import_batches(
            district.admin, [tmp_path / "a1.civbatch", tmp_path / "b1.civbatch"]
        )
        by_office = {r.office_id: r for r in report.batches}
        assert by_office[a.office_id].outcome["possible_duplicates"] == 0
        assert by_office[b.office_id].outcome["possible_duplicates"] == 1
        assert [(q.record_id, q.reason) for q in by_office[b.office_id].quarantined] == [
            (twin, "possible_duplicate")
        ]
        assert district.officer is not None
        held = list_quarantine(district.officer)
        assert [(q.record_id, q.reason) for q in held] == [(twin, "possible_duplicate")]
    finally:
        for o in (a, b, district):
            o.close()


@pytest.mark.parametrize("span_days", [62, 1])
def test_batch_duplicate_check_finds_what_the_check_act_by_act_finds(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, span_days: int, national_url: str | None
) -> None:
    """The import checks its acts together (issue 17: act by act, 1 000 acts took ~100 s of
    round trips on PostgreSQL); the answer is the one the act-by-act check gives, on both
    engines (``test_duplicate_batch.py`` compares them on a crowded store)."""
    from sqlalchemy import select

    from civreg.models.acts import Act
    from civreg.services import duplicate_batch
    from civreg.services.duplicate_match import candidates_for_act

    monkeypatch.setattr(duplicate_batch, "SPAN_DAYS", span_days)
    a, b = new_commune(tmp_path, "11"), new_commune(tmp_path, "12")
    district = new_district(tmp_path, national_url)
    try:
        trust(district, a, tmp_path)
        trust(district, b, tmp_path)
        for fam, giv, day in (("KABORE", "Paul", 2), ("ZONGO", "Alice", 9), ("SANOU", "Ali", 14)):
            register(a, birth(fam, giv, day))
            register(b, birth(fam, giv, day + 1))  # the same births, a day off, elsewhere
        register(b, birth("OUATTARA", "Mariam", 5))
        export_batch(a.registrar, tmp_path / "a1.civbatch")
        export_batch(b.registrar, tmp_path / "b1.civbatch")
        report = import_batches(
            district.admin, [tmp_path / "a1.civbatch", tmp_path / "b1.civbatch"]
        )
        by_office = {r.office_id: r for r in report.batches}
        assert by_office[b.office_id].outcome["possible_duplicates"] == 3
        days = district.admin.profile.duplicate_window_days
        with district.admin.store.read() as s:
            ids = list(s.scalars(select(Act.id).where(Act.commune == "12")))
            one_by_one = {}
            for act_id in ids:
                cross = [c for c in candidates_for_act(s, act_id, days) if c.cross_commune]
                if cross:
                    one_by_one[act_id] = cross
            together = duplicate_batch.cross_commune_duplicates(s, ids, days)
        assert len(one_by_one) == 3
        assert together == one_by_one
        assert all(c.global_id and c.commune == "11" for cs in together.values() for c in cs)
    finally:
        for o in (a, b, district):
            o.close()


def test_a_batch_read_in_a_worker_process_stores_the_same_rows(tmp_path: Path) -> None:
    """A big batch is read in a process of its own (``Limits.worker_min_acts``): the store
    gets exactly the rows it gets when the batch is read in the importing process."""
    a = new_commune(tmp_path, "11")
    here, there = new_district(tmp_path), new_district(tmp_path, office="D12")
    try:
        for district in (here, there):
            trust(district, a, tmp_path)
        ga = register(a, birth("KABORE", "Paul", 2))
        gb = register(a, birth("ZONGO", "Alice", 3, mother="SAWADOGO"))
        register(a, marriage(ga, gb))
        add_mention(
            a.registrar,
            ga,
            kind="rectification",
            when="2025-06-20",
            text="x",
            authority="Procureur",
            reference="R-2",
        )
        batch = tmp_path / "a1.civbatch"
        export_batch(a.registrar, batch)
        near = import_batches(here.admin, [batch], receipt_dir=tmp_path)
        far = import_batches(
            there.admin, [batch], receipt_dir=tmp_path, limits=Limits(worker_min_acts=0)
        )
        assert far.batches[0].outcome == near.batches[0].outcome
        assert near.batches[0].outcome["acts"]["inserted"] == 3
        rows_here, rows_there = snapshot(here.admin)[0], snapshot(there.admin)[0]
        for table in ("acts", "act_persons", "person_search", "mentions"):
            assert rows_there[table] == rows_here[table], table
        assert rows_here["acts"]
    finally:
        for o in (a, here, there):
            o.close()
