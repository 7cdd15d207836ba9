"""What a certificate is made of: the domain's act (``ActInput``, ``Person``, ``Mention``,
``PartialDate``) plus what only a printed document has — its heading, its register identity and
the copy being issued. Built by the services; knows no database.

The medical cause of death never reaches a document: an act whose details still carry it is
refused here (:class:`CertificateDataError`), so a mapping mistake cannot print it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from civreg.domain.acts import SUBJECT_ROLE, ActInput, ActKind, Mention, Person
from civreg.domain.profile_documents import DocumentRules
from civreg.errors import CivregError
from civreg.i18n import register

register(
    {
        "certificate.bad_data": {
            "fr": "Données de certificat invalides : {detail}.",
            "en": "Invalid certificate data: {detail}.",
        },
    }
)

CONFIDENTIAL_DETAILS = frozenset({"cause"})  # WHO cause of death: never on a document


class CertificateDataError(CivregError):
    """The data given to the renderer is inconsistent (a programming or mapping error)."""

    key = "certificate.bad_data"


class CopyKind(StrEnum):
    FULL = "full"  # copie intégrale: the act and every mention
    EXTRACT = "extract"  # extrait: the essentials and the status-changing mentions
    REGISTER = "register"  # the register page, for the signing session (not a copy)


@dataclass(frozen=True)
class Officer:
    name: str
    title: str  # "Officier de l'état civil", "Bourgmestre"…


@dataclass(frozen=True)
class Heading:
    """The top of the page: country, motto in force on the issue date, administrative lines
    (BF region, province, commune; DRC province, ville…), the office."""

    country_lines: tuple[str, ...]
    motto: str
    admin_lines: tuple[str, ...]
    office_line: str


@dataclass(frozen=True)
class RegisteredAct:
    """A registered act as documents show it. ``act`` holds the act's *current* values (with
    any rectification applied); the original values stay in the register and in the mentions."""

    act: ActInput
    register_year: int
    number: int
    number_display: str  # "0038"
    global_id: str
    office_id: str
    drawn_up: dt.date  # the day the act was drawn up (a transcribed paper act: its own date)
    drawn_up_time: dt.time | None
    registered_on: dt.date  # the day the software registered it
    registrar: Officer
    mentions: tuple[Mention, ...] = ()

    @property
    def kind(self) -> ActKind:
        return self.act.kind

    @property
    def cancelled(self) -> bool:
        return any(m.kind == "cancellation" for m in self.mentions)

    @property
    def subjects(self) -> tuple[Person, ...]:
        if self.kind is ActKind.MARRIAGE:
            return tuple(p for p in self.act.persons if p.role in ("spouse1", "spouse2"))
        return tuple(p for p in self.act.persons if p.role == SUBJECT_ROLE[self.kind])


@dataclass(frozen=True)
class CopyIssue:
    """The document being produced. ``number`` is None for a preview (nothing issued, no
    signature) and for a register page."""

    kind: CopyKind
    number: int | None
    issue_date: dt.date
    issue_place: str
    signer: Officer
    requester: str = ""
    requester_capacity: str = ""  # in words: "un parent ou ascendant"
    requester_reference: str = ""  # the authorisation or request, when the capacity needs one
    specimen: bool = False

    @property
    def preview(self) -> bool:
        return self.number is None and self.kind is not CopyKind.REGISTER


@dataclass(frozen=True)
class CertificateData:
    heading: Heading
    record: RegisteredAct
    copy: CopyIssue
    rules: DocumentRules  # the profile's [documents] table
    dates_in_words: bool
    country: str  # ISO code of the profile

    def __post_init__(self) -> None:
        def bad(detail: str) -> CertificateDataError:
            return CertificateDataError(detail=detail)

        rec, act = self.record, self.record.act
        if CONFIDENTIAL_DETAILS & set(act.details):
            raise bad("the medical cause of death cannot be printed")
        if not self.heading.country_lines:
            raise bad("the heading has no country line")
        if rec.number < 1 or (self.copy.number is not None and self.copy.number < 1):
            raise bad("act and copy numbers start at 1")
        if self.copy.kind is CopyKind.REGISTER and self.copy.number is not None:
            raise bad("a register page is not a numbered copy")
        if not rec.global_id or not rec.office_id:
            raise bad("global_id and office_id are required")
        subjects = len(rec.subjects)
        if rec.kind is ActKind.MARRIAGE and subjects != 2:
            raise bad("a marriage act names exactly two spouses")
        if rec.kind is not ActKind.MARRIAGE and subjects != 1:
            raise bad("a birth or death act names exactly one subject")
        unidentified = bool(rec.act.details.get("unidentified_deceased"))  # issue 10 item 7
        named = any(p.family_name.strip() or p.given_names.strip() for p in rec.subjects)
        if not named and not unidentified:
            raise bad("the subject has no name")
        if self.copy.issue_date < rec.registered_on:
            raise bad("issue date before the act was registered")

    @property
    def kind(self) -> ActKind:
        return self.record.kind

    @property
    def copy_kind(self) -> CopyKind:
        return self.copy.kind

    @property
    def global_id(self) -> str:
        return self.record.global_id

    @property
    def status(self) -> str:
        """``"cancelled"`` or ``"registered"``."""
        return "cancelled" if self.record.cancelled else "registered"
