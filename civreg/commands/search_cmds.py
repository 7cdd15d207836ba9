"""``civreg search``: ranked matches with their global identifiers; kinds, roles and dates in
the user's language (``--json`` keeps the codes and ISO dates)."""

from __future__ import annotations

import argparse
from dataclasses import asdict

from civreg.commands.common import add_store, add_user, emit_json, opened
from civreg.i18n import register, t

register(
    {
        "cli.search.none": {"fr": "Aucun acte trouvé.", "en": "No act found."},
        "cli.search.count": {
            "fr": "{shown} acte(s) affiché(s) sur {total}{more}.",
            "en": "{shown} act(s) shown of {total}{more}.",
        },
        "cli.search.more": {
            "fr": " (au moins : précisez la recherche)",
            "en": " (at least: refine the search)",
        },
        "cli.search.draft": {"fr": "(brouillon)", "en": "(draft)"},
        "cli.search.via": {"fr": "{role} : {name}", "en": "{role}: {name}"},
        "cli.search.by_given_name": {
            "fr": "Aucun nom de famille proche ces jours-là : voici les personnes de ces jours"
            " qui portent le prénom demandé.",
            "en": "No close family name on those days: here are the persons of those days who"
            " bear the given name asked.",
        },
    }
)


def register_commands(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "search",
        help="find acts by name (any spelling), date, number or global identifier",
    )
    add_store(p)
    add_user(p)
    p.add_argument("query", nargs="+", help="e.g. OUEDRAOGO Aminata 2015, 12/03/2024, 0038/2025")
    p.add_argument("--json", action="store_true")
    p.add_argument("--limit", type=int, default=20)
    p.add_argument("--offset", type=int, default=0)
    p.set_defaults(func=cmd_search)


def cmd_search(args: argparse.Namespace) -> int:
    from civreg.commands.act_text import coded
    from civreg.domain.field_labels import field_label
    from civreg.domain.locale_text import date_text, decimal_text
    from civreg.services.search import search

    with opened(args) as ctx:
        page = search(ctx, " ".join(args.query), limit=args.limit, offset=args.offset)
    if args.json:
        emit_json(
            {
                "total": page.total,
                "offset": page.offset,
                "limit": page.limit,
                "truncated": page.truncated,
                "by_given_name": page.by_given_name,
                "hits": [asdict(h) for h in page.hits],
            }
        )
        return 0
    if not page.hits:
        print(t("cli.search.none"))
        return 0
    if page.by_given_name:
        print(t("cli.search.by_given_name"))
    for h in page.hits:
        ident = h.global_id or f"#{h.act_id} {t('cli.search.draft')}"
        via = (
            "  [" + t("cli.search.via", role=field_label(h.matched_role), name=h.matched_name) + "]"
            if h.matched_role not in ("", "child", "deceased", "spouse1")
            else ""
        )
        kind = coded("cli.show.kind", h.kind)
        print(
            f"{decimal_text(h.score):>6}  {ident:28}  {kind:9}  {date_text(h.event_date):10}"
            f"  {h.subject}{via}"
        )
    more = t("cli.search.more") if page.truncated else ""
    print(t("cli.search.count", shown=len(page.hits), total=page.total, more=more))
    return 0
