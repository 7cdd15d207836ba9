"""``civreg gui``: the desktop client (the default when no command is given)."""

from __future__ import annotations

import argparse
from pathlib import Path

from civreg.commands.common import default_store


def register_commands(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("gui", help="open the desktop client (first-run wizard if no store)")
    p.add_argument(
        "--store",
        help="store file or postgresql:// URL (district); default: $CIVREG_STORE or the "
        "user data dir",
    )
    p.add_argument("--settings", help="settings file (INI) instead of the user's settings")
    p.set_defaults(func=cmd_gui)


def cmd_gui(args: argparse.Namespace) -> int:
    from civreg.locations import store_location
    from civreg.ui.app import run

    store = store_location(args.store) if args.store else None
    if store is None:
        from civreg.ui.settings import STORE_LOCATION, Settings

        remembered = Settings(args.settings).get(STORE_LOCATION)
        store = store_location(remembered) if remembered else default_store()
    settings = Path(args.settings) if args.settings else None
    return run(store, settings, getattr(args, "lang", None))
