"""Registers: continue a paper register mid-year, transcribe its paper acts below the first
digital number, close a year, list; every refusal says why and changes nothing."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from civreg.domain.acts import ActInput, ActKind, Person, Transcription
from civreg.errors import CivregError, Conflict, PermissionDenied
from civreg.security.keyfile import keyfile_path
from civreg.services.drafts import create_draft
from civreg.services.registers import (
    close_register,
    list_registers,
    next_number,
    start_register,
)
from civreg.services.registration import register_act
from tests.conftest import PASSWORDS
from tests.integration.test_cli import civreg

JUNE = date(2026, 6, 15)


@pytest.fixture(autouse=True)
def french():
    """Messages are checked in French (another test may have left English set)."""
    from civreg.i18n import get_language, set_language

    before = get_language()
    set_language("fr")
    yield
    set_language(before)


def birth(event: str = "2026-06-10", **changes) -> ActInput:
    data = ActInput(
        kind=ActKind.BIRTH,
        event_date=event,
        event_place="Koudougou",
        event_place_type="health_facility",
        persons=(
            Person("child", family_name="ZONGO", given_names="Awa", sex=2),
            Person("mother", family_name="KABORE", given_names="Salif", birth_date="1994"),
            Person("declarant", family_name="KABORE", given_names="Salif", capacity="mother"),
        ),
    )
    return replace(data, **changes)


def audit_count(ctx) -> int:
    from civreg.services.audit_log import verify_chain

    return verify_chain(ctx).entries


def test_commune_switching_in_june_continues_its_paper_register(login) -> None:
    admin, reg = login("admin"), login("registrar")
    changes = start_register(admin, centre="01", kind="birth", year=2026, first_number=38)
    assert ("01", "birth", 2026) in changes.registers
    assert next_number(reg, centre="01", kind="birth", year=2026) == 38
    first = register_act(reg, create_draft(reg, birth(), today=JUNE).id, today=JUNE)
    assert (first.year, first.number) == (2026, 38)
    assert first.global_id.endswith("-N-2026-000038")
    # A paper act of the same register is transcribed later with its own, lower number.
    paper = birth("2026-02-01", transcription=Transcription(12, "2026-02-03"))
    old = register_act(reg, create_draft(reg, paper, today=JUNE).id, today=JUNE)
    assert (old.year, old.number) == (2026, 12)
    with pytest.raises(Conflict):  # the paper register stopped at 37
        clash = birth("2026-02-01", transcription=Transcription(40, "2026-02-03"))
        register_act(reg, create_draft(reg, clash, today=JUNE).id, today=JUNE)
    (row,) = list_registers(reg, kind="birth", year=2026)
    assert (row.first_number, row.next_number, row.acts, row.transcribed) == (38, 39, 1, 1)
    assert row.continues_paper and not row.closed


def test_start_refusals_change_nothing(login) -> None:
    admin, reg = login("admin"), login("registrar")
    before = audit_count(admin)
    with pytest.raises(CivregError, match="entier positif"):
        start_register(admin, centre="01", kind="birth", year=2026, first_number=0)
    with pytest.raises(CivregError, match="n'existe pas"):
        start_register(admin, centre="99", kind="birth", year=2026, first_number=5)
    with pytest.raises(CivregError, match="naissance, mariage ou décès"):
        start_register(admin, centre="01", kind="divorce", year=2026, first_number=5)
    with pytest.raises(PermissionDenied):
        start_register(login("clerk"), centre="01", kind="birth", year=2026, first_number=5)
    assert audit_count(admin) == before
    assert list_registers(admin) == []
    # A transcribed paper act with number 20 already sits in the 2026 register.
    paper = birth("2026-02-01", transcription=Transcription(20, "2026-02-03"))
    register_act(reg, create_draft(reg, paper, today=JUNE).id, today=JUNE)
    with pytest.raises(Conflict, match="au moins 21"):
        start_register(admin, centre="01", kind="birth", year=2026, first_number=20)
    start_register(admin, centre="01", kind="birth", year=2026, first_number=21)
    register_act(reg, create_draft(reg, birth(), today=JUNE).id, today=JUNE)
    with pytest.raises(Conflict, match="contient déjà des actes"):
        start_register(admin, centre="01", kind="birth", year=2026, first_number=50)
    assert next_number(reg, centre="01", kind="birth", year=2026) == 22


def test_closing_a_year(login) -> None:
    reg = login("registrar")
    v = register_act(reg, create_draft(reg, birth(), today=JUNE).id, today=JUNE)
    with pytest.raises(CivregError, match="n'est pas terminée"):
        close_register(reg, centre="01", kind="birth", year=2026, today=date(2026, 12, 30))
    before = audit_count(reg)
    close_register(reg, centre="01", kind="birth", year=2026, today=date(2026, 12, 31))
    assert audit_count(reg) == before + 1
    with pytest.raises(Conflict, match="déjà clos"):
        close_register(reg, centre="01", kind="birth", year=2026, today=date(2027, 1, 2))
    # No act takes a number in 2026 any more…
    draft = create_draft(reg, birth("2026-12-30"), today=date(2026, 12, 31))
    with pytest.raises(Conflict, match="registre des naissances 2026 du centre 01 est clos"):
        register_act(reg, draft.id, today=date(2026, 12, 31))
    with pytest.raises(Conflict, match="est clos"):
        next_number(reg, centre="01", kind="birth", year=2026)
    # …and the same declaration registered in January goes to the 2027 register.
    late = register_act(reg, draft.id, today=date(2027, 1, 3))
    assert (late.year, late.number) == (2027, 1)
    rows = {r.year: r for r in list_registers(reg, kind="birth")}
    assert rows[2026].closed and rows[2026].acts == 1 and rows[2026].closed_by == "Officier Test"
    assert not rows[2027].closed and rows[2027].acts == 1
    assert v.number == 1


def test_register_commands(store_path: Path) -> None:
    s = str(store_path)
    r = civreg(
        "register", "start", "--store", s, "--user", "admin", "--kind", "birth", "--year",
        "2026", "--first-number", "38", password=PASSWORDS["admin"],
    )  # fmt: skip
    assert r.returncode == 0, r.stderr
    assert "next act takes number 38" in r.stdout
    r = civreg(
        "register", "start", "--store", s, "--user", "admin", "--kind", "birth", "--year",
        "2026", "--first-number", "-4", password=PASSWORDS["admin"],
    )  # fmt: skip
    assert r.returncode == 1 and "positive whole number" in r.stderr and "Traceback" not in r.stderr
    r = civreg(
        "register", "close", "--store", s, "--user", "registrar", "--kind", "death", "--year",
        "2025", password=PASSWORDS["registrar"],
    )  # fmt: skip
    assert r.returncode == 0, r.stderr
    r = civreg(
        "register", "close", "--store", s, "--user", "clerk", "--kind", "death", "--year", "2024",
        password=PASSWORDS["clerk"],
    )  # fmt: skip
    assert r.returncode == 1 and "role" in r.stderr
    r = civreg(
        "register", "list", "--store", s, "--user", "registrar", "--json",
        password=PASSWORDS["registrar"],
    )  # fmt: skip
    assert r.returncode == 0, r.stderr
    import json

    rows = {(x["kind"], x["year"]): x for x in json.loads(r.stdout)}
    assert rows[("birth", 2026)]["first_number"] == 38
    assert rows[("birth", 2026)]["next_number"] == 38
    assert rows[("death", 2025)]["closed"] is True
    r = civreg(
        "register", "list", "--store", s, "--user", "registrar", password=PASSWORDS["registrar"],
        lang="fr",
    )  # fmt: skip
    assert "naissances" in r.stdout and "clos le" in r.stdout
    assert keyfile_path(store_path).exists()
