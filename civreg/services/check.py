"""Check a store: the file, every page's authentication code, the links between rows, the
numbering of each register, the audit chain, and the key file against the database.

One :class:`Finding` per check, in plain words (French and English). The fast part (run at
every login: numbering through the index, the audit chain since its last signed seal) reads
little; the full check (``civreg check``, Administration › Check the store) reads every page.
"""

from __future__ import annotations

from collections.abc import Callable, Generator

from cryptography.exceptions import InvalidSignature
from sqlalchemy import select
from sqlalchemy.orm import Session

from civreg.errors import CivregError
from civreg.i18n import has, register, t
from civreg.models.audit import AuditEntry, AuditSeal
from civreg.models.office import Office
from civreg.models.store import Store
from civreg.models.sync import OwnKey
from civreg.security import audit
from civreg.security.signing import load_public
from civreg.security.signing_power import is_protected
from civreg.services.check_extra import keyfile_findings, leftovers_findings, rollback_findings
from civreg.services.check_findings import FAIL, OK, CheckReport, Finding, Msg
from civreg.services.check_numbering import numbering
from civreg.services.context import Ctx
from civreg.services.slices import drain

register(
    {
        "check.line": {"fr": "{tag} : {message}", "en": "{tag}: {message}"},
        "check.tag.ok": {"fr": "OK", "en": "OK"},
        "check.tag.fail": {"fr": "ÉCHEC", "en": "FAIL"},
        "check.tag.warn": {"fr": "ATTENTION", "en": "WARNING"},
        "check.tag.skip": {"fr": "NON VÉRIFIÉ", "en": "NOT CHECKED"},
        "check.integrity.ok": {
            "fr": "structure du fichier : intacte (integrity_check)",
            "en": "file structure: intact (integrity_check)",
        },
        "check.integrity.fail": {
            "fr": "structure du fichier : {count} problème(s), dont : {first}",
            "en": "file structure: {count} problem(s), including: {first}",
        },
        "check.pages.ok": {
            "fr": "pages chiffrées : le code d'authentification de chaque page est valide "
            "(cipher_integrity_check)",
            "en": "encrypted pages: every page's authentication code is valid "
            "(cipher_integrity_check)",
        },
        "check.pages.fail": {
            "fr": "pages chiffrées : {count} page(s) endommagée(s) ou modifiée(s), dont : {first}",
            "en": "encrypted pages: {count} page(s) damaged or altered, including: {first}",
        },
        "check.fk.ok": {
            "fr": "liens entre enregistrements : complets (foreign_key_check)",
            "en": "links between records: complete (foreign_key_check)",
        },
        "check.fk.fail": {
            "fr": "liens entre enregistrements : {count} ligne(s) de la table {table} "
            "pointent vers un enregistrement absent",
            "en": "links between records: {count} row(s) of table {table} point to a missing "
            "record",
        },
        "check.numbering.ok": {
            "fr": "numérotation : {registers} registre(s), {acts} acte(s), sans trou ni doublon",
            "en": "numbering: {registers} register(s), {acts} act(s), no gap and no duplicate",
        },
        "check.numbering.gap": {
            "fr": "numérotation : registre {kind} {year} du centre {centre} : {missing} "
            "numéro(s) manquant(s) entre {first} et {last}{which}",
            "en": "numbering: {kind} register {year} of centre {centre}: {missing} number(s) "
            "missing between {first} and {last}{which}",
        },
        "check.why.edited": {"fr": "contenu modifié", "en": "content edited"},
        "check.why.missing_or_reordered": {
            "fr": "entrée supprimée ou déplacée",
            "en": "entry deleted or moved",
        },
        "check.why.truncated": {
            "fr": "entrées récentes supprimées",
            "en": "latest entries deleted",
        },
        "check.why.bad_seal": {"fr": "sceau à signature invalide", "en": "seal signature invalid"},
        "check.why.unsealed": {
            "fr": "opération scellée hors de tout sceau signé",
            "en": "sealed operation outside every signed seal",
        },
        "check.why.empty": {"fr": "journal vide", "en": "empty log"},
        "check.kind.birth": {"fr": "des naissances", "en": "birth"},
        "check.kind.marriage": {"fr": "des mariages", "en": "marriage"},
        "check.kind.death": {"fr": "des décès", "en": "death"},
        "check.numbering.beyond": {
            "fr": "numérotation : registre {kind} {year} du centre {centre} : {count} acte(s) "
            "portent un numéro au-delà du dernier attribué ({last})",
            "en": "numbering: {kind} register {year} of centre {centre}: {count} act(s) carry "
            "a number beyond the last one allocated ({last})",
        },
        "check.audit.ok": {
            "fr": "journal d'audit : {entries} entrée(s), {seals} sceau(x) signé(s), chaîne "
            "intacte",
            "en": "audit log: {entries} entries, {seals} signed seal(s), chain intact",
        },
        "check.audit.tail_ok": {
            "fr": "journal d'audit : chaîne intacte depuis le dernier sceau signé "
            "({entries} entrée(s) vérifiée(s))",
            "en": "audit log: chain intact since the last signed seal ({entries} entries checked)",
        },
        "check.audit.tail_unsealed": {
            "fr": "journal d'audit : les {entries} dernière(s) entrée(s) se suivent sans rupture "
            "(aucun sceau signé à vérifier)",
            "en": "audit log: the last {entries} entries link without a break (no signed seal "
            "to check)",
        },
        "check.audit.fail": {
            "fr": "journal d'audit : altéré à l'entrée n° {seq} ({why})",
            "en": "audit log: tampered at entry #{seq} ({why})",
        },
        "check.login_failed": {
            "fr": "La vérification rapide du registre a trouvé un problème :\n{lines}\n\n"
            "Lancez la vérification complète (Administration › Vérifier le registre) et, si "
            "elle le confirme, restaurez la dernière sauvegarde.",
            "en": "The quick check of the store found a problem:\n{lines}\n\nRun the full "
            "check (Administration › Check the store) and, if it confirms it, restore the "
            "latest backup.",
        },
        "check.name.integrity": {"fr": "structure du fichier", "en": "file structure"},
        "check.name.pages": {"fr": "pages chiffrées", "en": "encrypted pages"},
        "check.name.foreign_keys": {
            "fr": "liens entre enregistrements",
            "en": "links between records",
        },
        "check.name.numbering": {"fr": "numérotation", "en": "numbering"},
        "check.name.audit": {"fr": "journal d'audit", "en": "audit log"},
        "check.name.extra": {"fr": "autres vérifications", "en": "other checks"},
        "check.cause.store.damaged": {"fr": "pages illisibles", "en": "unreadable pages"},
        "check.cause.store.busy": {
            "fr": "registre occupé par une autre opération",
            "en": "store busy with another operation",
        },
        "check.cause.store.disk_full": {"fr": "disque plein", "en": "disk full"},
        "check.cause.store.io_error": {
            "fr": "erreur de lecture du disque",
            "en": "disk read error",
        },
        "check.error": {
            "fr": "{what} : la vérification n'a pas pu aller au bout ({detail})",
            "en": "{what}: the check could not finish ({detail})",
        },
    }
)

