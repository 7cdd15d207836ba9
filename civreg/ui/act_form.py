"""Keyboard-first entry of a birth, marriage or death declaration.

Enter moves to the next field, Ctrl+S saves the draft, Ctrl+Return registers (registrar).
Problems appear next to their field as the clerk types (errors red, warnings amber). The draft
is saved automatically a few seconds after the last change and when the clerk moves to another
section; the id of the draft being entered is remembered in the settings so that after a crash
or a power cut it is offered back (the content itself lives only in the encrypted store).
"""

from __future__ import annotations

from dataclasses import replace
from itertools import pairwise

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from civreg.domain.acts import ActInput, ActKind, ActView
from civreg.errors import FieldProblem, ValidationError
from civreg.services import drafts
from civreg.services.context import Ctx
from civreg.services.duplicates import DuplicateDecisionView
from civreg.services.registration import register_act
from civreg.ui import settings as S  # noqa: N812
from civreg.ui.duplicates_panel import Candidate, DuplicatesPanel, find_candidates, save_and_decide
from civreg.ui.errors import error_text
from civreg.ui.fields import ChoiceField, DateField
from civreg.ui.form_layout import FieldSlot, build_sections
from civreg.ui.form_mapping import field_values, to_input
from civreg.ui.operations import Operations


def save_draft(ctx: Ctx, draft_id: int | None, data: ActInput) -> ActView:
    """Runs on the database worker: create the draft the first time, update it after."""
    if draft_id is None:
        return drafts.create_draft(ctx, data)
    return drafts.update_draft(ctx, draft_id, data)


def save_and_register(ctx: Ctx, draft_id: int | None, data: ActInput) -> ActView:
    if draft_id is None:
        draft_id = drafts.create_draft(ctx, data).id
    return register_act(ctx, draft_id, draft=data)


