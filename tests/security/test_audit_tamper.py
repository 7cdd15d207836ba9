"""Attack: someone holding the data key rewrites the audit log — edit an entry and rehash the
chain, delete the newest entries, delete the seals too, empty the log. Before the fix the last
three went unnoticed (nothing outside the store remembered how far the log went)."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

from sqlalchemy import text

from civreg.domain.acts import ActInput, ActKind, Person
from civreg.security import anchor
from civreg.services.audit_log import verify_chain
from civreg.services.drafts import create_draft
from civreg.services.registration import register_act

NAMES = ("Ali", "Issa", "Paul", "Marc", "Jean", "Luc", "Noël")


def _birth(day: int) -> ActInput:
    return ActInput(
        kind=ActKind.BIRTH,
        event_date=(dt.date.today() - dt.timedelta(days=day)).isoformat(),
        event_place="Koudougou",
        declaration_date=dt.date.today().isoformat(),
        persons=(
            Person(role="child", family_name="KABORE", given_names=NAMES[day % 7], sex=1),
            Person(role="mother", family_name="ZIDA", given_names="Awa", sex=2),
            Person(
                role="declarant", family_name="ZIDA", given_names="Awa", sex=2, capacity="mother"
            ),
        ),
    )


def _work(login, n: int = 3):
    clerk, registrar = login("clerk"), login("registrar")
    for day in range(2, 2 + n):
        register_act(registrar, create_draft(clerk, _birth(day)).id)
    return clerk, registrar


def _sql(ctx, *statements: str) -> None:
    with ctx.store.write() as s:
        for st in statements:
            s.execute(text(st))


def test_edit_and_rehash_is_caught_by_the_seal(login) -> None:
    from civreg.models.audit import AuditEntry
    from civreg.security.audit import _entry_digest

    clerk, registrar = _work(login)
    with clerk.store.write() as s:
        entries = s.query(AuditEntry).order_by(AuditEntry.seq).all()
        entries[-3].detail = "forged"
        prev = entries[-4].entry_hash
        for e in entries[-3:]:
            e.prev_hash = prev
            e.entry_hash = _entry_digest(e)
            prev = e.entry_hash
    r = verify_chain(registrar)
    assert not r.ok and r.problem in ("edited", "anchor_diverged")


def test_deleting_the_newest_entries_is_caught(login) -> None:
    clerk, registrar = _work(login)
    head = verify_chain(registrar).head_seq
    _sql(clerk, f"DELETE FROM audit_log WHERE seq >= {head - 1}")
    r = verify_chain(registrar)
    assert not r.ok and r.problem == "truncated"


def test_deleting_entries_and_their_seals_is_caught_against_the_mark(login) -> None:
    clerk, registrar = _work(login)
    head = verify_chain(registrar).head_seq
    cut = head - 4
    _sql(
        clerk,
        f"DELETE FROM audit_seals WHERE seq > {cut} OR from_seq > {cut}",
        f"DELETE FROM audit_log WHERE seq > {cut}",
    )
    r = verify_chain(registrar)
    assert not r.ok
    assert (r.problem, r.first_broken_seq, r.anchor_seq) == ("behind_anchor", cut + 1, head)


def test_an_emptied_log_is_caught(login) -> None:
    clerk, registrar = _work(login)
    _sql(clerk, "DELETE FROM audit_seals", "DELETE FROM audit_log")
    r = verify_chain(registrar)
    assert not r.ok and r.problem == "empty"


def test_an_outside_mark_catches_a_cut_even_without_the_local_one(login, tmp_path: Path) -> None:
    """The local mark is deleted too; a mark kept elsewhere (here a copy, as a receipt or a
    batch carries one) still shows the log was cut."""
    clerk, registrar = _work(login)
    sid = registrar.store.keyfile.store_id
    kept = tmp_path / "mark.json"
    anchor.settle(sid)  # the file on disk, once the mark written behind the commits is out
    shutil.copy(anchor.anchor_path(sid), kept)
    head = verify_chain(registrar).head_seq
    _sql(
        clerk,
        f"DELETE FROM audit_seals WHERE seq > {head - 4} OR from_seq > {head - 4}",
        f"DELETE FROM audit_log WHERE seq > {head - 4}",
    )
    anchor.anchor_path(sid).unlink()
    assert verify_chain(registrar).ok  # nothing local remembers
    r = verify_chain(registrar, anchor_file=kept)
    assert not r.ok and r.problem == "behind_anchor" and r.anchor_source == "mark.json"


def test_a_forged_mark_is_not_believed(login, tmp_path: Path) -> None:
    import json

    _, registrar = _work(login)
    sid = registrar.store.keyfile.store_id
    anchor.settle(sid)
    doc = json.loads(anchor.anchor_path(sid).read_text())
    doc["audit"]["seq"] += 100
    path = tmp_path / "forged.json"
    path.write_text(json.dumps(doc))
    r = verify_chain(registrar, anchor_file=path)
    assert not r.ok and r.problem == "bad_signature"


def test_the_cli_names_the_cut(store_path: Path, login) -> None:
    import os
    import subprocess
    import sys

    from tests.conftest import PASSWORDS

    clerk, registrar = _work(login)
    head = verify_chain(registrar).head_seq
    _sql(
        clerk,
        f"DELETE FROM audit_seals WHERE seq > {head - 2} OR from_seq > {head - 2}",
        f"DELETE FROM audit_log WHERE seq > {head - 2}",
    )
    env = dict(os.environ, CIVREG_PASSWORD=PASSWORDS["admin"], CIVREG_LANG="en")
    out = subprocess.run(
        [sys.executable, "-m", "civreg", "audit", "verify", "--store", str(store_path)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert out.returncode == 1
    assert f"log cut short: the last mark (local) knows {head} entries" in out.stdout
