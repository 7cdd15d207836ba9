"""The exporter's fast path (SQLite writes the act records' JSON, issue 17) gives exactly the
bytes of the dict path: on a real store with mentions, a cancellation and corrections (and the
batch it exports imports and verifies at the district), and on rows holding what the
services would rarely or never write (every control character, quotes, backslashes, text
outside the BMP, optional keys, transcriptions, REAL and BLOB values)."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from pathlib import Path

import sqlcipher3
from sqlalchemy import create_engine, insert, select
from sqlalchemy.orm import Session

from civreg.domain.acts import ActInput, ActKind, Judgment, Person
from civreg.exchange.act_lines import act_lines
from civreg.exchange.records import act_records, changed_uuids
from civreg.models.acts import Act, ActPerson
from civreg.models.base import Base
from civreg.services.mentions import add_mention
from civreg.services.transmission import export_batch, import_batches
from civreg.sync.format import canonical_json
from tests.integration.acts_support import TODAY, birth, days_ago, register
from tests.integration.transmission_support import new_commune, new_district, trust

ODD_TEXT = "".join(chr(c) for c in range(32)) + '"\\/ « Réo » \u2028\u2029\ufeff😀 é\x7f'


def _dict_lines(s: Session, uuids: list[str]) -> list[str]:
    return [canonical_json(r).decode("utf-8") for r in act_records(s, uuids)]


def _fast_lines(s: Session, uuids: list[str]) -> list[str]:
    lines = act_lines(s, uuids)
    assert lines is not None
    assert [x.id for x in lines] == [r["id"] for r in act_records(s, uuids)]
    return [x.line for x in lines]


def _acts(clerk, reg) -> list[str]:
    late = replace(
        birth(days_ago(400), family="KABORÉ", given="Aïcha Awa"),
        judgment=Judgment("TGI Koudougou", "123/2025", days_ago(3)),
        declaration_date=TODAY.isoformat(),
    )
    death = ActInput(
        kind=ActKind.DEATH,
        event_date=days_ago(10),
        event_place='CHR "Sud" \\ Réo',
        declaration_date=TODAY.isoformat(),
        persons=(
            Person(
                role="deceased", family_name="KABORE", given_names="Issa", sex=1, birth_date="1950"
            ),
            Person(
                role="declarant",
                family_name="KABORE",
                given_names="Ali",
                sex=1,
                capacity="relative",
                approx_age=40,
            ),
        ),
        details={"cause": {"part1": [{"text": "paludisme", "interval": "3 j"}]}},
    )
    out = [
        register(clerk, reg, late).id,
        register(clerk, reg, death).id,
        register(clerk, reg, birth(days_ago(20), family="OUEDRAGO", given="Aicha")).id,
        register(clerk, reg, birth(days_ago(21), family="ZONGO", given="Moussa", sex=1)).id,
    ]
    add_mention(
        reg,
        out[2],
        kind="rectification",
        when=days_ago(1),
        authority="procureur_du_faso",
        reference="RQ-12/2025",
        corrections={"child.family_name": "OUÉDRAOGO", "child.given_names": "Aïcha"},
        today=TODAY,
    )
    add_mention(
        reg,
        out[3],
        kind="cancellation",
        when=TODAY.isoformat(),
        text="Acte annulé par jugement.",
        authority="TGI de Koudougou",
        reference="J-45/2025",
        today=TODAY,
    )
    return out


def test_fast_path_writes_the_dict_paths_bytes_on_a_real_store(login) -> None:
    clerk, reg = login("clerk"), login("registrar")
    _acts(clerk, reg)
    with reg.store.read() as s:
        uuids = changed_uuids(s, 1, 10**9)["act"]
        assert len(uuids) == 4
        assert _fast_lines(s, uuids) == _dict_lines(s, uuids)  # whole-table read
        assert _fast_lines(s, uuids[1:2]) == _dict_lines(s, uuids[1:2])  # by key
        assert _fast_lines(s, []) == []


def test_the_fast_export_imports_and_verifies_at_the_district(tmp_path: Path) -> None:
    commune, district = new_commune(tmp_path, "11"), new_district(tmp_path)
    try:
        reg = commune.registrar
        _acts(reg, reg)
        with reg.store.read() as s:
            uuids = changed_uuids(s, 1, 10**9)["act"]
            expected = act_records(s, uuids)
        batch = tmp_path / "b1.civbatch"
        result = export_batch(reg, batch)
        assert result.counts["act"] == 4 and result.counts["mention"] == 2
        trust(district, commune, tmp_path)
        report = import_batches(district.admin, [batch], receipt_dir=tmp_path)
        outcome = report.batches[0].outcome
        assert report.batches[0].status == "imported" and report.quarantined == 0
        assert outcome["acts"]["inserted"] == 4 and outcome["mentions_added"] == 2
        with district.admin.store.read() as s:
            stored = {a.global_id: a.content_hash for a in s.scalars(select(Act))}
        assert stored == {r["id"]: r["content_hash"] for r in expected}
    finally:
        commune.close()
        district.close()


def _odd_store() -> Session:
    engine = create_engine("sqlite://", module=sqlcipher3)
    Base.metadata.create_all(engine, tables=[Act.__table__, ActPerson.__table__])
    return Session(engine)


def _act(i: int, **over) -> dict:
    row = dict(
        id=i,
        uuid=f"u-{i}",
        kind="birth",
        status="registered",
        office_id="BF-11-01",
        country="BF",
        commune="11",
        centre="01",
        year=2025,
        number=i,
        global_id=f"BF-11-01-N-2025-{i:06d}",
        event_date="2025-06-01",
        event_place=ODD_TEXT,
        declaration_date="2025-06-02",
        details={"z": 1, "a": {"y": [1, "é"], "b": None}, "cl\u00e9": ODD_TEXT},
        registrar_name="Officier « Kaboré »",
        content_hash="ab" * 32,
        registered_at=None,
    )
    row.update(over)
    return row


def test_fast_path_matches_on_odd_rows() -> None:
    with _odd_store() as s:
        s.execute(
            insert(Act),
            [
                _act(1),
                _act(2, medical={"cause": "x", "a": 2}, late=True, paper_receipt=ODD_TEXT),
                _act(3, transcribed=True, original_number=None, received_date="2025-06-02"),
                _act(4, transcribed=True, original_number=17, original_date="2020-01-01"),
                _act(5, judgment_court="", judgment_number="12", transcription_note="n"),
                _act(6, kind="death", details={}, medical=None, late=None),
                _act(7, details=None, judgment_court=ODD_TEXT),
                _act(8, year=2025.5),  # REAL: the dict path
                _act(9, status="draft"),  # not exported
                _act(10, details={"weight": 2.5e16, "r": 0.1}),  # floats in details
            ],
        )
        s.execute(
            Act.__table__.update()
            .where(Act.id.in_([1, 2, 3]))
            .values(registered_at=datetime(2025, 6, 2, 10, 11, 12, 345678))
        )
        people = []
        for act_id in range(1, 11):
            for role, position in (("witness", 1), ("child", 0), ("witness", 0), ("mother", 0)):
                people.append(
                    dict(
                        act_id=act_id,
                        role=role,
                        position=position,
                        family_name=ODD_TEXT if act_id % 2 else "KABORE",
                        given_names="Aïcha 😀",
                        sex=2,
                        approx_age=None if position else 30,
                    )
                )
        people[-1]["approx_age"] = 30.5  # REAL in the last act (10): the dict path
        s.execute(insert(ActPerson), people)
        uuids = [f"u-{i}" for i in (3, 1, 2, 4, 5, 6, 7, 8, 9, 10)]
        fast = _fast_lines(s, uuids)
        assert len(fast) == 9  # the draft left out, as by the dict path
        assert fast == _dict_lines(s, uuids)
        assert '"approx_age":30.5' in fast[-1] and '"year":2025.5' in fast[-2]
        assert _fast_lines(s, uuids[:2]) == _dict_lines(s, uuids[:2])
        assert s.scalar(select(Act.registered_at).where(Act.id == 1)).microsecond == 345678
