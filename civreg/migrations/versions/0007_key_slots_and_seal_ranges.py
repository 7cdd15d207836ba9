"""security: the database's copy of the key slots; the range of entries a seal vouches for

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-01 13:00:00

- ``key_slots``: the key file's slots with their generations (civreg/models/key_slots.py).
  Filled from the key file at the first open after this upgrade.
- ``audit_seals.from_seq``: a version 2 seal signs the first and last entry of the
  transaction that made it (docs/security.md, "Audit log").
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "key_slots",
        sa.Column("slot_id", sa.String(length=40), nullable=False),
        sa.Column("kind", sa.String(length=12), nullable=False),
        sa.Column("gen", sa.Integer(), nullable=False),
        sa.Column("body", sa.JSON(), nullable=False),
        sa.Column("changed_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("slot_id", name=op.f("pk_key_slots")),
    )
    with op.batch_alter_table("audit_seals") as batch:
        batch.add_column(sa.Column("from_seq", sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("audit_seals") as batch:
        batch.drop_column("from_seq")
    op.drop_table("key_slots")
