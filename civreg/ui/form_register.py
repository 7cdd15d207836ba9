"""Registering from the act form: check, show the number about to be allocated, register
once the registrar confirms (Enter), and show a refusal on its fields or in a plain sentence.
Mixed into :class:`civreg.ui.act_form.ActForm`."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING, Any

from civreg.domain.acts import ActInput, ActView
from civreg.errors import CivregError, ValidationError
from civreg.services import changes, drafts
from civreg.services.context import Ctx
from civreg.services.registration import register_act
from civreg.ui import clock
from civreg.ui import settings as S  # noqa: N812
from civreg.ui.confirm import ConfirmRegistration, RegistrationPreview, preview_registration
from civreg.ui.errors import error_text
from civreg.ui.form_checks import Checked
from civreg.ui.form_mapping import form_path

if TYPE_CHECKING:
    from PySide6.QtWidgets import QLabel, QPushButton

    from civreg.ui.form_entry import EntryAssist
    from civreg.ui.form_layout import FieldSlot
    from civreg.ui.operations import Operations


def save_and_register(
    ctx: Ctx,
    draft_id: int | None,
    data: ActInput,
    today: date,
    paper_receipt: str = "",
    withdraw: bool = False,
) -> ActView:
    """Runs on the database worker. ``paper_receipt``: the registrar's statement that the
    declaration was received on paper on its (earlier) declaration date; ``withdraw``: the
    draft holds one the registrar has since taken back (registration would keep it)."""
    if draft_id is None:
        draft_id = drafts.create_draft(ctx, data).id
    elif withdraw and not paper_receipt.strip():
        drafts.update_draft(ctx, draft_id, data, paper_receipt="")
    return register_act(ctx, draft_id, draft=data, today=today, paper_receipt=paper_receipt)


if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget as _Widget
else:
    _Widget = object


class RegistrationSteps(_Widget):
    """The form's registering steps, mixed into :class:`~civreg.ui.act_form.ActForm` (which
    provides what is declared here)."""

    if TYPE_CHECKING:
        ctx: Ctx
        ops: Operations
        settings: S.Settings
        draft_id: int | None
        dirty: bool
        confirm: ConfirmRegistration | None
        checked: list[Checked]
        slots: list[FieldSlot]
        assist: EntryAssist
        register_btn: QPushButton
        status: QLabel
        general: QLabel
        registered: Any
        _show_all: bool
        _service_problems: list[Checked]
        _autosave: Any

        def run_check(self) -> None: ...
        def to_input(self) -> ActInput: ...
        def values(self) -> dict[str, str]: ...
        def paper_statement(self) -> str: ...

        saved_statement: str

    def register(self) -> None:
        """Check, show the number about to be allocated, and register once confirmed."""
        if not self.ctx.can("act.register") or not self.register_btn.isEnabled():
            return
        self._autosave.stop()
        self._show_all = True
        self._service_problems = []
        self.assist.pass_all()
        self.run_check()
        if any(c.blocks for c in self.checked):
            self._refused()
            return
        self.register_btn.setEnabled(False)
        self.ops.run(
            preview_registration,
            self.ctx,
            self.draft_id,
            self.to_input(),
            clock.today(),
            owner=self,
            on_done=self._ask,
            on_error=self._register_failed,
        )

    def _ask(self, preview: RegistrationPreview) -> None:
        self.confirm = ConfirmRegistration(preview, self)
        self.confirm.confirmed.connect(self._register_confirmed)
        self.confirm.rejected.connect(self._register_cancelled)
        self.confirm.open()

    def _register_cancelled(self) -> None:
        self.register_btn.setEnabled(True)
        self.status.setText(self.tr("Not registered."))

    def _register_confirmed(self, preview: RegistrationPreview) -> None:
        self.ops.mutate(
            save_and_register,
            self.ctx,
            self.draft_id,
            self.to_input(),
            clock.today(),
            self.paper_statement(),
            bool(self.saved_statement),
            owner=self,
            changes=changes.act_registered,
            on_done=lambda view: self._registered(view, preview),
            on_error=self._register_failed,
        )

    def _registered(self, view: ActView, preview: RegistrationPreview) -> None:
        self.dirty = False
        self.draft_id = None
        self.settings.reset(S.OPEN_DRAFT)
        if view.number != preview.number:
            self.window().statusBar().showMessage(  # type: ignore[attr-defined]
                self.tr("Registered under number {number}: {shown} was taken meanwhile.").format(
                    number=self.ctx.profile.format_number(view.number or 0),
                    shown=preview.number_text,
                )
            )
        self.registered.emit(view.id)

    def _register_failed(self, exc: BaseException) -> None:
        self.register_btn.setEnabled(True)
        if isinstance(exc, ValidationError):
            values = self.values()
            self._service_problems = [
                Checked(replace(p, path=form_path(p.path, values)), "wrong") for p in exc.problems
            ]
            self.run_check()
            self._refused()
            return
        if isinstance(exc, CivregError):  # e.g. the register is closed: a plain sentence
            self.status.setText(self.tr("Not registered."))
            self.general.setText(error_text(exc))
            self.general.show()
            return
        from civreg.ui.errors import show_error

        show_error(self, exc)

    def show_refusal(self, exc: ValidationError) -> None:
        """Show why the service refused to register this draft (opened from its page)."""
        self._show_all = True
        self.assist.pass_all()
        self._register_failed(exc)

    def _refused(self) -> None:
        """Say why registration was refused; focus the first field concerned."""
        flagged = [s for s in self.slots if s.problem.severity == "error"]
        if flagged:
            self.status.setText(self.tr("Not registered: correct the fields marked in red."))
            flagged[0].widget.setFocus()
        else:
            self.status.setText(self.tr("Not registered: see the problems listed above."))
