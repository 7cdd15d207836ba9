"""Plain data for civil status acts: what a clerk enters and what services return.

An act is a kind (birth, marriage, death), its event, the persons it names (each with a role),
kind-specific details and, once registered, its number and global identifier. Dates are stored
as partial ISO strings (``2024``, ``2024-03``, ``2024-03-12``, ``~1970``); see
:mod:`civreg.domain.dates`.

Field paths used by validation and profiles: ``event_date``, ``event_place``,
``child.family_name``, ``mother.birth_date``, ``witness[1].given_names``,
``details.weight_grams``, ``details.cause.part1[0].text``.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields, replace
from enum import IntEnum, StrEnum
from typing import Any


class ActKind(StrEnum):
    BIRTH = "birth"
    MARRIAGE = "marriage"
    DEATH = "death"

    @property
    def letter(self) -> str:
        """N, M or D: the kind's letter in register numbers and certificate QR payloads."""
        return KIND_LETTER[self]


class ActStatus(StrEnum):
    DRAFT = "draft"
    REGISTERED = "registered"


class Sex(IntEnum):
    """ISO/IEC 5218 codes, as stored in ``Person.sex``."""

    UNKNOWN = 0
    MALE = 1
    FEMALE = 2
    NOT_APPLICABLE = 9


SEX_CODES = {0: "unknown", 1: "male", 2: "female", 9: "not_applicable"}

# Roles a person can hold on each kind of act; repeated roles (witnesses) carry a position.
# A marriage act may name each spouse's parents, a death act the deceased's parents.
ROLES: dict[ActKind, tuple[str, ...]] = {
    ActKind.BIRTH: ("child", "father", "mother", "declarant"),
    ActKind.MARRIAGE: (
        "spouse1",
        "spouse2",
        "witness",
        "declarant",
        "spouse1_father",
        "spouse1_mother",
        "spouse2_father",
        "spouse2_mother",
    ),
    ActKind.DEATH: ("deceased", "spouse", "declarant", "father", "mother"),
}
# The person whose life event the act records (whose name goes on the copy and in the QR code).
SUBJECT_ROLE: dict[ActKind, str] = {
    ActKind.BIRTH: "child",
    ActKind.MARRIAGE: "spouse1",
    ActKind.DEATH: "deceased",
}
KIND_LETTER: dict[ActKind, str] = {ActKind.BIRTH: "N", ActKind.MARRIAGE: "M", ActKind.DEATH: "D"}

MENTION_KINDS = (
    "marriage",
    "divorce",
    "death",
    "recognition",
    "adoption",
    "name_change",
    "rectification",
    "cancellation",
    "option_change",  # BF 2025 code: monogamy -> polygamy, agreement homologated by a court
)


@dataclass(frozen=True)
class Person:
    role: str
    position: int = 0
    family_name: str = ""
    post_nom: str = ""
    given_names: str = ""
    sex: int = 0
    birth_date: str = ""  # partial ISO; empty when unknown
    approx_age: int | None = None  # when the birth date is unknown
    birth_place: str = ""
    profession: str = ""
    domicile: str = ""
    nationality: str = ""
    id_document: str = ""
    marital_status: str = ""
    previous_marital_status: str = ""
    capacity: str = ""  # declarant's capacity (father, mother, relative, present, proxy…)
    birth_act_ref: str = ""  # global identifier of this person's birth act, when known

    @property
    def path(self) -> str:
        return f"{self.role}[{self.position}]" if self.role == "witness" else self.role

    def display_name(self) -> str:
        parts = [self.family_name.upper(), self.post_nom.upper(), self.given_names]
        return " ".join(p for p in parts if p)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Person:
        if not isinstance(data, dict):
            raise TypeError("a person is an object")
        names = {f.name for f in fields(cls)}
        unknown = set(data) - names
        if unknown:
            raise KeyError(sorted(unknown)[0])
        return cls(**data)


