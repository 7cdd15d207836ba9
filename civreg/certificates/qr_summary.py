"""The human-readable summary a verifier shows for a decoded QR payload (FR / EN)."""

from __future__ import annotations

from civreg.certificates.qr_payload import QrFields
from civreg.domain.act_words import mention_kind_label
from civreg.i18n import register, t

register(
    {
        "qr.summary": {
            "fr": "{kind} n° {id} — {names} — {status}{mention}. {copy} le {issued} par "
            "l'office {office}.",
            "en": "{kind} {id} — {names} — {status}{mention}. {copy} on {issued} by office "
            "{office}.",
        },
        "qr.copy_issued.I": {
            "fr": "Copie intégrale n° {number} délivrée",
            "en": "Full copy no. {number} issued",
        },
        "qr.copy_issued.E": {
            "fr": "Extrait n° {number} délivré",
            "en": "Extract no. {number} issued",
        },
        "qr.kind.N": {"fr": "Acte de naissance", "en": "Birth act"},
        "qr.kind.M": {"fr": "Acte de mariage", "en": "Marriage act"},
        "qr.kind.D": {"fr": "Acte de décès", "en": "Death act"},
        "qr.status.R": {"fr": "acte en vigueur", "en": "act in force"},
        "qr.status.A": {"fr": "ACTE ANNULÉ", "en": "ACT CANCELLED"},
        "qr.mention": {
            "fr": " ; dernière mention : {kind} du {date}",
            "en": "; last mention: {kind} of {date}",
        },
        "qr.no_mention": {"fr": " ; aucune mention", "en": "; no mention"},
        "qr.specimen": {"fr": " (SPÉCIMEN)", "en": " (SPECIMEN)"},
    }
)


def _word(prefix: str, code: str, lang: str | None) -> str:
    key = f"{prefix}.{code}"
    text = t(key, lang)
    return code.replace("_", " ") if text == key else text


def summary(fields: QrFields, lang: str | None = None) -> str:
    """One sentence: which act, whom it is about, its status and last mention (version 2),
    which copy, when and by whom it was issued."""
    mention = ""
    if fields.version >= 2:
        if fields.last_mention_kind:
            mention = t(
                "qr.mention",
                lang,
                kind=mention_kind_label(fields.last_mention_kind, lang),
                date=fields.last_mention_date,
            )
        else:
            mention = t("qr.no_mention", lang)
    text = t(
        "qr.summary",
        lang,
        kind=_word("qr.kind", fields.kind, lang),
        id=fields.global_id,
        names=" / ".join(fields.names),
        status=_word("qr.status", fields.status, lang),
        mention=mention,
        copy=t(f"qr.copy_issued.{fields.copy_kind}", lang, number=fields.copy_number),
        issued=fields.issue_date,
        office=fields.office_id,
    )
    return text + (t("qr.specimen", lang) if fields.specimen else "")
