"""An open store: an engine plus how it was unlocked. Sessions come only from here."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from civreg.errors import plain_error
from civreg.models import engine as engines
from civreg.models.engine import immediate

Hook = Callable[[Session], None]
SESSION_STORE = "civreg.store"  # session.info key: the Store a session belongs to


@dataclass
class Store:
    engine: Engine
    location: str  # file path, or a PostgreSQL URL without its password
    path: Path | None = None  # SQLite file, None for PostgreSQL
    # The key file as loaded at login (civreg.security.keyfile.KeyFile; typed loosely so that
    # models/ does not import security/, which imports the models).
    keyfile: Any = None
    data_key: bytes | None = field(default=None, repr=False)
    # What the account's password opened (civreg.security.keyfile.Unlocked): the vault key
    # that lets this session sign, when its role may.
    unlocked: Any = field(default=None, repr=False)
    # The office signing key as opened with ``unlocked`` (civreg.security.signing_power:
    # (unlocked, key id, stored bytes, key)); dropped with it.
    signing_key_cache: Any = field(default=None, repr=False)
    # Set at open when the store is older than its outside anchor (rolled back).
    behind: Any = None
    # What the open found and the user should be told (key file completed, problems).
    notices: list[Any] = field(default_factory=list)
    # Run inside every write transaction just before it commits, and after it has committed
    # (the audit seal, the key file, the anchor: civreg.services.store_access installs them).
    before_commit: list[Hook] = field(default_factory=list, repr=False)
    after_commit: list[Hook] = field(default_factory=list, repr=False)
    # Run by close() before the engine goes (the pending high-water mark is written).
    on_close: list[Callable[[], None]] = field(default_factory=list, repr=False)
    mark_writer: Any = field(default=None, repr=False)  # civreg.services.mark_writer
    _factory: sessionmaker[Session] | None = field(default=None, repr=False)

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    @property
    def is_sqlite(self) -> bool:
        return self.dialect == "sqlite"

    @property
    def keyfile_path(self) -> Path | None:
        return getattr(self.keyfile, "path", None)

    def _sessions(self) -> sessionmaker[Session]:
        if self._factory is None:
            self._factory = sessionmaker(self.engine, expire_on_commit=False)
        return self._factory

    @contextlib.contextmanager
    def write(self) -> Iterator[Session]:
        """One write transaction (BEGIN IMMEDIATE on SQLite); commits or rolls back whole.
        A full disk, a damaged page or a lock held too long comes out as the plain
        ``CivregError`` the user can act on (``civreg.errors.plain_error``)."""
        with self._plain_errors(), immediate(), self._sessions()() as session:
            session.info[SESSION_STORE] = self
            with session.begin():
                if not self.is_sqlite:
                    # Serialise writers on PostgreSQL too (numbering, audit chain).
                    session.execute(text("SELECT pg_advisory_xact_lock(724291)"))
                yield session
                for hook in self.before_commit:
                    hook(session)
            for hook in self.after_commit:
                hook(session)

    @contextlib.contextmanager
    def read(self) -> Iterator[Session]:
        with self._plain_errors(), self._sessions()() as session:
            session.info[SESSION_STORE] = self
            with session.begin():
                yield session

    @contextlib.contextmanager
    def _plain_errors(self) -> Iterator[None]:
        try:
            yield
        except (DBAPIError, OSError) as exc:
            seconds = engines.BUSY_TIMEOUT_MS // 1000
            plain = plain_error(exc, store_path=self.path, busy_seconds=seconds)
            if plain is None:
                raise
            raise plain from exc

    def checkpoint(self) -> None:
        if self.is_sqlite:
            with self.engine.connect() as conn:
                conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")

    def close(self) -> None:
        hooks, self.on_close = self.on_close, []
        try:
            for hook in hooks:
                hook()
        finally:
            self.engine.dispose()
        self.data_key = None
        self.unlocked = None
        self.signing_key_cache = None
