"""A store made before signing power followed the role (schema 0004, key file version 1, the
office key in clear in the database) opens, converts each account's slot at its login, and
is protected by ``civreg keys protect``: from then on a clerk can no longer sign."""

from __future__ import annotations

import base64
import json
import secrets
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from sqlalchemy import text

from civreg.models import migrate
from civreg.models.engine import sqlcipher_engine
from civreg.security.keyfile import FAST_KDF, derive_password_key, keyfile_path, new_data_key
from civreg.security.signing import generate_signing_key, key_id_of, raw_private, raw_public
from civreg.security.signing_power import SigningUnavailable
from civreg.services.store_access import login
from tests.conftest import PASSWORDS


def _v1_slot(store_id: str, salt: bytes, username: str, password: str, data_key: bytes) -> dict:
    import hashlib
    import hmac

    sid = hmac.new(salt, username.encode(), hashlib.sha256).hexdigest()[:32]
    slot_salt, nonce = secrets.token_bytes(16), secrets.token_bytes(12)
    kek = derive_password_key(password, slot_salt, FAST_KDF)
    aad = f"civreg-keyfile:v1:{store_id}:{sid}".encode()
    return {
        "id": sid,
        "kind": "password",
        "kdf": FAST_KDF,
        "salt": base64.b64encode(slot_salt).decode(),
        "nonce": base64.b64encode(nonce).decode(),
        "wrapped": base64.b64encode(AESGCM(kek).encrypt(nonce, data_key, aad)).decode(),
    }


def _old_store(path: Path) -> None:
    """What civreg wrote before: revision 0004, a version 1 key file, the key in clear."""
    data_key = new_data_key()
    store_id, salt = secrets.token_hex(16), secrets.token_bytes(16)
    users = {"admin": "admin", "clerk": "clerk", "registrar": "registrar"}
    slots = [_v1_slot(store_id, salt, u, PASSWORDS[u], data_key) for u in users]
    doc = {
        "format": "civreg-keyfile",
        "version": 1,
        "store_id": store_id,
        "salt": base64.b64encode(salt).decode(),
        "slots": slots,
    }
    keyfile_path(path).write_text(json.dumps(doc))
    engine = sqlcipher_engine(path, data_key)
    migrate.upgrade(engine, "0004")
    key = generate_signing_key()
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO office (id, office_id, country, commune, centre, name, level, "
                "is_demo, signing_key, public_key, key_id, created_at) VALUES (1, 'BF-11-01', "
                "'BF', '11', '01', 'Mairie', 'commune', 0, :sk, :pk, :kid, "
                "'2025-01-01 00:00:00')"
            ),
            {"sk": raw_private(key), "pk": raw_public(key), "kid": key_id_of(key.public_key())},
        )
        conn.execute(
            text("INSERT INTO centres (code, name, principal, active) VALUES ('01','M',1,1)")
        )
        for i, (name, role) in enumerate(users.items(), 1):
            conn.execute(
                text(
                    "INSERT INTO users (id, username, full_name, title, disabled, created_at) "
                    "VALUES (:i, :u, '', '', 0, '2025-01-01 00:00:00')"
                ),
                {"i": i, "u": name},
            )
            conn.execute(
                text("INSERT INTO user_roles (user_id, role) VALUES (:i, :r)"), {"i": i, "r": role}
            )
    engine.dispose()


def test_older_store_opens_then_is_protected(tmp_path: Path) -> None:
    from civreg.services.audit_log import verify_chain
    from civreg.services.keys import protect_store
    from civreg.services.users import set_roles

    path = tmp_path / "old.db"
    _old_store(path)
    # Before protection every account can still sign (as before the upgrade), and says so.
    clerk = login(path, "clerk", PASSWORDS["clerk"])
    assert not clerk.store.unlocked.legacy  # converted at this login
    clerk.close()
    registrar = login(path, "registrar", PASSWORDS["registrar"])
    registrar.close()
    admin = login(path, "admin", PASSWORDS["admin"])
    try:
        result = protect_store(admin)
        assert set(result.granted) == {"admin", "registrar"} and result.pending == ()
        assert verify_chain(admin).ok
    finally:
        admin.close()
    doc = json.loads(keyfile_path(path).read_text())
    assert doc["version"] == 2

    from civreg.services.audit_log import close_session

    clerk = login(path, "clerk", PASSWORDS["clerk"])
    try:
        assert clerk.store.unlocked.vault_key is None
        with clerk.store.read() as s:
            from civreg.security.signing_power import office_signing_key

            with pytest.raises(SigningUnavailable):
                office_signing_key(s)
    finally:
        clerk.close()
    registrar = login(path, "registrar", PASSWORDS["registrar"])
    try:
        close_session(registrar)  # signs with the protected key
    finally:
        registrar.close()
    # The new recovery key signs too; a role given later brings the grant.
    admin = login(path, "admin", PASSWORDS["admin"])
    try:
        set_roles(admin, "clerk", ["clerk", "registrar"])
    finally:
        admin.close()
    promoted = login(path, "clerk", PASSWORDS["clerk"])
    try:
        assert promoted.store.unlocked.can_sign
    finally:
        promoted.close()
    admin = login(path, "admin", PASSWORDS["admin"])
    try:
        from civreg.services.store_guard import keyfile_consistency

        assert keyfile_consistency(admin.store) == []
    finally:
        admin.close()
