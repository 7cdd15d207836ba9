"""Where a store lives: a SQLCipher file (a path) or a PostgreSQL database (a URL).

Kept free of heavy imports: the desktop client asks this before SQLAlchemy is loaded.
"""

from __future__ import annotations

from pathlib import Path

PG_SCHEMES = ("postgresql://", "postgresql+psycopg://")


def is_url(location: object) -> bool:
    """True for a PostgreSQL store location (a URL), False for a store file."""
    return str(location).startswith(PG_SCHEMES)


def store_location(value: str | Path) -> str | Path:
    """A URL stays a string (``Path`` would fold its ``//``); anything else is a path."""
    return str(value) if is_url(value) else Path(value)
