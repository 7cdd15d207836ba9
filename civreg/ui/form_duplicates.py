"""The act form's side of the possible-duplicates panel: look for candidates as the subject is
typed, and record the registrar's decision (the draft is saved first: a decision needs an id).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from civreg.domain.acts import ActView
from civreg.services import changes
from civreg.services.duplicates import DuplicateDecisionView
from civreg.ui import settings as S  # noqa: N812
from civreg.ui.duplicates_panel import Candidate, find_candidates, save_and_decide

if TYPE_CHECKING:
    from civreg.ui.act_form import ActForm


class DuplicateDecisions:
    """Mixed into :class:`~civreg.ui.act_form.ActForm`."""

    def _find_duplicates(self: ActForm) -> None:
        self.ops.run(
            find_candidates,
            self.ctx,
            self.to_input(),
            self.draft_id,
            owner=self,
            on_done=self._show_duplicates,
            on_error=lambda _e: None,
        )

    def _show_duplicates(self: ActForm, found: list[Candidate]) -> None:
        self.dup_panel.show_candidates(found)

    def decide_duplicate(self: ActForm, candidate_id: int, decision: str) -> None:
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
            owner=self,
            changes=lambda result: changes.draft_saved(result[0]),
            on_done=self._decided,
            on_error=self._decide_failed,
        )
        self._update_status()

    def _decided(self: ActForm, result: tuple[ActView, DuplicateDecisionView]) -> None:
        view, decision = result
        self._saved(view)
        self.dup_panel.recorded(decision.decision)
        if decision.decision == "same_person":
            self.settings.reset(S.OPEN_DRAFT)
            self.open_existing.emit(decision.candidate_act_id)
        else:
            self._find_duplicates()

    def _decide_failed(self: ActForm, exc: BaseException) -> None:
        from civreg.ui.errors import show_error

        self._save_failed(exc)
        self.dup_panel.show_candidates(self.dup_panel.candidates)
        show_error(self, exc)
