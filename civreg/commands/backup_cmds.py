"""``civreg backup``, ``civreg restore`` and ``civreg check``."""

from __future__ import annotations

import argparse
from pathlib import Path

from civreg.commands.common import (
    add_store,
    add_user,
    emit_json,
    opened,
    read_password,
    store_location,
)
from civreg.domain.locale_text import date_text
from civreg.i18n import register, t

register(
    {
        "cli.backup.done": {
            "fr": "Sauvegarde écrite : {acts} acte(s) enregistré(s), journal d'audit jusqu'à "
            "l'entrée n° {seq}, révision {revision}, {size} octets.\nSHA-256 : {sha}",
            "en": "Backup written: {acts} registered act(s), audit log up to entry #{seq}, "
            "revision {revision}, {size} bytes.\nSHA-256: {sha}",
        },
        "cli.backup.damaged_pages": {
            "fr": "ATTENTION : {count} page(s) du registre sont endommagées ; la sauvegarde "
            "les contient telles quelles. Lancez « civreg check ».",
            "en": "WARNING: {count} page(s) of the store are damaged; the backup holds them "
            'as they are. Run "civreg check".',
        },
        "cli.backup.status": {
            "fr": "Dernière sauvegarde : {when} ({days} jour(s)) — {file} dans {folder}",
            "en": "Last backup: {when} ({days} day(s) ago) — {file} in {folder}",
        },
        "cli.backup.never": {
            "fr": "Ce registre n'a encore jamais été sauvegardé.",
            "en": "This store has never been backed up.",
        },
        "cli.backup.reminder": {
            "fr": "Rappel : après {days} jour(s) sans sauvegarde{due}.",
            "en": "Reminder: after {days} day(s) without a backup{due}.",
        },
        "cli.backup.reminder_off": {"fr": "Rappel : désactivé.", "en": "Reminder: off."},
        "cli.backup.due": {"fr": " — une sauvegarde est due", "en": " — a backup is due"},
        "cli.backup.need_out": {
            "fr": "Indiquez le dossier de la sauvegarde : --out DOSSIER.",
            "en": "Give the backup's folder: --out FOLDER.",
        },
        "cli.restore.done": {
            "fr": "Registre restauré : {path}\nSauvegarde du {created} : {acts} acte(s) "
            "enregistré(s), journal d'audit jusqu'à l'entrée n° {seq}.",
            "en": "Store restored: {path}\nBackup of {created}: {acts} registered act(s), "
            "audit log up to entry #{seq}.",
        },
        "cli.restore.kept": {
            "fr": "Le registre remplacé est gardé de côté : {path}",
            "en": "The replaced store is kept aside: {path}",
        },
        "cli.restore.older": {
            "fr": "ATTENTION : sauvegarde plus ancienne que le registre remplacé ({entries} "
            "entrée(s) d'audit et {acts} acte(s) perdus, acceptés).",
            "en": "WARNING: backup older than the replaced store ({entries} audit entries and "
            "{acts} act(s) lost, accepted).",
        },
        "cli.restore.upgraded": {
            "fr": "Révision du registre mise à jour : {old} → {new}.",
            "en": "Store revision upgraded: {old} → {new}.",
        },
        "cli.check.summary_ok": {
            "fr": "Vérification terminée : aucun problème.",
            "en": "Check finished: no problem.",
        },
        "cli.check.summary_fail": {
            "fr": "Vérification terminée : {count} problème(s).",
            "en": "Check finished: {count} problem(s).",
        },
    }
)


