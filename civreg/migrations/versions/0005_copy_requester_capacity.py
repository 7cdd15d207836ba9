"""copies: the requester's capacity and the reference of an authorisation

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-01 10:00:00

Issuing a copy records who asked for it *and in which capacity* (the person, a parent, a
spouse, an authority, a third party authorised by the prosecutor…; the capacities come from
the country profile's ``[documents.requesters]``), and the reference of the authorisation or
request when the capacity needs one. Existing rows get empty values.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("issued_copies") as batch:
        batch.add_column(
            sa.Column("requester_capacity", sa.String(length=40), nullable=False, server_default="")
        )
        batch.add_column(
            sa.Column(
                "requester_reference", sa.String(length=100), nullable=False, server_default=""
            )
        )


def downgrade() -> None:
    with op.batch_alter_table("issued_copies") as batch:
        batch.drop_column("requester_reference")
        batch.drop_column("requester_capacity")
