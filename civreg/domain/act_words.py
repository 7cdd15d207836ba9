"""The words for an act's coded values that every reader shows — the kinds of marginal
mention and the marital statuses — in French and English, once.

The command line (``civreg show``), the client (act page, transmission page, forms) and the
certificates all read them here, so a new mention kind or status is named the same way
everywhere: add it to :data:`MENTION_WORDS` / :data:`MARITAL_WORDS` (a test checks that every
kind in :data:`civreg.domain.acts.MENTION_KINDS` has its words)."""

from __future__ import annotations

from civreg.i18n import register, t

# kind -> French, English (lower case: the reader capitalises at the start of a line)
MENTION_WORDS: dict[str, tuple[str, str]] = {
    "marriage": ("mariage", "marriage"),
    "divorce": ("divorce", "divorce"),
    "death": ("décès", "death"),
    "recognition": ("reconnaissance", "recognition"),
    "legitimation": ("légitimation", "legitimation"),  # older stores and QR codes carry it
    "adoption": ("adoption", "adoption"),
    "name_change": ("changement de nom", "change of name"),
    "rectification": ("rectification", "rectification"),
    "cancellation": ("annulation", "cancellation"),
    "option_change": ("changement d'option matrimoniale", "change of the marriage option"),
}

# status -> French (either sex), French masculine, French feminine, English
MARITAL_WORDS: dict[str, tuple[str, str, str, str]] = {
    "single": ("célibataire", "célibataire", "célibataire", "single"),
    "married": ("marié(e)", "marié", "mariée", "married"),
    "divorced": ("divorcé(e)", "divorcé", "divorcée", "divorced"),
    "widowed": ("veuf (veuve)", "veuf", "veuve", "widowed"),
}

register(
    {f"words.mention.{k}": {"fr": fr, "en": en} for k, (fr, en) in MENTION_WORDS.items()}
    | {f"words.marital.{k}": {"fr": fr, "en": en} for k, (fr, _, _, en) in MARITAL_WORDS.items()}
)


def _plain(code: str) -> str:
    """A code civreg has no words for (written by a newer version): readable, no underscores."""
    return " ".join(code.replace("_", " ").split())


def capitalised(text: str) -> str:
    """First letter in capitals, the rest as written (``Changement d'option matrimoniale``)."""
    return text[:1].upper() + text[1:]


def mention_kind_label(kind: str, lang: str | None = None) -> str:
    """The kind of a marginal mention in words (lower case), in ``lang`` or the user's."""
    return t(f"words.mention.{kind}", lang) if kind in MENTION_WORDS else _plain(kind)


def marital_label(status: str, lang: str | None = None) -> str:
    """A marital status in words for either sex (``marié(e)``), in ``lang`` or the user's."""
    return t(f"words.marital.{status}", lang) if status in MARITAL_WORDS else _plain(status)


def marital_forms_fr(status: str) -> tuple[str, str]:
    """A marital status in French agreed with a man and with a woman (certificates)."""
    if status in MARITAL_WORDS:
        _, masculine, feminine, _ = MARITAL_WORDS[status]
        return masculine, feminine
    return _plain(status), _plain(status)
