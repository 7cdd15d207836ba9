"""Attack: put back an older copy of the store and its key file. Before the fix every check
passed: a disabled clerk logged in again, and act number N-2026-000001 was given a second
time after a certificate had been printed for the first child."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from civreg.domain.acts import ActInput, ActKind, Person
from civreg.errors import AccountDisabled
from civreg.security.audit import StoreBehind
from civreg.security.keyfile import keyfile_path
from civreg.services.audit_log import acknowledge_rollback, rollback_status
from civreg.services.copies import Requester
from civreg.services.drafts import create_draft
from civreg.services.registration import register_act
from civreg.services.users import disable_user
from tests.conftest import PASSWORDS

MOTHER = Requester("ZIDA Awa", "parent")


def _birth(name: str, day: int = 3) -> ActInput:
    return ActInput(
        kind=ActKind.BIRTH,
        event_date=(dt.date.today() - dt.timedelta(days=day)).isoformat(),
        event_place="Koudougou",
        declaration_date=dt.date.today().isoformat(),
        persons=(
            Person(role="child", family_name="SAWADOGO", given_names=name, sex=1),
            Person(role="mother", family_name="ZIDA", given_names="Awa", sex=2),
            Person(
                role="declarant", family_name="ZIDA", given_names="Awa", sex=2, capacity="mother"
            ),
        ),
    )


def _snapshot(store_path: Path, folder: Path) -> None:
    folder.mkdir()
    for p in (store_path, keyfile_path(store_path)):
        shutil.copy2(p, folder / p.name)


def _put_back(store_path: Path, folder: Path) -> None:
    for p in (Path(f"{store_path}-wal"), Path(f"{store_path}-shm")):
        p.unlink(missing_ok=True)
    for p in folder.iterdir():
        shutil.copy2(p, store_path.parent / p.name)


def _close_all(*ctxs) -> None:
    for c in ctxs:
        c.close()


def test_put_back_store_refuses_to_reuse_numbers(store_path: Path, tmp_path: Path) -> None:
    from civreg.services.store_access import login

    clerk = login(store_path, "clerk", PASSWORDS["clerk"])
    reg = login(store_path, "registrar", PASSWORDS["registrar"])
    reg.store.checkpoint()
    _close_all(clerk, reg)
    _snapshot(store_path, tmp_path / "old")

    clerk = login(store_path, "clerk", PASSWORDS["clerk"])
    reg = login(store_path, "registrar", PASSWORDS["registrar"])
    first = register_act(reg, create_draft(clerk, _birth("Premier")).id)
    from civreg.services.certificates import issue_certificate

    issue_certificate(reg, first.id, "full", requester=MOTHER, out=tmp_path / "first.pdf")
    _close_all(clerk, reg)

    _put_back(store_path, tmp_path / "old")
    clerk = login(store_path, "clerk", PASSWORDS["clerk"])
    reg = login(store_path, "registrar", PASSWORDS["registrar"])
    try:
        status = rollback_status(reg)
        assert status.behind and status.source == "local"
        assert any("n° 2" in r or "#2" in r for r in status.reasons), status.reasons
        draft = create_draft(clerk, _birth("Second"))  # drafts are still possible
        with pytest.raises(StoreBehind) as exc:
            register_act(reg, draft.id)
        assert "civreg audit acknowledge" in exc.value.message("fr")
    finally:
        _close_all(clerk, reg)

    admin = login(store_path, "admin", PASSWORDS["admin"])
    detail = acknowledge_rollback(admin)
    assert "numbers skipped" in detail
    admin.close()

    reg = login(store_path, "registrar", PASSWORDS["registrar"])
    try:
        assert not rollback_status(reg).behind
        second = register_act(reg, draft.id)
        assert second.number == first.number + 1  # never the first child's number again
        assert second.global_id != first.global_id
    finally:
        reg.close()


def test_put_back_key_file_does_not_revive_a_disabled_account(
    store_path: Path, tmp_path: Path
) -> None:
    from civreg.services.store_access import login

    _snapshot(store_path, tmp_path / "old")
    admin = login(store_path, "admin", PASSWORDS["admin"])
    disable_user(admin, "clerk")
    admin.close()
    with pytest.raises(AccountDisabled):
        login(store_path, "clerk", PASSWORDS["clerk"])

    _put_back(store_path, tmp_path / "old")  # the store and key file from before
    with pytest.raises(AccountDisabled):
        login(store_path, "clerk", PASSWORDS["clerk"])
    admin = login(store_path, "admin", PASSWORDS["admin"])
    try:
        reasons = rollback_status(admin).reasons
        assert any("désactivé" in r or "disabled" in r for r in reasons), reasons
    finally:
        admin.close()


def test_store_ahead_of_the_mark_is_not_flagged(store_path: Path, login) -> None:
    clerk, reg = login("clerk"), login("registrar")
    for i, name in enumerate(("Ali", "Issa", "Paul")):
        register_act(reg, create_draft(clerk, _birth(name, 2 + i)).id)
    assert not rollback_status(login("admin")).behind


def test_acknowledge_needs_an_administrator_and_a_reason(login) -> None:
    from civreg.errors import CivregError, PermissionDenied

    with pytest.raises(PermissionDenied):
        acknowledge_rollback(login("registrar"))
    with pytest.raises(CivregError) as exc:
        acknowledge_rollback(login("admin"))
    assert exc.value.key == "audit.not_behind"
