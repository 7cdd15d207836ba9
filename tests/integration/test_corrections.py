"""Rectifications that correct (issue 12 item 2, the data side): structured corrections on the
mention, the act itself unchanged and frozen, its current values for whoever prints it, and
the corrected names found by search and duplicate detection — here and at the district."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from civreg.errors import ValidationError
from civreg.services.duplicates import find_duplicates
from civreg.services.mentions import add_mention, check_mention, current_values
from civreg.services.queries import get_act
from civreg.services.search import search
from tests.integration.acts_support import TODAY, birth, days_ago, register

RECTIFY = dict(
    kind="rectification",
    when=days_ago(1),
    authority="procureur_du_faso",
    reference="RQ-12/2025",
    today=TODAY,
)


@pytest.fixture
def act(login):
    clerk, reg = login("clerk"), login("registrar")
    v = register(clerk, reg, birth(days_ago(20), family="OUEDRAGO", given="Aicha"))
    return reg, v


def test_rectification_corrects_the_current_values_not_the_act(act) -> None:
    reg, v = act
    after = add_mention(
        reg,
        v.id,
        corrections={"child.family_name": "OUÉDRAOGO", "child.given_names": "Aïcha"},
        **RECTIFY,
    )
    m = after.mentions[0]
    assert [(c.field, c.value, c.previous) for c in m.corrections] == [
        ("child.family_name", "OUÉDRAOGO", "OUEDRAGO"),
        ("child.given_names", "Aïcha", "Aicha"),
    ]
    # the mention's own text (printed on the full copy) keeps the original values
    assert "« OUÉDRAOGO » au lieu de « OUEDRAGO »" in m.text and "de l'enfant" in m.text
    # the act is as registered: never edited
    child = get_act(reg, v.id).data.person("child")
    assert (child.family_name, child.given_names) == ("OUEDRAGO", "Aicha")
    # its current values are corrected, with the original and the mention that corrected it
    cur = current_values(reg, v.id)
    now = cur.data.person("child")
    assert (now.family_name, now.given_names) == ("OUÉDRAOGO", "Aïcha")
    fixed = cur.corrected["child.family_name"]
    assert (fixed.original, fixed.value, fixed.mention_uuid) == ("OUEDRAGO", "OUÉDRAOGO", m.uuid)
    assert fixed.authority == "Procureur du Faso" and fixed.reference == "RQ-12/2025"
    assert not cur.current.is_corrected("mother.family_name")
    # the frozen act and its persons still refuse any change at the database level
    with pytest.raises(DBAPIError, match="registered act"), reg.store.write() as s:
        s.execute(text("UPDATE act_persons SET family_name = 'X' WHERE act_id = :id"), {"id": v.id})


def test_a_later_correction_wins_and_the_original_stays_the_registered_value(act) -> None:
    reg, v = act
    add_mention(reg, v.id, corrections={"child.family_name": "OUEDRAOGO"}, **RECTIFY)
    add_mention(
        reg,
        v.id,
        corrections={"child.family_name": "OUÉDRAOGO", "event_place": "CHR de Koudougou"},
        **{**RECTIFY, "reference": "RQ-13/2025"},
    )
    cur = current_values(reg, v.id)
    assert cur.data.person("child").family_name == "OUÉDRAOGO"
    assert cur.data.event_place == "CHR de Koudougou"
    assert cur.corrected["child.family_name"].original == "OUEDRAGO"
    assert cur.corrected["child.family_name"].reference == "RQ-13/2025"
    assert cur.view.mentions[1].corrections[0].previous == "OUEDRAOGO"


def test_bad_corrections_are_refused_with_their_rule(act) -> None:
    reg, v = act
    cases = {
        "father.family_name": ("X", "mention.correction.person_absent"),
        "child.family_name": ("OUEDRAGO", "mention.correction.same_value"),
        "child.birth_date": ("31/02/2025", "mention.correction.date_invalid"),
        "event_date": ("2031-01-01", "mention.correction.date_future"),
        "child.sex": ("7", "mention.correction.sex_invalid"),
        "child.given_names": ("", "mention.correction.empty"),
        "child.nickname": ("Ali", "mention.correction.field_unknown"),
        "event_time": ("8h", "mention.correction.time_invalid"),
    }
    for path, (value, key) in cases.items():
        with pytest.raises(ValidationError) as exc:
            add_mention(reg, v.id, corrections={path: value}, **RECTIFY)
        assert [(p.path, p.key) for p in exc.value.problems] == [(f"corrections.{path}", key)]
    assert get_act(reg, v.id).mentions == ()
    # a date is stored in ISO form whatever the clerk typed; the sex as its code
    view = add_mention(
        reg, v.id, corrections={"event_date": days_ago(21)[:7], "child.sex": "1"}, **RECTIFY
    )
    assert {c.field: c.value for c in view.mentions[0].corrections} == {
        "event_date": days_ago(21)[:7],
        "child.sex": 1,
    }


def test_change_of_name_needs_corrections_of_the_childs_names_only(act) -> None:
    reg, v = act
    base = dict(
        kind="name_change",
        when=days_ago(1),
        text="Changement de nom.",
        authority="TGI de Koudougou",
        reference="J-3/2025",
        today=TODAY,
    )
    with pytest.raises(ValidationError) as exc:
        add_mention(reg, v.id, **base)
    assert {p.key for p in exc.value.problems} == {"mention.corrections_required"}
    with pytest.raises(ValidationError) as exc:
        add_mention(reg, v.id, corrections={"mother.family_name": "KABORE"}, **base)
    assert {p.key for p in exc.value.problems} == {"mention.correction.field_not_allowed"}
    view = add_mention(reg, v.id, corrections={"child.family_name": "SAWADOGO"}, **base)
    assert current_values(reg, view.id).data.person("child").family_name == "SAWADOGO"


def test_a_rectification_without_corrections_warns_that_copies_keep_the_old_value(act) -> None:
    reg, v = act
    problems = check_mention(reg, v.id, text="Lire Aïcha.", **RECTIFY)
    assert [(p.key, p.severity) for p in problems] == [
        ("mention.corrections_recommended", "warning")
    ]
    assert get_act(reg, v.id).mentions == ()  # checking records nothing


def test_search_and_duplicates_find_the_corrected_and_the_registered_names(act, login) -> None:
    reg, v = act
    clerk = login("clerk")
    assert v.id not in [h.act_id for h in search(clerk, "SANOGO Mariétou").hits]
    add_mention(
        reg,
        v.id,
        corrections={"child.family_name": "SANOGO", "child.given_names": "Mariétou"},
        **RECTIFY,
    )
    hits = search(clerk, "SANOGO Mariétou").hits
    assert hits and hits[0].act_id == v.id
    assert hits[0].subject == "SANOGO Mariétou" and hits[0].score == 100.0
    assert search(clerk, "sanogo marietou").hits[0].act_id == v.id  # accents, case
    assert v.id in [h.act_id for h in search(clerk, "OUEDRAGO Aicha").hits]  # as registered
    # a second declaration of the same birth under the corrected name is caught
    again = birth(v.data.event_date, family="SANOGO", given="Mariétou")
    found = find_duplicates(clerk, again)
    assert [c.act_id for c in found] == [v.id]
    assert found[0].reasons[0].existing == "SANOGO Mariétou"
    # and under the registered name too
    old = birth(v.data.event_date, family="OUEDRAGO", given="Aicha")
    assert [c.act_id for c in find_duplicates(clerk, old)] == [v.id]
    # with a year-only date the corrected name is looked up by its key
    year = replace(again, event_date=v.data.event_date[:4])
    assert v.id in [c.act_id for c in find_duplicates(clerk, year)]


def test_corrections_travel_in_batches_and_the_district_finds_the_corrected_name(
    tmp_path: Path,
) -> None:
    import sys

    sys.path.insert(0, str(Path(__file__).parent))
    from transmission_support import new_commune, new_district, trust
    from transmission_support import register as register_here

    from civreg.services.transmission import export_batch, import_batches

    commune, district = new_commune(tmp_path, "11"), new_district(tmp_path)
    try:
        trust(district, commune, tmp_path)
        data = birth("2025-06-10", family="OUEDRAGO", given="Aicha", declared="2025-06-12")
        gid = register_here(commune, data)
        add_mention(
            commune.registrar,
            gid,
            corrections={"child.family_name": "OUÉDRAOGO"},
            **RECTIFY,
        )
        export_batch(commune.registrar, tmp_path / "b1.civbatch")
        report = import_batches(district.admin, [tmp_path / "b1.civbatch"], receipt_dir=tmp_path)
        assert report.batches[0].status == "imported"
        there = get_act(district.officer, gid)
        assert there.received_date == "2025-06-12"
        assert there.data.person("child").family_name == "OUEDRAGO"
        (m,) = there.mentions
        assert (m.authority_code, m.corrections[0].value) == ("procureur_du_faso", "OUÉDRAOGO")
        cur = current_values(district.officer, gid)
        assert cur.data.person("child").family_name == "OUÉDRAOGO"
        assert search(district.officer, "OUÉDRAOGO Aicha").hits[0].global_id == gid
    finally:
        commune.close()
        district.close()


def test_copies_print_the_corrected_value_and_the_mention_keeps_the_original(act, tmp_path) -> None:
    """Issue 12 item 2: a rectified name is what a copy or an extract says; the full copy's
    mention still reads the registered value; the QR signs what is printed."""
    import io

    from pypdf import PdfReader

    from civreg.services.certificates import issue_certificate
    from civreg.services.copies import Requester

    reg, v = act
    add_mention(reg, v.id, corrections={"child.family_name": "OUÉDRAOGO"}, **RECTIFY)
    for copy in ("full", "extract"):
        res = issue_certificate(
            reg, v.id, copy, requester=Requester("TRAORÉ Mariam", "descendant"),
            out=tmp_path / f"{copy}.pdf",
        )  # fmt: skip
        raw = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(res.pdf)).pages)
        prose = " ".join(raw.split())
        assert "OUÉDRAOGO" in prose, copy
        # the registered spelling appears only inside the rectification's own text
        assert prose.count("OUEDRAGO") == prose.count("au lieu de « OUEDRAGO »"), copy
        if copy == "full":  # the full copy's mention keeps what was registered
            assert "« OUÉDRAOGO » au lieu de « OUEDRAGO »" in prose