TAIL_ENTRIES = 5000  # the fast check reads at most this many audit entries


class CheckFailed(CivregError):
    """What the client shows when the fast check at login finds a problem."""

    key = "check.login_failed"

    def __init__(self, report: CheckReport) -> None:
        self.report = report
        super().__init__(self.key)

    def message(self, lang: str | None = None) -> str:
        lines = "\n".join(f"• {f.message(lang)}" for f in self.report.problems)
        return t(self.key, lang, lines=lines)


Progress = Callable[[int, int], None]


def check_store(ctx: Ctx, *, full: bool = True, report: Progress | None = None) -> CheckReport:
    """The store check an administrator, registrar or district officer runs."""
    ctx.require("store.check")
    return run_checks(ctx.store, full=full, report=report, extra=_session_checks(ctx))


def login_check(ctx: Ctx) -> CheckReport:
    """The fast part, run for every user at login (reads little)."""
    return drain(login_check_sliced(ctx))


def login_check_sliced(ctx: Ctx) -> Generator[None, None, CheckReport]:
    """:func:`login_check` in slices (the client runs it with ``Operations.run_sliced``)."""
    return checks(ctx.store, full=False, extra=_session_checks(ctx))


def _session_checks(ctx: Ctx) -> list[Callable[[], list[Finding]]]:
    return [
        lambda: keyfile_findings(ctx.store),
        lambda: rollback_findings(ctx.store),
        lambda: leftovers_findings(ctx),
    ]


