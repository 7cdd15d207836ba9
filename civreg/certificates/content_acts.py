"""The body of a document, per kind of act: sections of label / value rows in reading order.

Which items an act has beyond the minimum (declaration date, the spouses' parents, the
deceased's parents, previous marital status, consent statement…) comes from the country's
act model (``[documents.model]`` of the profile); an item is printed only when the act
records it.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from dataclasses import dataclass

from civreg.certificates.content_special import UNIDENTIFIED, report_rows
from civreg.certificates.data import CertificateData, CopyKind
from civreg.certificates.french_people import (
    FORM_WORDS,
    MULTIPLICITY_WORDS,
    OPTION_WORDS,
    REGIME_WORDS,
    birth_text,
    bride_price_text,
    capacity_text,
    coded,
    full_name,
    label,
    marital_text,
    mention_kind_text,
    parent_label,
    person_summary,
    sex_text,
)
from civreg.certificates.french_text import dated, hour_text
from civreg.domain.acts import ActKind, Mention, Person
from civreg.domain.dates import DateParseError


@dataclass(frozen=True)
class Row:
    label: str
    value: str
    emphasis: bool = False  # the subject's name: bold and larger


@dataclass(frozen=True)
class Section:
    title: str  # as printed (capitals)
    rows: tuple[Row, ...]


def _clean(text: str) -> str:
    return " ".join(str(text).split())


def _when(data: CertificateData, iso_or_date: str | dt.date) -> str:
    """A date with its preposition, in words where the profile prints dates in words; an
    unreadable stored date is printed as stored rather than invented."""
    try:
        return dated(iso_or_date, data.dates_in_words)
    except (DateParseError, ValueError):
        return _clean(str(iso_or_date))


def _is_full(data: CertificateData) -> bool:
    return data.copy_kind is not CopyKind.EXTRACT


def _has(data: CertificateData, item: str) -> bool:
    return data.rules.has(data.kind, item)


def _persons(data: CertificateData, *roles: str) -> list[Person]:
    return [p for p in data.record.act.persons if p.role in roles]


def _person(data: CertificateData, role: str) -> Person | None:
    found = _persons(data, role)
    return found[0] if found else None


# ------------------------------------------------------------------------------------ people


def person_rows(
    data: CertificateData, p: Person, *, detailed: bool, subject: bool = False
) -> list[Row]:
    act_date = data.record.drawn_up
    words_ = data.dates_in_words
    rows = [Row("Nom(s) et prénom(s)", full_name(p), subject)]
    if subject:
        rows.append(Row("Sexe", sex_text(p)))
    if not (subject and data.kind is ActKind.BIRTH):
        born = birth_text(p, act_date, words_)
        if born and (detailed or subject):
            rows.append(Row("Naissance", born))
    if not detailed:
        if subject and data.kind is ActKind.DEATH and p.domicile.strip():
            rows.append(Row("Domicile", _clean(p.domicile)))
        return rows
    for name, value in (
        ("Qualité", capacity_text(p)),
        ("Profession", _clean(p.profession)),
        ("Domicile", _clean(p.domicile)),
        ("Nationalité", _clean(p.nationality)),
        ("Pièce d'identité", _clean(p.id_document)),
    ):
        if value:
            rows.append(Row(name, value))
    return rows


def _parent_rows(data: CertificateData, parents: list[Person], detailed: bool) -> list[Row]:
    act_date = data.record.drawn_up
    return [
        Row(parent_label(p), person_summary(p, act_date, data.dates_in_words, detailed))
        for p in parents
    ]


def _person_section(data: CertificateData, p: Person, *, subject: bool = False) -> Section:
    rows = person_rows(data, p, detailed=_is_full(data), subject=subject)
    return Section(label(p).upper(), tuple(rows))


# ------------------------------------------------------------------------------------ events


def _event_rows(data: CertificateData) -> list[Row]:
    act = data.record.act
    rows: list[Row] = []
    if act.event_date:
        when = _when(data, act.event_date)
        if act.event_time and _has(data, "hour"):
            with contextlib.suppress(ValueError):
                when += " " + hour_text(dt.time.fromisoformat(act.event_time), data.dates_in_words)
        rows.append(Row("Date", when))
    else:
        rows.append(Row("Date", "non connue"))
    if act.event_place.strip():
        rows.append(Row("Lieu", _clean(act.event_place)))
    return rows


def _birth_event(data: CertificateData) -> Section:
    d = data.record.act.details
    rows = _event_rows(data)
    multiplicity = d.get("multiplicity")
    if multiplicity and multiplicity != "single":
        text = coded(MULTIPLICITY_WORDS, multiplicity)
        order = d.get("birth_order")
        if isinstance(order, int) and not isinstance(order, bool) and order > 0:
            text += f" (rang de naissance : {order})"
        rows.append(Row("Naissance", text))
    ref = d.get("health_facility_register_ref")
    if ref and _is_full(data):
        rows.append(Row("Registre de la formation sanitaire", f"n° {_clean(ref)}"))
    if d.get("found_child") and rows and rows[0].label == "Date":  # a found child's
        rows[0] = Row("Date présumée", rows[0].value)
    return Section("NAISSANCE", tuple(rows))


def _report(data: CertificateData) -> list[Section]:
    """A found child's or an unidentified deceased's report, on a full copy."""
    found = report_rows(data.record.act.details, lambda d: _when(data, d))
    if found is None or not _is_full(data):
        return []
    title, rows = found
    return [Section(title, tuple(Row(label, value) for label, value in rows))]


def _marriage_event(data: CertificateData) -> Section:
    d = data.record.act.details
    rows = _event_rows(data)
    form = d.get("form") or "civil"
    rows.append(Row("Forme du mariage", coded(FORM_WORDS, form)))
    if d.get("option"):
        rows.append(Row("Option", coded(OPTION_WORDS, d["option"])))
    if d.get("property_regime"):
        rows.append(Row("Régime matrimonial", coded(REGIME_WORDS, d["property_regime"])))
    dot = bride_price_text(d.get("bride_price"))
    if dot:
        rows.append(Row("Dot", dot))
    consent = d.get("parental_consent")
    if consent not in (None, "", False) and _has(data, "parental_consent") and _is_full(data):
        text = "donné" if consent is True else _clean(consent)
        rows.append(Row("Consentement des parents", text))
    return Section("MARIAGE", tuple(rows))


# ------------------------------------------------------------------------------------ the act


def _act_section(data: CertificateData) -> Section:
    rec = data.record
    act = rec.act
    full = _is_full(data)
    drawn = _when(data, rec.drawn_up)
    if rec.drawn_up_time is not None:
        drawn += " " + hour_text(rec.drawn_up_time, data.dates_in_words)
    rows = [Row("Acte dressé", drawn)]
    if act.declaration_date and _has(data, "declaration_date") and full:
        rows.append(Row("Déclaration reçue", _when(data, act.declaration_date)))
    if act.judgment is not None:
        j = act.judgment
        text = f"jugement n° {_clean(j.number)}"
        if j.date:
            text += f" rendu {_when(data, j.date)}"
        if j.court.strip():
            text += f" — {_clean(j.court)}"
        rows.append(Row("Sur jugement", text))
    if act.transcription is not None:
        tr = act.transcription
        text = f"acte n° {tr.original_number} du registre papier de {rec.register_year}"
        text += f", reporté au registre informatisé {_when(data, rec.registered_on)}"
        if tr.note.strip():
            text += f" ({_clean(tr.note)})"
        rows.append(Row("Transcription", text))
    if full:
        rows.append(Row("Par", f"{rec.registrar.name}, {rec.registrar.title}"))
    return Section("ACTE", tuple(rows))


def mention_text(data: CertificateData, m: Mention) -> str:
    """``le vingt mai deux mille vingt-cinq : texte. Décision : autorité, réf. X. Mention
    inscrite le … par NOM.``"""
    parts = [_when(data, m.date)]
    text = _clean(m.text)
    if text:
        parts[0] += f" : {text.rstrip('.')}"
    source = ", ".join(s for s in (_clean(m.authority), _ref(m.reference)) if s)
    sentences = [parts[0] + "."]
    if source:
        sentences.append(f"Décision : {source.rstrip('.')}.")
    if m.related_ref.strip():
        sentences.append(f"Acte lié : {_clean(m.related_ref)}.")
    inscribed = _inscription(data, m)
    if inscribed:
        sentences.append(inscribed)
    return " ".join(sentences)


def _ref(reference: str) -> str:
    reference = _clean(reference)
    return f"réf. {reference}" if reference else ""


def _inscription(data: CertificateData, m: Mention) -> str:
    when = ""
    if m.recorded_at:
        try:
            day = dt.datetime.fromisoformat(m.recorded_at).date()
            when = " " + _when(data, day)
        except ValueError:
            when = ""
    who = f" par {_clean(m.recorded_by)}" if m.recorded_by.strip() else ""
    return f"Mention inscrite{when}{who}." if when or who else ""


def _mention_row(data: CertificateData, i: int, m: Mention) -> Row:
    return Row(f"{i}. {mention_kind_text(m.kind)}", mention_text(data, m))


def mentions_section(data: CertificateData) -> Section | None:
    mentions = data.record.mentions
    if data.copy_kind is CopyKind.REGISTER:
        return None
    if data.copy_kind is CopyKind.FULL:
        shown = list(mentions)
    else:
        kinds = data.rules.extract_mentions.get(data.kind, frozenset())
        shown = [m for m in mentions if m.kind in kinds or m.kind == "cancellation"]
    rows = [_mention_row(data, i, m) for i, m in enumerate(shown, 1)]
    others = len(mentions) - len(shown)
    if others:
        rows.append(Row("", f"{others} autre(s) mention(s) : voir la copie intégrale."))
    return Section("MENTIONS MARGINALES", tuple(rows) or (Row("", "Néant"),))


def cancellation_text(data: CertificateData) -> str | None:
    if not data.record.cancelled:
        return None
    return " ".join(
        f"{mention_kind_text(m.kind)} {mention_text(data, m)}"
        for m in data.record.mentions
        if m.kind == "cancellation"
    )


# ------------------------------------------------------------------------------- per act kind


def _birth_sections(data: CertificateData) -> list[Section]:
    full = _is_full(data)
    out = [_person_section(data, p, subject=True) for p in _persons(data, "child")]
    out.append(_birth_event(data))
    out += _report(data)
    parents = _persons(data, "father", "mother")
    if full:
        out += [_person_section(data, p) for p in parents]
    elif parents:
        out.append(Section("FILIATION", tuple(_parent_rows(data, parents, False))))
    if full and _has(data, "declarant"):
        out += [_person_section(data, p) for p in _persons(data, "declarant")]
    return out


def _spouse_section(data: CertificateData, spouse: Person) -> Section:
    full = _is_full(data)
    rows = person_rows(data, spouse, detailed=full, subject=True)
    if full and _has(data, "previous_marital_status") and spouse.previous_marital_status:
        rows.append(
            Row("Situation avant le mariage", marital_text(spouse, spouse.previous_marital_status))
        )
    if full and _has(data, "spouses_parents"):
        parents = _persons(data, f"{spouse.role}_father", f"{spouse.role}_mother")
        rows += _parent_rows(data, parents, True)
    return Section(label(spouse).upper(), tuple(rows))


def _marriage_sections(data: CertificateData) -> list[Section]:
    full = _is_full(data)
    out = [_marriage_event(data)]
    out += [_spouse_section(data, p) for p in _persons(data, "spouse1", "spouse2")]
    if full and _has(data, "witnesses"):
        witnesses = sorted(_persons(data, "witness"), key=lambda p: p.position)
        act_date = data.record.drawn_up
        rows = tuple(
            Row(f"Témoin {i}", person_summary(w, act_date, data.dates_in_words, True))
            for i, w in enumerate(witnesses, 1)
        )
        if rows:
            out.append(Section("TÉMOINS", rows))
    if full and _has(data, "declarant"):
        out += [_person_section(data, p) for p in _persons(data, "declarant")]
    if full and _has(data, "consent"):
        form = str(data.record.act.details.get("form") or "civil")
        statement = data.rules.consent.get(form, "")
        if statement:
            out.append(Section("CONSENTEMENT DES ÉPOUX", (Row("", statement),)))
    return out


def _death_sections(data: CertificateData) -> list[Section]:
    full = _is_full(data)
    out = []
    for p in _persons(data, "deceased"):
        rows = person_rows(data, p, detailed=full, subject=True)
        if rows and not rows[0].value.strip() and data.record.act.details.get(UNIDENTIFIED):
            rows[0] = Row(rows[0].label, "non identifiée" if p.sex == 2 else "non identifié")
        if full and _has(data, "marital_status") and p.marital_status:
            rows.append(Row("Situation matrimoniale", marital_text(p, p.marital_status)))
        if full and _has(data, "spouse"):
            act_date = data.record.drawn_up
            for s in _persons(data, "spouse"):
                conj = "Conjointe" if s.sex == 2 else "Conjoint"
                rows.append(Row(conj, person_summary(s, act_date, data.dates_in_words, False)))
        if full and _has(data, "parents"):
            rows += _parent_rows(data, _persons(data, "father", "mother"), False)
        out.append(Section(label(p).upper(), tuple(rows)))
    out.append(Section("DÉCÈS", tuple(_event_rows(data))))
    out += _report(data)
    if full and _has(data, "declarant"):
        out += [_person_section(data, p) for p in _persons(data, "declarant")]
    return out


_BY_KIND = {
    ActKind.BIRTH: _birth_sections,
    ActKind.MARRIAGE: _marriage_sections,
    ActKind.DEATH: _death_sections,
}


def sections(data: CertificateData) -> list[Section]:
    """The body in reading order: the persons and the event, the act itself, the mentions."""
    out = _BY_KIND[data.kind](data)
    out.append(_act_section(data))
    mentions = mentions_section(data)
    if mentions is not None:
        out.append(mentions)
    return out


def signature_zones(data: CertificateData) -> tuple[str, ...]:
    """Who signs the register page: the declarant (or the spouses), the witnesses, the
    officer (last)."""
    zones: list[str] = []
    if data.kind is ActKind.MARRIAGE:
        zones += [label(p) for p in _persons(data, "spouse1", "spouse2")]
    zones += [label(p) for p in _persons(data, "declarant")]
    witnesses = sorted(_persons(data, "witness"), key=lambda p: p.position)
    zones += [f"Témoin {i}" for i in range(1, len(witnesses) + 1)]
    zones.append(data.record.registrar.title)
    return tuple(zones)


__all__ = ["Row", "Section", "mention_text", "sections", "signature_zones"]
