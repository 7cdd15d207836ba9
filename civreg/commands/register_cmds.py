"""``civreg register list|start|close``: the registers of the office."""

from __future__ import annotations

import argparse
import dataclasses
from datetime import date
from typing import TYPE_CHECKING

from civreg.commands.common import add_store, add_user, emit_json, opened
from civreg.domain.acts import ActKind
from civreg.i18n import register, t

if TYPE_CHECKING:
    from civreg.services.registers import RegisterRow

register(
    {
        "cli.register.header": {
            "fr": "centre|registre|année|1er n°|prochain n°|actes|transcrits|état|clôture",
            "en": "centre|register|year|first no.|next no.|acts|transcribed|state|closing",
        },
        "cli.register.closable_now": {"fr": "possible dès maintenant", "en": "possible now"},
        "cli.register.closable_from": {"fr": "à partir du {day}", "en": "from {day}"},
        "cli.register.open": {"fr": "ouvert", "en": "open"},
        "cli.register.closed": {"fr": "clos le {day} par {who}", "en": "closed on {day} by {who}"},
        "cli.register.none": {"fr": "Aucun registre.", "en": "No register."},
        "cli.register.kind.birth": {"fr": "naissances", "en": "births"},
        "cli.register.kind.marriage": {"fr": "mariages", "en": "marriages"},
        "cli.register.kind.death": {"fr": "décès", "en": "deaths"},
        "cli.register.started": {
            "fr": "Registre {kind} {year} du centre {centre} : le prochain acte prendra le "
            "n° {number}.",
            "en": "Register of {kind} {year}, centre {centre}: the next act takes number {number}.",
        },
        "cli.register.closed_now": {
            "fr": "Registre {kind} {year} du centre {centre} clos.",
            "en": "Register of {kind} {year}, centre {centre} closed.",
        },
    }
)


def _where(p: argparse.ArgumentParser, *, required: bool) -> None:
    p.add_argument("--centre", help="centre code (default: the office's centre)")
    p.add_argument("--kind", choices=[k.value for k in ActKind], required=required)
    p.add_argument("--year", type=int, required=required)


def register_commands(sub: argparse._SubParsersAction) -> None:
    reg = sub.add_parser("register", help="registers: list, continue a paper register, close")
    rsub = reg.add_subparsers(dest="register_cmd", required=True)

    p = rsub.add_parser("list", help="the office's registers and their numbering")
    add_store(p)
    add_user(p)
    _where(p, required=False)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_list)

    p = rsub.add_parser(
        "start", help="continue a paper register: its next act takes --first-number"
    )
    add_store(p)
    add_user(p)
    _where(p, required=True)
    p.add_argument("--first-number", type=int, required=True)
    p.set_defaults(func=cmd_start)

    p = rsub.add_parser("close", help="close a year's register (registrar, from 31 December)")
    add_store(p)
    add_user(p)
    _where(p, required=True)
    p.set_defaults(func=cmd_close)

    from civreg.commands.year_end_cmds import register_year_end_commands

    register_year_end_commands(rsub)  # annual, second-original, verify-second-original


def _kind(kind: str) -> str:
    return t(f"cli.register.kind.{kind}")


def _closing(r: RegisterRow, today: date) -> str:
    """Whether the register can be closed today, or from which day (the service's rule)."""
    from civreg.domain.locale_text import date_text
    from civreg.services.registers import closable_from, close_refusal

    if r.closed:
        return "—"
    if close_refusal(r, today) is None:
        return t("cli.register.closable_now")
    return t("cli.register.closable_from", day=date_text(closable_from(r.year).isoformat()))


def cmd_list(args: argparse.Namespace) -> int:
    from civreg.services.registers import list_registers

    with opened(args) as ctx:
        rows = list_registers(ctx, centre=args.centre, kind=args.kind, year=args.year)
    if args.json:
        emit_json([{**dataclasses.asdict(r), "closed": r.closed} for r in rows])
        return 0
    if not rows:
        print(t("cli.register.none"))
        return 0
    table = [t("cli.register.header").split("|")]
    today = date.today()
    for r in rows:
        if r.closed_at:
            day = f"{r.closed_at[8:10]}/{r.closed_at[5:7]}/{r.closed_at[:4]}"
            state = t("cli.register.closed", day=day, who=r.closed_by)
        else:
            state = t("cli.register.open")
        nxt = "—" if r.closed else str(r.next_number)
        values = (r.centre, _kind(r.kind), r.year, r.first_number, nxt, r.acts, r.transcribed)
        table.append([*(str(v) for v in values), state, _closing(r, today)])
    widths = [max(len(row[i]) for row in table) for i in range(len(table[0]))]
    for row in table:
        print("  ".join(v.ljust(w) for v, w in zip(row, widths, strict=True)).rstrip())
    return 0


def cmd_start(args: argparse.Namespace) -> int:
    from civreg.services.registers import start_register

    with opened(args) as ctx:
        centre = args.centre or ctx.office.centre
        start_register(
            ctx, centre=centre, kind=args.kind, year=args.year, first_number=args.first_number
        )
    print(
        t(
            "cli.register.started",
            kind=_kind(args.kind),
            year=args.year,
            centre=centre,
            number=args.first_number,
        )
    )
    return 0


def cmd_close(args: argparse.Namespace) -> int:
    from civreg.services.registers import close_register

    with opened(args) as ctx:
        centre = args.centre or ctx.office.centre
        close_register(ctx, centre=centre, kind=args.kind, year=args.year)
    print(t("cli.register.closed_now", kind=_kind(args.kind), year=args.year, centre=centre))
    return 0
