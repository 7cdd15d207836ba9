"""The high-water mark, written behind the signed transactions instead of inside them.

Each signed transaction used to sign the mark and write its file with two fsyncs (file and
folder) after its commit: a registration waited for them (issue 17). Now the commit only
says the mark is due, with the key its seal used; a timer thread reads, signs and writes the
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

import logging
import threading
from collections.abc import Callable
from typing import Any

from sqlalchemy.orm import Session

from civreg.models.store import Store
from civreg.security import anchor

log = logging.getLogger(__name__)

DELAY_S = 0.05  # below a person's reaction time; the caller never waits for it


class MarkWriter:
    """Pending high-water mark of one open store."""

    def __init__(
        self, store: Store, store_id: str, read_state: Callable[[Session], dict[str, Any]]
    ) -> None:
        """``read_state``: the store's state in a read transaction (what the mark holds)."""
        self._store = store
        self._store_id = store_id
        self._read_state = read_state
        self._lock = threading.Lock()  # guards _key and _timer
        self._writing = threading.Lock()  # one write at a time, in commit order
        self._key: tuple[Any, str] | None = None
        self._timer: threading.Timer | None = None
        anchor.defer(store_id, self.flush)

    def due(self, key: tuple[Any, str]) -> None:
        """A signed transaction has committed: write the mark now, behind the caller."""
        with self._lock:
            self._key = key
            if self._timer is None:
                # Not a daemon: a process that ends without closing the store still writes it.
                self._timer = threading.Timer(DELAY_S, self._on_timer)
                self._timer.start()

    def _on_timer(self) -> None:
        try:
            self.flush()
        except Exception as exc:  # a timer thread has nobody to raise to
            # The next open finds the store ahead of its mark and writes it (no data here).
            log.warning("high-water mark not written: %s", type(exc).__name__)

    def flush(self) -> bool:
        """Write the pending mark now (the committed state). True when one was written."""
        with self._writing:
            with self._lock:
                key, self._key = self._key, None
                timer, self._timer = self._timer, None
            if timer is not None and timer is not threading.current_thread():
                timer.cancel()
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
            anchor.undefer(self._store_id, self.flush)
