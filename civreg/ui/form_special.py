"""The act form's special entries (issue 11 item 1), beside the ordinary fields:

* a **found child** (birth) or an **unidentified deceased** (death): a switch in the Event
  section, offered when the country profile provides for the case
  (``[special_acts.<key>]``), shows the report's items (``details.<key>.<item>``, required ones
  starred), hides the persons the act cannot name (a found child's father and mother) and adds
  the declarants the law allows for it (the finder, the authority);
* the registrar's statement of a **paper receipt**: a declaration received on paper on an
  earlier day than the draft's creation keeps that date only when the registrar states it
  (``register_act(paper_receipt=…)``, audited). The switch shows the date of the declaration
  and the statement; clerks do not see it.

:func:`add_special_sections` builds the widgets (called by :func:`form_layout.build_sections`);
:class:`SpecialEntry` runs them in the form.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QCheckBox, QFormLayout, QGroupBox, QLabel, QWidget

from civreg.domain.acts import ActInput, ActKind
from civreg.domain.profile import CountryProfile
from civreg.domain.special_acts import FOUND_CHILD, ITEMS, UNIDENTIFIED, SpecialAct, special_of
from civreg.ui.fields import ChoiceField, DateField, PlaceField, TextField

REPORT_OF = {ActKind.BIRTH: FOUND_CHILD, ActKind.DEATH: UNIDENTIFIED}
PAPER = "paper_receipt"  # the section's key and the statement's form path
SPECIAL_SECTIONS = (FOUND_CHILD, UNIDENTIFIED, PAPER)


class SpecialTexts(QObject):
    """Translated texts of the special entries."""

    def switch(self, key: str) -> str:
        return {
            FOUND_CHILD: self.tr("Found chil&d (declared on the report of the finding)"),
            UNIDENTIFIED: self.tr("Unidentified &deceased (declared on the report)"),
        }[key]

    def title(self, key: str) -> str:
        return {
            FOUND_CHILD: self.tr("Found child: report of the finding"),
            UNIDENTIFIED: self.tr("Unidentified deceased: report"),
            PAPER: self.tr("Declaration received on paper"),
        }[key]

    def items(self) -> dict[str, str]:
        return {
            "report_ref": self.tr("Report reference"),
            "report_authority": self.tr("Authority that drew it up"),
            "found_date": self.tr("Date found"),
            "found_place": self.tr("Place found"),
            "apparent_age": self.tr("Apparent age"),
            "circumstances": self.tr("Circumstances"),
            "particulars": self.tr("Distinguishing marks"),
            "entrusted_to": self.tr("Entrusted to"),
            "description": self.tr("Physical description"),
        }

    def capacities(self) -> dict[str, str]:
        return {
            "finder": self.tr("Person who found the child"),
            "authority": self.tr("Authority's representative"),
        }

    def paper_switch(self) -> str:
        return self.tr("Received on &paper on an earlier day (registrar's statement)")

    def paper_note(self) -> str:
        return self.tr(
            "The declaration date may precede the day this draft was entered only if you, the "
            "registrar, state that it was received on paper that day. Your statement is kept "
            "with the act and in the audit."
        )

    def paper_fields(self) -> dict[str, str]:
        return {
            "declaration_date": self.tr("Date of the declaration"),
            PAPER: self.tr("Your statement"),
        }

    def statement_hint(self) -> str:
        return self.tr("How and where it was received, e.g. in the declarations book")

    def found_date_of(self, key: str) -> str:
        return (
            self.tr("Date the body was found")
            if key == UNIDENTIFIED
            else self.items()["found_date"]
        )


@dataclass
class SpecialWidgets:
    special: QCheckBox | None  # found child / unidentified deceased, when provided for
    paper: QCheckBox | None  # registrar only


AddField = Callable[[QGroupBox, QFormLayout, str, QWidget, str], None]
AddSection = Callable[[str, int, str], tuple[QGroupBox, QFormLayout]]


def add_special_sections(
    kind: ActKind,
    profile: CountryProfile,
    registrar: bool,
    event_form: QFormLayout,
    section: AddSection,
    add: AddField,
    owner: QObject,
) -> SpecialWidgets:
    """The switches (in the Event section) and their sections, hidden until switched on."""
    texts = SpecialTexts(owner)
    key = REPORT_OF.get(kind)
    spec = profile.special_acts.get(key) if key else None
    special = paper = None
    if spec is not None:
        special = QCheckBox(texts.switch(spec.key))
        special.setObjectName("special")
        special.setFocusPolicy(Qt.FocusPolicy.ClickFocus)  # not in the Enter chain
        event_form.addRow(special)
    if registrar and kind != ActKind.MARRIAGE:
        paper = QCheckBox(texts.paper_switch())
        paper.setObjectName("paper")
        paper.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        event_form.addRow(paper)
    if spec is not None:
        box, form = section(spec.key, 0, texts.title(spec.key))
        labels = texts.items()
        for item in ITEMS[spec.key]:
            text = texts.found_date_of(spec.key) if item == "found_date" else labels[item]
            if item == "found_date":
                w: QWidget = DateField()
            elif item == "found_place":
                w = PlaceField(profile.geography)
            else:
                w = TextField()
            add(box, form, f"details.{spec.key}.{item}", w, text + (" *" if item in
                spec.required else ""))  # fmt: skip
        box.hide()
    if paper is not None:
        box, form = section(PAPER, 0, texts.title(PAPER))
        note = QLabel(texts.paper_note())
        note.setWordWrap(True)
        note.setStyleSheet("color: #8a5a00;")
        form.addRow(note)
        labels = texts.paper_fields()
        add(box, form, "declaration_date", DateField(), labels["declaration_date"] + " *")
        statement = TextField()
        statement.setPlaceholderText(texts.statement_hint())
        add(box, form, PAPER, statement, labels[PAPER] + " *")
        box.hide()
    return SpecialWidgets(special, paper)


def _label_of(widget: QWidget | None) -> QLabel | None:
    """The form label of a field (laid out in a holder with its problem label)."""
    holder = widget.parentWidget() if widget is not None else None
    box = holder.parentWidget() if holder is not None else None
    layout = box.layout() if box is not None else None
    if holder is None or not isinstance(layout, QFormLayout):
        return None
    found = layout.labelForField(holder)
    return found if isinstance(found, QLabel) else None


class SpecialEntry(QObject):
    """The switches at work: show the sections, hide the persons the act cannot name, offer
    the declarants the case allows. ``changed(path)`` tells the form a field changed."""

    def __init__(
        self,
        form: QWidget,
        kind: ActKind,
        profile: CountryProfile,
        widgets: SpecialWidgets,
        boxes: dict[str, QGroupBox],
        capacity: QWidget | None,
        label: Callable[[str], str],
        changed: Callable[[str], None],
        fields: dict[str, QWidget] | None = None,
    ) -> None:
        super().__init__(form)
        self.form, self.widgets, self.boxes = form, widgets, boxes
        key = REPORT_OF.get(kind)
        self.spec: SpecialAct | None = profile.special_acts.get(key) if key else None
        self._capacity = capacity if isinstance(capacity, ChoiceField) else None
        self._usual = tuple(profile.declarants.get(kind, ()))
        names = SpecialTexts(self).capacities()
        self._label = lambda code: names.get(code) or label(code)
        self._changed = changed
        # the labels of the fields the case waives (the unknown names): starred only when due
        self._waived: list[tuple[QLabel, str]] = []
        for path in self.spec.waives if self.spec is not None else ():
            text_label = _label_of((fields or {}).get(path))
            if text_label is not None and text_label.text().endswith(" *"):
                self._waived.append((text_label, text_label.text()))
        if widgets.special is not None:
            widgets.special.toggled.connect(self._special_toggled)
        if widgets.paper is not None:
            widgets.paper.toggled.connect(self._paper_toggled)

    def on(self) -> bool:
        return self.widgets.special is not None and self.widgets.special.isChecked()

    def suppressed(self) -> tuple[str, ...]:
        """Sections of persons the act cannot have now (a found child's parents)."""
        return self.spec.without if self.spec is not None and self.on() else ()

    def load(self, data: ActInput) -> None:
        """Switch on what a saved draft holds (before its values are shown)."""
        if self.widgets.special is not None:
            self.widgets.special.blockSignals(True)
            self.widgets.special.setChecked(bool(special_of(data)))
            self.widgets.special.blockSignals(False)
        if self.widgets.paper is not None:
            self.widgets.paper.blockSignals(True)
            self.widgets.paper.setChecked(bool(data.declaration_date))
            self.widgets.paper.blockSignals(False)
        self.apply()

    def apply(self) -> None:
        spec = self.spec
        if spec is not None:
            on = self.on()
            self.boxes[spec.key].setVisible(on)
            for role in spec.without:
                if role in self.boxes:
                    self.boxes[role].setVisible(not on)
            for text_label, starred in self._waived:
                text_label.setText(starred[:-2] if on else starred)
            if self._capacity is not None:
                extra = tuple(c for c in spec.declarants if c not in self._usual)
                self._capacity.set_codes(self._usual + (extra if on else ()), self._label)
        if self.widgets.paper is not None:
            self.boxes[PAPER].setVisible(self.widgets.paper.isChecked())

    def _special_toggled(self, on: bool) -> None:
        assert self.spec is not None
        self.apply()
        first = f"details.{self.spec.key}.{ITEMS[self.spec.key][0]}"
        self._changed(first)
        if on:
            self.form.findChild(QWidget, first).setFocus()  # type: ignore[union-attr]

    def _paper_toggled(self, on: bool) -> None:
        self.apply()
        self._changed("declaration_date")
        if on:
            self.form.findChild(QWidget, "declaration_date").setFocus()  # type: ignore[union-attr]
