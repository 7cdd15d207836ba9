"""Registers, acts, the persons they name, marginal mentions, notices and issued copies.

A registered act and its persons are frozen: services refuse to change them and database
triggers (created by the migrations) reject UPDATE and DELETE once ``status='registered'``.
Cancellation is a mention, so no column of a registered act ever needs to change.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from civreg.domain.acts import ActKind, ActStatus
from civreg.models.base import Base, EnumText, utcnow


class Register(Base):
    """One register: (centre, kind, year). ``next_number`` is taken in the registering txn."""

    __tablename__ = "registers"
    __table_args__ = (UniqueConstraint("centre", "kind", "year"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    centre: Mapped[str] = mapped_column(String(20))
    kind: Mapped[ActKind] = mapped_column(EnumText(ActKind, 10))
    year: Mapped[int] = mapped_column(Integer)
    first_number: Mapped[int] = mapped_column(Integer, default=1)
    next_number: Mapped[int] = mapped_column(Integer, default=1)
    closed_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    closed_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"), nullable=True)


class Act(Base):
    __tablename__ = "acts"
    __table_args__ = (
        UniqueConstraint("country", "commune", "centre", "kind", "year", "number"),
        Index("ix_acts_status_kind", "status", "kind"),
        Index("ix_acts_register_order", "kind", "year", "number"),
        Index("ix_acts_event_from", "event_from"),
        Index("ix_acts_registered_at", "registered_at"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    kind: Mapped[ActKind] = mapped_column(EnumText(ActKind, 10))
    status: Mapped[ActStatus] = mapped_column(EnumText(ActStatus, 12), default=ActStatus.DRAFT)
    origin: Mapped[str] = mapped_column(String(10), default="local")  # local|imported
    office_id: Mapped[str] = mapped_column(String(40))
    country: Mapped[str] = mapped_column(String(2))
    commune: Mapped[str] = mapped_column(String(20))
    centre: Mapped[str] = mapped_column(String(20))
    register_id: Mapped[int | None] = mapped_column(ForeignKey("registers.id"), nullable=True)
    year: Mapped[int | None] = mapped_column(Integer, nullable=True)
    number: Mapped[int | None] = mapped_column(Integer, nullable=True)
    global_id: Mapped[str | None] = mapped_column(String(64), unique=True, nullable=True)
    event_date: Mapped[str] = mapped_column(String(11), default="")
    event_from: Mapped[str | None] = mapped_column(String(10), nullable=True)  # earliest day
    event_to: Mapped[str | None] = mapped_column(String(10), nullable=True)  # latest day
    event_time: Mapped[str] = mapped_column(String(5), default="")
    event_place: Mapped[str] = mapped_column(String(200), default="")
    event_place_type: Mapped[str] = mapped_column(String(20), default="")
    declaration_date: Mapped[str] = mapped_column(String(10), default="")
    # The day the office received the declaration: the draft's creation, from the clock,
    # never typed (issue 10 item 1). Empty for acts registered before it was recorded.
    received_date: Mapped[str] = mapped_column(String(10), default="")
    # The registrar's statement that a declaration typed as earlier than ``received_date``
    # was received on paper that day (and entered later); empty otherwise.
    paper_receipt: Mapped[str] = mapped_column(Text, default="")
    details: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    medical: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)  # confidential
    late: Mapped[bool] = mapped_column(Boolean, default=False)
    judgment_court: Mapped[str] = mapped_column(String(200), default="")
    judgment_number: Mapped[str] = mapped_column(String(60), default="")
    judgment_date: Mapped[str] = mapped_column(String(10), default="")
    transcribed: Mapped[bool] = mapped_column(Boolean, default=False)
    original_number: Mapped[int | None] = mapped_column(Integer, nullable=True)
    original_date: Mapped[str] = mapped_column(String(10), default="")
    transcription_note: Mapped[str] = mapped_column(Text, default="")
    registrar_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), nullable=True)
    registrar_name: Mapped[str] = mapped_column(String(200), default="")
    registrar_title: Mapped[str] = mapped_column(String(200), default="")
    content_hash: Mapped[str] = mapped_column(String(64), default="")
    created_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"), nullable=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    registered_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)

    persons: Mapped[list[ActPerson]] = relationship(
        back_populates="act",
        order_by="(ActPerson.role, ActPerson.position)",
        lazy="selectin",
        passive_deletes=True,
    )


class ActPerson(Base):
    __tablename__ = "act_persons"
    __table_args__ = (UniqueConstraint("act_id", "role", "position"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    act_id: Mapped[int] = mapped_column(ForeignKey("acts.id", ondelete="CASCADE"), index=True)
    role: Mapped[str] = mapped_column(String(20))
    position: Mapped[int] = mapped_column(Integer, default=0)
    family_name: Mapped[str] = mapped_column(String(200), default="")
    post_nom: Mapped[str] = mapped_column(String(200), default="")
    given_names: Mapped[str] = mapped_column(String(200), default="")
    sex: Mapped[int] = mapped_column(Integer, default=0)
    birth_date: Mapped[str] = mapped_column(String(11), default="")
    approx_age: Mapped[int | None] = mapped_column(Integer, nullable=True)
    birth_place: Mapped[str] = mapped_column(String(200), default="")
    profession: Mapped[str] = mapped_column(String(200), default="")
    domicile: Mapped[str] = mapped_column(String(200), default="")
    nationality: Mapped[str] = mapped_column(String(100), default="")
    id_document: Mapped[str] = mapped_column(String(100), default="")
    marital_status: Mapped[str] = mapped_column(String(30), default="")
    previous_marital_status: Mapped[str] = mapped_column(String(30), default="")
    capacity: Mapped[str] = mapped_column(String(40), default="")
    birth_act_ref: Mapped[str] = mapped_column(String(64), default="")

    act: Mapped[Act] = relationship(back_populates="persons")


class PersonSearch(Base):
    """Search keys of each person (normalised and phonetic). Rebuildable, so kept apart from
    the frozen legal record."""

    __tablename__ = "person_search"
    __table_args__ = (
        Index("ix_person_search_norm", "norm_family", "norm_given"),
        Index("ix_person_search_phon", "phon_family", "phon_given"),
        Index("ix_person_search_given", "norm_given"),
    )

    person_id: Mapped[int] = mapped_column(
        ForeignKey("act_persons.id", ondelete="CASCADE"), primary_key=True
    )
    act_id: Mapped[int] = mapped_column(ForeignKey("acts.id", ondelete="CASCADE"), index=True)
    role: Mapped[str] = mapped_column(String(20))
    norm_family: Mapped[str] = mapped_column(String(200), default="")
    phon_family: Mapped[str] = mapped_column(String(200), default="")
    norm_given: Mapped[str] = mapped_column(String(200), default="")
    phon_given: Mapped[str] = mapped_column(String(200), default="")
    norm_post_nom: Mapped[str] = mapped_column(String(200), default="")
    phon_post_nom: Mapped[str] = mapped_column(String(200), default="")


class PersonSearchCorrected(Base):
    """Search keys of a person's names as corrected by marginal mentions (rectification,
    change of name): searched and matched for duplicates beside the names as registered,
    which stay in ``person_search``. One row per corrected person (its current names)."""

    __tablename__ = "person_search_corrected"
    __table_args__ = (
        Index("ix_person_search_corrected_norm", "norm_family", "norm_given"),
        Index("ix_person_search_corrected_given", "norm_given"),
    )

    person_id: Mapped[int] = mapped_column(
        ForeignKey("act_persons.id", ondelete="CASCADE"), primary_key=True
    )
    act_id: Mapped[int] = mapped_column(ForeignKey("acts.id", ondelete="CASCADE"), index=True)
    mention_id: Mapped[int] = mapped_column(ForeignKey("mentions.id"))
    role: Mapped[str] = mapped_column(String(20))
    family_name: Mapped[str] = mapped_column(String(200), default="")
    post_nom: Mapped[str] = mapped_column(String(200), default="")
    given_names: Mapped[str] = mapped_column(String(200), default="")
    norm_family: Mapped[str] = mapped_column(String(200), default="")
    phon_family: Mapped[str] = mapped_column(String(200), default="")
    norm_given: Mapped[str] = mapped_column(String(200), default="")
    phon_given: Mapped[str] = mapped_column(String(200), default="")
    norm_post_nom: Mapped[str] = mapped_column(String(200), default="")
    phon_post_nom: Mapped[str] = mapped_column(String(200), default="")


class Mention(Base):
    """A marginal mention on a registered act. Append-only."""

    __tablename__ = "mentions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    act_id: Mapped[int] = mapped_column(ForeignKey("acts.id"), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    date: Mapped[str] = mapped_column(String(10))
    text: Mapped[str] = mapped_column(Text, default="")
    authority: Mapped[str] = mapped_column(String(200), default="")
    reference: Mapped[str] = mapped_column(String(100), default="")
    related_ref: Mapped[str] = mapped_column(String(64), default="")  # e.g. marriage act id
    # Structured content (civreg.domain.mention_data): authority code and note, the mention
    # a rectification rectifies, and corrections [{"field", "value", "previous"}].
    details: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)
    source: Mapped[str] = mapped_column(String(10), default="local")  # local|notice|imported
    recorded_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"), nullable=True)
    recorded_by_name: Mapped[str] = mapped_column(String(200), default="")
    recorded_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class MentionNotice(Base):
    """A mention to send to (outgoing) or received from (incoming) another centre."""

    __tablename__ = "mention_notices"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    direction: Mapped[str] = mapped_column(String(10))  # outgoing|incoming
    target_ref: Mapped[str] = mapped_column(String(64))  # global id of the act to annotate
    kind: Mapped[str] = mapped_column(String(20))
    date: Mapped[str] = mapped_column(String(10))
    text: Mapped[str] = mapped_column(Text, default="")
    source_ref: Mapped[str] = mapped_column(String(64), default="")
    source_office: Mapped[str] = mapped_column(String(40), default="")
    status: Mapped[str] = mapped_column(String(12), default="queued")
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    handled_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)


class IssuedCopy(Base):
    """Every certified copy or extract issued: who, when, which kind, for whom."""

    __tablename__ = "issued_copies"
    __table_args__ = (UniqueConstraint("act_id", "copy_number"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    act_id: Mapped[int] = mapped_column(ForeignKey("acts.id"), index=True)
    kind: Mapped[str] = mapped_column(String(10))  # full|extract
    copy_number: Mapped[int] = mapped_column(Integer)
    requester: Mapped[str] = mapped_column(String(200), default="")
    # capacity code from the profile's [documents.requesters]; the authorisation's reference
    requester_capacity: Mapped[str] = mapped_column(String(40), default="", server_default="")
    requester_reference: Mapped[str] = mapped_column(String(100), default="", server_default="")
    issued_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"), nullable=True)
    issued_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class ChangeLog(Base):
    """Monotonic list of things to transmit (registered acts, mentions, notices, copies)."""

    __tablename__ = "change_log"

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    entity: Mapped[str] = mapped_column(String(20))
    entity_uuid: Mapped[str] = mapped_column(String(36))
    at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class DuplicateDecision(Base):
    """A registrar's decision on a possible duplicate pair (audited)."""

    __tablename__ = "duplicate_decisions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    act_id: Mapped[int] = mapped_column(ForeignKey("acts.id"), index=True)
    candidate_act_id: Mapped[int] = mapped_column(ForeignKey("acts.id"))
    decision: Mapped[str] = mapped_column(String(20))  # not_duplicate|same_person
    decided_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"), nullable=True)
    decided_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
