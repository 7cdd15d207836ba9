"""Data shipped inside the package: country profiles and geography, fonts, names, translations.

Found through :mod:`importlib.resources`, so the same code works from a checkout, an editable
install and an installed wheel (civreg is installed unzipped, as pip does with wheels).
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path


def resource_path(*parts: str) -> Path:
    """A file or folder under ``civreg/resources`` as a filesystem path."""
    return Path(str(files(__name__).joinpath(*parts)))


def migrations_path() -> Path:
    """The Alembic script folder (``civreg/migrations``: env.py, versions/)."""
    return Path(str(files("civreg").joinpath("migrations")))
