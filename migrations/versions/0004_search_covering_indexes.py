"""search: covering indexes for the duplicate check's window lookup and exact name lookups

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-30 12:00:00

On an encrypted store every page read costs a decryption. The duplicate check reads the
family keys of the children born in a ±window around a date (a thousand acts at 1M acts):
through ``ix_person_search_act_id`` that is an index page and a table page per act; with
``ix_person_search_act_role`` the index alone answers. The exact-spelling lookup of a name
search needs only the act and role of each person: ``ix_person_search_norm_act`` answers it
without reading the rows. Like 0002, these live only in the migrations
(``MIGRATION_ONLY_INDEXES``).
"""

from __future__ import annotations

from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute(
        "CREATE INDEX ix_person_search_act_role ON person_search "
        "(act_id, role, norm_family, phon_family)"
    )
    op.execute(
        "CREATE INDEX ix_person_search_norm_act ON person_search "
        "(norm_family, norm_given, act_id, role)"
    )


def downgrade() -> None:
    op.execute("DROP INDEX IF EXISTS ix_person_search_norm_act")
    op.execute("DROP INDEX IF EXISTS ix_person_search_act_role")
