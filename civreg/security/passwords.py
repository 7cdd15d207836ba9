"""The password policy: at least 10 characters, not guessable, not the user's own names.

Guessability is judged by zxcvbn (Dropbox's estimator, kept up by its maintainers): it knows
common passwords, keyboard runs, repeats, dates and words, and is given the account's own
name, full name and office as words to avoid. A score of 3 ("safely unguessable: moderate
protection from an offline slow-hash scenario") is required. Demo stores (marked demo, their
copies print SPECIMEN) keep their documented password ``demo``: the policy does not apply to
them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from civreg.errors import CivregError
from civreg.i18n import register

MIN_LENGTH = 10
MIN_SCORE = 3
# Words every office would try first; zxcvbn's own lists are English.
LOCAL_WORDS = (
    "civreg",
    "etatcivil",
    "état civil",
    "motdepasse",
    "mot de passe",
    "azerty",
    "qwertz",
    "bonjour",
    "soleil",
    "burkina",
    "burkinafaso",
    "faso",
    "ouagadougou",
    "ouaga",
    "bobo",
    "koudougou",
    "congo",
    "rdc",
    "kinshasa",
    "lubumbashi",
    "mairie",
    "commune",
    "registre",
    "naissance",
    "mariage",
    "deces",
    "officier",
    "secretaire",
    "administrateur",
    "admin",
    "password",
)

register(
    {
        "password.too_short": {
            "fr": "Le mot de passe doit contenir au moins {min} caractères.",
            "en": "The password must have at least {min} characters.",
        },
        "password.contains_name": {
            "fr": "Le mot de passe ne doit pas contenir le nom de l'utilisateur.",
            "en": "The password must not contain the user's name.",
        },
        "password.guessable": {
            "fr": "Ce mot de passe est trop facile à deviner (mot courant, suite de touches, "
            "date, répétition…). Choisissez par exemple trois ou quatre mots sans rapport, "
            "séparés par des tirets.",
            "en": "This password is too easy to guess (common word, keyboard run, date, "
            "repetition…). Choose for example three or four unrelated words joined by "
            "hyphens.",
        },
        "password.empty": {
            "fr": "Le mot de passe ne peut pas être vide.",
            "en": "The password cannot be empty.",
        },
    }
)


class WeakPassword(CivregError):
    key = "password.guessable"


def _name_parts(names: Iterable[str]) -> list[str]:
    parts: list[str] = []
    for name in names:
        for piece in re.split(r"[\s._\-']+", (name or "").lower()):
            if len(piece) >= 3:
                parts.append(piece)
        if name and len(name) >= 3:
            parts.append(name.lower())
    return parts


def check_password(
    password: str,
    *,
    username: str = "",
    full_name: str = "",
    context: Iterable[str] = (),
    demo: bool = False,
) -> None:
    """Raise WeakPassword (with a message a user can act on) unless ``password`` is allowed.

    ``context``: other words this office's people would try (office name, commune)."""
    if not password:
        raise WeakPassword("password.empty")
    if demo:
        return
    if len(password) < MIN_LENGTH:
        raise WeakPassword("password.too_short", min=MIN_LENGTH)
    own = _name_parts([username, full_name])
    low = password.lower()
    if any(part in low for part in own):
        raise WeakPassword("password.contains_name")
    from zxcvbn import zxcvbn  # type: ignore[import-untyped]

    words = [*own, *_name_parts(context), *LOCAL_WORDS]
    # zxcvbn's cost grows with the length; the first 100 characters decide anyway.
    result = zxcvbn(password[:100], user_inputs=words)
    if int(result["score"]) < MIN_SCORE:
        raise WeakPassword("password.guessable")
