"""What each document says, as plain blocks: no drawing here.

A *copie intégrale* reproduces the act as registered — every person in detail — and every
marginal mention. An *extrait* keeps the essentials (the subject(s), the event, the parents'
or spouses' names) and the mentions that change the person's status, as the country profile
lists them (``[documents.extract_mentions]``). A *register page* is the act as entered in the
register, with the signature zones of the signing session.

:func:`build` gives the :class:`Document`; :func:`legal_strings` lists, in the order they are
drawn, every string that makes up the legal content — what the QR code's digest signs
(docs/qr-payload.md).
"""

from __future__ import annotations

from dataclasses import dataclass

from civreg.certificates import content_acts as acts
from civreg.certificates.content_acts import Row, Section
from civreg.certificates.data import CertificateData, CopyKind, Heading, Officer
from civreg.certificates.french_people import KIND_NOUNS, REGISTER_NAMES
from civreg.certificates.french_text import date_text, dated

__all__ = ["Document", "Row", "Section", "build", "legal_strings", "legal_text", "title"]


@dataclass(frozen=True)
class Document:
    heading: Heading
    identity: tuple[tuple[str, str], ...]  # (style, text): register, act number, identifier
    title: str
    subtitle: str
    banner: str | None  # the cancelling mention(s) of a cancelled act
    sections: tuple[Section, ...]
    closing: tuple[str, ...]  # issue lines, or the register page's closing formula
    signer: Officer
    signatures: tuple[str, ...]  # register page: who signs (declarant, witnesses…)
    watermark: str  # "SPECIMEN", "APERÇU" or ""


def title(data: CertificateData) -> str:
    noun = KIND_NOUNS[data.kind]
    if data.copy_kind is CopyKind.FULL:
        return f"COPIE INTÉGRALE D'ACTE DE {noun}"
    if data.copy_kind is CopyKind.EXTRACT:
        return f"EXTRAIT D'ACTE DE {noun}"
    return f"ACTE DE {noun}"


def _identity(data: CertificateData) -> tuple[tuple[str, str], ...]:
    rec = data.record
    return (
        ("small", f"{REGISTER_NAMES[data.kind]} — année {rec.register_year}"),
        ("big", f"Acte n° {rec.number_display}"),
        ("small", "Identifiant :"),
        ("bold", rec.global_id),
        ("tiny", f"Office émetteur : {rec.office_id}"),
    )


def _closing(data: CertificateData) -> tuple[str, ...]:
    copy = data.copy
    words = data.dates_in_words
    if copy.kind is CopyKind.REGISTER:
        return ("Après lecture faite, ont signé :",)
    if copy.preview:
        return (
            "APERÇU — document sans valeur : aucune copie n'est délivrée ni numérotée "
            "tant qu'elle n'est pas imprimée ou enregistrée.",
        )
    when = dated(copy.issue_date, words)
    if copy.kind is CopyKind.FULL:
        lines = [f"Pour copie conforme au registre, délivrée à {copy.issue_place} {when}."]
        number = f"Copie n° {copy.number}"
    else:
        lines = [f"Pour extrait conforme au registre, délivré à {copy.issue_place} {when}."]
        number = f"Extrait n° {copy.number}"
    if copy.requester:
        number += f", délivré{'e' if copy.kind is CopyKind.FULL else ''} à la demande de "
        number += copy.requester
        if copy.requester_capacity:
            number += f" ({copy.requester_capacity})"
        if copy.requester_reference:
            number += f", autorisation ou réquisition réf. {copy.requester_reference}"
    lines.append(number + ".")
    return tuple(lines)


def _signatures(data: CertificateData) -> tuple[str, ...]:
    if data.copy_kind is not CopyKind.REGISTER:
        return ()
    return acts.signature_zones(data)


def build(data: CertificateData) -> Document:
    register = data.copy_kind is CopyKind.REGISTER
    # A preview says so above all, even on a demo store (whose copies say SPECIMEN).
    watermark = "APERÇU" if data.copy.preview else ("SPECIMEN" if data.copy.specimen else "")
    return Document(
        heading=data.heading,
        identity=_identity(data),
        title=title(data),
        subtitle="Page du registre, pour la signature" if register else "",
        banner=acts.cancellation_text(data),
        sections=tuple(acts.sections(data)),
        closing=_closing(data),
        signer=data.record.registrar if register else data.copy.signer,
        signatures=_signatures(data),
        watermark=watermark,
    )


def header_strings(doc: Document) -> list[str]:
    h = doc.heading
    out = [*h.country_lines]
    if h.motto:
        out.append(h.motto)
    out += [*h.admin_lines, h.office_line]
    out += [text for _style, text in doc.identity]
    out.append(doc.title)
    if doc.subtitle:
        out.append(doc.subtitle)
    return out


def legal_strings(doc: Document) -> list[str]:
    """Every string of the legal content, in the order the renderer draws it: the heading,
    the act's identity, the title, the cancellation banner, each section (title, then each
    row's label and value), the closing lines, the signer's title and name."""
    out = header_strings(doc)
    if doc.banner is not None:
        out += ["ACTE ANNULÉ", doc.banner]
    for section in doc.sections:
        out.append(section.title)
        for row in section.rows:
            out += [row.label, row.value]
    if doc.signatures:  # a register page: who signs, the officer's name in the last zone
        return [*out, *doc.closing, *doc.signatures, doc.signer.name]
    return [*out, *doc.closing, doc.signer.title, doc.signer.name]


def legal_text(data: CertificateData) -> str:
    """The legal content as one text, a string per line (for display and for the digest)."""
    return "\n".join(s for s in legal_strings(build(data)) if s)


def issue_date_text(data: CertificateData) -> str:
    return date_text(data.copy.issue_date, data.dates_in_words)
