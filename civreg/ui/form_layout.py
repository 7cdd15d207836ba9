"""Which fields an act form shows, built from the act kind and the country profile, and the
widgets laid out in sections. Behaviour (saving, checking, registering) is in act_form.py."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QCheckBox, QFormLayout, QGroupBox, QLabel, QVBoxLayout, QWidget

from civreg.domain.acts import ActKind
from civreg.domain.profile import CountryProfile
from civreg.ui.fields import (
    ChoiceField,
    ChoiceLabels,
    CodedPlaceField,
    DateField,
    PlaceField,
    ProblemLabel,
    TextField,
    TimeField,
)
from civreg.ui.form_mapping import DECISION, PERSON_FIELDS, PRIOR_FIELDS, SECTION_ROLES
from civreg.ui.form_special import SpecialWidgets, add_special_sections

__all__ = ["SECTION_ROLES", "FieldSlot", "FormSections", "Texts", "build_sections"]


@dataclass
class FieldSlot:
    path: str  # validation path: event_date, child.family_name, witness[1].given_names …
    widget: QWidget
    problem: ProblemLabel
    section: QGroupBox


class Texts(QObject):
    """Translated section and field labels."""

    def sections(self) -> dict[str, str]:
        return {
            "event": self.tr("Event"),
            "details": self.tr("Details"),
            "child": self.tr("Child"),
            "father": self.tr("Father"),
            "mother": self.tr("Mother"),
            "spouse1": self.tr("First spouse"),
            "spouse2": self.tr("Second spouse"),
            "witness0": self.tr("First witness"),
            "witness1": self.tr("Second witness"),
            "deceased": self.tr("Deceased"),
            "spouse": self.tr("Spouse of the deceased"),
            "declarant": self.tr("Declarant"),
            "judgment": self.tr("Late declaration: court judgment"),
            "transcription": self.tr("Paper act being transcribed"),
            "competence": self.tr("Place outside the commune"),
            "age_dispensation": self.tr("Dispensation of age (court)"),
            "prior_spouse1": self.tr("First spouse's previous marriage"),
            "prior_spouse2": self.tr("Second spouse's previous marriage"),
        }

    def transcribe_switch(self) -> str:
        return self.tr("&Transcription of an act of the paper register")

    def fields(self) -> dict[str, str]:
        return {
            "event_date.birth": self.tr("Date of birth"),
            "event_date.marriage": self.tr("Date of marriage"),
            "event_date.death": self.tr("Date of death"),
            "event_time": self.tr("Time (HH:MM)"),
            "event_place": self.tr("Place"),
            "event_place_type": self.tr("Type of place"),
            "family_name": self.tr("Family name"),
            "post_nom": self.tr("Post-name"),
            "given_names": self.tr("Given names"),
            "sex": self.tr("Sex"),
            "birth_date": self.tr("Date of birth"),
            "birth_place": self.tr("Place of birth"),
            "profession": self.tr("Profession"),
            "domicile": self.tr("Address"),
            "nationality": self.tr("Nationality"),
            "capacity": self.tr("Capacity"),
            "multiplicity": self.tr("Multiple birth"),
            "birth_order": self.tr("Birth order"),
            "weight_grams": self.tr("Weight (grams)"),
            "form": self.tr("Form of marriage"),
            "option": self.tr("Marriage option"),
            "property_regime": self.tr("Property regime"),
            "bride_price": self.tr("Bride price (e.g. 500 USD)"),
            "power_of_attorney_ref": self.tr("Power of attorney (reference)"),
            "cause_a": self.tr("Immediate cause (a)"),
            "cause_b": self.tr("Underlying cause"),
            "cause_other": self.tr("Other significant conditions"),
            "mother_children_born_alive": self.tr("Mother's children born alive"),
            "health_facility_register_ref": self.tr("Health facility register entry"),
            "judgment.court": self.tr("Court"),
            "judgment.number": self.tr("Judgment number"),
            "judgment.date": self.tr("Date of the judgment"),
            "original_number": self.tr("Number in the paper register"),
            "original_date": self.tr("Date the paper act was drawn up"),
            "transcription_note": self.tr("Note"),
            "declaration_date": self.tr("Date of declaration"),
            "approx_age": self.tr("Approximate age"),
            "id_document": self.tr("Identity document"),
            "marital_status": self.tr("Marital status"),
            "previous_marital_status": self.tr("Previous marital status"),
            "witness": self.tr("Witnesses"),
            "parents_residence_code": self.tr("Parents' residence"),
            "competence_justification": self.tr("Why this office registers it"),
            "bride_price.status": self.tr("Bride price paid"),
            "prior.act_ref": self.tr("Marriage act (identifier)"),
            "prior.ended_by": self.tr("Ended by"),
            "prior.ended_judgment.court": self.tr("Court"),
            "prior.ended_judgment.number": self.tr("Judgment number"),
            "prior.ended_judgment.date": self.tr("Date of the judgment"),
            "prior.ended_death_act_ref": self.tr("Former spouse's death act (identifier)"),
        }


def _person_fields(role: str, profile: CountryProfile) -> tuple[str, ...]:
    names = PERSON_FIELDS[role]
    if profile.uses_post_nom:
        i = names.index("family_name") + 1
        names = (*names[:i], "post_nom", *names[i:])
    return names


@dataclass
class FormSections:
    """The form's group boxes by key in entry order, each with its column (0 left, 1 right),
    one slot per field (creation order = tab order) and the transcription switch."""

    boxes: dict[str, QGroupBox]
    columns: dict[str, int]
    slots: list[FieldSlot]
    transcribe: QCheckBox
    judgment_note: QLabel
    specials: SpecialWidgets  # found child / unidentified deceased, paper receipt

    @property
    def special(self) -> QCheckBox | None:
        return self.specials.special

    @property
    def paper(self) -> QCheckBox | None:
        return self.specials.paper

    def section_of(self, path: str) -> str:
        for key, box in self.boxes.items():
            if any(s.path == path and s.section is box for s in self.slots):
                return key
        return ""


def build_sections(
    kind: ActKind, profile: CountryProfile, owner: QWidget, *, registrar: bool = False
) -> FormSections:
    """Group boxes in entry order and one slot per field (creation order = tab order);
    ``registrar``: the statement of a paper receipt is offered."""
    texts, labels = Texts(owner), ChoiceLabels(owner).labels()
    names, flabels = texts.sections(), texts.fields()
    mandatory = set(profile.mandatory.get(kind, ()))
    geo = profile.geography
    boxes: dict[str, QGroupBox] = {}
    columns: dict[str, int] = {}
    slots: list[FieldSlot] = []

    def label(code: str) -> str:
        return labels.get(code, code)

    def status_label(code: str) -> str:
        return labels.get(f"status:{code}", code)

    def add(box: QGroupBox, form: QFormLayout, path: str, widget: QWidget, text: str) -> None:
        generic = path.split(".", 1)[-1] if "." in path else path
        generic = generic.replace("[0]", "").replace("[1]", "")
        starred = path in mandatory or f"{path.split('[')[0]}.{generic}" in mandatory
        holder = QWidget()
        lay = QVBoxLayout(holder)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(1)
        lay.addWidget(widget)
        problem = ProblemLabel()
        lay.addWidget(problem)
        widget.setObjectName(path)
        form.addRow(text + (" *" if starred else ""), holder)
        slots.append(FieldSlot(path, widget, problem, box))

    def section(key: str, column: int, title: str | None = None) -> tuple[QGroupBox, QFormLayout]:
        box = QGroupBox(title or names[key])
        box.setObjectName(f"section-{key}")
        form = QFormLayout(box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        boxes[key] = box
        columns[key] = column
        return box, form

    box, form = section("event", 0)
    add(box, form, "event_date", DateField(), flabels[f"event_date.{kind}"])
    if kind != ActKind.MARRIAGE:
        add(box, form, "event_time", TimeField(), flabels["event_time"])
    add(box, form, "event_place", PlaceField(geo), flabels["event_place"])
    if kind != ActKind.MARRIAGE:
        add(
            box,
            form,
            "event_place_type",
            ChoiceField(("health_facility", "home", "other"), label),
            flabels["event_place_type"],
        )
    competence = profile.competence.get(kind)
    if competence is not None and competence.code_field == "details.parents_residence_code":
        add(
            box,
            form,
            "details.parents_residence_code",
            CodedPlaceField(geo),
            flabels["parents_residence_code"],
        )
    transcribe = QCheckBox(texts.transcribe_switch())
    transcribe.setObjectName("transcribe")
    transcribe.setFocusPolicy(Qt.FocusPolicy.ClickFocus)  # Alt+T; not in the Enter chain
    form.addRow(transcribe)
    event_form = form

    # Shown only when the dates put the declaration past the deadline (see act_form.py).
    box, form = section("judgment", 0)
    judgment_note = QLabel()
    judgment_note.setObjectName("judgment_note")
    judgment_note.setWordWrap(True)
    judgment_note.setStyleSheet("color: #8a5a00;")
    form.addRow(judgment_note)
    add(box, form, "judgment.court", TextField(), flabels["judgment.court"])
    add(box, form, "judgment.number", TextField(), flabels["judgment.number"])
    add(box, form, "judgment.date", DateField(), flabels["judgment.date"])
    box.hide()
    # Shown when the clerk transcribes an act of the paper register.
    box, form = section("transcription", 0)
    add(box, form, "transcription.original_number", TextField(), flabels["original_number"])
    add(box, form, "transcription.original_date", DateField(), flabels["original_date"])
    add(box, form, "transcription.note", TextField(), flabels["transcription_note"])
    box.hide()
    specials = add_special_sections(kind, profile, registrar, event_form, section, add, owner)

    if competence is not None:  # shown when the place is outside the office's commune
        box, form = section("competence", 0)
        add(
            box,
            form,
            "details.competence_justification",
            TextField(),
            flabels["competence_justification"],
        )
        box.hide()
    if kind == ActKind.MARRIAGE and profile.marriage.dispensation_min_age is not None:
        box, form = section("age_dispensation", 0)  # shown for a spouse under the minimum age
        for name in DECISION:
            field: QWidget = DateField() if name == "date" else TextField()
            add(box, form, f"details.age_dispensation.{name}", field, flabels[f"judgment.{name}"])
        box.hide()

    for i, (role, pos) in enumerate(SECTION_ROLES[kind]):
        key = f"{role}{pos}" if role == "witness" else role
        box, form = section(key, (i + 1) % 2)
        prefix = f"witness[{pos}]" if role == "witness" else role
        for name in _person_fields(role, profile):
            path = f"{prefix}.{name}"
            if name == "sex":
                w: QWidget = ChoiceField(("1", "2", "0"), lambda c: label(f"sex:{c}"))
            elif name == "capacity":
                w = ChoiceField(profile.declarants.get(kind, ()), label)
            elif name == "previous_marital_status":
                w = ChoiceField(("single", "married", "divorced", "widowed"), status_label)
            elif name == "birth_date":
                w = DateField()
            elif name == "birth_place":
                w = PlaceField(geo)
            else:
                w = TextField()
            add(box, form, path, w, flabels[name])

    if kind == ActKind.MARRIAGE:  # a spouse's previous marriage, when there was one
        for role in ("spouse1", "spouse2"):
            box, form = section(f"prior_{role}", (len(boxes) + 1) % 2)
            for name in PRIOR_FIELDS:
                path = f"details.prior_marriages.{role}.{name}"
                if name == "ended_by":
                    w = ChoiceField(("divorce", "death", "annulment"), label)
                elif name.endswith(".date"):
                    w = DateField()
                else:
                    w = TextField()
                add(box, form, path, w, flabels[f"prior.{name}"])
            box.hide()

    details: list[tuple[str, QWidget]] = []
    if kind == ActKind.BIRTH:
        details = [
            ("multiplicity", ChoiceField(("single", "twin", "triplet"), label, blank=False)),
            ("birth_order", TextField()),
            ("weight_grams", TextField()),
            ("mother_children_born_alive", TextField()),
            ("health_facility_register_ref", TextField()),
        ]
    elif kind == ActKind.MARRIAGE:
        m = profile.marriage
        details = [("form", ChoiceField(m.forms, label, blank=False))]
        if m.options:
            details.append(("option", ChoiceField(m.options, label)))
        if m.property_regimes:
            details.append(("property_regime", ChoiceField(m.property_regimes, label)))
        if m.bride_price:
            details.append(("bride_price", TextField()))
            details.append(
                ("bride_price.status", ChoiceField(("paid", "partly_paid", "unpaid"), label))
            )
    else:
        # Confidential medical cause (WHO certificate): never printed on a copy.
        details = [
            ("cause.part1[0].text", TextField()),
            ("cause.part1[1].text", TextField()),
            ("cause.part2[0].text", TextField()),
        ]
    for requirement in {
        profile.declarant_requirements.get(c) for c in profile.declarants.get(kind, ())
    } - {None}:
        if requirement and requirement.startswith("details."):
            details.append((requirement.split(".", 1)[1], TextField()))
    if details:
        box, form = section("details", (len(SECTION_ROLES[kind]) + 1) % 2)
        cause_labels = {
            "cause.part1[0].text": "cause_a",
            "cause.part1[1].text": "cause_b",
            "cause.part2[0].text": "cause_other",
        }
        for name, w in details:
            add(box, form, f"details.{name}", w, flabels[cause_labels.get(name, name)])
    return FormSections(boxes, columns, slots, transcribe, judgment_note, specials)
