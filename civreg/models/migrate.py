"""Run and inspect Alembic migrations on an open engine.

Checking a store's revision at login needs no Alembic: the revisions this program knows are
listed in :data:`REVISIONS` (a test keeps the list equal to ``civreg/migrations/versions``),
and the current one is read from ``alembic_version``. Alembic is imported only to upgrade,
which keeps it (about 0.4 s of imports) off the start-up path of the desktop client.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import Engine, inspect, text

from civreg.resources import migrations_path

if TYPE_CHECKING:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

MIGRATIONS = migrations_path()

# Every revision in civreg/migrations/versions, oldest first; the last one is the head.
REVISIONS = ("0001", "0002", "0003", "0004", "0005", "0006", "0007", "0008", "0009", "0010", "0011")


def alembic_config() -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


def script_directory() -> ScriptDirectory:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config())


def head_revision() -> str:
    return REVISIONS[-1]


def known_revisions() -> frozenset[str]:
    return frozenset(REVISIONS)


def current_revision(engine: Engine) -> str | None:
    """The store's revision, or None when it has no ``alembic_version`` table."""
    with engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def upgrade(engine: Engine, target: str = "head") -> None:
    from alembic import command

    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, target)
