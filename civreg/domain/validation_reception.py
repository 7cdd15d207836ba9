"""The day the office received a declaration, and the day lateness is measured to
(issue 10 item 1).

The office records the day it received the declaration itself: the draft's creation, from the
clock (``received_date``); the clerk cannot type it. A declaration date typed earlier than
that would let a late declaration pass as on time, so it is refused, except

- for a **transcription** of a paper act, which keeps the dates of the paper register, and
- for a declaration **received on paper** that day and entered later: the registrar states it
  when registering (``paper_receipt``, recorded in the audit and on the act's own field).

Lateness is measured from the event to :func:`declared_on`: the typed date when the registrar
stated a paper receipt, otherwise the later of the received date and the typed date.
"""

from __future__ import annotations

from datetime import date

from civreg.domain.acts import ActInput
from civreg.domain.dates import DateParseError, PartialDate
from civreg.domain.validation_context import Checker
from civreg.i18n import register

register(
    {
        "val.declaration.before_reception": {
            "fr": "La date de déclaration ne peut pas précéder le jour où le centre l'a reçue "
            "({received}, date enregistrée par le programme). Si la déclaration a été reçue sur "
            "papier ce jour-là, l'officier doit le déclarer à l'enregistrement ; s'il s'agit "
            "d'un acte déjà inscrit dans un registre papier, saisir une transcription.",
            "en": "The declaration date cannot be before the day the office received it "
            "({received}, recorded by the program). If it was received on paper that day, the "
            "registrar must state it when registering; for an act already written in a paper "
            "register, enter a transcription.",
        },
        "val.reception.before_event": {
            "fr": "Ce brouillon a été créé le {received}, avant l'événement qu'il déclare : une "
            "déclaration ne se reçoit pas avant l'événement. Créez un nouveau brouillon.",
            "en": "This draft was created on {received}, before the event it declares: a "
            "declaration cannot be received before the event. Create a new draft.",
        },
        "val.reception.after_registration": {
            "fr": "Le jour de réception ({received}) est postérieur au jour d'enregistrement : "
            "vérifiez l'horloge de l'ordinateur.",
            "en": "The day of receipt ({received}) is after the day of registration: check the "
            "computer's clock.",
        },
        "val.paper_receipt.unneeded": {
            "fr": "La déclaration de réception sur papier ne sert que pour une date de "
            "déclaration antérieure au jour où le centre l'a saisie ({received}).",
            "en": "A statement of receipt on paper is only for a declaration date earlier than "
            "the day the office entered it ({received}).",
        },
    }
)


def _typed(act: ActInput) -> date | None:
    try:
        d = PartialDate.from_iso(act.declaration_date.strip()) if act.declaration_date else None
    except DateParseError:
        return None
    return d.earliest() if d is not None and d.is_full else None


def declared_on(act: ActInput, received: date, *, paper_receipt: bool) -> date:
    """The day lateness is measured to (a transcription is never late: not used for it)."""
    typed = _typed(act)
    if typed is None:
        return received
    if paper_receipt or act.transcription is not None:
        return typed
    return max(typed, received)


def check_reception(c: Checker) -> None:
    """Refuse back-dating; set ``c.declared_on`` to the day lateness is measured to."""
    act = c.act
    if act.transcription is not None:
        return  # a paper act keeps its original dates
    received = c.received_on or c.today
    shown = PartialDate.from_date(received).display()
    if received > c.today:
        c.error("received_date", "val.reception.after_registration", received=shown)
    if c.event is not None and received < c.event.earliest():
        c.missing("received_date", "val.reception.before_event", received=shown)
    typed = _typed(act)
    if c.paper_receipt and (typed is None or typed >= received):
        c.error("paper_receipt", "val.paper_receipt.unneeded", received=shown)
    if typed is not None and typed < received and not c.paper_receipt:
        c.missing("declaration_date", "val.declaration.before_reception", received=shown)
    c.declared_on = declared_on(act, received, paper_receipt=c.paper_receipt)
