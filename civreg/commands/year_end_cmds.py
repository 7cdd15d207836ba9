"""The year end on the command line: ``civreg tables`` (annual and ten-year tables),
``civreg register annual`` (the annual register), ``civreg register second-original`` and
``civreg register verify-second-original``."""

from __future__ import annotations

import argparse
from pathlib import Path

from civreg.commands.common import add_store, add_user, emit_json, opened
from civreg.domain.acts import ActKind
from civreg.i18n import register, t

register(
    {
        "cli.yearend.tables": {
            "fr": "{pages} page(s) écrite(s) dans {path} ({counts}).",
            "en": "{pages} page(s) written to {path} ({counts}).",
        },
        "cli.yearend.annual": {
            "fr": "Registre de {year} : {acts} acte(s), {pages} page(s) écrite(s) dans {path}.",
            "en": "Register of {year}: {acts} act(s), {pages} page(s) written to {path}.",
        },
        "cli.yearend.second": {
            "fr": "Second original de {year} écrit dans {path} : {registers}. Fichiers signés "
            "par la clé du bureau {key}.",
            "en": "Second original of {year} written to {path}: {registers}. Files signed "
            "with the office key {key}.",
        },
        "cli.yearend.valid": {
            "fr": "VALIDE : second original du bureau {office}, signé par une clé de confiance ; "
            "{registers}.",
            "en": "VALID: second original of office {office}, signed with a trusted key; "
            "{registers}.",
        },
        "cli.yearend.register": {
            "fr": "{kind} {year} ({acts} actes)",
            "en": "{kind} {year} ({acts} acts)",
        },
        "cli.yearend.invalid": {
            "fr": "INVALIDE (bureau {office}, {status}) :",
            "en": "INVALID (office {office}, {status}):",
        },
        "cli.yearend.kind.birth": {"fr": "naissances", "en": "births"},
        "cli.yearend.kind.marriage": {"fr": "mariages", "en": "marriages"},
        "cli.yearend.kind.death": {"fr": "décès", "en": "deaths"},
        # what the office's key is, for the reader of the verification
        "cli.yearend.key.trusted": {"fr": "clé de confiance", "en": "trusted key"},
        "cli.yearend.key.unknown_office": {
            "fr": "bureau absent des clés de confiance",
            "en": "office not among the trusted keys",
        },
        "cli.yearend.key.unknown_key": {
            "fr": "clé inconnue pour ce bureau",
            "en": "key unknown for this office",
        },
        "cli.yearend.key.revoked": {"fr": "clé révoquée", "en": "revoked key"},
        "cli.yearend.key.none": {"fr": "clé non lue", "en": "key not read"},
        # the problems civreg.sync.second_original finds, one line each
        "cli.yearend.problem.records_unreadable": {
            "fr": "{file} : actes illisibles",
            "en": "{file}: acts unreadable",
        },
        "cli.yearend.problem.count_mismatch": {
            "fr": "{file} : le nombre d'actes diffère du manifeste",
            "en": "{file}: the number of acts differs from the manifest",
        },
        "cli.yearend.problem.number_missing": {
            "fr": "{file} : un acte sans numéro",
            "en": "{file}: an act without a number",
        },
        "cli.yearend.problem.numbers_not_consecutive": {
            "fr": "{file} : les numéros ne se suivent pas",
            "en": "{file}: the numbers do not follow each other",
        },
        "cli.yearend.problem.numbers_mismatch": {
            "fr": "{file} : premier ou dernier numéro différent du manifeste",
            "en": "{file}: first or last number differs from the manifest",
        },
        "cli.yearend.problem.year_mismatch": {
            "fr": "{file} : un acte d'une autre année",
            "en": "{file}: an act of another year",
        },
        "cli.yearend.problem.content_hash_mismatch": {
            "fr": "{file} : le contenu de l'acte {act} ne correspond plus à son empreinte",
            "en": "{file}: the content of act {act} no longer matches its fingerprint",
        },
        "cli.yearend.problem.manifest_unreadable": {
            "fr": "{file} : manifeste illisible",
            "en": "{file}: manifest unreadable",
        },
        "cli.yearend.problem.not_a_second_original": {
            "fr": "{file} : ce n'est pas le manifeste d'un second original",
            "en": "{file}: not the manifest of a second original",
        },
        "cli.yearend.problem.unsupported_version": {
            "fr": "{file} : version de format non prise en charge",
            "en": "{file}: format version not supported",
        },
        "cli.yearend.problem.missing": {
            "fr": "{file} : fichier manquant",
            "en": "{file}: file missing",
        },
        "cli.yearend.problem.hash_mismatch": {
            "fr": "{file} : fichier modifié depuis sa signature",
            "en": "{file}: file changed since it was signed",
        },
        "cli.yearend.problem.unlisted": {
            "fr": "{file} : fichier absent du manifeste",
            "en": "{file}: file not listed in the manifest",
        },
        "cli.yearend.problem.signature_unreadable": {
            "fr": "{file} : signature illisible",
            "en": "{file}: signature unreadable",
        },
        "cli.yearend.problem.signature_mismatch": {
            "fr": "{file} : la signature est celle d'un autre fichier ou d'un autre bureau",
            "en": "{file}: the signature belongs to another file or office",
        },
        "cli.yearend.problem.bad_signature": {
            "fr": "{file} : signature invalide",
            "en": "{file}: invalid signature",
        },
        "cli.yearend.problem.key": {
            "fr": "{file} : signé par une clé qui n'est pas de confiance ({status})",
            "en": "{file}: signed with a key that is not trusted ({status})",
        },
        "cli.yearend.need_year": {
            "fr": "Indiquez --year (table annuelle) ou --decade (table décennale).",
            "en": "Give --year (annual table) or --decade (ten-year table).",
        },
    }
)

