"""An open store: an engine plus how it was unlocked. Sessions come only from here."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from sqlalchemy import Engine, text
from sqlalchemy.orm import Session, sessionmaker

from civreg.models.engine import immediate


class PasswordSlots(Protocol):
    """What a store keeps of its key file (``civreg.security.keyfile.KeyFile``): the users'
    password slots. Declared here so that models/ does not import security/, which imports
    the models (the audit chain)."""

    def set_password(
        self, username: str, password: str, data_key: bytes, kdf: dict[str, Any] | None = None
    ) -> None: ...

    def disable(self, username: str) -> None: ...

    def save(self) -> None: ...


@dataclass
class Store:
    engine: Engine
    location: str  # file path, or a PostgreSQL URL without its password
    path: Path | None = None  # SQLite file, None for PostgreSQL
    keyfile: PasswordSlots | None = None
    data_key: bytes | None = field(default=None, repr=False)
    _factory: sessionmaker[Session] | None = field(default=None, repr=False)

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    @property
    def is_sqlite(self) -> bool:
        return self.dialect == "sqlite"

    def _sessions(self) -> sessionmaker[Session]:
        if self._factory is None:
            self._factory = sessionmaker(self.engine, expire_on_commit=False)
        return self._factory

    @contextlib.contextmanager
    def write(self) -> Iterator[Session]:
        """One write transaction (BEGIN IMMEDIATE on SQLite); commits or rolls back whole."""
        with immediate(), self._sessions()() as session, session.begin():
            if not self.is_sqlite:
                # Serialise writers on PostgreSQL too (numbering, audit chain).
                session.execute(text("SELECT pg_advisory_xact_lock(724291)"))
            yield session

    @contextlib.contextmanager
    def read(self) -> Iterator[Session]:
        with self._sessions()() as session, session.begin():
            yield session

    def checkpoint(self) -> None:
        if self.is_sqlite:
            with self.engine.connect() as conn:
                conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")

    def close(self) -> None:
        self.engine.dispose()
        self.data_key = None