def run_checks(
    store: Store,
    *,
    full: bool,
    report: Progress | None = None,
    extra: list[Callable[[], list[Finding]]] | None = None,
    only: tuple[str, ...] | None = None,
) -> CheckReport:
    """The checks in order; ``only``: those named (a restore checks the file before it
    upgrades the schema, and the records after)."""
    return drain(checks(store, full=full, report=report, extra=extra, only=only))


Step = Callable[[], "list[Finding] | Generator[None, None, list[Finding]]"]


def checks(
    store: Store,
    *,
    full: bool,
    report: Progress | None = None,
    extra: list[Callable[[], list[Finding]]] | None = None,
    only: tuple[str, ...] | None = None,
) -> Generator[None, None, CheckReport]:
    """:func:`run_checks` as a generator that yields between checks (and between registers
    in the numbering check)."""
    steps: list[tuple[str, Step]] = []
    if full and store.is_sqlite:
        steps += [
            ("integrity", lambda: _integrity(store)),
            ("pages", lambda: _pages(store)),
            ("foreign_keys", lambda: _foreign_keys(store)),
        ]
    steps += [
        ("numbering", lambda: numbering(store)),
        ("audit", lambda: _audit(store, full)),
    ]
    steps += [("extra", f) for f in extra or []]
    if only is not None:
        steps = [(name, step) for name, step in steps if name in only]
    findings: list[Finding] = []
    for i, (name, step) in enumerate(steps):
        if report is not None:
            report(i, len(steps))
        try:
            found = step()
            if isinstance(found, Generator):
                found = yield from found
            findings += found
        except Exception as exc:  # a check that cannot run is itself a finding
            from civreg.errors import plain_error

            plain = plain_error(exc, store_path=store.path)
            why: object = (
                Msg(f"check.cause.{plain.key}") if plain is not None else type(exc).__name__
            )
            if plain is not None and not has(f"check.cause.{plain.key}"):
                why = plain.message()
            findings.append(
                Finding(
                    name, FAIL, "check.error", {"what": Msg(f"check.name.{name}"), "detail": why}
                )
            )
        yield
    if report is not None:
        report(len(steps), len(steps))
    return CheckReport(tuple(findings), full)


def _pragma_rows(store: Store, sql: str) -> list[tuple]:
    with store.engine.connect() as conn:
        return [tuple(r) for r in conn.exec_driver_sql(sql)]


def _integrity(store: Store) -> list[Finding]:
    rows = [str(r[0]) for r in _pragma_rows(store, "PRAGMA integrity_check(100)")]
    if rows == ["ok"]:
        return [Finding("integrity", OK, "check.integrity.ok")]
    # SQLite may put several problems in one row, one per line, after a heading line.
    lines = [ln for row in rows for ln in row.splitlines() if ln.strip() and "***" not in ln]
    first = lines[0] if lines else rows[0]
    return [
        Finding("integrity", FAIL, "check.integrity.fail", {"count": len(lines), "first": first})
    ]


