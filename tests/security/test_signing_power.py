"""Attack: a clerk, with their own password and the project's own Python functions, tries to
do what only a registrar or an administrator may — register an act, issue a certificate that
verifies, export a signed batch, seal the audit log, create an administrator. Before the fix
every one of these worked (the office key sat in the database, opened by every password).

The attacker here is an insider: they call the services directly with a context whose roles
they forged, and write the database with raw SQL. What holds is cryptographic: a clerk's key
slot opens the data key, never the vault key that opens the office's private keys."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from pathlib import Path

import pytest
from sqlalchemy import select, text

from civreg.domain.acts import ActInput, ActKind, Person
from civreg.models.office import Office
from civreg.security import grants
from civreg.security.keyfile import keyfile_path
from civreg.security.signing_power import SigningUnavailable, office_signing_key
from civreg.services.audit_log import close_session, verify_chain
from civreg.services.context import Ctx
from civreg.services.copies import Requester
from civreg.services.drafts import create_draft

MOTHER = Requester("ZIDA Awa", "parent")


def _birth(day: int = 3) -> ActInput:
    return ActInput(
        kind=ActKind.BIRTH,
        event_date=(dt.date.today() - dt.timedelta(days=day)).isoformat(),
        event_place="Koudougou",
        declaration_date=dt.date.today().isoformat(),
        persons=(
            Person(role="child", family_name="BAMOGO", given_names="Inès", sex=2),
            Person(role="mother", family_name="ZIDA", given_names="Awa", sex=2),
            Person(
                role="declarant", family_name="ZIDA", given_names="Awa", sex=2, capacity="mother"
            ),
        ),
    )


def forged(ctx: Ctx, *roles: str) -> Ctx:
    """The clerk's own session with roles they gave themselves (Python, not the program)."""
    user = dataclasses.replace(ctx.user, roles=frozenset({*ctx.user.roles, *roles}))
    return dataclasses.replace(ctx, user=user)


def test_the_clerk_slot_holds_the_data_key_and_nothing_to_sign_with(store_path: Path, login):
    clerk, registrar, admin = login("clerk"), login("registrar"), login("admin")
    assert clerk.store.unlocked.data_key is not None
    assert clerk.store.unlocked.vault_key is None
    assert registrar.store.unlocked.vault_key is not None
    assert admin.store.unlocked.vault_key == registrar.store.unlocked.vault_key
    doc = json.loads(keyfile_path(store_path).read_text())
    granted = {s["id"]: sorted(s.get("grants", {})) for s in doc["slots"]}
    kf = clerk.store.keyfile
    assert granted[kf.slot_id("clerk")] == ["data"]
    assert granted[kf.slot_id("registrar")] == ["data", "signing"]
    assert granted[kf.slot_id("admin")] == ["data", "signing"]


def test_the_office_key_in_the_database_is_ciphertext_to_a_clerk(login) -> None:
    clerk = login("clerk")
    with clerk.store.read() as s:
        office = s.scalar(select(Office))
        blob = bytes(office.signing_key)
        assert grants.is_sealed(blob) and len(blob) != 32
        with pytest.raises(SigningUnavailable):
            office_signing_key(s, office)


def test_forged_role_cannot_register_an_act(login) -> None:
    from civreg.services.registration import register_act

    clerk = login("clerk")
    draft = create_draft(clerk, _birth())
    with pytest.raises(SigningUnavailable) as exc:
        register_act(forged(clerk, "registrar"), draft.id)
    assert "signature" in exc.value.message("fr")
    registrar = login("registrar")
    from civreg.services.queries import get_act

    assert get_act(registrar, draft.id).status == "draft"  # nothing was written


def test_forged_role_cannot_issue_a_certificate(login, tmp_path: Path) -> None:
    from civreg.services.certificates import issue_certificate
    from civreg.services.registration import register_act

    clerk, registrar = login("clerk"), login("registrar")
    act = register_act(registrar, create_draft(clerk, _birth()).id)
    out = tmp_path / "copy.pdf"
    with pytest.raises(SigningUnavailable):
        issue_certificate(forged(clerk, "registrar"), act.id, "full", requester=MOTHER, out=out)
    assert not out.exists()


