"""vital statistics: per-act categories and the counts per combination (a derived cache)

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-30 16:00:00

Tables of civreg/models/stats.py (docs/statistics.md, "Speed"). New tables only: they fill
from the acts the first time statistics are asked for, so existing stores upgrade at once.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def _dims() -> list[sa.Column]:
    return [
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("commune", sa.String(length=20), nullable=False),
        sa.Column("centre", sa.String(length=20), nullable=False),
    ]


def _categories() -> list[sa.Column]:
    return [
        sa.Column("period", sa.String(length=7), nullable=False),
        sa.Column("sex", sa.Integer(), nullable=False),
        sa.Column("timeliness", sa.String(length=12), nullable=False),
        sa.Column("place", sa.String(length=20), nullable=False),
        sa.Column("age", sa.String(length=8), nullable=False),
        sa.Column("age2", sa.String(length=8), nullable=False),
        sa.Column("cause", sa.String(length=10), nullable=False),
    ]


def upgrade() -> None:
    op.create_table(
        "stats_facts",
        sa.Column("act_id", sa.Integer(), nullable=False),
        *_dims(),
        sa.Column("event_from", sa.String(length=10), nullable=True),
        *_categories(),
        sa.Column("cancelled", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(["act_id"], ["acts.id"], name=op.f("fk_stats_facts_act_id_acts")),
        sa.PrimaryKeyConstraint("act_id", name=op.f("pk_stats_facts")),
    )
    with op.batch_alter_table("stats_facts", schema=None) as batch_op:
        batch_op.create_index("ix_stats_facts_event_from", ["event_from"], unique=False)
    op.create_table(
        "stats_cube",
        sa.Column("id", sa.Integer(), nullable=False),
        *_dims(),
        sa.Column("from_month", sa.String(length=7), nullable=False),
        *_categories(),
        sa.Column("n", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_stats_cube")),
        sa.UniqueConstraint(
            "kind",
            "commune",
            "centre",
            "from_month",
            "period",
            "sex",
            "timeliness",
            "place",
            "age",
            "age2",
            "cause",
            name="uq_stats_cube_cell",
        ),
    )
    op.create_table(
        "stats_state",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("max_act_id", sa.Integer(), nullable=False),
        sa.Column("max_mention_id", sa.Integer(), nullable=False),
        sa.Column("pending", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_stats_state")),
    )


def downgrade() -> None:
    op.drop_table("stats_state")
    op.drop_table("stats_cube")
    with op.batch_alter_table("stats_facts", schema=None) as batch_op:
        batch_op.drop_index("ix_stats_facts_event_from")
    op.drop_table("stats_facts")
