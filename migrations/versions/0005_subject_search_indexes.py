"""search: the duplicate check's window lookup reads the subjects' keys from partial indexes

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-30 13:00:00

0004's ``ix_person_search_act_role`` held every person of every act (about four per act):
the duplicate check reads only the act's subject (the child of a birth, the deceased of a
death). Partial indexes holding the subjects alone are a quarter of the size, so the ±window
lookup decrypts a quarter of the pages. The partial dates (a year or a month: the event's
first and last days differ) get their own small index of both bounds, so that looking for
those covering part of the window does not read each act's row. Migration-only, like 0002
and 0004.
"""

from __future__ import annotations

from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("DROP INDEX IF EXISTS ix_person_search_act_role")
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
    op.execute(
        "CREATE INDEX ix_person_search_act_role ON person_search "
        "(act_id, role, norm_family, phon_family)"
    )
