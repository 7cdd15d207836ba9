"""Registering makes a number legally final: the registrar confirms first, seeing the number
about to be allocated and the subject's name. Enter confirms, Escape goes back."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from civreg.domain.acts import SUBJECT_ROLE, ActInput, ActKind
from civreg.domain.dates import PartialDate
from civreg.services.context import Ctx


@dataclass(frozen=True)
class RegistrationPreview:
    act_id: int | None
    kind: str
    year: int
    number: int
    centre: str
    subject: str
    transcription: bool
    number_text: str  # as the register writes it (profile format), e.g. 0038


def preview_registration(
    ctx: Ctx, act_id: int | None, data: ActInput | None, today: date
) -> RegistrationPreview:
    """Runs on the worker: the number the draft would take if registered ``today``. Raises
    the service's error when it cannot be registered there (e.g. the register is closed)."""
    from civreg.services.queries import get_act
    from civreg.services.registers import next_number

    if data is None:
        assert act_id is not None
        data = get_act(ctx, act_id).data
    centre = data.centre or ctx.office.centre
    kind = ActKind(data.kind)
    tr = data.transcription
    if tr is not None and tr.original_date:
        year = PartialDate.from_iso(tr.original_date).year
        number = int(tr.original_number)
    else:
        year = today.year
        number = next_number(ctx, centre=centre, kind=kind, year=year)
    subject = data.person(SUBJECT_ROLE[kind])
    return RegistrationPreview(
        act_id=act_id,
        kind=str(kind),
        year=year,
        number=number,
        centre=centre,
        subject=subject.display_name() if subject else "",
        transcription=tr is not None,
        number_text=ctx.profile.format_number(number),
    )


class ConfirmRegistration(QDialog):
    """Asks once; ``confirmed`` carries the preview when the registrar says yes."""

    confirmed = Signal(object)

    def __init__(self, preview: RegistrationPreview, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.preview = preview
        self.setObjectName("confirm-registration")
        self.setWindowTitle(self.tr("Register the act"))
        registers = {
            "birth": self.tr("the births register {year}"),
            "marriage": self.tr("the marriages register {year}"),
            "death": self.tr("the deaths register {year}"),
        }
        where = registers[preview.kind].format(year=preview.year)
        number = self.tr("number {number}").format(number=preview.number_text)
        question = QLabel(
            self.tr("Register <b>{name}</b> in {register} under <b>{number}</b>?").format(
                name=preview.subject or self.tr("(no name)"), register=where, number=number
            )
        )
        question.setObjectName("question")
        question.setWordWrap(True)
        question.setTextFormat(Qt.TextFormat.RichText)
        final = QLabel(
            self.tr(
                "This number of the paper register is recorded as it stands; "
                "the act can then only be annotated by a marginal mention."
            )
            if preview.transcription
            else self.tr(
                "The number becomes final at once: the act can then only be annotated by a "
                "marginal mention, never changed."
            )
        )
        final.setWordWrap(True)
        buttons = QDialogButtonBox()
        self.ok = buttons.addButton(
            self.tr("Register (Enter)"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.back = buttons.addButton(
            self.tr("Go back (Esc)"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.ok.setDefault(True)
        self.ok.setAutoDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(question)
        lay.addWidget(final)
        lay.addWidget(buttons)
        self.accepted.connect(lambda: self.confirmed.emit(self.preview))
        self.setMinimumWidth(460)

    def showEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().showEvent(event)
        self.ok.setFocus()
