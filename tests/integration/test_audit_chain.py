"""The audit chain catches edits, deletions, reorderings and truncations made with raw SQL by
someone holding the key."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import text

from civreg.domain.acts import ActInput, ActKind, Person
from civreg.services.audit_log import close_session, verify_chain
from civreg.services.drafts import create_draft, update_draft
from civreg.services.registration import register_act


def _activity(login) -> tuple:
    clerk, reg = login("clerk"), login("registrar")
    for i in range(3):
        data = ActInput(
            kind=ActKind.BIRTH,
            event_date=(date.today() - timedelta(days=3 + i)).isoformat(),
            event_place="Koudougou",
            declaration_date=date.today().isoformat(),
            persons=(
                Person(role="child", family_name="BAMOGO", given_names=f"Enfant {'ABC'[i]}", sex=2),
                Person(role="mother", family_name="ZIDA", given_names="Awa", sex=2),
                Person(
                    role="declarant",
                    family_name="ZIDA",
                    given_names="Awa",
                    sex=2,
                    capacity="mother",
                ),
            ),
        )
        d = create_draft(clerk, data)
        update_draft(clerk, d.id, data)
        register_act(reg, d.id)
    close_session(reg)
    return clerk, reg


def _raw(ctx, sql: str) -> None:
    with ctx.store.write() as s:
        s.execute(text(sql))


def test_untouched_chain_verifies(login) -> None:
    _, reg = _activity(login)
    r = verify_chain(reg)
    # every signed transaction is sealed: the three registrations and the session close
    # (plus the template's store creation and user additions)
    assert r.ok and r.entries > 9 and r.seals >= 4


@pytest.mark.parametrize(
    ("sql", "problem", "seq"),
    [
        ("UPDATE audit_log SET detail = 'forged' WHERE seq = 6", "edited", 6),
        ("UPDATE audit_log SET username = 'someone' WHERE seq = 9", "edited", 9),
        ("DELETE FROM audit_log WHERE seq = 7", "missing_or_reordered", 7),
        (
            "UPDATE audit_log SET seq = CASE seq WHEN 5 THEN 1005 WHEN 8 THEN 5 END "
            "WHERE seq IN (5, 8); UPDATE audit_log SET seq = 8 WHERE seq = 1005",
            "missing_or_reordered",
            5,
        ),
    ],
)
def test_tampering_is_caught_at_the_first_broken_link(login, sql, problem, seq) -> None:
    _, reg = _activity(login)
    for stmt in sql.split(";"):
        _raw(reg, stmt)
    r = verify_chain(reg)
    assert not r.ok
    assert (r.problem, r.first_broken_seq) == (problem, seq)


def test_truncating_the_newest_entries_is_caught_by_the_seal(login) -> None:
    _, reg = _activity(login)
    last = verify_chain(reg).entries
    _raw(reg, f"DELETE FROM audit_log WHERE seq >= {last - 1}")
    r = verify_chain(reg)
    assert not r.ok and r.problem == "truncated"


def test_rehashed_forgery_is_caught_by_the_signed_seal(login) -> None:
    """An attacker who edits an entry and recomputes every later hash still fails: the seal
    was signed over the old head with the office key."""
    from civreg.models.audit import AuditEntry
    from civreg.security.audit import _entry_digest

    _, reg = _activity(login)
    with reg.store.write() as s:
        entries = s.query(AuditEntry).order_by(AuditEntry.seq).all()
        entries[3].detail = "forged"
        prev = entries[2].entry_hash
        for e in entries[3:]:
            e.prev_hash = prev
            e.entry_hash = _entry_digest(e)
            prev = e.entry_hash
    r = verify_chain(reg)
    assert not r.ok and r.problem == "edited"


def test_seals_made_before_a_key_rotation_still_verify(login) -> None:
    from civreg.services.keys import rotate_office_key

    _, reg = _activity(login)  # seals under the first key
    before = verify_chain(reg).seals
    admin = login("admin")
    rotate_office_key(admin)  # sealed too
    close_session(reg)  # seals under the new key
    r = verify_chain(reg)
    assert r.ok and r.seals > before + 1