def _pages(store: Store) -> list[Finding]:
    rows = [str(r[0]) for r in _pragma_rows(store, "PRAGMA cipher_integrity_check")]
    if not rows:
        return [Finding("pages", OK, "check.pages.ok")]
    return [Finding("pages", FAIL, "check.pages.fail", {"count": len(rows), "first": rows[0]})]


def _foreign_keys(store: Store) -> list[Finding]:
    by_table: dict[str, int] = {}
    for row in _pragma_rows(store, "PRAGMA foreign_key_check"):
        by_table[str(row[0])] = by_table.get(str(row[0]), 0) + 1
    if not by_table:
        return [Finding("foreign_keys", OK, "check.fk.ok")]
    return [
        Finding("foreign_keys", FAIL, "check.fk.fail", {"table": table, "count": n})
        for table, n in sorted(by_table.items())
    ]


def _public_keys(s: Session) -> dict[str, object]:
    office = s.scalar(select(Office))
    keys: dict[str, object] = {
        k.key_id: load_public(k.public_key)
        for k in s.scalars(select(OwnKey))
        if k.status != "pending"
    }
    if office is not None:
        keys[office.key_id] = load_public(office.public_key)
    return keys


def _audit(store: Store, full: bool) -> list[Finding]:
    with store.read() as s:
        keys = _public_keys(s)
        if full:
            r = audit.verify(s, keys, require_seals=is_protected(s))  # type: ignore[arg-type]
            if r.ok:
                return [
                    Finding("audit", OK, "check.audit.ok", {"entries": r.entries, "seals": r.seals})
                ]
            return [_audit_broken(r.first_broken_seq, r.problem)]
        return _audit_tail(s, keys)


def _audit_broken(seq: int | None, problem: str) -> Finding:
    return Finding(
        "audit", FAIL, "check.audit.fail", {"seq": seq, "why": Msg(f"check.why.{problem}")}
    )


def _audit_tail(s: Session, keys: dict[str, object]) -> list[Finding]:
    """The last seal's signature, and the chain from the sealed entry to the newest one."""
    seal = s.scalar(select(AuditSeal).order_by(AuditSeal.id.desc()).limit(1))
    sealed_start = seal is not None
    newest = s.scalar(select(AuditEntry.seq).order_by(AuditEntry.seq.desc()).limit(1)) or 0
    if seal is not None and seal.seq < newest - TAIL_ENTRIES:
        sealed = s.get(AuditEntry, seal.seq)
        if sealed is None or sealed.entry_hash != seal.head_hash:
            return [_audit_broken(seal.seq, "edited" if sealed else "truncated")]
        seal = None  # checked; now the newest entries only
    start = max(1, newest - TAIL_ENTRIES)
    if seal is not None:
        key = keys.get(seal.key_id)
        try:
            if key is None:
                raise InvalidSignature
            key.verify(  # type: ignore[attr-defined]
                seal.signature,
                audit.seal_message(seal.from_seq, seal.seq, seal.head_hash, seal.reason),
            )
        except InvalidSignature:
            return [_audit_broken(seal.seq, "bad_seal")]
        start = seal.seq
    entries = s.scalars(
        select(AuditEntry).where(AuditEntry.seq >= start).order_by(AuditEntry.seq)
    ).all()
    if seal is not None and (not entries or entries[0].seq != seal.seq):
        return [_audit_broken(seal.seq, "truncated")]
    if seal is not None and entries[0].entry_hash != seal.head_hash:
        return [_audit_broken(seal.seq, "edited")]
    prev = entries[0].prev_hash if entries else audit.GENESIS
    expected = entries[0].seq if entries else start
    for e in entries:
        if e.seq != expected or e.prev_hash != prev:
            return [_audit_broken(expected, "missing_or_reordered")]
        if audit._entry_digest(e) != e.entry_hash:
            return [_audit_broken(e.seq, "edited")]
        prev, expected = e.entry_hash, e.seq + 1
    key = "check.audit.tail_ok" if sealed_start else "check.audit.tail_unsealed"
    return [Finding("audit", OK, key, {"entries": len(entries)})]
