"""The ``civreg`` command: one entry point, subcommands over the same services as the GUI.

Exit status: 0 success, 1 input or credentials rejected, or the disk or the store failed (one
plain line on stderr, never a traceback; ``CIVREG_DEBUG=1`` shows it to a developer), 2 usage
error.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from civreg import oplog
from civreg.errors import CivregError, plain_error

# Modules under civreg.commands that contribute subcommands (each has register_commands).
COMMAND_MODULES = (
    "store_cmds",
    "users_cmds",
    "demo_cmds",
    "gui_cmds",
    "acts_cmds",
    "audit_cmds",
    "certificate_cmds",
    "keys_cmds",
    "sync_cmds",
    "outbox_cmds",
    "search_cmds",
    "register_cmds",
    "stats_cmds",
    "year_end_cmds",
    "backup_cmds",
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="civreg", description="civreg civil status registry")
    parser.add_argument(
        "--lang",
        choices=["fr", "en"],
        help="language of messages and, for this session, of the client",
    )
    parser.add_argument(
        "-v",
        "--verbose",
        action="store_true",
        help="also print the operations log (one line per operation) on stderr",
    )
    sub = parser.add_subparsers(dest="command")
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(f"civreg.commands.{name}")
        except ModuleNotFoundError as exc:
            if exc.name == f"civreg.commands.{name}":
                continue  # not built yet
            raise
        module.register_commands(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    parser = build_parser()
    args = parser.parse_args(argv)
    oplog.configure(verbose=args.verbose)
    if args.lang:
        from civreg.i18n import set_language

        set_language(args.lang)
    if args.command is None:
        args = parser.parse_args(["gui", *(argv or [])])
    try:
        return int(args.func(args) or 0)
    except CivregError as exc:
        sys.stderr.write(exc.message().rstrip() + "\n")
        return 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # output piped into `head` and closed early
        sys.stderr.close()
        return 0
    except Exception as exc:  # never a traceback: it may hold personal data (SQL parameters)
        plain = plain_error(exc, store_path=_store_path(args), busy_seconds=_busy_seconds())
        if plain is None:
            if os.environ.get("CIVREG_DEBUG"):
                raise
            plain = CivregError("error.unexpected", kind=type(exc).__name__)
        sys.stderr.write(plain.message().rstrip() + "\n")
        return 1


def _store_path(args: argparse.Namespace) -> Path | None:
    store = getattr(args, "store", None)
    if not store or "://" in str(store):
        return None
    return Path(store)


def _busy_seconds() -> int:
    from civreg.models.engine import BUSY_TIMEOUT_MS

    return BUSY_TIMEOUT_MS // 1000


if __name__ == "__main__":
    sys.exit(main())