@dataclass(frozen=True)
class Judgment:
    """Court judgment authorising a late registration (jugement supplétif / déclaratif)."""

    court: str
    number: str
    date: str  # partial ISO, normally full


@dataclass(frozen=True)
class Transcription:
    """A paper act digitised later: its original number and date in the paper register."""

    original_number: int
    original_date: str
    note: str = ""


@dataclass(frozen=True)
class ActInput:
    """What a clerk enters (a draft) — the same shape the JSON declaration format uses."""

    kind: ActKind
    event_date: str = ""
    event_time: str = ""  # HH:MM, empty when unknown
    event_place: str = ""
    event_place_type: str = ""  # health_facility, home, other
    declaration_date: str = ""  # ISO full date; default: today at registration
    persons: tuple[Person, ...] = ()
    details: dict[str, Any] = field(default_factory=dict)
    judgment: Judgment | None = None
    transcription: Transcription | None = None
    centre: str = ""  # default: the office's centre

    def person(self, role: str, position: int = 0) -> Person | None:
        for p in self.persons:
            if p.role == role and p.position == position:
                return p
        return None

    def persons_with(self, role: str) -> list[Person]:
        return [p for p in self.persons if p.role == role]

    def with_details(self, **changes: Any) -> ActInput:
        return replace(self, details={**self.details, **changes})

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["kind"] = str(self.kind)
        d["persons"] = [asdict(p) for p in self.persons]
        return d

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ActInput:
        """Build from the declaration JSON shape; raises KeyError/ValueError/TypeError."""
        data = dict(data)
        kind = ActKind(data.pop("kind"))
        persons = tuple(Person.from_dict(p) for p in data.pop("persons", ()))
        j = data.pop("judgment", None)
        tr = data.pop("transcription", None)
        allowed = {f.name for f in fields(cls)} - {"kind", "persons", "judgment", "transcription"}
        unknown = set(data) - allowed
        if unknown:
            raise KeyError(sorted(unknown)[0])
        return cls(
            kind=kind,
            persons=persons,
            judgment=Judgment(**j) if j else None,
            transcription=Transcription(**tr) if tr else None,
            **data,
        )


# -- marginal mentions (structured content: issue 10 items 5-6, issue 12 item 2) ------------
@dataclass(frozen=True)
class Correction:
    """One field corrected by a mention (rectification, change of name): ``field`` is a path
    such as ``child.family_name`` or ``event_place``; ``previous`` is the value it corrected
    (as registered, or as an earlier mention had corrected it). The act itself never changes;
    :func:`civreg.domain.corrections.apply_corrections` gives its current values."""

    field: str
    value: Any
    previous: Any = ""


@dataclass(frozen=True)
class Mention:
    id: int
    uuid: str
    kind: str
    date: str  # the date of the fact or of the decision mentioned (not the inscription)
    text: str
    authority: str  # as printed: the authority's label (and note), or free text
    reference: str
    related_ref: str
    recorded_by: str
    recorded_at: str  # inscription (date and time it was written)
    authority_code: str = ""  # a code of the profile's [authorities], "other", or ""
    authority_note: str = ""  # seat of the authority, or what "other" is
    corrections: tuple[Correction, ...] = ()
    rectifies: str = ""  # uuid of the mention a rectification rectifies


@dataclass(frozen=True)
class ActView:
    """A stored act as services return it (never an ORM object)."""

    id: int
    uuid: str
    status: ActStatus
    kind: ActKind
    centre: str
    year: int | None
    number: int | None
    global_id: str | None
    cancelled: bool
    data: ActInput
    registered_at: str | None
    registrar_name: str
    registrar_title: str
    late: bool
    created_at: str
    updated_at: str
    mentions: tuple[Mention, ...] = ()
    # The day the office received the declaration (the draft's creation, from the clock);
    # empty for acts registered before it was recorded.
    received_date: str = ""
    # The registrar's statement that the declaration was received on paper earlier than it
    # was entered (then ``data.declaration_date`` may precede ``received_date``).
    paper_receipt: str = ""
