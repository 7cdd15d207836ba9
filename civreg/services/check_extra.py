"""Checks of a store beyond its file: the key file against the database, what a crash left
unfinished, and whether a backup is due."""

from __future__ import annotations

from sqlalchemy import select

from civreg.i18n import register
from civreg.models.office import Setting
from civreg.models.store import Store
from civreg.services.check_findings import FAIL, OK, WARN, Finding, Msg
from civreg.services.context import Ctx

register(
    {
        "check.keyfile.ok": {
            "fr": "fichier de clés : en accord avec le registre",
            "en": "key file: in step with the store",
        },
        "check.rollback.behind": {
            "fr": "marque de sécurité : ce registre est en retard sur sa dernière marque sur cet "
            "ordinateur ({reason}) ; enregistrements, copies, mentions et envois restent "
            "bloqués jusqu'à ce qu'un administrateur lance « civreg audit acknowledge » (les "
            "numéros déjà donnés sont alors sautés)",
            "en": "security mark: this store is behind its last mark on this computer "
            "({reason}); registrations, copies, mentions and exports stay blocked until an "
            'administrator runs "civreg audit acknowledge" (numbers already given are then '
            "skipped)",
        },
        "check.rollback.unknown": {"fr": "raison non précisée", "en": "no reason given"},
        "check.keyfile.fail": {
            "fr": "fichier de clés : {problem}",
            "en": "key file: {problem}",
        },
        "check.leftovers.ok": {
            "fr": "opérations interrompues : aucune",
            "en": "interrupted operations: none",
        },
        "check.leftovers.backup": {
            "fr": "opérations interrompues : {count} sauvegarde(s) à terminer ou à effacer "
            "(dossier absent ?) ; elle(s) le sera/seront à la prochaine sauvegarde",
            "en": "interrupted operations: {count} backup(s) to finish or remove (folder not "
            "present?); done at the next backup",
        },
        "check.backup.due": {
            "fr": "sauvegarde : la dernière date de {days} jour(s) (rappel après {limit})",
            "en": "backup: the last one is {days} day(s) old (reminder after {limit})",
        },
        "check.backup.never": {
            "fr": "sauvegarde : ce registre n'a encore jamais été sauvegardé",
            "en": "backup: this store has never been backed up",
        },
        "check.backup.ok": {
            "fr": "sauvegarde : la dernière date de {days} jour(s)",
            "en": "backup: the last one is {days} day(s) old",
        },
        "check.backup.today": {
            "fr": "sauvegarde : la dernière date d'aujourd'hui",
            "en": "backup: the last one was made today",
        },
    }
)


def keyfile_findings(store: Store) -> list[Finding]:
    """The key file against the database (issue 13 items 2-3): the generations and slots the
    database records against the file's, and every account against its slot
    (:func:`civreg.security.keyslots.check_consistency`). A PostgreSQL store keeps its slots
    in the database only: its accounts are checked against them."""
    from civreg.errors import CivregError
    from civreg.security import keyslots

    try:
        with store.read() as s:
            found = keyslots.check_consistency(s, store.keyfile_path)
    except CivregError as exc:  # the key file unreadable or damaged
        problem = Msg(exc.key, dict(exc.params))
        return [Finding("keyfile", FAIL, "check.keyfile.fail", {"problem": problem})]
    if not found:
        return [Finding("keyfile", OK, "check.keyfile.ok")]
    return [
        Finding(
            "keyfile", FAIL, "check.keyfile.fail", {"problem": Msg(f"keyslots.{f.code}", f.params)}
        )
        for f in found
    ]


def rollback_findings(store: Store) -> list[Finding]:
    """A store found at its open behind its high-water mark (put back from an older copy, or
    a backup restored on the computer that made it): said, not failed — it needs an
    administrator's decision, not a repair."""
    behind = store.behind
    if behind is None:
        return []
    key, params = behind.reasons[0] if behind.reasons else ("check.rollback.unknown", {})
    return [Finding("rollback", WARN, "check.rollback.behind", {"reason": Msg(key, dict(params))})]


def leftovers_findings(ctx: Ctx) -> list[Finding]:
    from civreg.services.backup import PENDING, backup_status

    with ctx.store.read() as s:
        pending = s.scalars(select(Setting.key).where(Setting.key.like(PENDING + "%"))).all()
    out = [
        Finding("leftovers", WARN, "check.leftovers.backup", {"count": len(pending)})
        if pending
        else Finding("leftovers", OK, "check.leftovers.ok")
    ]
    if ctx.store.path is None:
        return out
    status = backup_status(ctx)
    if status.last_at is None:
        out.append(Finding("backup", WARN, "check.backup.never"))
    elif status.due:
        out.append(
            Finding(
                "backup",
                WARN,
                "check.backup.due",
                {"days": status.age_days, "limit": status.reminder_days},
            )
        )
    elif not status.age_days:
        out.append(Finding("backup", OK, "check.backup.today"))
    else:
        out.append(Finding("backup", OK, "check.backup.ok", {"days": status.age_days}))
    return out
