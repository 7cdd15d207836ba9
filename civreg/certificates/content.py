"""What each copy says, as plain blocks (sections of label/value rows): no drawing here.

A *copie intégrale* reproduces the act as registered, every person in detail and every
marginal mention. An *extrait* keeps the essentials: the subject(s), the event, parents' and
spouses' names only, and — always — the cancelling mention of a cancelled act.
"""

from __future__ import annotations

from dataclasses import dataclass

from civreg.certificates.data import (
    ActKind,
    ActStatus,
    CertificateData,
    CopyKind,
    Mention,
    Person,
    Role,
    Sex,
)
from civreg.certificates.french_text import (
    SEX_LABELS,
    birth_text,
    date_text,
    dated,
    feminine_e,
    full_name,
    hour_text,
)

KIND_NOUNS = {ActKind.BIRTH: "NAISSANCE", ActKind.MARRIAGE: "MARIAGE", ActKind.DEATH: "DÉCÈS"}
REGISTER_NAMES = {
    ActKind.BIRTH: "Registre des naissances",
    ActKind.MARRIAGE: "Registre des mariages",
    ActKind.DEATH: "Registre des décès",
}
EVENT_TITLES = {ActKind.BIRTH: "Naissance", ActKind.MARRIAGE: "Célébration", ActKind.DEATH: "Décès"}
OPTION_LABELS = {"monogamy": "monogamie", "polygamy": "polygamie"}


@dataclass(frozen=True)
class Row:
    label: str
    value: str
    emphasis: bool = False  # the subject's name: bold and larger


@dataclass(frozen=True)
class Section:
    title: str
    rows: tuple[Row, ...]


def title(data: CertificateData) -> str:
    copy = "COPIE INTÉGRALE" if data.copy_kind is CopyKind.FULL else "EXTRAIT"
    return f"{copy} D'ACTE DE {KIND_NOUNS[data.kind]}"


def default_label(person: Person, kind: ActKind) -> str:
    female = person.sex is Sex.FEMALE
    match person.role:
        case Role.SUBJECT if kind is ActKind.BIRTH:
            return "L'enfant"
        case Role.SUBJECT if kind is ActKind.DEATH:
            return "La défunte" if female else "Le défunt"
        case Role.SUBJECT:
            return "L'épouse" if female else "L'époux"
        case Role.FATHER:
            return "Le père"
        case Role.MOTHER:
            return "La mère"
        case Role.SPOUSE:
            return "La conjointe" if female else "Le conjoint"
        case Role.DECLARANT:
            return "La déclarante" if female else "Le déclarant"
        case Role.WITNESS:
            return "Témoin"
    return "Autre personne"


def label_of(person: Person, kind: ActKind) -> str:
    return person.label or default_label(person, kind)


def person_rows(person: Person, data: CertificateData, detailed: bool) -> list[Row]:
    """Rows describing one person; ``detailed=False`` keeps the name (and the subject's core)."""
    words = data.dates_in_words
    rows = [Row("Nom(s) et prénom(s)", full_name(person), person.role is Role.SUBJECT)]
    subject = person.role is Role.SUBJECT
    if subject or detailed:
        if person.sex in (Sex.MALE, Sex.FEMALE) or subject:
            rows.append(Row("Sexe", SEX_LABELS[person.sex]))
        born = birth_text(person, data.drawn_up.year, words)
        if born and not (subject and data.kind is ActKind.BIRTH):
            rows.append(Row("Naissance", born))
    if subject and data.kind is ActKind.DEATH and person.domicile and not detailed:
        rows.append(Row("Domicile", person.domicile))
    if not detailed:
        return rows
    for label, value in (
        ("Qualité", person.capacity),
        ("Situation matrimoniale", person.marital_status),
        ("Profession", person.profession),
        ("Domicile", person.domicile),
        ("Nationalité", person.nationality),
        ("Pièce d'identité", person.identity_document),
    ):
        if value:
            rows.append(Row(label, value))
    return rows


def person_summary(person: Person, data: CertificateData, detailed: bool) -> str:
    """One line: ``KABORÉ Tinga, né vers 1930 à Yako, cultivateur, domicilié à Yako``."""
    parts = [full_name(person)]
    if detailed:
        e = feminine_e(person)
        parts += [
            birth_text(person, data.drawn_up.year, data.dates_in_words),
            person.profession,
            f"domicilié{e} à {person.domicile}" if person.domicile else "",
            person.nationality,
        ]
    return ", ".join(p for p in parts if p)


