"""vital statistics: the counts per year of the event beside the counts per month

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-30 21:30:00

``stats_cube_year`` (civreg/models/stats.py): what a selection of many years reads. Filled
here from ``stats_cube`` (one grouped copy), then kept in step with it by the catch-up; a
store whose counts are rebuilt later fills both.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

_CATEGORIES = ("sex", "timeliness", "place", "age", "age2", "cause")


def upgrade() -> None:
    op.create_table(
        "stats_cube_year",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("commune", sa.String(length=20), nullable=False),
        sa.Column("centre", sa.String(length=20), nullable=False),
        sa.Column("period", sa.String(length=7), nullable=False),
        sa.Column("sex", sa.Integer(), nullable=False),
        sa.Column("timeliness", sa.String(length=12), nullable=False),
        sa.Column("place", sa.String(length=20), nullable=False),
        sa.Column("age", sa.String(length=8), nullable=False),
        sa.Column("age2", sa.String(length=8), nullable=False),
        sa.Column("cause", sa.String(length=10), nullable=False),
        sa.Column("n", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_stats_cube_year")),
        sa.UniqueConstraint(
            "kind", "commune", "centre", "period", *_CATEGORIES, name="uq_stats_cube_year_cell"
        ),
    )
    cats = ", ".join(_CATEGORIES)
    op.execute(
        f"INSERT INTO stats_cube_year (kind, commune, centre, period, {cats}, n) "
        f"SELECT kind, commune, centre, substr(period, 1, 4), {cats}, sum(n) FROM stats_cube "
        f"GROUP BY kind, commune, centre, substr(period, 1, 4), {cats}"
    )


def downgrade() -> None:
    op.drop_table("stats_cube_year")
