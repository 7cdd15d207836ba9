"""What a certificate shows: plain frozen data, built by the services, knowing no database.

The medical cause of death is deliberately *not representable* here: a certificate copy never
shows it, so no field of this module can carry it.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from enum import StrEnum

from civreg.domain.acts import ActKind
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


class CertificateDataError(CivregError):
    """The data given to the renderer is inconsistent (a programming or mapping error)."""

    key = "certificate.bad_data"


class CopyKind(StrEnum):
    FULL = "full"  # copie intégrale
    EXTRACT = "extract"  # extrait


class ActStatus(StrEnum):
    REGISTERED = "registered"
    CANCELLED = "cancelled"


class Role(StrEnum):
    SUBJECT = "subject"  # the child, the deceased, each spouse
    FATHER = "father"
    MOTHER = "mother"
    SPOUSE = "spouse"  # spouse of the deceased
    DECLARANT = "declarant"
    WITNESS = "witness"
    OTHER = "other"


class Sex(StrEnum):
    """ISO/IEC 5218 codes."""

    UNKNOWN = "0"
    MALE = "1"
    FEMALE = "2"
    NOT_APPLICABLE = "9"


_PARTIAL_RE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


@dataclass(frozen=True)
class PartialDate:
    """A date that may lack its day or its month; ``approximate`` means *vers 1970*."""

    year: int
    month: int | None = None
    day: int | None = None
    approximate: bool = False

    def __post_init__(self) -> None:
        if not 1800 <= self.year <= 2100:
            raise CertificateDataError(detail="year outside 1800-2100")
        if self.day is not None and self.month is None:
            raise CertificateDataError(detail="a day without a month")
        if self.month is not None and not 1 <= self.month <= 12:
            raise CertificateDataError(detail="month outside 1-12")
        if self.day is not None:
            try:
                dt.date(self.year, self.month or 1, self.day)
            except ValueError as exc:
                raise CertificateDataError(detail="impossible day") from exc

    @classmethod
    def parse(cls, text: str | dt.date | PartialDate) -> PartialDate:
        """``"2024-03-12"``, ``"2024-03"``, ``"2024"``, ``"~1970"`` (approximate) or a date."""
        if isinstance(text, PartialDate):
            return text
        if isinstance(text, dt.datetime):
            text = text.date()
        if isinstance(text, dt.date):
            return cls(text.year, text.month, text.day)
        s = str(text).strip()
        approx = s.startswith("~")
        m = _PARTIAL_RE.match(s.lstrip("~"))
        if not m:
            raise CertificateDataError(detail="date must be YYYY, YYYY-MM or YYYY-MM-DD")
        y, mo, d = m.groups()
        return cls(int(y), int(mo) if mo else None, int(d) if d else None, approx)

    def iso(self) -> str:
        """``2024-03-12`` / ``2024-03`` / ``2024`` (the approximate flag is not part of it)."""
        s = f"{self.year:04d}"
        if self.month is not None:
            s += f"-{self.month:02d}"
        if self.day is not None:
            s += f"-{self.day:02d}"
        return s


@dataclass(frozen=True)
class Person:
    role: Role
    family_names: str
    given_names: str = ""
    post_nom: str = ""  # DRC: nom + post-nom + prénom
    label: str = ""  # "L'enfant", "Le père"…; empty: a default French label is used
    sex: Sex = Sex.UNKNOWN
    birth_date: PartialDate | None = None
    approximate_age: int | None = None  # when the birth date is unknown
    birth_place: str = ""
    profession: str = ""
    domicile: str = ""
    nationality: str = ""
    marital_status: str = ""
    identity_document: str = ""
    capacity: str = ""  # the declarant's capacity ("père", "sage-femme"…)

    def __post_init__(self) -> None:
        if not self.family_names.strip() and not self.given_names.strip():
            raise CertificateDataError(detail=f"a {self.role.value} without any name")
        if self.approximate_age is not None and not 0 <= self.approximate_age <= 130:
            raise CertificateDataError(detail="approximate age outside 0-130")


@dataclass(frozen=True)
class Judgment:
    """A court decision (late registration: *jugement supplétif / déclaratif*)."""

    court: str
    number: str
    date: dt.date


@dataclass(frozen=True)
class Transcription:
    """An act drawn up by transcription (foreign act, customary or religious marriage)."""

    source: str  # what was transcribed, e.g. "mariage coutumier célébré à Tenkodogo"
    date: dt.date
    reference: str = ""


@dataclass(frozen=True)
class Mention:
    """A marginal mention, printed on full copies (and cancellation on every copy)."""

    date: dt.date
    kind: str  # display label: "Mariage", "Rectification", "Annulation"…
    text: str
    authority: str = ""  # who ordered or recorded it
    reference: str = ""  # judgment or order reference
    is_cancellation: bool = False


@dataclass(frozen=True)
class MarriageDetails:
    regime: str = ""  # matrimonial property regime
    option: str = ""  # "monogamy" | "polygamy" | ""
    bride_price: str = ""  # dot (DRC)

    def __post_init__(self) -> None:
        if self.option not in ("", "monogamy", "polygamy"):
            raise CertificateDataError(detail="marriage option must be monogamy or polygamy")


@dataclass(frozen=True)
class Registrar:
    name: str
    title: str  # "Officier de l'état civil", "Bourgmestre"…


@dataclass(frozen=True)
class CertificateData:
    # Header, from the country profile
    header_lines: tuple[str, ...]
    motto: str
    dates_in_words: bool
    # Where
    commune: str
    centre: str
    office_id: str
    # Which act
    kind: ActKind
    register_year: int
    act_number: int
    act_number_display: str
    global_id: str
    status: ActStatus
    drawn_up: dt.datetime
    registrar: Registrar
    persons: tuple[Person, ...]
    event_date: PartialDate | None
    event_place: str
    # The copy
    copy_kind: CopyKind
    copy_number: int
    issue_date: dt.date
    issuing_registrar: Registrar | None = None  # who signs the copy (default: registrar)
    event_hour: dt.time | None = None
    judgment: Judgment | None = None
    transcription: Transcription | None = None
    marriage: MarriageDetails | None = None
    extra: tuple[tuple[str, str], ...] = ()  # other (label, value) lines of the act
    mentions: tuple[Mention, ...] = ()
    requester: str = ""
    is_specimen: bool = False
    issue_place: str = ""  # default: the commune
    country: str = field(default="")  # ISO code; default: the first 2 letters of office_id

    def __post_init__(self) -> None:
        def bad(detail: str) -> CertificateDataError:
            return CertificateDataError(detail=detail)

        if not self.header_lines:
            raise bad("header_lines is empty")
        if self.act_number < 1 or self.copy_number < 1:
            raise bad("act and copy numbers start at 1")
        if not self.global_id or not self.office_id:
            raise bad("global_id and office_id are required")
        if not any(p.role is Role.SUBJECT for p in self.persons):
            raise bad("the act has no subject person")
        subjects = sum(p.role is Role.SUBJECT for p in self.persons)
        if self.kind is ActKind.MARRIAGE and subjects != 2:
            raise bad("a marriage act names exactly two spouses")
        if self.kind is not ActKind.MARRIAGE and subjects != 1:
            raise bad("a birth or death act names exactly one subject")
        if self.marriage is not None and self.kind is not ActKind.MARRIAGE:
            raise bad("marriage details on a non-marriage act")
        cancelling = any(m.is_cancellation for m in self.mentions)
        if self.status is ActStatus.CANCELLED and not cancelling:
            raise bad("a cancelled act must carry its cancelling mention")
        if self.status is ActStatus.REGISTERED and cancelling:
            raise bad("a cancelling mention on an act that is not cancelled")
        if self.issue_date < self.drawn_up.date():
            raise bad("issue date before the act was drawn up")

    @property
    def subjects(self) -> tuple[Person, ...]:
        return tuple(p for p in self.persons if p.role is Role.SUBJECT)

    @property
    def signer(self) -> Registrar:
        return self.issuing_registrar or self.registrar

    @property
    def country_code(self) -> str:
        return self.country or self.office_id[:2]
