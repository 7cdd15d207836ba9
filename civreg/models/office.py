"""The office running this store, its centres and its settings."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, DateTime, Integer, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from civreg.models.base import Base, utcnow


class Office(Base):
    """One row: the office this store belongs to (a commune centre, a district, a nation)."""

    __tablename__ = "office"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    office_id: Mapped[str] = mapped_column(String(40), unique=True)  # e.g. BF-11-01
    country: Mapped[str] = mapped_column(String(2))
    commune: Mapped[str] = mapped_column(String(20))
    centre: Mapped[str] = mapped_column(String(20))
    name: Mapped[str] = mapped_column(String(200))
    level: Mapped[str] = mapped_column(String(12), default="commune")  # commune|district|national
    is_demo: Mapped[bool] = mapped_column(Boolean, default=False)
    signing_key: Mapped[bytes] = mapped_column(LargeBinary)  # Ed25519 private, raw 32 bytes
    public_key: Mapped[bytes] = mapped_column(LargeBinary)
    key_id: Mapped[str] = mapped_column(String(32))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class Centre(Base):
    """A civil status centre of the commune (principal or secondary); each keeps registers."""

    __tablename__ = "centres"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(20), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    principal: Mapped[bool] = mapped_column(Boolean, default=True)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class Setting(Base):
    """Office settings and profile overrides (JSON text values), set by an administrator."""

    __tablename__ = "settings"

    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[str] = mapped_column(Text)
