"""``civreg stats``: vital statistics on the terminal (text, JSON, CSV), the PDF report, the
DHIS2 data value set, the statistical office's CSV tables; ``civreg stats expected`` (births
expected per commune) and ``civreg stats dhis2-mapping``."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from civreg.commands.common import add_store, add_user, emit_json, opened
from civreg.domain.vital_stats import StatsFilter
from civreg.errors import CivregError
from civreg.i18n import register, t

register(
    {
        "cli.stats.bad_date": {
            "fr": "Date invalide pour {option} : saisir AAAA-MM-JJ (ou une année AAAA).",
            "en": "Invalid date for {option}: type YYYY-MM-DD (or a year YYYY).",
        },
        "cli.stats.bad_range": {
            "fr": "La date de début ({start}) suit la date de fin ({end}).",
            "en": "The start date ({start}) is after the end date ({end}).",
        },
        "cli.stats.wrote": {"fr": "{what} écrit : {path}", "en": "{what} written: {path}"},
        "cli.stats.report": {"fr": "Rapport ({pages} page(s))", "en": "Report ({pages} page(s))"},
        "cli.stats.dhis2": {
            "fr": "Lot DHIS2 ({values} valeur(s), {hidden} masquée(s) par le secret statistique)",
            "en": "DHIS2 data value set ({values} value(s), {hidden} withheld as small cells)",
        },
        "cli.stats.month_unknown": {
            "fr": "{count} acte(s) dont le mois de l'événement est inconnu ne figurent pas dans "
            "l'export mensuel (utilisez une correspondance annuelle pour les inclure).",
            "en": "{count} act(s) whose event month is unknown are left out of the monthly "
            "export (use a yearly mapping to include them).",
        },
        "cli.stats.unmapped": {
            "fr": "Sans correspondance DHIS2 : {items}.",
            "en": "No DHIS2 mapping for: {items}.",
        },
        "cli.stats.tables": {
            "fr": "{count} tableau(x) CSV ({hidden} case(s) masquée(s))",
            "en": "{count} CSV table(s) ({hidden} cell(s) withheld)",
        },
        "cli.stats.expected_set": {
            "fr": "Naissances attendues en {year} dans la commune {commune} : {births}.",
            "en": "Expected births in {year} in commune {commune}: {births}.",
        },
        "cli.stats.expected_row": {
            "fr": "{commune}  {year}  {births} naissance(s) attendue(s){basis}",
            "en": "{commune}  {year}  {births} birth(s) expected{basis}",
        },
        "cli.stats.expected_basis": {"fr": " — base : {basis}", "en": " — basis: {basis}"},
        "cli.stats.mapping_set": {
            "fr": "Correspondance DHIS2 enregistrée ({count} élément(s) de données).",
            "en": "DHIS2 mapping saved ({count} data element(s)).",
        },
        "cli.stats.mapping_reset": {
            "fr": "Correspondance DHIS2 par défaut rétablie.",
            "en": "Default DHIS2 mapping restored.",
        },
        "cli.stats.unreadable": {
            "fr": "Fichier illisible : {path}.",
            "en": "Unreadable file: {path}.",
        },
    }
)


def _filter_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--from", dest="date_from", help="first day of the events (YYYY-MM-DD or YYYY)")
    p.add_argument("--to", dest="date_to", help="last day of the events (YYYY-MM-DD or YYYY)")
    p.add_argument("--year", type=int, help="one calendar year (instead of --from/--to)")
    p.add_argument("--centre", help="one centre's acts only")
    p.add_argument("--commune", help="one commune's acts only (district and national stores)")


def register_commands(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "stats",
        help="vital statistics: counts, PDF report, DHIS2 and statistical office exports",
    )
    add_store(p)
    add_user(p)
    _filter_options(p)
    out = p.add_mutually_exclusive_group()
    out.add_argument("--json", action="store_true", help="every table as JSON on stdout")
    out.add_argument("--csv", action="store_true", help="every table as CSV on stdout")
    p.add_argument(
        "--suppress", action="store_true", help="withhold counts 1-4 on stdout too (as exports)"
    )
    p.add_argument("--pdf", type=Path, help="write the PDF report with charts")
    p.add_argument(
        "--exact", action="store_true", help="the PDF report with exact counts (internal use)"
    )
    p.add_argument("--dhis2", type=Path, help="write the DHIS2 data value set (JSON)")
    p.add_argument("--mapping", type=Path, help="DHIS2 mapping file (default: the office's)")
    p.add_argument(
        "--tables", type=Path, help="write the statistical office's CSV tables into this folder"
    )
    p.set_defaults(func=cmd_stats)
    ssub = p.add_subparsers(dest="stats_cmd")

    e = ssub.add_parser("expected", help="births expected per commune and year (completeness)")
    esub = e.add_subparsers(dest="expected_cmd", required=True)
    s = esub.add_parser("set", help="set the births expected in a commune for a year")
    add_store(s)
    add_user(s)
    s.add_argument("--commune", required=True)
    s.add_argument("--year", type=int, required=True)
    s.add_argument("--births", type=int, help="the expected count")
    s.add_argument("--population", type=int, help="the commune's population")
    s.add_argument("--rate", type=float, help="crude birth rate, births per 1,000 inhabitants")
    s.add_argument("--source", default="", help="where the figures come from (census…)")
    s.set_defaults(func=cmd_expected_set)
    s = esub.add_parser("list", help="the expected births set so far")
    add_store(s)
    add_user(s)
    s.add_argument("--json", action="store_true")
    s.set_defaults(func=cmd_expected_list)

    m = ssub.add_parser("dhis2-mapping", help="the office's DHIS2 mapping (docs/statistics.md)")
    add_store(m)
    add_user(m)
    g = m.add_mutually_exclusive_group(required=True)
    g.add_argument("--set", type=Path, dest="set_file", help="a TOML mapping file")
    g.add_argument("--reset", action="store_true", help="back to the shipped mapping")
    g.add_argument("--show", action="store_true", help="print the mapping in use")
    m.set_defaults(func=cmd_mapping)


def _day(value: str | None, option: str, end: bool) -> str | None:
    if not value:
        return None
    v = value.strip()
    if len(v) == 4 and v.isdigit():
        return f"{v}-12-31" if end else f"{v}-01-01"
    try:
        return dt.date.fromisoformat(v).isoformat()
    except ValueError:
        raise CivregError("cli.stats.bad_date", option=option) from None


def stats_filter(args: argparse.Namespace) -> StatsFilter:
    start = _day(args.date_from, "--from", False)
    end = _day(args.date_to, "--to", True)
    if args.year:
        start, end = _day(str(args.year), "--year", False), _day(str(args.year), "--year", True)
    if start and end and start > end:
        raise CivregError("cli.stats.bad_range", start=start, end=end)
    return StatsFilter(start, end, args.centre or None, args.commune or None)


def _print_text(stats, tables, lang: str | None) -> None:
    from civreg.domain.stats_formats import table_rows

    for table in tables:
        if table.empty and table.key != "summary":
            continue
        rows = table_rows(table, lang)
        widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
        print(table.title)
        for r in rows:
            cells = [r[1].ljust(widths[1])] + [
                v.rjust(w) for v, w in zip(r[2:], widths[2:], strict=True)
            ]
            print("  " + "  ".join(cells))
        print()


def cmd_stats(args: argparse.Namespace) -> int:
    from civreg.domain.stats_formats import table_csv
    from civreg.domain.vital_tables import publishable, standard_tables
    from civreg.i18n import get_language
    from civreg.services.statistics import vital_statistics
    from civreg.services.statistics_export import (
        export_dhis2,
        export_report_pdf,
        export_tables_csv,
        statistics_json,
    )

    lang = get_language()
    f = stats_filter(args)
    with opened(args) as ctx:
        stats = vital_statistics(ctx, f)
        wrote = False
        if args.pdf:
            r = export_report_pdf(ctx, f, args.pdf, suppress=not args.exact, stats=stats, lang=lang)
            print(t("cli.stats.wrote", what=t("cli.stats.report", pages=r.values), path=args.pdf))
            wrote = True
        if args.dhis2:
            mapping = None
            if args.mapping:
                from civreg.domain.dhis2 import load_mapping

                mapping = load_mapping(_read(args.mapping), str(args.mapping.name))
            r = export_dhis2(ctx, f, args.dhis2, mapping=mapping, stats=stats)
            what = t("cli.stats.dhis2", values=r.values, hidden=r.suppressed)
            print(t("cli.stats.wrote", what=what, path=args.dhis2))
            if r.month_unknown:
                print(t("cli.stats.month_unknown", count=r.month_unknown), file=sys.stderr)
            if r.unmapped:
                items = ", ".join(f"{name} ({n})" for name, n in r.unmapped)
                print(t("cli.stats.unmapped", items=items), file=sys.stderr)
            wrote = True
        if args.tables:
            r = export_tables_csv(ctx, f, args.tables, stats=stats, lang=lang)
            what = t("cli.stats.tables", count=r.values, hidden=r.suppressed)
            print(t("cli.stats.wrote", what=what, path=args.tables))
            wrote = True
        if args.json:
            emit_json(statistics_json(ctx, stats, suppress=args.suppress, lang=lang))
        elif args.csv:
            for table in standard_tables(stats, lang):
                shown = publishable(table) if args.suppress else table
                sys.stdout.write(f"# {shown.key}\n")
                sys.stdout.write(table_csv(shown, lang, bom=False))
                sys.stdout.write("\n")
        elif not wrote:
            tables = standard_tables(stats, lang)
            if args.suppress:
                tables = [publishable(tb) for tb in tables]
            _print_text(stats, tables, lang)
    return 0


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        raise CivregError("cli.stats.unreadable", path=path) from None


def cmd_expected_set(args: argparse.Namespace) -> int:
    from civreg.services.statistics_settings import set_expected_births

    with opened(args) as ctx:
        row = set_expected_births(
            ctx,
            args.commune,
            args.year,
            births=args.births,
            population=args.population,
            rate_per_1000=args.rate,
            source=args.source,
        )
    from civreg.domain.locale_text import number_text

    births = number_text(row.births)
    print(t("cli.stats.expected_set", year=row.year, commune=row.commune, births=births))
    return 0


def cmd_expected_list(args: argparse.Namespace) -> int:
    from civreg.services.statistics_settings import list_expected_births

    with opened(args) as ctx:
        rows = list_expected_births(ctx)
    if args.json:
        emit_json([r.__dict__ for r in rows])
    else:
        from civreg.domain.locale_text import number_text

        for r in rows:
            basis = t("cli.stats.expected_basis", basis=r.basis) if r.basis else ""
            births = number_text(r.births)
            print(
                t(
                    "cli.stats.expected_row",
                    commune=r.commune,
                    year=r.year,
                    births=births,
                    basis=basis,
                )
            )
    return 0


def cmd_mapping(args: argparse.Namespace) -> int:
    from civreg.services.statistics_export import office_mapping, set_dhis2_mapping

    with opened(args) as ctx:
        if args.show:
            mapping = office_mapping(ctx)
            emit_json(
                {
                    "source": mapping.source,
                    "id_scheme": mapping.id_scheme,
                    "period_type": mapping.period_type,
                    "data_elements": [
                        {"name": e.name, "id": e.id, "kind": e.kind, "by": list(e.by)}
                        for e in mapping.elements
                    ],
                }
            )
            return 0
        if args.reset:
            set_dhis2_mapping(ctx, None)
            print(t("cli.stats.mapping_reset"))
            return 0
        mapping = set_dhis2_mapping(ctx, _read(args.set_file))
    print(t("cli.stats.mapping_set", count=len(mapping.elements)))
    return 0
