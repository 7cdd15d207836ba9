"""Keyboard help for the act form: which fields the clerk has passed (only those say
"required"), Page Down to the next section, the declarant's details copied from the parent
(or spouse) the capacity names — still editable — and the legal sections (late declaration,
transcription) shown when they apply."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QWidget

from civreg.domain.acts import ActKind
from civreg.ui.form_layout import FieldSlot, FormSections
from civreg.ui.form_mapping import declarant_copy
from civreg.ui.form_special import SPECIAL_SECTIONS

LEGAL_SECTIONS = ("judgment", "transcription")
# Sections shown only when the entry calls for them; their fields are left out when hidden.
CONDITIONAL_SECTIONS = (
    *LEGAL_SECTIONS,
    "competence",
    "age_dispensation",
    "prior_spouse1",
    "prior_spouse2",
    *SPECIAL_SECTIONS,  # found child, unidentified deceased, paper receipt (form_special)
)


class EntryAssist(QObject):
    def __init__(
        self,
        form: QWidget,
        kind: ActKind,
        sections: FormSections,
        values: Callable[[], dict[str, str]],
        changed: Callable[[str], None],
    ) -> None:
        super().__init__(form)
        self.form, self.kind, self.sections = form, kind, sections
        self._values, self._changed = values, changed
        self.order = [s.path for s in sections.slots]
        self._index = {id(s.widget): i for i, s in enumerate(sections.slots)}
        self.passed_paths: set[str] = set()
        self._furthest = -1
        self._copied: dict[str, str] = {}  # declarant field -> value copied into it
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        app.focusChanged.connect(self._focus_moved)
        for seq in ("PgDown", "Ctrl+Down"):
            QShortcut(QKeySequence(seq), form, self.next_section)
        for seq in ("PgUp", "Ctrl+Up"):
            QShortcut(QKeySequence(seq), form, self.previous_section)

    # -- where the clerk has been ---------------------------------------------------------
    def _focus_moved(self, old: QWidget | None, new: QWidget | None) -> None:
        if old is not None and id(old) in self._index:
            self.passed_paths.add(self.order[self._index[id(old)]])
        if new is not None and id(new) in self._index:
            self._furthest = max(self._furthest, self._index[id(new)])

    def passed(self, path: str) -> bool:
        """The clerk left this field, or went beyond it (skipped it with Enter or a jump)."""
        if path in self.passed_paths:
            return True
        i = self.order.index(path) if path in self.order else -1
        return 0 <= i < self._furthest

    def pass_all(self) -> None:
        self.passed_paths.update(self.order)

    # -- sections -------------------------------------------------------------------------
    def _visible_slots(self) -> list[FieldSlot]:
        return [s for s in self.sections.slots if s.section.isVisibleTo(self.form)]

    def _jump(self, step: int) -> None:
        slots = self._visible_slots()
        focus = QApplication.focusWidget()
        current = next((s for s in slots if s.widget is focus), None)
        if current is None:
            return
        boxes: list[object] = []
        for s in slots:
            if s.section not in boxes:
                boxes.append(s.section)
        i = boxes.index(current.section) + step
        if 0 <= i < len(boxes):
            target = next(s for s in slots if s.section is boxes[i])
            target.widget.setFocus()

    def next_section(self) -> None:
        """Page Down: the first field of the next section (the rest of this one is empty)."""
        self._jump(1)

    def previous_section(self) -> None:
        self._jump(-1)

    # -- the declarant is the father, the mother, the spouse… -----------------------------
    def copy_declarant(self) -> None:
        """Fill the declarant's fields from the person the capacity names, leaving alone
        those the clerk typed differently; called when the capacity or that person changes."""
        values = self._values()
        capacity = values.get("declarant.capacity", "")
        copy = declarant_copy(self.kind, capacity, values)
        by_path = {s.path: s for s in self.sections.slots}
        for path, value in copy.items():
            current = values.get(path, "")
            if current and current != self._copied.get(path):
                continue  # typed by the clerk: never overwritten
            if current != value:
                by_path[path].widget.set_value(value)  # type: ignore[attr-defined]
                self._changed(path)
            self._copied[path] = value

    def copied(self, path: str) -> bool:
        """Whether ``path`` holds a value copied from another person (not typed)."""
        values = self._values()
        return path in self._copied and values.get(path, "") == self._copied[path] != ""
