"""Back-dating no longer escapes the late-registration rule (issue 10 item 1): the office
records the day it received the declaration (the draft's creation, from the clock) and
lateness is measured to it; a typed earlier date is refused, except for a transcription and
for a paper receipt the registrar states."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select, text

from civreg.domain.acts import Judgment
from civreg.errors import ValidationError
from civreg.models.audit import AuditEntry
from civreg.services.audit_log import act_history
from civreg.services.declare import DeclarationRejected, declare
from civreg.services.drafts import create_draft, update_draft
from civreg.services.queries import get_act
from civreg.services.registration import register_act
from tests.integration.acts_support import TODAY, birth, transcribed

ISSUE_CASE = birth("2020-04-01", declared="2020-05-01")  # "declared" a month after the birth


def _keys(exc: pytest.ExceptionInfo[ValidationError]) -> set[str]:
    return {p.key for p in exc.value.problems}


def test_back_dated_birth_of_2020_is_refused_not_registered_on_time(login) -> None:
    clerk, reg = login("clerk"), login("registrar")
    d = create_draft(clerk, ISSUE_CASE)  # the real clock: the office receives it today
    assert d.received_date == date.today().isoformat()
    with pytest.raises(ValidationError) as exc:
        register_act(reg, d.id)
    assert _keys(exc) == {"val.declaration.before_reception", "val.late.judgment_required"}
    msg = exc.value.message("fr")
    assert date.today().strftime("%d/%m/%Y") in msg and "papier" in msg and "transcription" in msg
    assert "registrar must state" in exc.value.message("en")
    after = get_act(reg, d.id)
    assert after.status == "draft" and after.number is None
    # without the typed date the declaration is dated the day it was received: late, so a
    # court judgment is needed — and with one, it is registered as late
    update_draft(clerk, d.id, replace(ISSUE_CASE, declaration_date=""))
    with pytest.raises(ValidationError) as exc:
        register_act(reg, d.id)
    assert _keys(exc) == {"val.late.judgment_required"}
    j = Judgment("TGI de Koudougou", "JS-88/2026", date.today().isoformat())
    update_draft(clerk, d.id, replace(ISSUE_CASE, declaration_date="", judgment=j))
    v = register_act(reg, d.id)
    assert v.late and v.data.declaration_date == date.today().isoformat()
    assert v.received_date == d.received_date  # the creation day: editing did not change it


def test_lateness_is_measured_to_the_day_the_office_received_the_declaration(login) -> None:
    clerk, reg = login("clerk"), login("registrar")
    # received within two months, registered two months later: the office's delay, not late
    d = create_draft(clerk, birth("2025-03-01"), today=date(2025, 4, 20))
    v = register_act(reg, d.id, today=TODAY)
    assert not v.late and v.received_date == "2025-04-20"
    assert v.data.declaration_date == "2025-04-20"  # not the registration day
    # a typed declaration date later than the receipt counts (the later day)
    d = create_draft(clerk, birth("2025-03-02", declared="2025-05-10"), today=date(2025, 4, 20))
    with pytest.raises(ValidationError) as exc:
        register_act(reg, d.id, today=TODAY)
    assert _keys(exc) == {"val.late.judgment_required"}


def test_a_draft_created_before_the_event_cannot_receive_its_declaration(login) -> None:
    clerk, reg = login("clerk"), login("registrar")
    d = create_draft(clerk, birth("2025-06-01"), today=date(2025, 1, 2))  # a blank kept aside
    with pytest.raises(ValidationError) as exc:
        register_act(reg, d.id, today=TODAY)
    assert "val.reception.before_event" in _keys(exc)
    assert "02/01/2025" in exc.value.message("fr")


def test_transcription_of_a_paper_act_keeps_its_original_dates(login) -> None:
    clerk, reg = login("clerk"), login("registrar")
    data = transcribed(birth("1998-07-14", declared="1998-08-03"), 12, "1998-08-03")
    v = register_act(reg, create_draft(clerk, data, today=TODAY).id, today=TODAY)
    assert not v.late and v.data.declaration_date == "1998-08-03"
    assert v.received_date == TODAY.isoformat() and v.paper_receipt == ""


def test_paper_receipt_needs_the_registrars_statement_recorded_in_the_audit(login) -> None:
    clerk, reg = login("clerk"), login("registrar")
    data = birth("2025-03-12", declared="2025-04-02")
    d = create_draft(clerk, data, today=TODAY)  # entered on 20 June from a paper form
    with pytest.raises(ValidationError) as exc:
        register_act(reg, d.id, today=TODAY)
    assert "val.declaration.before_reception" in _keys(exc)
    statement = "Déclaration reçue sur papier le 02/04/2025 (registre des déclarations n° 112)."
    v = register_act(reg, d.id, today=TODAY, paper_receipt=statement)
    assert not v.late and v.data.declaration_date == "2025-04-02"
    assert (v.received_date, v.paper_receipt) == (TODAY.isoformat(), statement)
    ops = [h.operation for h in act_history(reg, v.id)]
    assert ops == ["draft.create", "act.paper_receipt", "act.register"]
    with reg.store.read() as s:
        entry = s.scalar(select(AuditEntry).where(AuditEntry.operation == "act.paper_receipt"))
        assert entry is not None and entry.username == "registrar"
        assert entry.detail == "declared 2025-04-02, received 2025-06-20"
    # a statement is refused where there is nothing to state
    d2 = create_draft(clerk, birth("2025-06-10"), today=TODAY)
    with pytest.raises(ValidationError) as exc:
        register_act(reg, d2.id, today=TODAY, paper_receipt="Reçue sur papier.")
    assert _keys(exc) == {"val.paper_receipt.unneeded"}


def test_declaration_files_cannot_type_the_received_date(login) -> None:
    clerk, reg = login("clerk"), login("registrar")
    item = {
        "kind": "birth",
        "event_date": "2025-06-10",
        "event_place": "Koudougou",
        "received_date": "2025-06-11",
        "persons": [{"role": "child", "family_name": "KABORE", "given_names": "Ali", "sex": 1}],
    }
    with pytest.raises(DeclarationRejected) as exc:
        declare(clerk, [item], today=TODAY)
    assert [(p.path, p.key) for p in exc.value.problems[0]] == [
        ("received_date", "declare.received_date_not_typed")
    ]
    # the paper-receipt statement is the registrar's, at registration
    item = birth("2025-03-12", declared="2025-04-02").to_dict() | {"paper_receipt": "Reçue."}
    for k in ("judgment", "transcription"):
        item.pop(k)
    with pytest.raises(DeclarationRejected) as exc:
        declare(clerk, [item], today=TODAY)
    assert exc.value.problems[0][0].key == "declare.paper_receipt_needs_register"
    done = declare(reg, [item], register_now=True, today=TODAY)
    v = done.acts[0]
    assert v.paper_receipt == "Reçue." and not v.late and v.received_date == "2025-06-20"


def test_upgrade_gives_existing_drafts_the_day_they_were_created(tmp_path: Path) -> None:
    from civreg.models import migrate
    from civreg.models.engine import sqlcipher_engine
    from civreg.security.keyfile import new_data_key

    engine = sqlcipher_engine(tmp_path / "old.db", new_data_key())
    migrate.upgrade(engine, "0007")  # a store at the revision before this one
    with engine.begin() as conn:
        for i, status in ((1, "draft"), (2, "registered")):
            conn.execute(
                text(
                    "INSERT INTO acts (id, uuid, kind, status, origin, office_id, country,"
                    " commune, centre, event_date, event_time, event_place, event_place_type,"
                    " declaration_date, details, late, judgment_court, judgment_number,"
                    " judgment_date, transcribed, original_date, transcription_note,"
                    " registrar_name, registrar_title, content_hash, created_at, updated_at)"
                    " VALUES (:i, :u, 'birth', :s, 'local', 'BF-11-01', 'BF', '11', '01', '',"
                    " '', '', '', '', '{}', 0, '', '', '', 0, '', '', '', '', '',"
                    " '2025-03-04 10:00:00', '2025-03-04 10:00:00')"
                ),
                {"i": i, "u": f"u{i}", "s": status},
            )
    migrate.upgrade(engine)
    with engine.connect() as conn:
        got = dict(conn.execute(text("SELECT status, received_date FROM acts")).all())
    assert got == {"draft": "2025-03-04", "registered": ""}
    engine.dispose()


def test_a_draft_keeps_the_registrars_statement_until_it_is_registered(login) -> None:
    """Saved with the draft, the statement is registered with it (and audited) even when the
    registration does not repeat it; only who registers may state it."""
    from civreg.errors import PermissionDenied

    clerk, reg = login("clerk"), login("registrar")
    data = birth("2025-03-12", declared="2025-04-02")
    statement = "Déclaration reçue sur papier le 02/04/2025 (registre des déclarations n° 112)."
    with pytest.raises(PermissionDenied):
        create_draft(clerk, data, today=TODAY, paper_receipt=statement)
    d = create_draft(reg, data, today=TODAY, paper_receipt=statement)
    assert get_act(reg, d.id).paper_receipt == statement
    with pytest.raises(PermissionDenied):
        update_draft(clerk, d.id, data, paper_receipt="autre chose")
    update_draft(clerk, d.id, data)  # a clerk's edit leaves it
    assert get_act(reg, d.id).paper_receipt == statement
    v = register_act(reg, d.id, today=TODAY)
    assert not v.late and v.paper_receipt == statement
    assert "act.paper_receipt" in [h.operation for h in act_history(reg, v.id)]
    # withdrawn from the draft: the earlier date no longer stands
    d2 = create_draft(reg, data, today=TODAY, paper_receipt=statement)
    update_draft(reg, d2.id, data, paper_receipt="")
    with pytest.raises(ValidationError) as exc:
        register_act(reg, d2.id, today=TODAY)
    assert "val.declaration.before_reception" in _keys(exc)
