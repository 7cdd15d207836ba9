"""search: covering and partial indexes for exact name lookups and the duplicate check

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-30 12:00:00

On an encrypted store every page read costs a decryption, so these indexes let the hot
lookups be answered from small indexes alone:

- ``ix_person_search_norm_act``: the exact-spelling lookup of a name search needs only the act
  and role of each person, without reading the rows;
- ``ix_person_search_child`` / ``ix_person_search_deceased``: the duplicate check reads the
  family keys of the subject (child of a birth, deceased of a death) of the acts in a ±window
  around a date; partial indexes of the subjects alone are a quarter of an all-persons index;
- ``ix_acts_partial_dates``: acts with a year-only or month-only date (first and last days
  differ), so finding those that overlap the window does not read every act's row.

Like 0002, these live only in the migrations (``MIGRATION_ONLY_INDEXES``).
"""

from __future__ import annotations

from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute(
        "CREATE INDEX ix_person_search_norm_act ON person_search "
        "(norm_family, norm_given, act_id, role)"
    )
    op.execute(
        "CREATE INDEX ix_person_search_child ON person_search "
        "(act_id, norm_family, phon_family) WHERE role = 'child'"
    )
    op.execute(
        "CREATE INDEX ix_person_search_deceased ON person_search "
        "(act_id, norm_family, phon_family) WHERE role = 'deceased'"
    )
    op.execute(
        "CREATE INDEX ix_acts_partial_dates ON acts (event_from, event_to)"
        " WHERE event_from != event_to"
    )


def downgrade() -> None:
    op.execute("DROP INDEX IF EXISTS ix_acts_partial_dates")
    op.execute("DROP INDEX IF EXISTS ix_person_search_deceased")
    op.execute("DROP INDEX IF EXISTS ix_person_search_child")
    op.execute("DROP INDEX IF EXISTS ix_person_search_norm_act")
