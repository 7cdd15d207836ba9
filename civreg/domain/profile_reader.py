"""The profile error and the reader that checks raw TOML entries one by one.

Shared by :mod:`civreg.domain.profile_schema` and the modules that parse one part of a
profile (documents, law, mentions, special acts), which it imports none of.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from civreg.domain.acts import ActKind
from civreg.errors import CivregError
from civreg.i18n import register, t

register(
    {
        "profile.invalid": {
            "fr": "Profil de pays {file} invalide, entrée « {entry} » : {reason}",
            "en": 'Invalid country profile {file}, entry "{entry}": {reason}',
        },
        "profile.reason.not_found": {
            "fr": "profil introuvable.",
            "en": "profile not found.",
        },
        "profile.reason.bad_toml": {
            "fr": "syntaxe TOML incorrecte ({detail}).",
            "en": "bad TOML syntax ({detail}).",
        },
        "profile.reason.missing": {
            "fr": "entrée obligatoire absente.",
            "en": "required entry missing.",
        },
        "profile.reason.wrong_type": {
            "fr": "type attendu : {expected}.",
            "en": "expected type: {expected}.",
        },
        "profile.reason.negative": {
            "fr": "la valeur doit être positive ou nulle.",
            "en": "the value must not be negative.",
        },
        "profile.reason.unknown_key": {
            "fr": "entrée inconnue (faute de frappe ?).",
            "en": "unknown entry (typo?).",
        },
        "profile.reason.unknown_act_kind": {
            "fr": "type d'acte inconnu (birth, marriage ou death).",
            "en": "unknown act kind (birth, marriage or death).",
        },
        "profile.reason.unknown_field": {
            "fr": "champ inconnu « {field} ».",
            "en": 'unknown field "{field}".',
        },
        "profile.reason.bad_format": {
            "fr": "modèle de format invalide ({detail}).",
            "en": "invalid format template ({detail}).",
        },
        "profile.reason.both_units": {
            "fr": "indiquer soit des jours, soit des mois, pas les deux.",
            "en": "give either days or months, not both.",
        },
        "profile.reason.bad_range": {
            "fr": "intervalle attendu [minimum, maximum] avec minimum ≤ maximum.",
            "en": "expected a range [minimum, maximum] with minimum ≤ maximum.",
        },
        "profile.reason.bad_value": {
            "fr": "valeur non admise.",
            "en": "value not allowed.",
        },
        "profile.reason.empty": {
            "fr": "la liste ne peut pas être vide.",
            "en": "the list cannot be empty.",
        },
        "profile.reason.bad_geography": {"fr": "{detail}", "en": "{detail}"},
    }
)


class ProfileError(CivregError):
    """A country profile (or its overrides) is malformed."""

    key = "profile.invalid"

    def __init__(self, file: str, entry: str, reason: str, **reason_params: object) -> None:
        self.file, self.entry, self.reason, self.reason_params = file, entry, reason, reason_params
        super().__init__(self.key, file=file, entry=entry)

    def message(self, lang: str | None = None) -> str:
        reason = t(f"profile.reason.{self.reason}", lang, **self.reason_params)
        return t(self.key, lang, file=self.file, entry=self.entry, reason=reason)


class ProfileReader:
    """Reads one profile file's raw entries; each bad one raises :class:`ProfileError`."""

    def __init__(self, file: str) -> None:
        self.file = file

    def fail(self, entry: str, reason: str, **params: object) -> ProfileError:
        return ProfileError(self.file, entry, reason, **params)

    def table(
        self, data: Mapping[str, Any], key: str, allowed: set[str] | None = None, prefix: str = ""
    ) -> Mapping[str, Any]:
        entry = f"{prefix}{key}"
        value = data.get(key)
        if value is None:
            raise self.fail(entry, "missing")
        if not isinstance(value, Mapping):
            raise self.fail(entry, "wrong_type", expected="table")
        if allowed is not None:
            for k in value:
                if k not in allowed:
                    raise self.fail(f"{entry}.{k}", "unknown_key")
        return value

    def get(
        self,
        data: Mapping[str, Any],
        entry: str,
        key: str,
        kind: type | tuple[type, ...],
        default: Any = ...,
        *,
        minimum: int | None = None,
    ) -> Any:
        name = f"{entry}.{key}"
        if key not in data:
            if default is ...:
                raise self.fail(name, "missing")
            return default
        value = data[key]
        kinds = kind if isinstance(kind, tuple) else (kind,)
        bad_bool = isinstance(value, bool) and bool not in kinds
        if bad_bool or not isinstance(value, kinds):
            raise self.fail(name, "wrong_type", expected="/".join(k.__name__ for k in kinds))
        if minimum is not None and isinstance(value, int) and value < minimum:
            raise self.fail(name, "negative")
        return value

    def strings(
        self,
        data: Mapping[str, Any],
        entry: str,
        key: str,
        default: Any = ...,
        *,
        non_empty: bool = False,
    ) -> tuple[str, ...]:
        value = self.get(data, entry, key, list, default)
        if not all(isinstance(v, str) and v for v in value):
            raise self.fail(f"{entry}.{key}", "wrong_type", expected="list[str]")
        if non_empty and not value:
            raise self.fail(f"{entry}.{key}", "empty")
        return tuple(value)

    def range_(self, data: Mapping[str, Any], entry: str, key: str) -> tuple[int, int]:
        value = self.get(data, entry, key, list)
        ok = len(value) == 2 and all(isinstance(v, int) and not isinstance(v, bool) for v in value)
        if not ok or not 0 <= value[0] <= value[1]:
            raise self.fail(f"{entry}.{key}", "bad_range")
        return value[0], value[1]

    def kind(self, entry: str, key: str) -> ActKind:
        try:
            return ActKind(key)
        except ValueError:
            raise self.fail(f"{entry}.{key}", "unknown_act_kind") from None