def test_forged_role_cannot_export_a_signed_batch(login, tmp_path: Path) -> None:
    from civreg.services.registration import register_act
    from civreg.services.transmission import export_batch

    clerk, registrar = login("clerk"), login("registrar")
    register_act(registrar, create_draft(clerk, _birth()).id)
    out = tmp_path / "b.civbatch"
    with pytest.raises(SigningUnavailable):
        export_batch(forged(clerk, "registrar"), out)
    assert not out.exists()


def test_forged_role_cannot_seal_the_log(login) -> None:
    clerk = login("clerk")
    with pytest.raises(SigningUnavailable):
        close_session(forged(clerk, "registrar"))


def test_forged_role_cannot_create_an_administrator(store_path: Path, login) -> None:
    from civreg.errors import WrongPassword
    from civreg.security.keyfile import FAST_KDF
    from civreg.services.store_access import login as do_login
    from civreg.services.users import add_user

    clerk = login("clerk")
    with pytest.raises(SigningUnavailable):
        add_user(forged(clerk, "admin"), "boss2", "Savane-Karite-Nuit-44", ["admin"], kdf=FAST_KDF)
    with pytest.raises(WrongPassword):
        do_login(store_path, "boss2", "Savane-Karite-Nuit-44")


def test_raw_sql_registration_is_reported_unsealed(login) -> None:
    """The clerk writes the rows themselves (data key, raw SQL): the audit verification names
    the entry that no seal vouches for."""
    from civreg.security import audit

    clerk, registrar = login("clerk"), login("registrar")
    draft = create_draft(clerk, _birth())
    with clerk.store.write() as s:
        s.execute(
            text("UPDATE acts SET status='registered', number=999 WHERE id=:i"), {"i": draft.id}
        )
        entry = audit.append(
            s,
            user_id=clerk.user.id,
            username="registrar",
            operation="act.register",
            act_uuid=draft.uuid,
        )
        forged_seq = entry.seq
        s.info.pop("civreg.audit_needs_seal")  # bypass the program's own refusal
    r = verify_chain(registrar)
    assert not r.ok and r.problem == "unsealed" and r.first_broken_seq == forged_seq


def test_a_later_genuine_seal_does_not_launder_a_forged_entry(login) -> None:
    from civreg.security import audit
    from civreg.services.registration import register_act

    clerk, registrar = login("clerk"), login("registrar")
    with clerk.store.write() as s:
        e = audit.append(s, user_id=None, username="registrar", operation="mention.add")
        forged_seq = e.seq
        s.info.pop("civreg.audit_needs_seal")
    register_act(registrar, create_draft(clerk, _birth(4)).id)  # sealed, after the forgery
    r = verify_chain(registrar)
    assert not r.ok and (r.problem, r.first_broken_seq) == ("unsealed", forged_seq)


def test_genuine_work_verifies(login) -> None:
    from civreg.services.registration import register_act

    clerk, registrar = login("clerk"), login("registrar")
    for day in (2, 3, 4):
        register_act(registrar, create_draft(clerk, _birth(day)).id)
    close_session(registrar)
    r = verify_chain(registrar)
    assert r.ok, r


def test_authority_key_is_opened_only_by_a_signing_account(tmp_path: Path) -> None:
    """A national store: the authority's X25519 private key is stored under the vault key."""
    from civreg.models.sync import AuthorityKey
    from civreg.security.keyfile import FAST_KDF
    from civreg.security.signing_power import authority_private_key
    from civreg.services.keys import authority_init
    from civreg.services.store_access import create_store
    from civreg.services.store_access import login as do_login
    from civreg.services.users import add_user

    created = create_store(
        tmp_path / "nat.db",
        country="BF",
        commune="NAT",
        centre="00",
        office_name="Direction nationale",
        admin="admin",
        password="Harmattan-Baobab-41",
        level="national",
        kdf=FAST_KDF,
    )
    admin = created.ctx
    add_user(admin, "agent", "Karite-Manguier-17", ["clerk"], kdf=FAST_KDF)
    authority_init(admin, tmp_path / "authority.json")
    with admin.store.read() as s:
        row = s.scalar(select(AuthorityKey))
        assert grants.is_sealed(row.private_key)
        authority_private_key(s, row.key_id, row.private_key)  # the administrator opens it
    admin.close()
    agent = do_login(tmp_path / "nat.db", "agent", "Karite-Manguier-17")
    try:
        with agent.store.read() as s:
            row = s.scalar(select(AuthorityKey))
            with pytest.raises(SigningUnavailable):
                authority_private_key(s, row.key_id, row.private_key)
    finally:
        agent.close()
