"""The database's copy of the key file's slots (and, on PostgreSQL, the only copy).

The database is the authoritative record of who may open the store and who may sign; the key
file beside a SQLCipher store is its projection, written after each commit and brought up to
date at the next open when a crash came in between (see civreg/security/keyslots.py).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, DateTime, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from civreg.models.base import Base, utcnow

META_ID = "meta"  # the row holding the key file's header (store id, salt, Argon2id policy)


class KeySlot(Base):
    __tablename__ = "key_slots"

    slot_id: Mapped[str] = mapped_column(String(40), primary_key=True)
    kind: Mapped[str] = mapped_column(String(12))  # meta|password|recovery|disabled
    gen: Mapped[int] = mapped_column(Integer, default=0)
    body: Mapped[dict[str, Any]] = mapped_column(JSON)
    changed_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
