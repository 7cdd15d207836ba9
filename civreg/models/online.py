"""Online transmission: the commune's outbox (what was delivered to the intake service, how
far an interrupted upload went) and the intake service's side (uploads in progress, the
signed receipt of every batch it imported).

A batch is queued by being exported (``outgoing_batches``): the outbox only records delivery
progress per batch sequence, so a batch carried on a USB stick and acknowledged by a receipt
is never sent again. Upload chunks live in the store so that several intake processes behind
one address can resume each other's uploads.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    BigInteger,
    DateTime,
    ForeignKey,
    Integer,
    LargeBinary,
    String,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from civreg.models.base import Base, utcnow


class OutboxDelivery(Base):
    """How the upload of one exported batch (by sequence) is going."""

    __tablename__ = "outbox_deliveries"

    sequence: Mapped[int] = mapped_column(Integer, primary_key=True)
    # waiting | uploading | delivered | acknowledged | rejected
    state: Mapped[str] = mapped_column(String(12), default="waiting")
    sent_bytes: Mapped[int] = mapped_column(BigInteger, default=0)
    total_bytes: Mapped[int] = mapped_column(BigInteger, default=0)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_attempt_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    next_attempt_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    last_error: Mapped[str] = mapped_column(String(60), default="")  # a reason code, no data
    server_status: Mapped[str] = mapped_column(String(20), default="")  # imported|sealed|…
    delivered_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    endpoint: Mapped[str] = mapped_column(String(300), default="")


class IntakeUpload(Base):
    """A batch being uploaded to the intake service, named by the SHA-256 of its bytes."""

    __tablename__ = "intake_uploads"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    office_id: Mapped[str] = mapped_column(String(40))
    sequence: Mapped[int] = mapped_column(Integer)
    length: Mapped[int] = mapped_column(BigInteger)
    received: Mapped[int] = mapped_column(BigInteger, default=0)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class IntakeChunk(Base):
    """Bytes ``[offset, offset + len(data))`` of an upload."""

    __tablename__ = "intake_chunks"
    __table_args__ = (UniqueConstraint("upload_sha256", "offset"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    upload_sha256: Mapped[str] = mapped_column(
        ForeignKey("intake_uploads.sha256", ondelete="CASCADE"), index=True
    )
    offset: Mapped[int] = mapped_column(BigInteger)
    data: Mapped[bytes] = mapped_column(LargeBinary)


class IntakeReceipt(Base):
    """The signed receipt the intake service gives back for one batch (same bytes every
    time it is asked for)."""

    __tablename__ = "intake_receipts"

    batch_sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    office_id: Mapped[str] = mapped_column(String(40))
    sequence: Mapped[int] = mapped_column(Integer)
    data: Mapped[bytes] = mapped_column(LargeBinary)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
