"""What a quarantined record is and why it was set aside, in words (French and English):
the codes the importer stores (``differs``, ``unknown_act``…) never reach the reader. The
command line (``civreg quarantine list``) and the client's Import page both read them here."""

from __future__ import annotations

from civreg.i18n import has, register, t

register(
    {
        "quarantine.reason.differs": {
            "fr": "diffère de l'acte déjà détenu",
            "en": "differs from the act already held",
        },
        "quarantine.reason.unknown_act": {
            "fr": "concerne un acte absent d'ici",
            "en": "concerns an act not held here",
        },
        "quarantine.reason.copy_number_taken": {
            "fr": "numéro de copie déjà utilisé",
            "en": "copy number already used",
        },
        "quarantine.reason.audit_hash_mismatch": {
            "fr": "entrée du journal d'audit modifiée",
            "en": "audit entry altered",
        },
        "quarantine.reason.audit_chain_break": {
            "fr": "chaîne du journal d'audit rompue",
            "en": "audit chain broken",
        },
        "quarantine.reason.audit_gap": {
            "fr": "entrées du journal d'audit manquantes",
            "en": "audit entries missing",
        },
        "quarantine.reason.possible_duplicate": {
            "fr": "doublon possible d'un acte d'une autre commune",
            "en": "possible duplicate of another commune's act",
        },
        "quarantine.reason.rolled_back": {
            "fr": "registre de l'expéditeur remis à une copie plus ancienne",
            "en": "the sender's store was put back to an older copy",
        },
        "quarantine.record.act": {"fr": "acte", "en": "act"},
        "quarantine.record.mention": {"fr": "mention", "en": "mention"},
        "quarantine.record.copy": {"fr": "copie", "en": "copy"},
        "quarantine.record.notice": {"fr": "avis", "en": "notice"},
        "quarantine.record.audit": {"fr": "entrée du journal d'audit", "en": "audit entry"},
        "quarantine.record.key_announcement": {
            "fr": "annonce de clé",
            "en": "key announcement",
        },
        "quarantine.record.batch": {"fr": "lot", "en": "batch"},
        "quarantine.status.open": {"fr": "à examiner", "en": "open"},
        "quarantine.status.resolved": {"fr": "traité", "en": "resolved"},
    }
)


def _word(prefix: str, code: str, lang: str | None) -> str:
    key = f"{prefix}.{code}"
    return t(key, lang) if has(key) else " ".join(code.replace("_", " ").split())


def reason_label(code: str, lang: str | None = None) -> str:
    return _word("quarantine.reason", code, lang)


def record_label(code: str, lang: str | None = None) -> str:
    return _word("quarantine.record", code, lang)


def status_label(code: str, lang: str | None = None) -> str:
    return _word("quarantine.status", code, lang)
