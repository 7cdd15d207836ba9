"""Shared pieces of the command line: store/user options, passwords, output, errors."""

from __future__ import annotations

import argparse
import contextlib
import getpass
import json
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from platformdirs import user_data_dir

from civreg.errors import CivregError
from civreg.i18n import register, t
from civreg.services.context import Ctx

register(
    {
        "cli.no_password": {
            "fr": "Mot de passe requis : saisissez-le ou définissez CIVREG_PASSWORD.",
            "en": "Password required: type it or set CIVREG_PASSWORD.",
        },
        "cli.password_prompt": {"fr": "Mot de passe de {user} : ", "en": "Password for {user}: "},
        "cli.password_repeat": {"fr": "Répétez le mot de passe : ", "en": "Repeat the password: "},
        "cli.password_mismatch": {
            "fr": "Les deux mots de passe diffèrent.",
            "en": "The two passwords differ.",
        },
        "cli.ok": {"fr": "Terminé.", "en": "Done."},
    }
)


def default_store() -> Path:
    return Path(os.environ.get("CIVREG_STORE") or Path(user_data_dir("civreg")) / "civreg.db")


def add_store(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--store",
        help="store file (or postgresql:// URL); default: $CIVREG_STORE or the user data dir",
    )


def add_user(p: argparse.ArgumentParser) -> None:
    p.add_argument("--user", help="account name (default: the only administrator)")


def store_location(args: argparse.Namespace) -> str:
    return str(args.store) if args.store else str(default_store())


def read_password(user: str, *, confirm: bool = False, env: str = "CIVREG_PASSWORD") -> str:
    value = os.environ.get(env)
    if value is not None:
        return value
    if not sys.stdin.isatty():
        raise CivregError("cli.no_password")
    pw = getpass.getpass(t("cli.password_prompt", user=user))
    if confirm and getpass.getpass(t("cli.password_repeat")) != pw:
        raise CivregError("cli.password_mismatch")
    return pw


def open_ctx(args: argparse.Namespace) -> Ctx:
    from civreg.services.store_access import login

    user = args.user or "admin"
    return login(store_location(args), user, read_password(user))


@contextlib.contextmanager
def opened(args: argparse.Namespace) -> Iterator[Ctx]:
    """The logged-in context for one command, closed whatever happens."""
    ctx = open_ctx(args)
    try:
        yield ctx
    finally:
        ctx.close()


def emit_json(data: Any) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2, default=str)
    sys.stdout.write("\n")


def fail(exc: CivregError) -> int:
    sys.stderr.write(exc.message().rstrip() + "\n")
    return 1
