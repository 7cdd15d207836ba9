"""One error hierarchy for civreg. Every error carries a translatable message key.

Messages never contain personal data (names, dates of birth…): they say what is wrong and
what to do, with identifiers such as field paths or act ids only.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from civreg.i18n import register, t

register(
    {
        "error.generic": {"fr": "Erreur : {detail}", "en": "Error: {detail}"},
        "error.permission": {
            "fr": "Votre rôle ne permet pas cette opération ({operation}).",
            "en": "Your role does not allow this operation ({operation}).",
        },
        "error.not_found": {
            "fr": "Introuvable : {what}.",
            "en": "Not found: {what}.",
        },
        "error.validation": {
            "fr": "La saisie contient {count} erreur(s) :\n{lines}",
            "en": "The entry has {count} error(s):\n{lines}",
        },
    }
)


class CivregError(Exception):
    """Base of every error civreg shows to a user."""

    key = "error.generic"

    def __init__(self, key: str | None = None, /, **params: object) -> None:
        self.key = key or self.key
        self.params = params
        super().__init__(self.key)

    def message(self, lang: str | None = None) -> str:
        return t(self.key, lang, **self.params)

    def __str__(self) -> str:
        return self.message()


class WrongPassword(CivregError):
    key = "store.wrong_password"


class AccountDisabled(CivregError):
    key = "store.account_disabled"


class KeyFileError(CivregError):
    key = "store.keyfile_corrupt"


class NotAStore(CivregError):
    key = "store.not_a_store"


class SchemaTooNew(CivregError):
    key = "store.schema_too_new"


class StoreExists(CivregError):
    key = "store.exists"


class PermissionDenied(CivregError):
    key = "error.permission"


class NotFound(CivregError):
    key = "error.not_found"


class Conflict(CivregError):
    key = "error.generic"


class BatchRejected(CivregError):
    """A batch file was refused; ``reason`` is a stable machine-readable code."""

    key = "error.generic"

    def __init__(self, reason: str, key: str | None = None, /, **params: object) -> None:
        self.reason = reason
        super().__init__(key or f"batch.{reason}", **params)


class TransmissionError(CivregError):
    """Export, forwarding or key management could not be done; nothing was changed."""


class CertificateInvalid(CivregError):
    key = "error.generic"


@dataclass(frozen=True)
class FieldProblem:
    """One problem with one field: ``path`` like ``child.birth_date``; ``key`` a message key."""

    path: str
    key: str
    params: dict[str, object] = field(default_factory=dict)
    severity: str = "error"  # "error" blocks registration, "warning" only informs

    def message(self, lang: str | None = None) -> str:
        return t(self.key, lang, **self.params)


class ValidationError(CivregError):
    """Field-level problems a clerk understands."""

    key = "error.validation"

    def __init__(self, problems: list[FieldProblem], act_ref: str | None = None) -> None:
        self.problems = [p for p in problems if p.severity == "error"]
        self.act_ref = act_ref
        super().__init__(self.key)

    def message(self, lang: str | None = None) -> str:
        lines = "\n".join(f"- {p.path}: {p.message(lang)}" for p in self.problems)
        if self.act_ref:
            lines = f"[{self.act_ref}]\n{lines}"
        return t(self.key, lang, count=len(self.problems), lines=lines)