def register_commands(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("backup", help="encrypted, verified backup of the store into a folder")
    add_store(p)
    add_user(p)
    p.add_argument("--out", help="folder (e.g. a USB stick) to write the backup into")
    p.add_argument("--status", action="store_true", help="show the last backup and reminder")
    p.add_argument("--reminder-days", type=int, help="remind after N days (0: never)")
    p.set_defaults(func=cmd_backup)

    p = sub.add_parser("restore", help="restore a backup into a store (verified and checked)")
    p.add_argument("file", help="the backup file (.cvbk)")
    p.add_argument("--store", required=True, help="where to restore it")
    p.add_argument("--user", default="admin", help="an administrator of the backup")
    p.add_argument("--replace", action="store_true", help="replace an existing store (kept aside)")
    p.add_argument(
        "--accept-older",
        action="store_true",
        help="replace a newer store with this older backup, losing what came after it",
    )
    p.set_defaults(func=cmd_restore)

    p = sub.add_parser("check", help="check the store: pages, structure, numbering, audit")
    add_store(p)
    add_user(p)
    p.add_argument("--fast", action="store_true", help="only the fast part (run at login)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_check)


def cmd_backup(args: argparse.Namespace) -> int:
    from civreg.services.backup import backup_status, create_backup, set_reminder_days

    with opened(args) as ctx:
        if args.reminder_days is not None:
            set_reminder_days(ctx, args.reminder_days)
        if args.status or (args.reminder_days is not None and not args.out):
            _print_status(backup_status(ctx))
            return 0
        if not args.out:
            from civreg.errors import CivregError

            raise CivregError("cli.backup.need_out")
        result = create_backup(ctx, Path(args.out))
    m = result.manifest
    print(
        t(
            "cli.backup.done",
            acts=m.registered_acts,
            seq=m.audit_seq,
            revision=m.schema_revision,
            size=result.size,
            sha=result.sha256,
        )
    )
    if result.damaged_pages:
        print(t("cli.backup.damaged_pages", count=len(result.damaged_pages)))
    print(result.path)  # the last line: the backup file, for scripts
    return 0


def _print_status(status) -> None:
    if status.last_at is None:
        print(t("cli.backup.never"))
    else:
        print(
            t(
                "cli.backup.status",
                when=date_text(status.last_at.astimezone().isoformat(timespec="minutes")),
                days=status.age_days,
                file=status.last_file,
                folder=status.last_folder,
            )
        )
    if status.reminder_days:
        due = t("cli.backup.due") if status.due else ""
        print(t("cli.backup.reminder", days=status.reminder_days, due=due))
    else:
        print(t("cli.backup.reminder_off"))


def cmd_restore(args: argparse.Namespace) -> int:
    from civreg.models.migrate import head_revision
    from civreg.services.restore_open import restore_and_open

    result = restore_and_open(
        Path(args.file),
        Path(args.store),
        username=args.user,
        password=read_password(args.user),
        replace=args.replace,
        accept_older=args.accept_older,
    )
    m = result.manifest
    print(
        t(
            "cli.restore.done",
            path=result.path,
            created=m.created_at.replace("T", " ").rstrip("Z") + " UTC",
            acts=m.registered_acts,
            seq=m.audit_seq,
        )
    )
    if result.replaced_kept_as:
        print(t("cli.restore.kept", path=result.replaced_kept_as))
    if result.older:
        print(t("cli.restore.older", entries=result.lost_entries, acts=result.lost_acts))
    if result.upgraded_from:
        print(t("cli.restore.upgraded", old=result.upgraded_from, new=head_revision()))
    return _print_check(result.check)


def cmd_check(args: argparse.Namespace) -> int:
    from civreg.errors import StoreDamaged
    from civreg.models.engine import is_url
    from civreg.services.check import check_store
    from civreg.services.check_unopened import check_unopened
    from civreg.services.store_access import login

    location, user = store_location(args), args.user or "admin"
    password = read_password(user)
    try:
        ctx = login(location, user, password)
    except StoreDamaged:
        if is_url(location):
            raise
        # Pages every open reads are damaged: check what can be checked, say which pages.
        report = check_unopened(Path(location), user, password)
    else:
        try:
            report = check_store(ctx, full=not args.fast)
        finally:
            ctx.close()
    if args.json:
        emit_json(
            {
                "ok": report.ok,
                "full": report.full,
                "findings": [
                    {"check": f.check, "status": f.status, "message": f.message()}
                    for f in report.findings
                ],
            }
        )
        return 0 if report.ok else 1
    return _print_check(report)


def _print_check(report) -> int:
    for f in report.findings:
        print(f.line())
    if report.ok:
        print(t("cli.check.summary_ok"))
        return 0
    print(t("cli.check.summary_fail", count=len(report.problems)))
    return 1
