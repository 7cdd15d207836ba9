"""Keyboard-first entry of a birth, marriage or death declaration.

Enter moves to the next field, Page Down to the next section, Ctrl+S saves the draft,
Ctrl+Return registers (registrar, after confirming the number). Problems appear next to their
field (errors red, warnings amber); "required" only for fields the clerk has passed. When the
dates put the declaration past the legal deadline the court judgment's fields appear; Alt+T
switches to the transcription of a paper act. The draft is saved automatically a few seconds
after the last change and when the clerk moves to another section; the id of the draft being
entered is remembered in the settings so that after a crash or a power cut it is offered back
(the content itself lives only in the encrypted store).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from itertools import pairwise

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from civreg.domain.acts import ActInput, ActKind, ActView
from civreg.services.context import Ctx
from civreg.ui import clock
from civreg.ui import settings as S  # noqa: N812
from civreg.ui.confirm import ConfirmRegistration
from civreg.ui.duplicates_panel import DuplicatesPanel
from civreg.ui.errors import problem_sentence
from civreg.ui.fields import ChoiceField, ChoiceLabels, DateField
from civreg.ui.form_checks import Checked, check, judgment_needed, shown_problems
from civreg.ui.form_duplicates import DuplicateDecisions
from civreg.ui.form_entry import CONDITIONAL_SECTIONS, LEGAL_SECTIONS, EntryAssist
from civreg.ui.form_layout import FieldSlot, build_sections
from civreg.ui.form_mapping import copy_source, field_values, form_path, person_path, to_input
from civreg.ui.form_register import RegistrationSteps, save_and_register
from civreg.ui.form_saving import DraftSaving, save_draft
from civreg.ui.form_special import PAPER, SpecialEntry
from civreg.ui.operations import Operations

__all__ = ["ActForm", "save_and_register", "save_draft"]

SUBJECT_SECTIONS = ("child", "spouse1", "spouse2", "deceased", "event_date")


class ActForm(DraftSaving, RegistrationSteps, DuplicateDecisions, QWidget):
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
        self.saved_statement = draft.paper_receipt if draft else ""  # the draft's, as stored
        self.dirty = False
        self._saving = False
        self._resave = False
        self._released = False  # left in an orderly way: no crash recovery for it
        self._after_save: tuple[int, str] | None = None  # a duplicate decision waiting
        self._touched: set[str] = set()
        self._show_all = False
        self._service_problems: list[Checked] = []  # from the last refused registration
        self.problems: list = []
        self.checked: list[Checked] = []
        self.confirm: ConfirmRegistration | None = None
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
        self.general.setObjectName("general_problems")
        self.general.setWordWrap(True)
        self.general.setStyleSheet("color: #b00020;")
        self.general.hide()
        self.save_btn = QPushButton(self.tr("Save draft (Ctrl+S)"))
        self.save_btn.clicked.connect(self.save)
        self.register_btn = QPushButton(self.tr("Register (Ctrl+Enter)"))
        self.register_btn.clicked.connect(self.register)
        self.register_btn.setVisible(ctx.can("act.register"))
        self.close_btn = QPushButton(self.tr("Close"))
        self.close_btn.clicked.connect(self.close_form)
        for b in (self.save_btn, self.register_btn, self.close_btn):
            b.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab stays in the fields

        self.sections = build_sections(kind, ctx.profile, self, registrar=ctx.can("act.register"))
        self.slots = self.sections.slots
        self._by_path: dict[str, FieldSlot] = {s.path: s for s in self.slots}
        body = QWidget()
        row = QHBoxLayout(body)
        columns = [QVBoxLayout(), QVBoxLayout()]
        for key, box in self.sections.boxes.items():
            columns[self.sections.columns[key]].addWidget(box)
        for col in columns:
            col.addStretch(1)  # a box that grows pushes only the boxes below it
            row.addLayout(col, 1)
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
        split.setSizes([1000, 300])
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

        for before, after in pairwise(s.widget for s in self.slots):
            QWidget.setTabOrder(before, after)
        self.assist = EntryAssist(self, kind, self.sections, self.values, self._changed)
        # the day the office received the declaration: the draft's creation (issue 10 item 1)
        received = draft.received_date if draft is not None else ""
        self.received_on = date.fromisoformat(received) if received else clock.today()
        self._kept_declaration_date = ""
        self.special = SpecialEntry(
            self,
            kind,
            ctx.profile,
            self.sections.specials,
            self.sections.boxes,
            self.field("declarant.capacity") if "declarant.capacity" in self._by_path else None,
            self._choice_label,
            self._changed,
            {s.path: s.widget for s in self.slots},
        )
        self._autosave = QTimer(self, singleShot=True)
        self._autosave.setInterval(max(1, settings.get(S.AUTOSAVE_SECONDS)) * 1000)
        self._autosave.timeout.connect(self.save)
        self._check_timer = QTimer(self, singleShot=True, interval=250)
        self._check_timer.timeout.connect(self.run_check)
        self._dup_timer = QTimer(self, singleShot=True, interval=700)
        self._dup_timer.timeout.connect(self._find_duplicates)
        if draft is not None:
            self.set_input(draft.data)
            self._show_statement(draft.paper_receipt)
        for s in self.slots:
            if isinstance(s.widget, ChoiceField):
                s.widget.changed.connect(lambda p=s.path: self._changed(p))
            elif isinstance(s.widget, QLineEdit):
                s.widget.textEdited.connect(lambda _t, p=s.path: self._changed(p))
            if isinstance(s.widget, DateField):
                s.widget.editingFinished.connect(self._check_timer.start)
        self.sections.transcribe.toggled.connect(self._transcribe_toggled)
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        app.focusChanged.connect(self._focus_moved)
        QShortcut(QKeySequence.StandardKey.Save, self, self.save)
        for seq in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(seq), self, self.register)
        QShortcut(QKeySequence("Ctrl+W"), self, self.close_form)
        self._update_status()
        self._update_legal()

    def _choice_label(self, code: str) -> str:
        return ChoiceLabels(self).labels().get(code, code)

    # -- data --------------------------------------------------------------------------
    def field(self, path: str) -> QWidget:
        return self._by_path[path].widget

    def _in_use(self, s: FieldSlot) -> bool:
        """Fields of a hidden conditional section (a judgment no longer needed, a previous
        marriage for a single spouse) are left out."""
        key = self.sections.section_of(s.path)
        if key in self.special.suppressed():
            return False  # a found child's parents
        return key not in CONDITIONAL_SECTIONS or not s.section.isHidden()

    def values(self) -> dict[str, str]:
        """Every field's value by path, as the widgets read it."""
        out = {s.path: s.widget.value() for s in self.slots if self._in_use(s)}  # type: ignore[attr-defined]
        competence = self.ctx.profile.competence.get(self.kind)
        if competence is not None and competence.code_field == "details.event_place_code":
            out["details.event_place_code"] = self.field("event_place").code()  # type: ignore[attr-defined]
        return out

    def to_input(self) -> ActInput:
        data = to_input(self.kind, self.values())
        if self._kept_declaration_date and "declaration_date" not in self._by_path:
            data = replace(data, declaration_date=self._kept_declaration_date)  # a clerk's form
        return data

    def paper_statement(self) -> str:
        """The registrar's statement of a paper receipt ("" when none)."""
        return self.values().get(PAPER, "").strip()

    def set_input(self, data: ActInput) -> None:
        self.special.load(data)  # first: a found child's declarant may be the finder
        self._kept_declaration_date = data.declaration_date  # kept where the form lacks it
        values = field_values(data, self._by_path)
        for s in self.slots:
            s.widget.set_value(values[s.path])  # type: ignore[attr-defined]
        self.field("event_place").set_code(str(data.details.get("event_place_code") or ""))  # type: ignore[attr-defined]
        for key in CONDITIONAL_SECTIONS:  # a draft's filled sections show again
            box = self.sections.boxes.get(key)
            if box is not None and key not in LEGAL_SECTIONS:
                box.setVisible(any(values[s.path] for s in self.slots if s.section is box))
        self.sections.transcribe.blockSignals(True)
        self.sections.transcribe.setChecked(data.transcription is not None)
        self.sections.transcribe.blockSignals(False)
        self._update_legal()

    # -- behaviour ---------------------------------------------------------------------
    def _changed(self, path: str) -> None:
        self._touched.add(path)
        self.dirty = True
        self._update_status()
        self._autosave.start()
        self._check_timer.start()
        person = person_path(path)
        if person is not None and (
            path == "declarant.capacity"
            or person[0] == copy_source(self.kind, self.values().get("declarant.capacity", ""))
        ):
            self.assist.copy_declarant()
        if path.split(".")[0] in SUBJECT_SECTIONS:
            self._dup_timer.start()

    def _focus_moved(self, old: QWidget | None, new: QWidget | None) -> None:
        if old is None or new is None:
            return
        box_of = {id(s.widget): s.section for s in self.slots}
        a, b = box_of.get(id(old)), box_of.get(id(new))
        if a is not None:
            self._check_timer.start()  # a field was passed: say what it lacks
        if self.dirty and a is not None and a is not b:
            self.save()

    def _transcribe_toggled(self, _on: bool) -> None:
        self._update_legal()
        self._changed("transcription.original_number")
        if self.sections.transcribe.isChecked():
            self.field("transcription.original_number").setFocus()

    def _update_legal(self) -> None:
        """Show the judgment's fields when the declaration is late (and it is not the
        transcription of a paper act), the transcription's when the clerk asked for it."""
        transcribing = self.sections.transcribe.isChecked()
        boxes = self.sections.boxes
        why = None
        if not transcribing:
            data = to_input(self.kind, self._base_values())
            why = judgment_needed(
                data,
                self.ctx.profile,
                clock.today(),
                self.ctx.office.commune,
                **self._reception(data),
            )
        boxes["judgment"].setVisible(why is not None)
        boxes["transcription"].setVisible(transcribing)
        self.sections.judgment_note.setText(why.message() if why is not None else "")

    def _base_values(self) -> dict[str, str]:
        return {
            s.path: s.widget.value()  # type: ignore[attr-defined]
            for s in self.slots
            if self._in_use(s) and self.sections.section_of(s.path) not in LEGAL_SECTIONS
        }

    def _update_conditional(self) -> bool:
        """Show the sections the entry now calls for (a place outside the commune, a spouse
        under the minimum age, a spouse married before); True when one appeared or went."""
        keys = {c.problem.key for c in self.checked}
        paths = {c.problem.path for c in self.checked}
        values = {s.path: s.widget.value() for s in self.slots}  # type: ignore[attr-defined]
        wanted = {
            "competence": "details.competence_justification" in paths
            or any(k.startswith("val.competence.outside") for k in keys),
            "age_dispensation": "val.marriage.under_age_dispensable" in keys,
        }
        for role in ("spouse1", "spouse2"):
            status = values.get(f"{role}.previous_marital_status", "")
            wanted[f"prior_{role}"] = status in ("married", "divorced", "widowed")
        changed = False
        for key, want in wanted.items():
            box = self.sections.boxes.get(key)
            if box is None:
                continue
            filled = any(values[s.path] for s in self.slots if s.section is box)
            show = want or filled
            if show == box.isHidden():
                box.setVisible(show)
                changed = True
        return changed

    def _reception(self, data: ActInput) -> dict:
        """A typed declaration date is checked against the day the office received it,
        with the registrar's statement of a paper receipt if given."""
        statement = bool(self.paper_statement())
        if not data.declaration_date and not statement:
            return {}
        return {"received_on": self.received_on, "paper_receipt": statement}

    def _check(self) -> None:
        data = self.to_input()
        found = check(
            data, self.ctx.profile, clock.today(), self.ctx.office.commune, **self._reception(data)
        )
        self.checked = [
            Checked(replace(c.problem, path=form_path(c.problem.path, self.values())), c.category)
            for c in found
        ] + self._service_problems

    def run_check(self) -> None:
        """Validate (pure domain code, no database) and show problems next to the fields."""
        self._update_legal()
        self._check()
        if self._update_conditional():
            self._check()
        self.problems = [c.problem for c in self.checked]
        visible = [s.path for s in self.slots if not s.section.isHidden()]
        typing = {
            s.path: s.widget.parse_error()
            for s in self.slots
            if isinstance(s.widget, DateField) and s.widget.parse_error()
        }
        shown = shown_problems(
            self.checked,
            paths=visible,
            passed=self.assist.passed,
            touched=lambda p: p in self._touched,
            show_all=self._show_all,
            sentence=self.sentence,
            typing_errors=typing,
        )
        for s in self.slots:
            s.problem.show_problems(shown.per_field.get(s.path, []))
        self.general.setText("\n".join(shown.general))
        self.general.setVisible(bool(shown.general))

    def sentence(self, path: str, message: str) -> str:
        """A problem with no field of its own, said with the field's name in words."""
        return problem_sentence(path, message)

    def showEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().showEvent(event)
        if self.slots and not any(s.widget.hasFocus() for s in self.slots):
            self.slots[0].widget.setFocus()

    def replace_input(self, **changes: object) -> None:
        self.set_input(replace(self.to_input(), **changes))  # type: ignore[arg-type]
