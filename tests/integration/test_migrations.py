"""Migrations: one linear head, models and migrations in sync, upgrade from the first
revision (with a backup), on a real encrypted store."""

from __future__ import annotations

from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import text

import civreg.models  # noqa: F401
from civreg.models import migrate
from civreg.models.base import Base, include_object
from civreg.models.engine import sqlcipher_engine
from civreg.security.keyfile import FAST_KDF, KeyFile, keyfile_path, new_data_key

FIRST = "0001"


def test_single_linear_head() -> None:
    script = migrate.script_directory()
    assert len(script.get_heads()) == 1
    # the list the program checks stores against at login, without Alembic
    assert list(migrate.REVISIONS) == [r.revision for r in reversed(list(script.walk_revisions()))]
    assert migrate.head_revision() == script.get_heads()[0]
    revs = list(script.walk_revisions())
    assert all(r.down_revision is None or isinstance(r.down_revision, str) for r in revs), (
        "merge revisions are not allowed: keep the history linear"
    )
    assert revs[-1].revision == FIRST


def test_models_and_migrations_in_sync(store_path: Path, login) -> None:
    """What ``alembic check`` does: autogenerate finds nothing to change."""
    ctx = login("admin")
    with ctx.store.engine.connect() as conn:
        diff = compare_metadata(
            MigrationContext.configure(conn, opts={"include_object": include_object}),
            Base.metadata,
        )
    assert diff == [], f"models differ from migrations: {diff}"


def test_upgrade_from_first_revision(tmp_path: Path) -> None:
    """A store created by the first revision opens with the current program: backed up first
    when it is older, then upgraded to head, data kept."""
    from civreg.models.store import Store
    from civreg.services.store_open import check_schema as _check_schema

    path = tmp_path / "old.db"
    key = new_data_key()
    kf = KeyFile.create(keyfile_path(path))
    kf.set_password("admin", "pw-admin", key, FAST_KDF)
    kf.save()
    engine = sqlcipher_engine(path, key)
    migrate.upgrade(engine, FIRST)
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO users (id, username, full_name, title, disabled, created_at) "
                "VALUES (1, 'admin', '', '', 0, '2025-01-01 00:00:00')"
            )
        )
        conn.execute(text("INSERT INTO user_roles (user_id, role) VALUES (1, 'admin')"))
    assert migrate.current_revision(engine) == FIRST
    store = Store(engine, str(path), path, kf, key)
    _check_schema(store)
    assert migrate.current_revision(engine) == migrate.head_revision()
    with engine.connect() as conn:
        assert conn.execute(text("SELECT username FROM users")).scalar() == "admin"
    backups = list(tmp_path.glob("old.db.bak-*"))
    if migrate.head_revision() != FIRST:
        assert len(backups) == 1, "an older store is backed up before it is upgraded"
    else:
        assert backups == []
    store.close()


def test_immutability_triggers_exist(store_path: Path, login) -> None:
    ctx = login("admin")
    with ctx.store.read() as s:
        names = set(s.scalars(text("SELECT name FROM sqlite_master WHERE type='trigger'")))
    assert {
        "acts_frozen_update",
        "acts_frozen_delete",
        "persons_frozen_update",
        "persons_frozen_delete",
    } <= names
