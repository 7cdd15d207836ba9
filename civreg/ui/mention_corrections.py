"""Corrections field by field in the mention dialog (issue 11 item 1; the CLI's
``civreg mention add --correct FIELD=VALUE``).

For a kind of mention that corrects fields (a rectification, a change of name: the profile's
``[mentions.<kind>].corrections``), the registrar adds rows: picks a field of the act by its
name in words (« Enfant — nom »), sees its current value (with earlier corrections applied),
types the corrected one. The service checks them (:func:`civreg.services.mentions.add_mention`);
a refusal about a field is shown on its row, in words.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from civreg.domain.acts import ActInput
from civreg.domain.corrections import (
    ACT_FIELDS,
    PERSON_FIELDS,
    FieldRef,
    field_allowed,
    get_value,
    normalise_value,
    parse_path,
)
from civreg.domain.field_labels import field_label
from civreg.domain.profile import CountryProfile
from civreg.errors import FieldProblem
from civreg.i18n import t
from civreg.ui import clock
from civreg.ui.act_extras import value_text
from civreg.ui.fields import ChoiceField, ChoiceLabels, DateField, TextField, TimeField

PREFIX = "corrections."  # the service's problem paths: corrections.child.family_name


def correctable(data: ActInput, profile: CountryProfile, patterns: Sequence[str]) -> list[str]:
    """The act's fields a mention with these ``patterns`` may correct, in the act's order."""
    paths = list(ACT_FIELDS)
    for p in data.persons:
        role = f"witness[{p.position}]" if p.role == "witness" else p.role
        for attr in PERSON_FIELDS:
            if attr == "post_nom" and not profile.uses_post_nom:
                continue
            paths.append(f"{role}.{attr}")
    refs = [parse_path(p) for p in paths]
    return [r.path for r in refs if r is not None and field_allowed(r, patterns)]


class _EnterSubmits:
    """In the dialog, Enter records the mention (the act form's fields move on instead)."""

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt API
        QLineEdit.keyPressEvent(self, event)  # type: ignore[arg-type]


class _Text(_EnterSubmits, TextField):
    pass


class _Date(_EnterSubmits, DateField):
    pass


class _Time(_EnterSubmits, TimeField):
    pass


class CorrectionRow(QWidget):
    """One corrected field: which, its current value, the corrected value, what is wrong."""

    remove = Signal(object)

    def __init__(self, fields: Sequence[str], data: ActInput, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("correction")
        self.data = data
        self._labels = ChoiceLabels(self).labels()
        # Typed to search (« prénoms » finds every person's given names), or picked.
        self.field = QComboBox()
        self.field.setObjectName("correction_field")
        self.field.setEditable(True)
        self.field.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.field.addItem("", "")
        for path in fields:
            self.field.addItem(field_label(path), path)
        completer = self.field.completer()
        assert completer is not None  # an editable combo box has one
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.field.editTextChanged.connect(self._typed_field)
        self.current = QLabel()
        self.current.setObjectName("correction_current")
        self.text, self.date, self.time = _Text(), _Date(), _Time()
        self.sex = ChoiceField(("1", "2", "0"), lambda c: self._labels.get(f"sex:{c}", c))
        self.editor = QStackedWidget()
        for w in (self.text, self.date, self.time, self.sex):
            self.editor.addWidget(w)
        self.problem = QLabel()
        self.problem.setObjectName("correction_problem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #b00020;")
        self.remove_btn = QPushButton(self.tr("Remove"))
        self.remove_btn.clicked.connect(lambda: self.remove.emit(self))
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(QLabel(self.tr("Field")), 0, 0)
        grid.addWidget(self.field, 0, 1)
        grid.addWidget(self.remove_btn, 0, 2)
        grid.addWidget(QLabel(self.tr("Now reads")), 1, 0)
        grid.addWidget(self.current, 1, 1, 1, 2)
        grid.addWidget(QLabel(self.tr("Corrected value")), 2, 0)
        grid.addWidget(self.editor, 2, 1, 1, 2)
        grid.addWidget(self.problem, 3, 1, 1, 2)
        self.field.currentIndexChanged.connect(self._field_chosen)
        for line in (self.text, self.date, self.time):  # said as soon as the field is left
            line.editingFinished.connect(self.check_typed)
        self._field_chosen()

    def _typed_field(self, text: str) -> None:
        """A field's name typed in full (or completed) chooses it."""
        i = self.field.findText(text.strip(), Qt.MatchFlag.MatchFixedString)
        if i > 0 and i != self.field.currentIndex():
            self.field.setCurrentIndex(i)

    def path(self) -> str:
        if self.field.currentText().strip() != self.field.itemText(self.field.currentIndex()):
            return ""  # a name being typed that is no field
        return str(self.field.currentData() or "")

    def _ref(self) -> FieldRef | None:
        return parse_path(self.path()) if self.path() else None

    def choose(self, path: str) -> None:
        self.field.setCurrentIndex(max(self.field.findData(path), 0))

    def _field_chosen(self) -> None:
        ref = self._ref()
        self.problem.clear()
        self.current.setText(
            value_text(ref.path, get_value(self.data, ref), self._labels) or "—" if ref else ""
        )
        attr = ref.attr if ref else ""
        widget = {"sex": self.sex, "event_time": self.time}.get(attr)
        if widget is None:
            widget = self.date if attr in ("event_date", "birth_date") else self.text
        self.editor.setCurrentWidget(widget)
        for w in (self.text, self.date, self.time):
            w.clear()
        self.sex.set_value("")

    def set_text(self, text: str) -> None:
        """As if typed in the value's field (tests, scripts)."""
        widget = self.editor.currentWidget()
        if widget is self.sex:
            self.sex.set_value(text)
        elif isinstance(widget, QLineEdit):
            widget.setText(text)

    def new_value(self) -> str:
        """The corrected value as the service takes it (a date unreadable stays as typed:
        the service says what is wrong with it)."""
        widget = self.editor.currentWidget()
        if widget is self.date:
            return self.date.value() or self.date.text().strip()
        if widget is self.sex:
            return self.sex.value()
        return self.time.value() if widget is self.time else self.text.value()

    def check_typed(self, today: date | None = None) -> None:
        """The same check as the service's, as soon as the value is typed."""
        ref = self._ref()
        if ref is None or not self.new_value():
            self.problem.clear()
            return
        value, key = normalise_value(ref, self.new_value(), today or clock.today())
        if key is None and value == get_value(self.data, ref):
            key = "mention.correction.same_value"
        self.problem.setText(t(key) if key else "")


class CorrectionsEditor(QWidget):
    """The rows of a mention's corrections, for the kinds that correct fields."""

    def __init__(
        self, data: ActInput, profile: CountryProfile, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("corrections")
        self.data, self.profile = data, profile
        self.fields: list[str] = []
        self.rows: list[CorrectionRow] = []
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.add_btn = QPushButton(self.tr("Correct a &field…"))
        self.add_btn.clicked.connect(self.add_row)
        self._rows = QVBoxLayout()
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.add_btn)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addLayout(top)
        lay.addLayout(self._rows)

    def set_kind(self, kind: str) -> None:
        """The fields this kind of mention may correct; hidden for kinds that correct none."""
        rule = self.profile.mention_rules.get(kind)
        patterns = rule.corrections if rule is not None else ()
        fields = correctable(self.data, self.profile, patterns) if patterns else []
        if fields != self.fields:
            for row in list(self.rows):
                self._remove(row)
            self.fields = fields
        needed = rule is not None and "corrections" in rule.needs
        self.heading.setText(
            self.tr("Corrected fields (at least one):")
            if needed
            else self.tr("Corrected fields (optional):")
        )
        self.setVisible(bool(fields))

    def add_row(self) -> CorrectionRow:
        row = CorrectionRow(self.fields, self.data, self)
        row.remove.connect(self._remove)
        self.rows.append(row)
        self._rows.addWidget(row)
        row.field.setFocus()
        return row

    def _remove(self, row: CorrectionRow) -> None:
        self.rows.remove(row)
        row.setParent(None)
        row.deleteLater()

    def marked_note(self) -> str:
        return self.tr("See the corrected fields marked in red.")

    def values(self) -> dict[str, str]:
        """Field path -> corrected value, for the rows with a field chosen."""
        return {r.path(): r.new_value() for r in self.rows if r.path()}

    def show_problems(self, problems: Sequence[FieldProblem]) -> list[FieldProblem]:
        """Put each problem about a corrected field on its row; returns the others."""
        by_path = {r.path(): r for r in self.rows}
        for r in self.rows:
            r.problem.clear()
        rest = []
        for p in problems:
            row = by_path.get(p.path[len(PREFIX) :]) if p.path.startswith(PREFIX) else None
            if row is None:
                rest.append(p)
            else:
                row.problem.setText(p.message())
        return rest