KIND_CHOICES = [k.value for k in ActKind]


def register_commands(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("tables", help="annual or ten-year alphabetical tables of the registers")
    add_store(p)
    add_user(p)
    p.add_argument("--year", type=int, help="the annual table of this year")
    p.add_argument("--decade", type=int, help="the ten-year table from this year (D to D+9)")
    p.add_argument("--kind", choices=KIND_CHOICES, action="append", help="default: all three")
    p.add_argument("--centre", help="centre code (default: the office's centre)")
    p.add_argument("--out", type=Path, required=True)
    p.add_argument("--json", action="store_true", help="also print the entries as JSON")
    p.set_defaults(func=cmd_tables)


def register_year_end_commands(rsub: argparse._SubParsersAction) -> None:
    """Subcommands of ``civreg register`` (called by :mod:`civreg.commands.register_cmds`)."""
    p = rsub.add_parser("annual", help="the annual register of a year as PDF (with its table)")
    add_store(p)
    add_user(p)
    p.add_argument("--year", type=int, required=True)
    p.add_argument("--kind", choices=KIND_CHOICES, required=True)
    p.add_argument("--centre", help="centre code (default: the office's centre)")
    p.add_argument("--out", type=Path, required=True)
    p.set_defaults(func=cmd_annual)

    p = rsub.add_parser(
        "second-original", help="the closed year's registers for the court registry (signed)"
    )
    add_store(p)
    add_user(p)
    p.add_argument("--year", type=int, required=True)
    p.add_argument("--kind", choices=KIND_CHOICES, action="append", help="default: all three")
    p.add_argument("--centre", help="centre code (default: the office's centre)")
    p.add_argument("--out", type=Path, required=True, help="a new or empty folder")
    p.set_defaults(func=cmd_second_original)

    p = rsub.add_parser(
        "verify-second-original", help="check a second original's signatures and files"
    )
    p.add_argument("folder", type=Path)
    p.add_argument("--trust", type=Path, required=True, help="office public keys (file or folder)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_verify)


def _kinds(args: argparse.Namespace) -> tuple[str, ...]:
    return tuple(args.kind) if args.kind else ("birth", "marriage", "death")


def cmd_tables(args: argparse.Namespace) -> int:
    from civreg.errors import CivregError
    from civreg.services.year_end import alphabetical_tables

    if (args.year is None) == (args.decade is None):
        raise CivregError("cli.yearend.need_year")
    with opened(args) as ctx:
        result = alphabetical_tables(
            ctx,
            year=args.year,
            decade=args.decade,
            kinds=_kinds(args),
            centre=args.centre,
            out=args.out,
        )
    counts = ", ".join(
        f"{s.title} : {sum(1 for e in s.entries if e.main)}" for s in result.sections
    )
    print(t("cli.yearend.tables", pages=result.pages, path=args.out, counts=counts))
    if args.json:
        emit_json(
            [
                {"title": s.title, "entries": [e.__dict__ for e in s.entries]}
                for s in result.sections
            ]
        )
    return 0


def cmd_annual(args: argparse.Namespace) -> int:
    from civreg.services.year_end import annual_register

    with opened(args) as ctx:
        doc = annual_register(ctx, year=args.year, kind=args.kind, centre=args.centre, out=args.out)
    print(t("cli.yearend.annual", year=args.year, acts=doc.acts, pages=doc.pages, path=args.out))
    return 0


def cmd_second_original(args: argparse.Namespace) -> int:
    from civreg.services.year_end_court import second_original

    with opened(args) as ctx:
        result = second_original(
            ctx, year=args.year, out_dir=args.out, centre=args.centre, kinds=_kinds(args)
        )
        key = ctx.office.key_id
    registers = ", ".join(
        f"{t(f'cli.yearend.kind.{kind}')} {acts}" for kind, _year, acts in result.registers
    )
    print(t("cli.yearend.second", year=args.year, path=args.out, registers=registers, key=key))
    return 0


def cmd_verify(args: argparse.Namespace) -> int:
    from civreg.commands.certificate_cmds import load_trust
    from civreg.sync.second_original import verify_folder

    verdict = verify_folder(args.folder, load_trust(args.trust))
    if args.json:
        emit_json(
            {
                "ok": verdict.ok,
                "office_id": verdict.office_id,
                "key_status": verdict.key_status,
                "registers": verdict.registers,
                "problems": verdict.problems,
            }
        )
    elif verdict.ok:
        registers = ", ".join(
            t(
                "cli.yearend.register",
                kind=t(f"cli.yearend.kind.{r['kind']}"),
                year=r["year"],
                acts=r["acts"],
            )
            for r in verdict.registers
        )
        print(t("cli.yearend.valid", office=verdict.office_id, registers=registers))
    else:
        status = _key_status(verdict.key_status)
        print(t("cli.yearend.invalid", office=verdict.office_id or "?", status=status))
        for problem in verdict.problems:
            print(f"  {problem_text(problem)}")
    return 0 if verdict.ok else 1


def _key_status(code: str | None) -> str:
    known = ("trusted", "unknown_office", "unknown_key", "revoked")
    return t(f"cli.yearend.key.{code}" if code in known else "cli.yearend.key.none")


def problem_text(problem: str) -> str:
    """One problem of :func:`civreg.sync.second_original.verify_folder` in words
    (``code:file`` or ``code:file:act``; the codes stay in ``--json``)."""
    code, _, rest = problem.partition(":")
    file, _, act = rest.partition(":")
    if code.startswith("key_"):
        return t("cli.yearend.problem.key", file=file, status=_key_status(code[4:]))
    key = f"cli.yearend.problem.{code}"
    text = t(key, file=file, act=act)
    return problem if text.startswith(key) else text  # a code this version does not know
