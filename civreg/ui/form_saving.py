"""Saving the act form's draft: automatically a few seconds after the last change, on
Ctrl+S and when leaving the form; the registrar's statement of a paper receipt is kept with
it. Mixed into :class:`civreg.ui.act_form.ActForm` (which provides what is declared here)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from civreg.domain.acts import ActInput, ActView
from civreg.services import changes, drafts
from civreg.services.context import Ctx
from civreg.ui import settings as S  # noqa: N812
from civreg.ui.errors import error_text
from civreg.ui.form_special import PAPER

if TYPE_CHECKING:
    from PySide6.QtWidgets import QLabel, QWidget

    from civreg.ui.form_layout import FormSections
    from civreg.ui.form_special import SpecialEntry
    from civreg.ui.operations import Operations

    _Widget = QWidget
else:
    _Widget = object


def save_draft(
    ctx: Ctx, draft_id: int | None, data: ActInput, paper_receipt: str | None = None
) -> ActView:
    """Runs on the database worker: create the draft the first time, update it after.
    ``paper_receipt``: the registrar's statement, kept with the draft (None: not asked)."""
    if draft_id is None:
        return drafts.create_draft(ctx, data, paper_receipt=paper_receipt)
    return drafts.update_draft(ctx, draft_id, data, paper_receipt=paper_receipt)


class DraftSaving(_Widget):
    """The form's draft saving, mixed into :class:`~civreg.ui.act_form.ActForm`."""

    if TYPE_CHECKING:
        ctx: Ctx
        ops: Operations
        settings: S.Settings
        draft_id: int | None
        dirty: bool
        saved_statement: str
        sections: FormSections
        special: SpecialEntry
        status: QLabel
        saved: Any
        closed: Any
        _saving: bool
        _resave: bool
        _released: bool
        _after_save: tuple[int, str] | None
        _autosave: Any
        _check_timer: Any

        def run_check(self) -> None: ...
        def to_input(self) -> ActInput: ...
        def paper_statement(self) -> str: ...
        def field(self, path: str) -> QWidget: ...
        def decide_duplicate(self, candidate_id: int, decision: str) -> None: ...

    def kept_statement(self) -> str | None:
        """The statement to keep with the draft; None when this form does not ask for it (a
        clerk's: the draft keeps the registrar's)."""
        return self.paper_statement() if self.sections.paper is not None else None

    def _show_statement(self, statement: str) -> None:
        paper = self.sections.paper
        if not statement or paper is None:
            return
        paper.blockSignals(True)
        paper.setChecked(True)
        paper.blockSignals(False)
        self.special.apply()
        self.field(PAPER).set_value(statement)  # type: ignore[attr-defined]

    def save(self) -> None:
        self._autosave.stop()
        if self._check_timer.isActive():
            self._check_timer.stop()
            self.run_check()  # what is saved is what the clerk sees checked
        if self._saving:
            self._resave = True
            return
        if not self.dirty and self.draft_id is not None:
            return
        self._saving = True
        self.dirty = False
        self.ops.mutate(
            save_draft,
            self.ctx,
            self.draft_id,
            self.to_input(),
            self.kept_statement(),
            owner=self,
            changes=changes.draft_saved,
            on_done=self._saved,
            on_error=self._save_failed,
        )
        self._update_status()

    def _saved(self, view: ActView) -> None:
        self._saving = False
        self.draft_id = view.id
        self.saved_statement = view.paper_receipt
        if not self._released:
            self.settings.set(S.OPEN_DRAFT, view.id)
        self.saved.emit(view.id)
        if self._after_save is not None:
            candidate_id, decision = self._after_save
            self._after_save = None
            self.decide_duplicate(candidate_id, decision)
        elif self._resave:
            self._resave = False
            self.save()
        self._update_status()

    def _save_failed(self, exc: BaseException) -> None:
        self._saving = False
        self.dirty = True
        self.status.setText(error_text(exc))

    def close_form(self) -> None:
        self.release()
        self.closed.emit()

    def release(self) -> None:
        """Leave the form in an orderly way (another page, logging out, quitting): what is
        unsaved is saved, and the next login offers no crash recovery for this draft — it is
        in the drafts list."""
        self._released = True
        if self.dirty:
            self.save()
        self.settings.reset(S.OPEN_DRAFT)

    def _update_status(self) -> None:
        if self._saving:
            text = self.tr("Saving…")
        elif self.dirty:
            text = self.tr("Unsaved changes")
        elif self.draft_id is not None:
            text = self.tr("Draft saved")
        else:
            text = self.tr("New declaration")
        self.status.setText(text)
