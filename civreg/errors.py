"""One error hierarchy for civreg. Every error carries a translatable message key.

Messages never contain personal data (names, dates of birth…): they say what is wrong and
what to do, with identifiers such as field paths or act ids only.
"""

from __future__ import annotations

import errno
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from civreg.i18n import register, t

register(
    {
        "error.generic": {"fr": "Erreur : {detail}", "en": "Error: {detail}"},
        "error.permission": {
            "fr": "Votre rôle ne permet pas cette opération.",
            "en": "Your role does not allow this operation.",
        },
        "error.not_found": {
            "fr": "Introuvable : {what}.",
            "en": "Not found: {what}.",
        },
        "error.rule_source": {"fr": "{text} ({source})", "en": "{text} ({source})"},
        "error.source_to_confirm": {
            "fr": "{source}, article à confirmer",
            "en": "{source}, article to confirm",
        },
        "error.field_line": {"fr": "{label} : {text}", "en": "{label}: {text}"},
        "error.validation": {
            "fr": "La saisie contient {count} erreur(s) :\n{lines}",
            "en": "The entry has {count} error(s):\n{lines}",
        },
        "error.unexpected": {
            "fr": "Erreur inattendue ({kind}). L'opération n'a pas abouti. Si elle se "
            "reproduit, signalez-la au support en indiquant ce qui était en cours.",
            "en": "Unexpected error ({kind}). The operation did not complete. If it happens "
            "again, report it to support with what you were doing.",
        },
        "store.damaged": {
            "fr": "Le registre est endommagé : une partie du fichier est illisible. "
            "L'opération n'a rien modifié. Lancez la vérification du registre (« civreg "
            "check » ou Administration › Vérifier le registre) et, si elle signale des "
            "erreurs, restaurez la dernière sauvegarde.",
            "en": "The store is damaged: part of the file cannot be read. The operation "
            'changed nothing. Run the store check ("civreg check" or Administration › '
            "Check the store) and, if it reports errors, restore the latest backup.",
        },
        "store.disk_full": {
            "fr": "Le disque est plein : l'opération n'a pas été enregistrée et rien n'a été "
            "modifié. Libérez de la place sur le disque du registre, puis recommencez.",
            "en": "The disk is full: the operation was not saved and nothing was changed. "
            "Free some space on the store's disk, then try again.",
        },
        "file.disk_full": {
            "fr": "Le disque est plein : impossible d'écrire {name}. Rien n'a été écrit. "
            "Libérez de la place ou choisissez un autre dossier, puis recommencez.",
            "en": "The disk is full: cannot write {name}. Nothing was written. Free some "
            "space or choose another folder, then try again.",
        },
        "store.busy": {
            "fr": "Le registre est occupé par une autre opération (une autre fenêtre ou une "
            "commande en cours) depuis plus de {seconds} secondes. Rien n'a été modifié : "
            "réessayez quand elle sera terminée.",
            "en": "The store has been busy with another operation (another window or a "
            "running command) for more than {seconds} seconds. Nothing was changed: try "
            "again when it has finished.",
        },
        "store.io_error": {
            "fr": "Erreur de lecture ou d'écriture sur le disque : l'opération n'a pas abouti "
            "et rien n'a été modifié. Vérifiez le disque (plein, retiré ou défectueux), puis "
            "recommencez.",
            "en": "Disk read or write error: the operation did not complete and nothing was "
            "changed. Check the disk (full, removed or failing), then try again.",
        },
        "store.read_only": {
            "fr": "Écriture impossible : le fichier ou le disque est en lecture seule ({name}).",
            "en": "Cannot write: the file or the disk is read-only ({name}).",
        },
        "file.no_permission": {
            "fr": "Accès refusé à {name} : vérifiez les droits sur ce fichier ou ce dossier.",
            "en": "Access denied to {name}: check the permissions of that file or folder.",
        },
        "error.out_of_memory": {
            "fr": "Mémoire insuffisante pour terminer l'opération ; rien n'a été modifié. "
            "Fermez d'autres programmes, puis recommencez.",
            "en": "Not enough memory to finish the operation; nothing was changed. Close "
            "other programs, then try again.",
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


class StoreDamaged(CivregError):
    key = "store.damaged"


class DiskFull(CivregError):
    key = "store.disk_full"


class StoreBusy(CivregError):
    key = "store.busy"


class StorageError(CivregError):
    """The disk failed us (I/O error, read-only medium, permissions)."""

    key = "store.io_error"


class PermissionDenied(CivregError):
    """The user's role does not allow ``operation``; the message says what the operation is
    and which role may do it, in words (never the permission's internal name):
    :mod:`civreg.domain.role_words` installs that wording."""

    key = "error.permission"

    def message(self, lang: str | None = None) -> str:
        operation = self.params.get("operation")
        if self.key != PermissionDenied.key or not isinstance(operation, str):
            return super().message(lang)
        if _refusal is None:
            return super().message(lang)
        return _refusal(operation, lang)


_refusal: Callable[[str, str | None], str] | None = None


def set_refusal_wording(wording: Callable[[str, str | None], str]) -> None:
    """How a refused operation is said (installed by :mod:`civreg.domain.role_words`)."""
    global _refusal
    _refusal = wording


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


# How a field path reads for a user; installed by civreg.domain.field_labels (a floor above).
_field_labeller: Callable[[str, str | None], str] | None = None


def set_field_labeller(labeller: Callable[[str, str | None], str]) -> None:
    global _field_labeller
    _field_labeller = labeller


@dataclass(frozen=True)
class FieldProblem:
    """One problem with one field: ``path`` like ``child.birth_date`` (for the form to place
    it; never shown to a user), ``key`` a message key, ``rule`` the stable identifier of the
    rule broken (``marriage.min_age``; listed with its source in docs/country-profiles.md) and
    ``source`` the law and article it comes from (``CPF 2025, art. 256``), when known."""

    path: str
    key: str
    params: dict[str, object] = field(default_factory=dict)
    severity: str = "error"  # "error" blocks registration, "warning" only informs
    rule: str = ""
    source: str = ""

    def message(self, lang: str | None = None) -> str:
        """The message alone, followed by the law it applies when known."""
        text = t(self.key, lang, **self.params)
        if self.source:
            source = self.source
            if source.endswith("?"):  # article not confirmed (see the country profile)
                source = t("error.source_to_confirm", lang, source=source[:-1].strip())
            text = t("error.rule_source", lang, text=text, source=source)
        return text

    def label(self, lang: str | None = None) -> str:
        """The field as a clerk names it (``Enfant — prénoms``), never the internal path
        (``""`` if no labeller is installed: :mod:`civreg.domain.field_labels` installs one)."""
        return _field_labeller(self.path, lang) if _field_labeller else ""

    def line(self, lang: str | None = None) -> str:
        """``label : message`` (or the message alone when the problem concerns the whole act)."""
        label = self.label(lang)
        text = self.message(lang)
        return t("error.field_line", lang, label=label, text=text) if label else text


class ValidationError(CivregError):
    """Field-level problems a clerk understands."""

    key = "error.validation"

    def __init__(self, problems: list[FieldProblem], act_ref: str | None = None) -> None:
        self.problems = [p for p in problems if p.severity == "error"]
        self.act_ref = act_ref
        super().__init__(self.key)

    def message(self, lang: str | None = None) -> str:
        lines = "\n".join(f"- {p.line(lang)}" for p in self.problems)
        if self.act_ref:
            lines = f"[{self.act_ref}]\n{lines}"
        return t(self.key, lang, count=len(self.problems), lines=lines)


# ---- plain messages for failures of the disk, the database file and the memory --------------
# SQLite primary result codes (sqlite3.h); extended codes carry them in the low byte.
SQLITE_BUSY, SQLITE_LOCKED, SQLITE_READONLY, SQLITE_IOERR = 5, 6, 8, 10
SQLITE_CORRUPT, SQLITE_FULL, SQLITE_CANTOPEN, SQLITE_NOTADB = 11, 13, 14, 26
_SQLITE_TEXTS = {
    "database disk image is malformed": SQLITE_CORRUPT,
    "file is not a database": SQLITE_NOTADB,
    "database or disk is full": SQLITE_FULL,
    "database is locked": SQLITE_BUSY,
    "database table is locked": SQLITE_LOCKED,
    "disk i/o error": SQLITE_IOERR,
    "attempt to write a readonly database": SQLITE_READONLY,
    "unable to open database file": SQLITE_CANTOPEN,
}
LOW_SPACE_BYTES = 1024 * 1024


def _chain(exc: BaseException) -> list[BaseException]:
    """The exception, what it wraps (SQLAlchemy's ``orig``) and its causes, each once."""
    out: list[BaseException] = []
    todo: list[BaseException | None] = [exc]
    while todo:
        e = todo.pop(0)
        if e is None or any(e is seen for seen in out):
            continue
        out.append(e)
        todo += [getattr(e, "orig", None), e.__cause__, e.__context__]
    return out


def sqlite_code(exc: BaseException) -> int | None:
    """The SQLite primary result code behind ``exc`` (a driver or SQLAlchemy error), if any."""
    for e in _chain(exc):
        code = getattr(e, "sqlite_errorcode", None)
        if isinstance(code, int):
            return code & 0xFF
        if type(e).__module__.split(".")[0] in ("sqlite3", "sqlcipher3") and e.args:
            found = _SQLITE_TEXTS.get(str(e.args[0]).strip().lower())
            if found is not None:
                return found
    return None


def _low_space(path: Path | None) -> bool:
    folder = Path(path).parent if path is not None else None
    while folder is not None and not folder.exists() and folder != folder.parent:
        folder = folder.parent
    if folder is None:
        return False
    try:
        return shutil.disk_usage(folder).free < LOW_SPACE_BYTES
    except OSError:
        return False


def plain_error(
    exc: BaseException, *, store_path: Path | None = None, busy_seconds: int = 30
) -> CivregError | None:
    """The message a user can act on for a failure of the disk, the store file or the memory
    (``None`` when ``exc`` is none of those). ``store_path`` lets an I/O error on a full disk
    be told as a full disk."""
    if isinstance(exc, CivregError):
        return exc
    code = sqlite_code(exc)
    if code in (SQLITE_CORRUPT, SQLITE_NOTADB):
        return StoreDamaged()
    if code == SQLITE_FULL:
        return DiskFull()
    if code in (SQLITE_BUSY, SQLITE_LOCKED):
        return StoreBusy(seconds=busy_seconds)
    if code == SQLITE_READONLY:
        return StorageError("store.read_only", name=Path(store_path).name if store_path else "")
    if code in (SQLITE_IOERR, SQLITE_CANTOPEN):
        return DiskFull() if _low_space(store_path) else StorageError()
    for e in _chain(exc):
        if isinstance(e, MemoryError):
            return CivregError("error.out_of_memory")
        if isinstance(e, OSError) and e.errno is not None:
            name = Path(e.filename).name if isinstance(e.filename, str) else ""
            if e.errno in (errno.ENOSPC, errno.EDQUOT):
                return DiskFull("file.disk_full", name=name) if name else DiskFull()
            if e.errno == errno.EROFS:
                return StorageError("store.read_only", name=name)
            if e.errno in (errno.EACCES, errno.EPERM):
                return StorageError("file.no_permission", name=name)
            if e.errno == errno.EIO:
                return StorageError()
    return None
