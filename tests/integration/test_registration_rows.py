"""Registration writes its audit entry, change log row and seal as cached Core INSERTs, and
knows the chain head it appended (issue 17) instead of adding ORM objects and reading the
head again: the rows must be exactly those the ORM path wrote (every column, the chain
linked, the seal over the transaction's range, signed), on the real encrypted store."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from typing import Any

import pytest
from sqlalchemy import select, text

from civreg.domain.acts import ActInput, Person
from civreg.models.act_repo import fill_act, legal_content, to_view
from civreg.models.act_repo import replace_persons as orm_replace_persons
from civreg.models.acts import Act, ActPerson, ChangeLog
from civreg.models.audit import AuditEntry, AuditSeal
from civreg.models.base import Base
from civreg.security import audit
from civreg.services.drafts import create_draft, load_act
from civreg.services.registration import register_act, register_row
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
        assert view == to_view(s, act)  # the view returned is the registered act's, read back
        assert view.data.details.get("rule_set") and view.data.persons == draft.data.persons
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
def test_registration_on_postgresql_writes_the_same_rows(pg_url: str, pg_district: Any) -> None:
    """The district store runs the same services on PostgreSQL: the number is taken in one
    statement there too, and the entry, the change-log row and the seal chain and verify."""
    reg = _pg_registrar(pg_url, pg_district)
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


# Registration below the ORM (issue 17): the draft read and its UPDATE, the number, the audit
# entry, the seal and the change-log row are prepared statements on the driver connection.
# Compared here with what the ORM writes, column by column, as the database stores them.

_ACT_VARY = {"id", "uuid", "number", "global_id", "content_hash"}
_ACT_TIMES = {"created_at", "updated_at", "registered_at"}  # the clock: same form only


def _stored(s: Any, table: str, where: str, params: dict[str, Any]) -> dict[str, str]:
    """Every column of one row as the database holds it: its type and its literal text."""
    cols = [c.key for c in Base.metadata.tables[table].columns]
    if s.get_bind().dialect.name == "sqlite":
        exprs = [f"typeof({c}) || ':' || quote({c})" for c in cols]
    else:
        exprs = [f"pg_typeof({c})::text || ':' || coalesce({c}::text, 'NULL')" for c in cols]
    row = s.execute(text(f"SELECT {', '.join(exprs)} FROM {table} WHERE {where}"), params).one()
    return dict(zip(cols, row, strict=True))


def _shape(value: str) -> str:
    return re.sub(r"[0-9a-f]+", "0", value)


def _registered_both_ways(
    reg: Any, data: ActInput, form: ActInput | None = None
) -> list[list[dict[str, str]]]:
    """Two drafts of ``data``: one registered by the service (below the ORM; with the form's
    ``form`` changes if given), the other by :func:`register_row` on the session's ``Act``
    (the ORM's load, persons replaced and flush). Each: its act, persons and search rows."""
    ids = [create_draft(reg, data).id for _ in range(2)]
    register_act(reg, ids[0], draft=form)
    with reg.store.write() as s:
        row = load_act(s, ids[1], with_persons=True)
        if form is not None:
            fill_act(row, replace(form, kind=row.kind))
            orm_replace_persons(s, row, form.persons)
        register_row(reg, s, row, dt.date.today())
    out = []
    with reg.store.read() as s:
        for i in ids:
            persons = s.scalars(
                select(ActPerson.id).where(ActPerson.act_id == i).order_by(ActPerson.id)
            ).all()
            rows = [_stored(s, "acts", "id = :id", {"id": i})]
            rows += [_stored(s, "act_persons", "id = :id", {"id": p}) for p in persons]
            rows += [_stored(s, "person_search", "person_id = :id", {"id": p}) for p in persons]
            out.append(rows)
    return out


_FATHER = Person(role="father", family_name="SAWADOGO", given_names="Issa Jean", sex=1)


def _assert_same_act_rows(reg: Any) -> None:
    cases = (
        (_birth("Ali"), None),
        # no declaration date (the received day is written), details rewritten with the
        # rule set in a new key order
        (
            replace(
                _birth("Issa"),
                declaration_date="",
                details={"rule_set": "x", "multiplicity": "single"},
            ),
            None,
        ),
        # registered with the form's last changes: other persons, place and details
        (
            _birth("Ali"),
            replace(
                _birth("Moussa"),
                event_place="Réo",
                details={"multiplicity": "single"},
                persons=(*_birth("Moussa").persons, _FATHER),
            ),
        ),
    )
    for data, form in cases:
        below, orm = _registered_both_ways(reg, data, form)
        assert len(below) == len(orm) == 1 + 2 * len((form or data).persons)
        assert "registered" in below[0]["status"]
        for row_below, row_orm in zip(below, orm, strict=True):
            for col, value in row_orm.items():
                if col in _ACT_VARY or col in _ACT_TIMES or col in ("act_id", "person_id"):
                    assert _shape(row_below[col]) == _shape(value), col
                else:
                    assert row_below[col] == value, col


def _assert_prepared_rows_are_the_orm_s(reg: Any) -> None:
    """The newest audit entry, seal and change-log row, written by prepared statements,
    against the same values written by the ORM (in a transaction rolled back)."""
    with reg.store.read() as s:
        entry = s.scalars(select(AuditEntry).order_by(AuditEntry.seq.desc())).first()
        seal = s.scalars(select(AuditSeal).order_by(AuditSeal.id.desc())).first()
        change = s.scalars(select(ChangeLog).order_by(ChangeLog.seq.desc())).first()
        assert entry is not None and seal is not None and change is not None
        written = {
            "audit_log": _stored(s, "audit_log", "seq = :k", {"k": entry.seq}),
            "audit_seals": _stored(s, "audit_seals", "id = :k", {"k": seal.id}),
            "change_log": _stored(s, "change_log", "seq = :k", {"k": change.seq}),
        }
    copies = {
        "audit_log": (AuditEntry, entry, {"seq": 10**9, "entry_hash": "f" * 64}, "seq"),
        "audit_seals": (AuditSeal, seal, {"id": 10**9}, "id"),
        "change_log": (ChangeLog, change, {"seq": 10**9}, "seq"),
    }

    class _RollBack(Exception):
        pass

    with pytest.raises(_RollBack), reg.store.write() as s:
        for table, (model, obj, new, key) in copies.items():
            cols = [c.key for c in model.__table__.columns]
            s.add(model(**{c: new.get(c, getattr(obj, c)) for c in cols}))
            s.flush()
            by_orm = _stored(s, table, f"{key} = :k", {"k": new[key]})
            for col in cols:
                if col not in new:
                    assert written[table][col] == by_orm[col], (table, col)
        raise _RollBack


def test_rows_written_below_the_orm_are_the_orm_s(login) -> None:
    reg = login("registrar")
    _assert_same_act_rows(reg)
    _assert_prepared_rows_are_the_orm_s(reg)


@pytest.mark.postgres
def test_rows_written_below_the_orm_are_the_orm_s_on_postgresql(
    pg_url: str, pg_district: Any
) -> None:
    reg = _pg_registrar(pg_url, pg_district)
    try:
        _assert_same_act_rows(reg)
        _assert_prepared_rows_are_the_orm_s(reg)
    finally:
        reg.close()


def test_the_office_key_is_opened_once_per_unlocked_session(login) -> None:
    """The opened signing key is kept with the session's unlocked vault key and dropped with
    it: close() forgets it, and a key rotated since (here by another session, and in the
    very transaction that activates it) is never signed with again."""
    from civreg.services.keys import activate_announced_key, rotate_office_key

    admin = login("admin")
    reg = login("registrar")
    register_act(reg, create_draft(reg, _birth("Ali")).id)
    cached = reg.store.signing_key_cache
    assert cached is not None and cached[0] is reg.store.unlocked
    register_act(reg, create_draft(reg, _birth("Issa")).id)
    assert reg.store.signing_key_cache is cached  # not opened again
    kid = rotate_office_key(admin)  # sealed: the admin's session now holds the old key
    assert admin.store.signing_key_cache[1] == cached[1]
    with admin.store.write() as s:
        activate_announced_key(s, kid)
        admin.audit(s, "session.close")  # sealed in this transaction: with the new key
    register_act(reg, create_draft(reg, _birth("Awa")).id)
    with reg.store.read() as s:
        seals = s.scalars(select(AuditSeal).order_by(AuditSeal.id.desc()).limit(2)).all()
        assert [x.key_id for x in seals] == [kid, kid] != [cached[1]] * 2
        assert audit.verify(s, office_public_keys(s), require_seals=True).ok
    assert reg.store.signing_key_cache[1] == kid
    reg.close()
    assert reg.store.signing_key_cache is None


def _pg_registrar(pg_url: str, admin: Any) -> Any:
    """The registrar of the district store ``pg_district`` on PostgreSQL, logged in: added by
    the store's administrator ``admin``, who logs out."""
    from civreg.services.store_access import login
    from civreg.services.users import add_user

    try:
        add_user(admin, "officier", "Baobab-Karite-Soir-42", ("clerk", "registrar"))
    finally:
        admin.close()
    return login(pg_url, "officier", "Baobab-Karite-Soir-42")


def test_consecutive_transactions_reuse_the_connection_and_its_page_cache(login) -> None:
    """One transaction after another runs on the connection the last one returned (issue 17):
    SQLite drops a connection's whole page cache when another connection has written since
    its last transaction, so alternating between the pool's two connections (a draft saved on
    one, registered on the other) made every registration read and decrypt its pages again.
    The second connection still serves a transaction while the first is busy."""
    reg = login("registrar")
    used = []
    for name in ("Ali", "Awa", "Issa", "Moussa"):
        draft = create_draft(reg, _birth(name))
        with reg.store.read() as s:
            used.append(s.connection().connection.dbapi_connection)
        register_act(reg, draft.id)
        with reg.store.write() as s:
            used.append(s.connection().connection.dbapi_connection)
    assert all(c is used[0] for c in used)
    with reg.store.read() as r:
        other = r.connection().connection.dbapi_connection
        with reg.store.write() as s:
            assert s.connection().connection.dbapi_connection is not other


def test_the_law_in_force_is_chosen_once_per_registration(login, monkeypatch) -> None:
    """Registration picks the law in force on the event once (issue 17, fifth round): its
    checks, the rule set frozen with the act and the deadline all use that one choice, and
    the act is what three separate choices made."""
    from civreg.domain.profile import CountryProfile
    from civreg.domain.validation import rule_set_date

    clerk, reg = login("clerk"), login("registrar")
    draft = create_draft(clerk, _birth("Awa"))
    calls: list[Any] = []
    for_event = CountryProfile.for_event

    def counted(self: CountryProfile, event: Any, today: dt.date) -> Any:
        calls.append(event)
        return for_event(self, event, today)

    monkeypatch.setattr(CountryProfile, "for_event", counted)
    view = register_act(reg, draft.id)
    monkeypatch.undo()
    assert calls == [rule_set_date(draft.data)]
    law, _ = reg.profile.for_event(rule_set_date(draft.data), dt.date.today())
    assert law.rule_set is not None and view.data.details["rule_set"] == law.rule_set.id
    with reg.store.read() as s:
        act = s.get(Act, view.id)
        assert act is not None
        event = rule_set_date(draft.data)
        declared = dt.date.fromisoformat(act.declaration_date)
        assert event is not None
        assert act.late == law.deadline(act.kind).is_late(event, declared)
        assert act.content_hash == audit.content_hash(legal_content(act))
