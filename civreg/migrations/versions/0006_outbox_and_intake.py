"""online transmission: the commune's outbox and the intake service's uploads and receipts

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-30 14:00:00

Tables of civreg/models/online.py (see docs/transmission.md, "Online"). New tables only:
existing stores upgrade without touching their data.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "outbox_deliveries",
        sa.Column("sequence", sa.Integer(), nullable=False),
        sa.Column("state", sa.String(length=12), nullable=False),
        sa.Column("sent_bytes", sa.BigInteger(), nullable=False),
        sa.Column("total_bytes", sa.BigInteger(), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("last_attempt_at", sa.DateTime(), nullable=True),
        sa.Column("next_attempt_at", sa.DateTime(), nullable=True),
        sa.Column("last_error", sa.String(length=60), nullable=False),
        sa.Column("server_status", sa.String(length=20), nullable=False),
        sa.Column("delivered_at", sa.DateTime(), nullable=True),
        sa.Column("endpoint", sa.String(length=300), nullable=False),
        sa.PrimaryKeyConstraint("sequence", name=op.f("pk_outbox_deliveries")),
    )
    op.create_table(
        "intake_uploads",
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("office_id", sa.String(length=40), nullable=False),
        sa.Column("sequence", sa.Integer(), nullable=False),
        sa.Column("length", sa.BigInteger(), nullable=False),
        sa.Column("received", sa.BigInteger(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("sha256", name=op.f("pk_intake_uploads")),
    )
    op.create_table(
        "intake_chunks",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("upload_sha256", sa.String(length=64), nullable=False),
        sa.Column("offset", sa.BigInteger(), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.ForeignKeyConstraint(
            ["upload_sha256"],
            ["intake_uploads.sha256"],
            name=op.f("fk_intake_chunks_upload_sha256_intake_uploads"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_intake_chunks")),
        sa.UniqueConstraint(
            "upload_sha256", "offset", name=op.f("uq_intake_chunks_upload_sha256_offset")
        ),
    )
    with op.batch_alter_table("intake_chunks", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_intake_chunks_upload_sha256"), ["upload_sha256"], unique=False
        )
    op.create_table(
        "intake_receipts",
        sa.Column("batch_sha256", sa.String(length=64), nullable=False),
        sa.Column("office_id", sa.String(length=40), nullable=False),
        sa.Column("sequence", sa.Integer(), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("batch_sha256", name=op.f("pk_intake_receipts")),
    )


def downgrade() -> None:
    op.drop_table("intake_receipts")
    with op.batch_alter_table("intake_chunks", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_intake_chunks_upload_sha256"))
    op.drop_table("intake_chunks")
    op.drop_table("intake_uploads")
    op.drop_table("outbox_deliveries")
