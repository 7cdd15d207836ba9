"""Alembic environment: runs on the connection civreg hands over (encrypted or PostgreSQL)."""

from __future__ import annotations

from alembic import context

import civreg.models  # noqa: F401  (registers every table)
from civreg.models.base import Base, include_object

config = context.config
target_metadata = Base.metadata


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is None:
        raise RuntimeError("civreg migrations run through civreg (civreg.models.migrate)")
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=True,
        compare_type=True,
        include_object=include_object,
    )
    with context.begin_transaction():
        context.run_migrations()


if context.is_offline_mode():
    raise RuntimeError("offline migrations are not supported")
run_migrations_online()
