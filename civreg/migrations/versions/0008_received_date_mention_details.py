"""acts: received date and paper-receipt statement; mentions: structured details; search keys
of corrected names

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-30 14:00:00

- ``acts.received_date``: the day the office received the declaration (the draft's creation,
  from the clock; issue 10 item 1). Drafts get the day they were created; registered acts are
  frozen and keep an empty value (their lateness was decided when they were registered).
- ``acts.paper_receipt``: the registrar's statement that a declaration was received on paper
  earlier than it was entered.
- ``mentions.details``: structured content of a mention (authority code and note,
  corrections field by field, the mention a rectification rectifies).
- ``person_search_corrected``: search keys of the names as corrected by mentions, beside the
  registered names in ``person_search``; its compact-key expression indexes live only here.

Columns are added with plain ``ALTER TABLE … ADD COLUMN`` (no table rebuild), so the
immutability triggers of 0001 stay in place.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column(
        "acts", sa.Column("received_date", sa.String(length=10), nullable=False, server_default="")
    )
    op.add_column("acts", sa.Column("paper_receipt", sa.Text(), nullable=False, server_default=""))
    op.add_column("mentions", sa.Column("details", sa.JSON(), nullable=True))
    day = (
        "substr(created_at, 1, 10)"
        if op.get_bind().dialect.name == "sqlite"
        else "to_char(created_at, 'YYYY-MM-DD')"
    )
    op.execute(f"UPDATE acts SET received_date = {day} WHERE status = 'draft'")
    op.create_table(
        "person_search_corrected",
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("act_id", sa.Integer(), nullable=False),
        sa.Column("mention_id", sa.Integer(), nullable=False),
        sa.Column("role", sa.String(length=20), nullable=False),
        sa.Column("family_name", sa.String(length=200), nullable=False),
        sa.Column("post_nom", sa.String(length=200), nullable=False),
        sa.Column("given_names", sa.String(length=200), nullable=False),
        sa.Column("norm_family", sa.String(length=200), nullable=False),
        sa.Column("phon_family", sa.String(length=200), nullable=False),
        sa.Column("norm_given", sa.String(length=200), nullable=False),
        sa.Column("phon_given", sa.String(length=200), nullable=False),
        sa.Column("norm_post_nom", sa.String(length=200), nullable=False),
        sa.Column("phon_post_nom", sa.String(length=200), nullable=False),
        sa.ForeignKeyConstraint(
            ["act_id"],
            ["acts.id"],
            name=op.f("fk_person_search_corrected_act_id_acts"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["mention_id"],
            ["mentions.id"],
            name=op.f("fk_person_search_corrected_mention_id_mentions"),
        ),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["act_persons.id"],
            name=op.f("fk_person_search_corrected_person_id_act_persons"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("person_id", name=op.f("pk_person_search_corrected")),
    )
    op.create_index(
        "ix_person_search_corrected_act_id", "person_search_corrected", ["act_id"], unique=False
    )
    op.create_index(
        "ix_person_search_corrected_given", "person_search_corrected", ["norm_given"], unique=False
    )
    op.create_index(
        "ix_person_search_corrected_norm",
        "person_search_corrected",
        ["norm_family", "norm_given"],
        unique=False,
    )
    op.execute(
        "CREATE INDEX ix_person_search_corrected_compact ON person_search_corrected "
        "((replace(phon_family, ' ', '')), phon_given)"
    )
    op.execute(
        "CREATE INDEX ix_person_search_corrected_given_compact ON person_search_corrected "
        "((replace(phon_given, ' ', '')))"
    )


def downgrade() -> None:
    op.execute("DROP INDEX IF EXISTS ix_person_search_corrected_given_compact")
    op.execute("DROP INDEX IF EXISTS ix_person_search_corrected_compact")
    op.drop_index("ix_person_search_corrected_norm", table_name="person_search_corrected")
    op.drop_index("ix_person_search_corrected_given", table_name="person_search_corrected")
    op.drop_index("ix_person_search_corrected_act_id", table_name="person_search_corrected")
    op.drop_table("person_search_corrected")
    with op.batch_alter_table("mentions") as batch:
        batch.drop_column("details")
    with op.batch_alter_table("acts") as batch:
        batch.drop_column("paper_receipt")
        batch.drop_column("received_date")
