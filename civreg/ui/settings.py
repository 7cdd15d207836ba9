"""Application settings, declared once with their types and defaults (STYLE.md §10).

Stored with QSettings (per machine/user). Nothing personal goes here: the only act-related
value is the id of the draft being entered, kept so a crash can offer it back.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Generic, TypeVar, cast

from PySide6.QtCore import QSettings

T = TypeVar("T", int, str, bool)


@dataclass(frozen=True)
class Setting(Generic[T]):
    key: str
    type: type[T]
    default: T


IDLE_LOCK_MINUTES = Setting("security/idle_lock_minutes", int, 10)
LANGUAGE = Setting("ui/language", str, "")  # "" = the country profile's default language
DEFAULT_PRINTER = Setting("printing/default_printer", str, "")
STORE_LOCATION = Setting("store/location", str, "")
LAST_USER = Setting("login/last_user", str, "")
OPEN_DRAFT = Setting("entry/open_draft", int, 0)  # draft being entered (crash recovery)
AUTOSAVE_SECONDS = Setting("entry/autosave_seconds", int, 3)
BACKUP_FOLDER = Setting("backup/folder", str, "")  # the last folder (USB stick) backed up to

ALL = (
    IDLE_LOCK_MINUTES,
    LANGUAGE,
    DEFAULT_PRINTER,
    STORE_LOCATION,
    LAST_USER,
    OPEN_DRAFT,
    AUTOSAVE_SECONDS,
    BACKUP_FOLDER,
)


class Settings:
    """Typed access to the declared settings; ``path`` gives an INI file (tests, portable)."""

    def __init__(self, path: Path | str | None = None) -> None:
        if path is None:
            self._qs = QSettings("civreg", "civreg")
        else:
            self._qs = QSettings(str(path), QSettings.Format.IniFormat)

    def get(self, setting: Setting[T]) -> T:
        raw = self._qs.value(setting.key, setting.default)
        if raw is None:
            return setting.default
        try:
            if setting.type is bool:
                flag: object = raw if isinstance(raw, bool) else raw in (True, "true", "1", 1)
                return cast(T, flag)
            return setting.type(raw)  # type: ignore[call-overload]
        except (TypeError, ValueError):
            return setting.default

    def set(self, setting: Setting[T], value: T) -> None:
        if not isinstance(value, setting.type):
            raise TypeError(f"{setting.key} expects {setting.type.__name__}")
        self._qs.setValue(setting.key, value)
        self._qs.sync()

    def reset(self, setting: Setting[T]) -> None:
        self._qs.remove(setting.key)
        self._qs.sync()
