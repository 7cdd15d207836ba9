"""Registration writes its audit entry, change log row and seal as cached Core INSERTs, and
knows the chain head it appended (issue 17) instead of adding ORM objects and reading the
head again: the rows must be exactly those the ORM path wrote (every column, the chain
linked, the seal over the transaction's range, signed), on the real encrypted store."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from civreg.models.act_repo import legal_content
from civreg.models.acts import Act, ChangeLog
from civreg.models.audit import AuditEntry, AuditSeal
from civreg.security import audit
from civreg.services.drafts import create_draft
from civreg.services.registration import register_act
from civreg.services.store_guard import office_public_keys
from tests.security.test_rollback import _birth


def test_registration_rows_are_those_the_orm_wrote(login) -> None:
    clerk, reg = login("clerk"), login("registrar")
    draft = create_draft(clerk, _birth("Ali"))
    with reg.store.read() as s:
        seq0, head0 = audit.head(s)
        last_change = s.scalar(select(ChangeLog.seq).order_by(ChangeLog.seq.desc()).limit(1))
    view = register_act(reg, draft.id)
    with reg.store.read() as s:
        act = s.get(Act, view.id)
        assert act is not None and act.status == "registered"
        entries = s.scalars(select(AuditEntry).where(AuditEntry.seq > seq0)).all()
        seals = s.scalars(select(AuditSeal).where(AuditSeal.seq > seq0)).all()
        changes = s.scalars(select(ChangeLog).where(ChangeLog.seq > (last_change or 0))).all()
        keys = office_public_keys(s)
        report = audit.verify(s, keys, require_seals=True)
    assert report.ok, report
    [entry] = entries
    assert (entry.seq, entry.prev_hash) == (seq0 + 1, head0)
    assert (entry.operation, entry.act_uuid, entry.detail) == (
        "act.register",
        act.uuid,
        act.global_id,
    )
    assert (entry.user_id, entry.username) == (reg.user.id, reg.user.username)
    assert entry.after_hash == audit.content_hash(legal_content(act)) == act.content_hash
    assert entry.before_hash and entry.before_hash != entry.after_hash
    assert entry.entry_hash == audit._entry_digest(entry)  # the stored row, hashed again
    [seal] = seals
    assert (seal.from_seq, seal.seq, seal.head_hash) == (entry.seq, entry.seq, entry.entry_hash)
    assert seal.reason == "transaction" and seal.id is not None
    keys[seal.key_id].verify(
        seal.signature, audit.seal_message(seal.from_seq, seal.seq, seal.head_hash, seal.reason)
    )
    assert [(c.entity, c.entity_uuid) for c in changes] == [("act", act.uuid)]
    assert changes[0].at is not None


def test_two_entries_in_one_transaction_chain_without_reading_the_head(login) -> None:
    """A transaction appending twice links the second entry to the first (the head it
    remembers), and its seal covers both."""
    reg = login("registrar")
    with reg.store.read() as s:
        seq0, _ = audit.head(s)
    with reg.store.write() as s:
        first = reg.audit(s, "session.close")
        second = reg.audit(s, "session.close", detail="again")
    with reg.store.read() as s:
        rows = s.scalars(select(AuditEntry).where(AuditEntry.seq > seq0)).all()
        [seal] = s.scalars(select(AuditSeal).where(AuditSeal.seq > seq0)).all()
        assert audit.verify(s, office_public_keys(s), require_seals=True).ok
    assert [r.seq for r in rows] == [first.seq, second.seq] == [seq0 + 1, seq0 + 2]
    assert rows[1].prev_hash == rows[0].entry_hash == first.entry_hash
    assert (seal.from_seq, seal.seq, seal.head_hash) == (seq0 + 1, seq0 + 2, second.entry_hash)


@pytest.mark.postgres
def test_registration_on_postgresql_writes_the_same_rows(pg_url: str) -> None:
    """The district store runs the same services on PostgreSQL: the number is taken in one
    statement there too, and the entry, the change-log row and the seal chain and verify."""
    from civreg.services.store_access import init_postgres, login
    from civreg.services.users import add_user

    admin = init_postgres(
        pg_url,
        country="BF",
        office_id="BF-DIST-CENTRE-OUEST",
        office_name="Direction régionale",
        level="district",
        admin="chief",
        password="Savane-Office-Nuit-71",
    )
    try:
        add_user(admin, "officier", "Baobab-Karite-Soir-42", ("clerk", "registrar"))
    finally:
        admin.close()
    reg = login(pg_url, "officier", "Baobab-Karite-Soir-42")
    try:
        with reg.store.read() as s:
            seq0, head0 = audit.head(s)
        views = [
            register_act(reg, create_draft(reg, _birth(n, 2 + i)).id)
            for i, n in enumerate(("Ali", "Issa"))
        ]
        assert views[1].number == views[0].number + 1
        with reg.store.read() as s:
            entries = s.scalars(select(AuditEntry).where(AuditEntry.seq > seq0)).all()
            seals = s.scalars(select(AuditSeal).where(AuditSeal.seq > seq0)).all()
            assert audit.verify(s, office_public_keys(s), require_seals=True).ok
            uuids = [a.uuid for a in s.scalars(select(Act).order_by(Act.id))]
            changes = [c.entity_uuid for c in s.scalars(select(ChangeLog))]
    finally:
        reg.close()
    assert [e.operation for e in entries] == ["draft.create", "act.register"] * 2
    prev = [head0] + [e.entry_hash for e in entries[:-1]]
    assert [e.prev_hash for e in entries] == prev  # one chain, each on the head before it
    assert [(x.from_seq, x.seq) for x in seals] == [(e.seq, e.seq) for e in entries]
    assert changes[-2:] == uuids[-2:]


def test_registering_with_the_form_s_last_changes_replaces_the_loaded_persons(login) -> None:
    """The form registers with its unsaved changes (``draft=``): the persons loaded with the
    act in one statement are replaced in the same transaction, and the hash covers them."""
    clerk, reg = login("clerk"), login("registrar")
    draft = create_draft(clerk, _birth("Ali"))
    view = register_act(reg, draft.id, draft=_birth("Moussa"))
    child = [p for p in view.data.persons if p.role == "child"]
    assert [p.given_names for p in child] == ["Moussa"]
    assert len(view.data.persons) == len(_birth("Moussa").persons)
    with reg.store.read() as s:
        act = s.get(Act, view.id)
        assert act is not None
        assert act.content_hash == audit.content_hash(legal_content(act))
        assert sorted(p.given_names for p in act.persons) == ["Awa", "Awa", "Moussa"]
