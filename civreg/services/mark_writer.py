"""The high-water mark, written behind the signed transactions instead of inside them.

Each signed transaction used to sign the mark and write its file with two fsyncs (file and
folder) after its commit: a registration waited for them (issue 17). Now the commit only
says the mark is due, with the key its seal used; a writer thread reads, signs and writes the
mark :data:`DELAY_S` (50 ms) later, once for all the commits of that window (coalesced), so
the registration returns without waiting for the read, the signature and the two fsyncs.
It is also written at once when the store is closed or when this process reads the mark
(:func:`civreg.security.anchor.load` settles it first).

Why the mark keeps its meaning. The mark says "this store has reached at least this
state"; at every open a store *ahead* of its mark is accepted (the mark moves forward) and a
store *behind* it is refused (:func:`civreg.security.anchor.compare`). A power cut before a
pending mark is written leaves a mark that lags the store by the last commits of the window:
accepted, as a power cut between a commit and its mark always was. The window is the time in
which a plug pulled just after a registration, and an older copy put back, goes unnoticed by
the local mark (batches and receipts carry their own marks): ≈ 1 ms when the mark was
written inside the registration; 250 ms was tried first, long enough to pull a plug on
purpose after seeing the act registered; 50 ms is below a person's reaction time. Writing
at once (0) doubled a registration's CPU in a loop (the mark's read and signature competing
with the next registration: 13.4 against 6.7 ms at 100k acts, the same run). The state is read
when the mark is written, from the committed store, so it is never ahead of a commit.
"""

from __future__ import annotations

import atexit
import logging
import threading
import time
from collections.abc import Callable
from typing import Any

from sqlalchemy.orm import Session

from civreg.models.store import Store
from civreg.security import anchor

log = logging.getLogger(__name__)

DELAY_S = 0.05  # below a person's reaction time; the caller never waits for it


class MarkWriter:
    """Pending high-water mark of one open store, written by one thread kept while the store
    is open.

    The thread is started at the store's first signed commit and then only woken: a thread
    started for every window cost each registration at a counter (alone in its window) the
    thread's creation and the wait for the system to schedule it (issue 17). It is a daemon,
    so it never keeps the process alive; a process that ends without closing the store still
    writes the pending mark, from :mod:`atexit` (which runs before daemon threads stop)."""

    def __init__(
        self, store: Store, store_id: str, read_state: Callable[[Session], dict[str, Any]]
    ) -> None:
        """``read_state``: the store's state in a read transaction (what the mark holds)."""
        self._store = store
        self._store_id = store_id
        self._read_state = read_state
        self._wake = threading.Condition(threading.Lock())  # guards _key, _due_at, _closed
        self._writing = threading.Lock()  # one write at a time, in commit order
        self._key: tuple[Any, str] | None = None
        self._due_at: float | None = None  # when the pending mark is written (monotonic)
        self._closed = False
        self.worker: threading.Thread | None = None
        anchor.defer(store_id, self.flush)
        atexit.register(self.flush)

    def due(self, key: tuple[Any, str]) -> None:
        """A signed transaction has committed: write the mark now, behind the caller."""
        with self._wake:
            self._key = key
            if self._due_at is None:
                self._due_at = time.monotonic() + DELAY_S
                self._wake.notify()
            if self.worker is None and not self._closed:
                self.worker = threading.Thread(
                    target=self._run, name="civreg-mark-writer", daemon=True
                )
                self.worker.start()

    def pending(self) -> bool:
        """Whether a mark is waiting to be written, or being written."""
        with self._wake:
            return self._key is not None or self._writing.locked()

    def _run(self) -> None:
        while True:
            with self._wake:
                while not self._closed and (
                    self._due_at is None or self._due_at > time.monotonic()
                ):
                    wait = None if self._due_at is None else self._due_at - time.monotonic()
                    self._wake.wait(wait)
                if self._closed:
                    return
            try:
                self.flush()
            except Exception as exc:  # a writer thread has nobody to raise to
                # The next open finds the store ahead of its mark and writes it (no data here).
                log.warning("high-water mark not written: %s", type(exc).__name__)

    def flush(self) -> bool:
        """Write the pending mark now (the committed state). True when one was written."""
        with self._writing:
            with self._wake:
                key, self._key = self._key, None
                self._due_at = None
            if key is None:
                return False
            store = self._store
            if store.behind is not None:  # acknowledged first (acknowledge writes its own)
                return False
            with store.read() as s:
                state = self._read_state(s)
            return anchor.save(anchor.sign(state, key[0], key[1]))

    def close(self) -> None:
        """Write what is pending and stop (the store is closing)."""
        try:
            self.flush()
        finally:
            with self._wake:
                self._closed = True
                self._wake.notify()
            atexit.unregister(self.flush)
            anchor.undefer(self._store_id, self.flush)
