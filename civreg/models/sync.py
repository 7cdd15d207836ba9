"""Transmission: batches sent and received, trusted office keys, the authority key, receipts,
quarantined records, key rotation and audit entries received from other offices.

A batch's exact bytes are kept on both sides: the sender re-exports a lost batch identically,
and a district forwards a commune's batch unchanged so its signature is checked end to end.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import (
    JSON,
    DateTime,
    ForeignKey,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from civreg.models.base import Base, utcnow


class OutgoingBatch(Base):
    """A batch this office exported, with its bytes (``--again N`` copies them)."""

    __tablename__ = "outgoing_batches"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    sequence: Mapped[int] = mapped_column(Integer, unique=True)
    changes_from: Mapped[int] = mapped_column(Integer)
    changes_to: Mapped[int] = mapped_column(Integer)
    audit_to: Mapped[int] = mapped_column(Integer, default=0)  # last audit seq included
    signing_key_id: Mapped[str] = mapped_column(String(16))
    recipient_key_id: Mapped[str | None] = mapped_column(String(16), nullable=True)
    counts: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    sha256: Mapped[str] = mapped_column(String(64))
    data: Mapped[bytes] = mapped_column(LargeBinary)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    created_by: Mapped[str] = mapped_column(String(64), default="")
    acknowledged_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    acknowledged_by: Mapped[str] = mapped_column(String(40), default="")
    quarantined: Mapped[list[Any]] = mapped_column(JSON, default=list)  # from the receipt


class ReceivedBatch(Base):
    """A batch imported here (``sealed``: verified but encrypted for another key)."""

    __tablename__ = "received_batches"
    __table_args__ = (UniqueConstraint("office_id", "sequence"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    office_id: Mapped[str] = mapped_column(String(40))
    sequence: Mapped[int] = mapped_column(Integer)
    signing_key_id: Mapped[str] = mapped_column(String(16))
    recipient_key_id: Mapped[str | None] = mapped_column(String(16), nullable=True)
    sha256: Mapped[str] = mapped_column(String(64))
    state: Mapped[str] = mapped_column(String(10))  # imported|sealed
    counts: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    outcome: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)  # inserted/same/...
    data: Mapped[bytes] = mapped_column(LargeBinary)
    batch_created_at: Mapped[datetime] = mapped_column(DateTime)
    imported_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    imported_by: Mapped[str] = mapped_column(String(64), default="")
    forwarded_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)


class TrustedKey(Base):
    """An office public key this store accepts batches and receipts from."""

    __tablename__ = "trusted_keys"
    __table_args__ = (UniqueConstraint("office_id", "key_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    office_id: Mapped[str] = mapped_column(String(40))
    key_id: Mapped[str] = mapped_column(String(16))
    public_key: Mapped[bytes] = mapped_column(LargeBinary)
    country: Mapped[str] = mapped_column(String(2), default="")
    office_name: Mapped[str] = mapped_column(String(200), default="")
    status: Mapped[str] = mapped_column(String(10), default="trusted")  # trusted|revoked
    source: Mapped[str] = mapped_column(String(20), default="file")  # file|announcement
    added_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    revoked_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)


class AuthorityKey(Base):
    """The national authority's X25519 key pair (private half inside the store)."""

    __tablename__ = "authority_keys"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    authority_id: Mapped[str] = mapped_column(String(40))
    key_id: Mapped[str] = mapped_column(String(16), unique=True)
    private_key: Mapped[bytes] = mapped_column(LargeBinary)
    public_key: Mapped[bytes] = mapped_column(LargeBinary)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class OwnKey(Base):
    """This office's signing keys over time: ``pending`` until announced, then ``active``,
    then ``retired`` (kept so that older seals and batches still verify)."""

    __tablename__ = "own_keys"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    key_id: Mapped[str] = mapped_column(String(16), unique=True)
    public_key: Mapped[bytes] = mapped_column(LargeBinary)
    private_key: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)
    status: Mapped[str] = mapped_column(String(10))  # pending|active|retired
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    activated_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)


class ReceiptRecord(Base):
    """A receipt imported by the sending office (one row per receipt file)."""

    __tablename__ = "receipts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    issuer_office_id: Mapped[str] = mapped_column(String(40))
    issuer_key_id: Mapped[str] = mapped_column(String(16))
    issued_at: Mapped[datetime] = mapped_column(DateTime)
    body: Mapped[dict[str, Any]] = mapped_column(JSON)
    imported_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class QuarantineItem(Base):
    """A received record that was not applied and waits for a district officer's review."""

    __tablename__ = "quarantine"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    batch_id: Mapped[int] = mapped_column(ForeignKey("received_batches.id"), index=True)
    office_id: Mapped[str] = mapped_column(String(40))
    record_type: Mapped[str] = mapped_column(String(20))
    record_id: Mapped[str] = mapped_column(String(256))
    reason: Mapped[str] = mapped_column(String(30))
    record: Mapped[dict[str, Any]] = mapped_column(JSON)
    status: Mapped[str] = mapped_column(String(10), default="open")  # open|resolved
    resolution: Mapped[str] = mapped_column(Text, default="")
    resolved_by: Mapped[str] = mapped_column(String(64), default="")
    resolved_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class RemoteAuditEntry(Base):
    """An audit chain entry received from another office (its chain continues across batches)."""

    __tablename__ = "remote_audit"
    __table_args__ = (UniqueConstraint("office_id", "seq"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    office_id: Mapped[str] = mapped_column(String(40))
    seq: Mapped[int] = mapped_column(Integer)
    entry_hash: Mapped[str] = mapped_column(String(64))
    prev_hash: Mapped[str] = mapped_column(String(64))
    body: Mapped[dict[str, Any]] = mapped_column(JSON)