def event_section(data: CertificateData) -> Section:
    rows: list[Row] = []
    words = data.dates_in_words
    if data.event_date is not None:
        when = dated(data.event_date, words)
        if data.event_hour is not None:
            when += " " + hour_text(data.event_hour, words)
        rows.append(Row("Date", when))
    else:
        rows.append(Row("Date", "non connue"))
    if data.event_place:
        rows.append(Row("Lieu", data.event_place))
    if data.marriage is not None:
        m = data.marriage
        if m.option:
            rows.append(Row("Option", OPTION_LABELS[m.option]))
        if m.regime:
            rows.append(Row("Régime matrimonial", m.regime))
        if m.bride_price:
            rows.append(Row("Dot", m.bride_price))
    if data.copy_kind is CopyKind.FULL:
        rows += [Row(label, value) for label, value in data.extra]
    return Section(EVENT_TITLES[data.kind], tuple(rows))


def act_section(data: CertificateData) -> Section:
    words = data.dates_in_words
    drawn = dated(data.drawn_up.date(), words) + " " + hour_text(data.drawn_up.time(), words)
    rows = [
        Row("Acte dressé", drawn),
        Row("Par", f"{data.registrar.name}, {data.registrar.title}"),
    ]
    if data.judgment is not None:
        j = data.judgment
        rows.append(Row("Sur jugement", f"n° {j.number} du {date_text(j.date)}, {j.court}"))
    if data.transcription is not None:
        tr = data.transcription
        text = f"{tr.source}, transcrit le {date_text(tr.date)}"
        if tr.reference:
            text += f" (réf. {tr.reference})"
        rows.append(Row("Transcription", text))
    return Section("Acte", tuple(rows))


def mention_text(m: Mention) -> str:
    text = f"{date_text(m.date)} — {m.kind} : {m.text}"
    source = ", ".join(s for s in (m.authority, f"réf. {m.reference}" if m.reference else "") if s)
    return f"{text} ({source})" if source else text


def mentions_section(data: CertificateData) -> Section | None:
    if data.copy_kind is CopyKind.FULL:
        rows = tuple(Row(f"{i}.", mention_text(m)) for i, m in enumerate(data.mentions, 1))
        return Section("Mentions marginales", rows or (Row("", "Néant"),))
    shown = [m for m in data.mentions if m.is_cancellation]
    rows_list = [Row(f"{i}.", mention_text(m)) for i, m in enumerate(shown, 1)]
    others = len(data.mentions) - len(shown)
    if others:
        rows_list.append(Row("", f"{others} autre(s) mention(s) : voir la copie intégrale"))
    return Section("Mentions marginales", tuple(rows_list)) if rows_list else None


def _person_section(p: Person, data: CertificateData, full: bool) -> Section:
    return Section(label_of(p, data.kind), tuple(person_rows(p, data, full)))


def _summary_section(title_: str, people: list[Person], data: CertificateData) -> list[Section]:
    full = data.copy_kind is CopyKind.FULL
    rows = tuple(Row(label_of(p, data.kind), person_summary(p, data, full)) for p in people)
    return [Section(title_, rows)] if rows else []


def sections(data: CertificateData) -> list[Section]:
    """The body of the copy, in reading order: subject(s), event, filiation, other people,
    witnesses, the act itself, the mentions."""
    full = data.copy_kind is CopyKind.FULL
    subjects = [_person_section(p, data, full) for p in data.persons if p.role is Role.SUBJECT]
    event = event_section(data)
    out = [*subjects, event] if data.kind is ActKind.BIRTH else [event, *subjects]
    parents = [p for p in data.persons if p.role in (Role.FATHER, Role.MOTHER)]
    if full and data.kind is ActKind.BIRTH:
        # The parents are the main content of a birth act: each in full.
        out += [_person_section(p, data, full) for p in parents]
    else:
        out += _summary_section("Filiation", parents, data)
    others = (Role.SPOUSE, Role.DECLARANT, Role.OTHER) if full else (Role.SPOUSE,)
    out += [_person_section(p, data, full) for p in data.persons if p.role in others]
    if full:
        witnesses = [p for p in data.persons if p.role is Role.WITNESS]
        out += _summary_section("Témoins", witnesses, data)
    out.append(act_section(data))
    mentions = mentions_section(data)
    if mentions is not None:
        out.append(mentions)
    return out


def cancellation_text(data: CertificateData) -> str | None:
    if data.status is not ActStatus.CANCELLED:
        return None
    return " ; ".join(mention_text(m) for m in data.mentions if m.is_cancellation)


def issue_lines(data: CertificateData) -> list[str]:
    conform = "Pour copie conforme" if data.copy_kind is CopyKind.FULL else "Pour extrait conforme"
    place = data.issue_place or data.commune
    lines = [f"{conform}, délivré à {place} le {date_text(data.issue_date)}."]
    copy = f"Copie n° {data.copy_number}"
    if data.requester:
        copy += f" — à la demande de : {data.requester}"
    lines.append(copy)
    return lines
