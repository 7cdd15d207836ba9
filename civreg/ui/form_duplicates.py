"""The act form's side of the possible-duplicates panel: look for candidates as the subject is
typed, and record the registrar's decision (the draft is saved first: a decision needs an id).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

from PySide6.QtWidgets import QWidget

from civreg.domain.acts import ActView
from civreg.services import changes
from civreg.services.duplicates import DuplicateDecisionView
from civreg.ui import settings as S  # noqa: N812
from civreg.ui.duplicates_panel import Candidate, find_candidates, save_and_decide

if TYPE_CHECKING:
    from PySide6.QtCore import QTimer

    from civreg.domain.acts import ActInput
    from civreg.services.context import Ctx
    from civreg.ui.duplicates_panel import DuplicatesPanel
    from civreg.ui.operations import Operations


class DuplicateDecisions:
    """Mixed into :class:`~civreg.ui.act_form.ActForm` (which provides what is declared here)."""

    if TYPE_CHECKING:
        ops: Operations
        ctx: Ctx
        settings: S.Settings
        draft_id: int | None
        dirty: bool
        dup_panel: DuplicatesPanel
        open_existing: Any
        _autosave: QTimer
        _saving: bool
        _after_save: tuple[int, str] | None

        def to_input(self) -> ActInput: ...
        def _saved(self, view: ActView) -> None: ...
        def _save_failed(self, exc: BaseException) -> None: ...
        def _update_status(self) -> None: ...

    def _find_duplicates(self) -> None:
        self.ops.run(
            find_candidates,
            self.ctx,
            self.to_input(),
            self.draft_id,
            owner=cast(QWidget, self),
            on_done=self._show_duplicates,
            on_error=lambda _e: None,
        )

    def _show_duplicates(self, found: list[Candidate]) -> None:
        self.dup_panel.show_candidates(found)

    def decide_duplicate(self, candidate_id: int, decision: str) -> None:
        """The registrar's call on a candidate; the draft is saved first (it needs an id)."""
        if not self.ctx.can("duplicate.decide"):
            return
        self._autosave.stop()
        if self._saving:
            self._after_save = (candidate_id, decision)
            return
        self._saving = True
        self.dirty = False
        self.ops.mutate(
            save_and_decide,
            self.ctx,
            self.draft_id,
            self.to_input(),
            candidate_id,
            decision,
            owner=cast(QWidget, self),
            changes=lambda result: changes.draft_saved(result[0]),
            on_done=self._decided,
            on_error=self._decide_failed,
        )
        self._update_status()

    def _decided(self, result: tuple[ActView, DuplicateDecisionView]) -> None:
        view, decision = result
        self._saved(view)
        self.dup_panel.recorded(decision.decision)
        if decision.decision == "same_person":
            self.settings.reset(S.OPEN_DRAFT)
            self.open_existing.emit(decision.candidate_act_id)
        else:
            self._find_duplicates()

    def _decide_failed(self, exc: BaseException) -> None:
        from civreg.ui.errors import show_error

        self._save_failed(exc)
        self.dup_panel.show_candidates(self.dup_panel.candidates)
        show_error(cast(QWidget, self), exc)
