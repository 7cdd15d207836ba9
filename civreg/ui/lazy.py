"""Pages that load their rows the first time they are shown and stay true afterwards.

A page mixes :class:`LazyPage` in before ``QWidget``, implements ``fetch()`` (ask the
database worker for its rows) and ``concerns(changes)``. After every operation the client
broadcasts one :class:`~civreg.services.changes.Changes` (``Operations.changed``); a page it
concerns fetches again at once if it is visible, otherwise the next time it is shown.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from civreg.services.changes import Changes

if TYPE_CHECKING:
    from civreg.ui.operations import Operations


class LazyPage:
    _loaded = False
    _stale = False

    def showEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().showEvent(event)  # type: ignore[misc]
        if not self._loaded or self._stale:
            self.load()

    def load(self) -> None:
        """Fetch the rows now (the page is then up to date)."""
        self._loaded, self._stale = True, False
        self.fetch()

    def fetch(self) -> None:
        raise NotImplementedError

    def concerns(self, changes: Changes) -> bool:
        """Whether ``changes`` may alter what this page shows."""
        return changes.everything

    def follow_changes(self, ops: Operations) -> None:
        ops.changed.connect(self.on_changes)

    def on_changes(self, changes: Changes) -> None:
        if not self._loaded or not self.concerns(changes):
            return
        if self.isVisible():  # type: ignore[attr-defined]
            self.load()
        else:
            self._stale = True

    @property
    def stale(self) -> bool:
        return self._stale
