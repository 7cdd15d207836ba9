"""The high-water mark is written behind the signed commits, coalesced (issue 17). It keeps
its meaning: a mark that lags the store by the last commits (a power cut before it was
written) is accepted and moved forward at open; a store put back behind the mark is still
refused. Real SQLCipher stores, real files, no clock."""

from __future__ import annotations

import shutil
import time
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


def test_one_writer_thread_serves_every_window(login) -> None:
    """The mark is written by one thread kept for the open store, woken for each window: a
    thread started for every window cost a registration at a counter (each alone in its
    window) a thread's creation and the wait for it to be scheduled (issue 17)."""
    import threading

    from civreg.services import mark_writer

    clerk, reg = login("clerk"), login("registrar")
    sid = store_id(reg.store)
    workers = []
    for name in ("Ali", "Issa", "Moussa"):
        before = {t.ident for t in threading.enumerate()}
        _register(clerk, reg, name)
        writer = reg.store.mark_writer
        assert writer is not None
        deadline = time.monotonic() + 5
        while writer.pending() and time.monotonic() < deadline:  # written behind, unasked
            time.sleep(mark_writer.DELAY_S / 5)
        assert not writer.pending()
        with reg.store.read() as s:
            committed = current_state(reg.store, s)
        assert _mark_on_disk(sid)["audit"] == committed["audit"]
        workers.append(writer.worker)
        if len(workers) > 1:
            assert not {t.ident for t in threading.enumerate()} - before  # no new thread
    assert workers[0] is not None and all(w is workers[0] for w in workers)
    reg.close()
    workers[0].join(timeout=5)
    assert not workers[0].is_alive()  # stopped with the store


def test_a_process_ending_without_closing_the_store_writes_the_mark(
    store_path: Path, tmp_path: Path
) -> None:
    """The mark of the last commits is written when the process ends, even if it never
    closed the store (the writer thread does not keep the process alive)."""
    import json
    import os
    import subprocess
    import sys

    data = tmp_path / "data"
    code = f"""
import sys
sys.path.insert(0, {str(Path(__file__).resolve().parents[2])!r})
from tests.security.test_mark_behind_commits import _open, _register
from civreg.services.store_guard import current_state, store_id
import json
clerk, reg = _open(__import__("pathlib").Path({str(store_path)!r}))
_register(clerk, reg, "Ali", "Issa")
with reg.store.read() as s:
    print(json.dumps({{"sid": store_id(reg.store), "audit": current_state(reg.store, s)["audit"]}}))
# no close: the process just ends
"""
    env = dict(os.environ, CIVREG_DATA_DIR=str(data))
    out = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120
    )
    assert out.returncode == 0, out.stderr
    got = json.loads(out.stdout.strip().splitlines()[-1])
    mark = json.loads((data / "anchors" / f"{got['sid']}.json").read_text())
    assert mark["audit"] == got["audit"]
