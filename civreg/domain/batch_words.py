"""What a batch holds, in words (the Transmission screen, ``civreg export`` and ``civreg
transmission status``): ``39 actes, 5 mentions, 89 entrées du journal d'audit``.

The changes waiting are the change log's entries (a registration, a mention, a notice, a copy
issued, a key; drafts are not sent). A batch carries one record per entity those entries name
— each once, however many times it changed (civreg.exchange.records.changed_uuids) — every
audit-journal entry of the period (logins, searches, prints: the district keeps the office's
journal) and, when the office's key changed, its announcement. That is why a batch holds
more records than the changes that were waiting."""

from __future__ import annotations

from collections.abc import Mapping

from civreg.domain.locale_text import number_text
from civreg.i18n import has, register, t

ORDER = ("act", "mention", "notice", "copy", "audit", "key_announcement")

register(
    {
        "batch.record.act.one": {"fr": "acte", "en": "act"},
        "batch.record.act.many": {"fr": "actes", "en": "acts"},
        "batch.record.mention.one": {"fr": "mention", "en": "mention"},
        "batch.record.mention.many": {"fr": "mentions", "en": "mentions"},
        "batch.record.notice.one": {"fr": "avis de mention", "en": "mention notice"},
        "batch.record.notice.many": {"fr": "avis de mention", "en": "mention notices"},
        "batch.record.copy.one": {"fr": "copie délivrée", "en": "copy issued"},
        "batch.record.copy.many": {"fr": "copies délivrées", "en": "copies issued"},
        "batch.record.audit.one": {"fr": "entrée du journal d'audit", "en": "audit-journal entry"},
        "batch.record.audit.many": {
            "fr": "entrées du journal d'audit",
            "en": "audit-journal entries",
        },
        "batch.record.key_announcement.one": {
            "fr": "annonce de clé du bureau",
            "en": "office key announcement",
        },
        "batch.record.key_announcement.many": {
            "fr": "annonces de clé du bureau",
            "en": "office key announcements",
        },
        "batch.holds": {
            "fr": "Un lot contient les actes enregistrés, les mentions, les avis et les copies "
            "délivrées depuis le lot précédent — chacun une fois, même s'il a changé plusieurs "
            "fois — et le journal d'audit de la période (connexions, recherches, impressions), "
            "que le district conserve. Il compte donc plus d'éléments que de changements en "
            "attente.",
            "en": "A batch holds the acts registered, the mentions, notices and copies issued "
            "since the previous batch — each once, even if it changed several times — and the "
            "audit journal of the period (logins, searches, prints), which the district keeps. "
            "It therefore holds more records than there were changes waiting.",
        },
    }
)


def _word(kind: str, n: int, lang: str | None) -> str:
    key = f"batch.record.{kind}.{'one' if n == 1 else 'many'}"
    return t(key, lang) if has(key) else kind


def records_text(counts: Mapping[str, int], lang: str | None = None) -> str:
    """``39 actes, 5 mentions, 89 entrées du journal d'audit`` (kinds in a fixed order)."""
    kinds = [k for k in ORDER if counts.get(k)] + sorted(
        k for k in counts if k not in ORDER and counts[k]
    )
    return ", ".join(f"{number_text(counts[k])} {_word(k, counts[k], lang)}" for k in kinds)


def holds_text(lang: str | None = None) -> str:
    return t("batch.holds", lang)