class ActForm(QWidget):
    registered = Signal(int)  # act id
    closed = Signal()
    saved = Signal(int)  # draft id
    open_existing = Signal(int)  # the registrar found this act already registered

    def __init__(
        self,
        ctx: Ctx,
        ops: Operations,
        settings: S.Settings,
        kind: ActKind,
        draft: ActView | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx, self.ops, self.settings, self.kind = ctx, ops, settings, kind
        self.setObjectName(f"form-{kind}")
        self.draft_id: int | None = draft.id if draft else None
        self.dirty = False
        self._saving = False
        self._resave = False
        self._after_save: tuple[int, str] | None = None  # a duplicate decision waiting
        self._touched: set[str] = set()
        self._show_all = False
        self.problems: list[FieldProblem] = []
        titles = {
            ActKind.BIRTH: self.tr("Birth declaration"),
            ActKind.MARRIAGE: self.tr("Marriage declaration"),
            ActKind.DEATH: self.tr("Death declaration"),
        }
        self.title = QLabel(titles[kind])
        self.title.setStyleSheet("font-size: 15pt; font-weight: bold;")
        self.status = QLabel()
        self.status.setObjectName("save_status")
        self.general = QLabel()
        self.general.setWordWrap(True)
        self.general.setStyleSheet("color: #b00020;")
        self.save_btn = QPushButton(self.tr("Save draft (Ctrl+S)"))
        self.save_btn.clicked.connect(self.save)
        self.register_btn = QPushButton(self.tr("Register (Ctrl+Enter)"))
        self.register_btn.clicked.connect(self.register)
        self.register_btn.setVisible(ctx.can("act.register"))
        self.close_btn = QPushButton(self.tr("Close"))
        self.close_btn.clicked.connect(self.close_form)
        for b in (self.save_btn, self.register_btn, self.close_btn):
            b.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab stays in the fields

        boxes, self.slots = build_sections(kind, ctx.profile, self)
        self._by_path: dict[str, FieldSlot] = {s.path: s for s in self.slots}
        body = QWidget()
        grid = QGridLayout(body)
        for i, box in enumerate(boxes):
            grid.addWidget(box, i // 2, i % 2, Qt.AlignmentFlag.AlignTop)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        self.dup_panel = DuplicatesPanel(ctx)
        self.dup_panel.decided.connect(self.decide_duplicate)
        self.duplicates = self.dup_panel.list
        split = QSplitter()
        split.addWidget(scroll)
        split.addWidget(self.dup_panel)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        split.setSizes([1000, 340])
        top = QHBoxLayout()
        top.addWidget(self.title)
        top.addStretch(1)
        top.addWidget(self.status)
        top.addWidget(self.save_btn)
        top.addWidget(self.register_btn)
        top.addWidget(self.close_btn)
        lay = QVBoxLayout(self)
        lay.addLayout(top)
        lay.addWidget(self.general)
        lay.addWidget(split, 1)

        widgets = [s.widget for s in self.slots]
        for a, b in pairwise(widgets):
            QWidget.setTabOrder(a, b)
        self._autosave = QTimer(self, singleShot=True)
        self._autosave.setInterval(max(1, settings.get(S.AUTOSAVE_SECONDS)) * 1000)
        self._autosave.timeout.connect(self.save)
        self._check_timer = QTimer(self, singleShot=True, interval=250)
        self._check_timer.timeout.connect(self.run_check)
        self._dup_timer = QTimer(self, singleShot=True, interval=700)
        self._dup_timer.timeout.connect(self._find_duplicates)
        if draft is not None:
            self.set_input(draft.data)
        for s in self.slots:
            if isinstance(s.widget, ChoiceField):
                s.widget.changed.connect(lambda p=s.path: self._changed(p))
            else:
                s.widget.textEdited.connect(lambda _t, p=s.path: self._changed(p))
            if isinstance(s.widget, DateField):
                s.widget.editingFinished.connect(self._check_timer.start)
        QApplication.instance().focusChanged.connect(self._focus_moved)
        QShortcut(QKeySequence.StandardKey.Save, self, self.save)
        for seq in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(seq), self, self.register)
        QShortcut(QKeySequence("Ctrl+W"), self, self.close_form)
        self._update_status()

    # -- data --------------------------------------------------------------------------
    def field(self, path: str) -> QWidget:
        return self._by_path[path].widget

    def values(self) -> dict[str, str]:
        """Every field's value by path, as the widgets read it."""
        return {s.path: s.widget.value() for s in self.slots}  # type: ignore[attr-defined]

    def to_input(self) -> ActInput:
        return to_input(self.kind, self.values())

    def set_input(self, data: ActInput) -> None:
        values = field_values(data, self._by_path)
        for s in self.slots:
            s.widget.set_value(values[s.path])  # type: ignore[attr-defined]

    # -- behaviour ---------------------------------------------------------------------
    def _changed(self, path: str) -> None:
        self._touched.add(path)
        self.dirty = True
        self._update_status()
        self._autosave.start()
        self._check_timer.start()
        subject = ("child", "spouse1", "spouse2", "deceased", "event_date")
        if path.split(".")[0] in subject:
            self._dup_timer.start()

    def _focus_moved(self, old: QWidget | None, new: QWidget | None) -> None:
        if not self.dirty or old is None or new is None:
            return
        box_of = {id(s.widget): s.section for s in self.slots}
        a, b = box_of.get(id(old)), box_of.get(id(new))
        if a is not None and a is not b:
            self.save()

    def run_check(self) -> None:
        """Validate (pure domain code, no database) and show problems next to the fields."""
        data = self.to_input()
        self.problems = drafts.check(self.ctx, data, for_registration=self._show_all)
        per_field: dict[str, list[tuple[str, str]]] = {}
        general: list[str] = []
        for s in self.slots:
            if isinstance(s.widget, DateField) and s.widget.parse_error():
                per_field.setdefault(s.path, []).append(("error", s.widget.parse_error()))
        for p in self.problems:
            if p.path in per_field and not self._show_all:
                continue  # the typed text itself is wrong: say that, not "missing"
            if p.path in self._by_path:
                if self._show_all or p.path in self._touched or p.severity == "warning":
                    per_field.setdefault(p.path, []).append((p.severity, p.message()))
            elif self._show_all:
                general.append(p.message())
        for s in self.slots:
            s.problem.show_problems(per_field.get(s.path, []))
        self.general.setText("\n".join(general))

    def save(self) -> None:
        self._autosave.stop()
        if self._saving:
            self._resave = True
            return
        if not self.dirty and self.draft_id is not None:
            return
        self._saving = True
        self.dirty = False
        self.ops.run(
            save_draft,
            self.ctx,
            self.draft_id,
            self.to_input(),
            owner=self,
            on_done=self._saved,
            on_error=self._save_failed,
        )
        self._update_status()

    def _saved(self, view: ActView) -> None:
        self._saving = False
        self.draft_id = view.id
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

    def register(self) -> None:
        if not self.ctx.can("act.register"):
            return
        self._autosave.stop()
        self._show_all = True
        self.run_check()
        self.register_btn.setEnabled(False)
        self.ops.run(
            save_and_register,
            self.ctx,
            self.draft_id,
            self.to_input(),
            owner=self,
            on_done=self._registered,
            on_error=self._register_failed,
        )

    def _registered(self, view: ActView) -> None:
        self.dirty = False
        self.draft_id = None
        self.settings.reset(S.OPEN_DRAFT)
        self.registered.emit(view.id)

    def _register_failed(self, exc: BaseException) -> None:
        self.register_btn.setEnabled(True)
        if isinstance(exc, ValidationError):
            self.status.setText(self.tr("Not registered: correct the fields marked in red."))
            first = next(
                (self._by_path[p.path] for p in exc.problems if p.path in self._by_path), None
            )
            if first is not None:
                first.widget.setFocus()
            return
        from civreg.ui.errors import show_error

        show_error(self, exc)

    def close_form(self) -> None:
        if self.dirty:
            self.save()
        self.settings.reset(S.OPEN_DRAFT)
        self.closed.emit()

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

    def _find_duplicates(self) -> None:
        self.ops.run(
            find_candidates,
            self.ctx,
            self.to_input(),
            self.draft_id,
            owner=self,
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
        self.ops.run(
            save_and_decide,
            self.ctx,
            self.draft_id,
            self.to_input(),
            candidate_id,
            decision,
            owner=self,
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
        show_error(self, exc)

    def showEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().showEvent(event)
        if self.slots and not any(s.widget.hasFocus() for s in self.slots):
            self.slots[0].widget.setFocus()

    def replace_input(self, **changes: object) -> None:
        self.set_input(replace(self.to_input(), **changes))  # type: ignore[arg-type]
