"""The main window's commands: register, annotate, print, back up, print the day, add a user.

Each command asks what it needs (a dialog, a file name), runs the service through the
database worker and reports in the window's status bar; navigation stays in
:mod:`civreg.ui.main_window`.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from civreg.domain.acts import MENTION_KINDS, ActKind, ActView
from civreg.services import changes
from civreg.services.context import Ctx
from civreg.ui import clock, file_dialogs
from civreg.ui import settings as S  # noqa: N812

if TYPE_CHECKING:
    from civreg.ui.confirm import ConfirmRegistration, RegistrationPreview
    from civreg.ui.dialogs import MentionDialog
    from civreg.ui.printing import PreviewDialog
    from civreg.ui.window_base import WindowBase


def certificate_pdf(ctx: Ctx, ref: int | str, kind: str) -> tuple[bytes, list, ActView]:
    """Runs on the worker: the free preview of a full copy or an extract (nothing recorded),
    the requester capacities the country profile allows for it, and the act (its number
    names the file)."""
    from civreg.services.certificates import preview_certificate
    from civreg.services.copies import capacities
    from civreg.services.queries import get_act

    pdf = preview_certificate(ctx, ref, kind)
    act = get_act(ctx, ref)
    return pdf, capacities(ctx, act.kind, kind), act


def _refusal(exc: BaseException) -> str:
    """A refused mention, said next to the dialog's fields: the messages alone (each names
    what to give: the text, the authority…)."""
    from civreg.errors import ValidationError
    from civreg.ui.errors import error_text

    if isinstance(exc, ValidationError):
        return "\n".join(p.message() for p in exc.problems)
    return error_text(exc)


class WindowActions(QObject):
    def __init__(self, win: WindowBase) -> None:
        super().__init__(win)
        self.win = win
        self.confirm: ConfirmRegistration | None = None
        self.mention_dialog: MentionDialog | None = None

    @property
    def ctx(self) -> Ctx:
        return self.win.ctx

    def _say(self, text: str) -> None:
        self.win.statusBar().showMessage(text, 15_000)

    # -- acts ----------------------------------------------------------------------------
    def register_draft(self, act_id: int) -> None:
        """Register a draft from its page: the number is shown and confirmed first."""
        from civreg.ui.confirm import preview_registration

        self.win.ops.run(
            preview_registration,
            self.ctx,
            act_id,
            None,
            clock.today(),
            owner=self.win,
            on_done=self._confirm_registration,
            on_error=self._registration_failed,
        )

    def _confirm_registration(self, preview: RegistrationPreview) -> None:
        from civreg.ui.confirm import ConfirmRegistration

        self.confirm = ConfirmRegistration(preview, self.win)
        self.confirm.confirmed.connect(self._register)
        self.confirm.open()

    def _register(self, preview: RegistrationPreview) -> None:
        from civreg.services.registration import register_act

        self.win.ops.mutate(
            register_act,
            self.ctx,
            preview.act_id,
            today=clock.today(),
            owner=self.win,
            changes=changes.act_registered,
            on_done=lambda v: self.win.open_act(v.id),
            on_error=self._registration_failed,
        )

    def _registration_failed(self, exc: BaseException) -> None:
        """A draft that cannot be registered opens in its form, each problem on its field."""
        from civreg.errors import ValidationError
        from civreg.ui.errors import show_error

        page = self.win.detail
        act = getattr(getattr(page, "bundle", None), "act", None)
        if not isinstance(exc, ValidationError) or act is None:
            show_error(self.win, exc)
            return
        form = self.win.open_form(ActKind(act.kind), act)
        form.show_refusal(exc)

    def add_mention(self, act: ActView) -> None:
        from civreg.ui.act_view import ActPage
        from civreg.ui.dialogs import MentionDialog, authority_choices

        page = self.win.detail
        labels = page.mention_kind if isinstance(page, ActPage) else str
        rules = self.ctx.profile.mention_rules  # the kinds this country's law provides
        kinds = tuple(k for k in MENTION_KINDS if k in rules) or MENTION_KINDS
        from civreg.domain.corrections import apply_corrections
        from civreg.ui.mention_corrections import CorrectionsEditor

        choices = authority_choices(self.ctx.profile)
        current = apply_corrections(act.data, act.mentions).data  # as it reads today
        editor = CorrectionsEditor(current, self.ctx.profile)
        self.mention_dialog = MentionDialog(labels, self.win, kinds, choices, editor)
        self.mention_dialog.submitted.connect(lambda values: self._record_mention(act, values))
        self.mention_dialog.open()

    def _record_mention(self, act: ActView, values: dict[str, str]) -> None:
        from civreg.services.mentions import add_mention

        dlg = self.mention_dialog
        assert dlg is not None
        dialog = dlg
        self.win.ops.mutate(
            add_mention,
            self.ctx,
            act.id,
            owner=dlg,
            changes=changes.act_annotated,
            today=clock.today(),
            on_done=lambda _view: dialog.recorded(),
            on_error=lambda exc: self._mention_refused(dialog, exc),
            **values,
        )

    @staticmethod
    def _mention_refused(dialog: MentionDialog, exc: BaseException) -> None:
        from civreg.errors import ValidationError

        if isinstance(exc, ValidationError):
            dialog.refused_problems(list(exc.problems))
        else:
            dialog.refused(_refusal(exc))

    def print_copy(self, act_id: int, kind: str) -> None:
        self.win.ops.run(
            certificate_pdf,
            self.ctx,
            act_id,
            kind,
            owner=self.win,
            on_done=lambda res: self.preview(res[0], act_id, kind, res[1], res[2]),
        )

    def file_name(self, act: ActView | None, kind: str) -> str:
        """``naissance-0038-2026-copie-integrale.pdf`` in the user's documents folder."""
        from platformdirs import user_documents_dir

        if act is None or act.number is None:
            name = f"{act.kind if act else 'act'}-{kind}.pdf"
        else:
            kinds = {
                "birth": self.tr("birth"),
                "marriage": self.tr("marriage"),
                "death": self.tr("death"),
            }
            copy = self.tr("full-copy") if kind == "full" else self.tr("extract")
            number = self.ctx.profile.format_number(act.number)
            name = f"{kinds.get(act.kind, act.kind)}-{number}-{act.year}-{copy}.pdf"
        folder = Path(user_documents_dir())
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError:
            folder = Path.home()
        return str(folder / name)

    def preview(
        self,
        pdf: bytes,
        act_id: int,
        kind: str,
        capacities: list | None = None,
        act: ActView | None = None,
    ) -> PreviewDialog:
        """The free preview; Print… / Save as PDF… issue the copy for the requester given
        (numbered, recorded, signed) and print or save that."""
        from civreg.services.certificates import issue_certificate
        from civreg.services.copies import Requester
        from civreg.ui.printing import PreviewDialog

        def issue(values: tuple[str, str, str], then) -> None:
            self.win.ops.mutate(
                issue_certificate,
                self.ctx,
                act_id,
                kind,
                requester=Requester(*values),
                owner=self.win,
                changes=changes.Changes(acts=frozenset({act_id}), transmission=True),
                on_done=lambda res: done(res, then),
            )

        def done(res, then) -> None:
            then(res.pdf)
            issued(res.copies[0].copy_number)

        def issued(number: int) -> None:
            if dlg.saved_path is not None:
                self._say(
                    self.tr("Copy no. {n} issued, recorded and saved in {path}.").format(
                        n=number, path=dlg.saved_path
                    )
                )
            else:
                self._say(self.tr("Copy no. {n} issued and recorded.").format(n=number))

        title = self.tr("Full copy") if kind == "full" else self.tr("Extract")
        dlg = PreviewDialog(
            pdf,
            title,
            default_printer=self.win.settings.get(S.DEFAULT_PRINTER),
            suggested_name=self.file_name(act, kind),
            parent=self.win,
            capacities=capacities or (),
            issue=issue if capacities is not None else None,
        )
        dlg.open()
        return dlg

    def print_day(self) -> None:
        from civreg.services.certificates import bulk_print_day
        from civreg.ui.long_ops import run_with_progress

        name = file_dialogs.save_file(
            self.win,
            self.tr("Save the day's register pages as"),
            f"register-pages-{date.today()}.pdf",
            self.tr("PDF documents (*.pdf)"),
        )
        if not name:
            return

        def job(report, cancelled):
            return bulk_print_day(
                self.ctx,
                date.today(),
                Path(name),
                progress=lambda d, t: (report(d, t), not cancelled())[1],
            )

        run_with_progress(
            self.win,
            self.win.ops,
            self.tr("Printing today's acts…"),
            job,
            on_done=lambda r: self._say(
                self.tr("{n} page(s) written to {path}").format(n=r.pages, path=name)
            ),
        )

    # -- store ---------------------------------------------------------------------------
    def backup(self) -> None:
        """The Backup screen: its folder, its last backup and its "Back up now" button."""
        if "backup" in self.win.pages:
            self.win.show_page("backup")
            self.win.pages["backup"].run_btn.setFocus()  # type: ignore[attr-defined]
            return
        from civreg.services.backup import create_backup
        from civreg.ui.long_ops import run_with_progress

        folder = file_dialogs.folder(self.win, self.tr("Back up into which folder?"))
        if not folder:
            return
        run_with_progress(
            self.win,
            self.win.ops,
            self.tr("Backing up the store…"),
            lambda report, cancelled: create_backup(
                self.ctx, Path(folder), report=report, cancelled=cancelled
            ),
            on_done=lambda r: self._say(self.tr("Backup written: {path}").format(path=r.path)),
        )

    # -- administration ------------------------------------------------------------------
    def add_user(self) -> None:
        from civreg.domain.roles import ALL_ROLES
        from civreg.services.users import add_user
        from civreg.ui.dialogs import UserDialog

        dlg = UserDialog(ALL_ROLES, self.win)
        if dlg.exec() != UserDialog.DialogCode.Accepted:
            return
        self.win.ops.mutate(
            add_user,
            self.ctx,
            dlg.username.text(),
            dlg.password.text(),
            dlg.chosen_roles(),
            full_name=dlg.full_name.text(),
            title=dlg.title.text(),
            owner=self.win,
            changes=changes.Changes(users=True),
        )

    def settings_changed(self) -> None:
        lang = self.win.settings.get(S.LANGUAGE)
        self.win.language_requested.emit(lang or "fr")
