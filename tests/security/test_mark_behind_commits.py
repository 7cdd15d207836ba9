"""The high-water mark is written behind the signed commits, coalesced (issue 17). It keeps
its meaning: a mark that lags the store by the last commits (a power cut before it was
written) is accepted and moved forward at open; a store put back behind the mark is still
refused. Real SQLCipher stores, real files, no clock."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from civreg.security import anchor
from civreg.security.audit import StoreBehind
from civreg.services.drafts import create_draft
from civreg.services.registration import register_act
from civreg.services.store_access import login
from civreg.services.store_guard import current_state, office_public_keys, store_id
from tests.conftest import PASSWORDS
from tests.security.test_rollback import _birth, _put_back, _snapshot


def _open(store_path: Path):
    return (
        login(store_path, "clerk", PASSWORDS["clerk"]),
        login(store_path, "registrar", PASSWORDS["registrar"]),
    )


def _register(clerk, reg, *names: str) -> None:
    for i, name in enumerate(names):
        register_act(reg, create_draft(clerk, _birth(name, 2 + i)).id)


def _mark_on_disk(sid: str) -> dict:
    """The file as a power cut would leave it (not settling what this process has pending)."""
    import json

    return json.loads(anchor.anchor_path(sid).read_text())


def test_closing_the_store_writes_the_committed_state(store_path: Path) -> None:
    clerk, reg = _open(store_path)
    sid = store_id(reg.store)
    _register(clerk, reg, "Ali", "Issa", "Moussa")
    with reg.store.read() as s:
        committed = current_state(reg.store, s)
        keys = office_public_keys(s)
    clerk.close()
    reg.close()
    mark = _mark_on_disk(sid)
    assert anchor.verify_signature(mark, keys)
    assert mark["audit"] == committed["audit"] and mark["numbers"] == committed["numbers"]


def test_a_mark_lagging_the_last_commits_is_accepted_after_a_power_cut(
    store_path: Path, tmp_path: Path
) -> None:
    clerk, reg = _open(store_path)
    sid = store_id(reg.store)
    _register(clerk, reg, "Ali")
    anchor.settle(sid)
    lagging = tmp_path / "mark.json"
    shutil.copy2(anchor.anchor_path(sid), lagging)  # on disk when the power went
    _register(clerk, reg, "Issa", "Moussa")  # committed (durable); their mark never written
    with reg.store.read() as s:
        committed = current_state(reg.store, s)
    clerk.close()
    reg.close()
    shutil.copy2(lagging, anchor.anchor_path(sid))
    assert _mark_on_disk(sid)["audit"]["seq"] < committed["audit"]["seq"]

    clerk, reg = _open(store_path)
    try:
        assert reg.store.behind is None  # accepted
        mark = anchor.load(sid)
        assert mark is not None and mark["audit"] == committed["audit"]  # moved forward
        _register(clerk, reg, "Salif")  # numbers are given
    finally:
        clerk.close()
        reg.close()


def test_a_store_put_back_behind_the_coalesced_mark_is_refused(
    store_path: Path, tmp_path: Path
) -> None:
    clerk, reg = _open(store_path)
    _register(clerk, reg, "Ali")
    reg.store.checkpoint()
    clerk.close()
    reg.close()
    _snapshot(store_path, tmp_path / "old")

    clerk, reg = _open(store_path)
    _register(clerk, reg, "Issa", "Moussa")  # their mark is written behind, then at close
    clerk.close()
    reg.close()

    _put_back(store_path, tmp_path / "old")
    clerk, reg = _open(store_path)
    try:
        assert reg.store.behind is not None
        with pytest.raises(StoreBehind):
            _register(clerk, reg, "Salif")
    finally:
        clerk.close()
        reg.close()


def test_reading_the_mark_in_the_process_that_committed_sees_every_commit(login) -> None:
    clerk, reg = login("clerk"), login("registrar")
    sid = store_id(reg.store)
    for name in ("Ali", "Issa"):
        _register(clerk, reg, name)
        with reg.store.read() as s:
            committed = current_state(reg.store, s)
        mark = anchor.load(sid)
        assert mark is not None and mark["audit"] == committed["audit"]
