"""search: compact phonetic keys (N'DRI = NDRI) as expression indexes

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-30 10:00:00

Words are keyed separately (``phonetic("N'DRI") == "N DRI"``), so the search and duplicate
services also compare keys with spaces removed. These indexes serve those lookups and the
loose index scans over distinct family keys. They are expression indexes, so they live only
in the migrations (SQLAlchemy does not reflect them; the models stay in sync). Both SQLite
and PostgreSQL accept this syntax.
"""

from __future__ import annotations

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute(
        "CREATE INDEX ix_person_search_compact ON person_search "
        "((replace(phon_family, ' ', '')), phon_given)"
    )
    op.execute(
        "CREATE INDEX ix_person_search_given_compact ON person_search "
        "((replace(phon_given, ' ', '')))"
    )


def downgrade() -> None:
    op.execute("DROP INDEX IF EXISTS ix_person_search_given_compact")
    op.execute("DROP INDEX IF EXISTS ix_person_search_compact")
