"""search: the other words of a family name, and the post-nom, as family keys

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-01 12:30:00

A person comes back giving only part of the name registered: the second word of a family
name in two words (DAFING for MARKA DAFING), or, in the DRC, the post-nom in the family
name's field (MUTOMBO for KABONGO, post-nom MUTOMBO). These partial expression indexes key
those rows by that other name's compact phonetic key (spaces removed, as
``ix_person_search_compact``), then the given-name key, for the search's last lookups
(``civreg.services.search_db.OTHER_NAMES``):

- ``ix_person_search_family_tail``: the family key's words after the first, only for the
  rows whose family key has more than one word (a few per cent of the rows);
- ``ix_person_search_post_nom``: the post-nom's key, only for the rows that have one (none
  in Burkina Faso).

The same two on ``person_search_corrected``. SQLite has ``instr``, PostgreSQL ``strpos``:
the expressions are the dialect's, and the search writes them exactly so (a partial
expression index is used only when the query repeats its expression and its condition).
"""

from __future__ import annotations

from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

_TABLES = ("person_search", "person_search_corrected")
# (index suffix, expression, condition) per dialect; civreg.services.search_db.other_names
# writes the same text (a test checks that its lookups use these indexes on both engines).
_FIND = {"sqlite": "instr", "postgresql": "strpos"}


def _others(dialect: str) -> list[tuple[str, str, str]]:
    find = _FIND.get(dialect, "strpos")
    return [
        (
            "family_tail",
            f"replace(substr(phon_family, {find}(phon_family, ' ') + 1), ' ', '')",
            f"{find}(phon_family, ' ') > 0",
        ),
        ("post_nom", "replace(phon_post_nom, ' ', '')", "phon_post_nom <> ''"),
    ]


def upgrade() -> None:
    for table in _TABLES:
        for suffix, expr, cond in _others(op.get_bind().dialect.name):
            op.execute(
                f"CREATE INDEX ix_{table}_{suffix} ON {table} (({expr}), phon_given) WHERE {cond}"
            )


def downgrade() -> None:
    for table in _TABLES:
        for suffix, _expr, _cond in _others(op.get_bind().dialect.name):
            op.execute(f"DROP INDEX IF EXISTS ix_{table}_{suffix}")
