"""The one typed declarative base for every civreg table (SQLite/SQLCipher and PostgreSQL)."""

from __future__ import annotations

from datetime import UTC, datetime
from enum import StrEnum
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar

from sqlalchemy import Dialect, MetaData, String, Table
from sqlalchemy.orm import DeclarativeBase
from sqlalchemy.types import TypeDecorator

# Named constraints make Alembic batch migrations on SQLite and diffs on PostgreSQL stable.
NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    if TYPE_CHECKING:  # every model maps one Table (DeclarativeBase says FromClause)
        __table__: ClassVar[Table]


E = TypeVar("E", bound=StrEnum)


class EnumText(TypeDecorator[E]):
    """A ``StrEnum`` stored as its text value: the column stays a plain VARCHAR (no schema
    change, readable in SQL and by other offices), the model attribute is the enum."""

    impl = String
    cache_ok = True

    def __init__(self, enum: type[E], length: int) -> None:
        super().__init__(length)
        self.enum = enum

    def process_bind_param(self, value: Any, dialect: Dialect) -> str | None:
        return None if value is None else self.enum(value).value

    def process_result_value(self, value: Any, dialect: Dialect) -> E | None:
        return None if value is None else self.enum(value)


def utcnow() -> datetime:
    """Naive UTC timestamp (stored without zone on both backends)."""
    return datetime.now(UTC).replace(tzinfo=None, microsecond=0)


# Indexes created by migrations only (expression indexes SQLAlchemy cannot reflect on SQLite,
# and covering indexes the models need not declare):
# autogenerate and the "models match migrations" checks leave them out.
MIGRATION_ONLY_INDEXES = frozenset(
    {
        "ix_person_search_compact",
        "ix_person_search_given_compact",
        "ix_person_search_norm_act",  # 0004
        "ix_person_search_child",
        "ix_person_search_deceased",
        "ix_acts_partial_dates",  # 0004
        "ix_person_search_corrected_compact",  # 0007
        "ix_person_search_corrected_given_compact",  # 0007
        "ix_person_search_family_tail",  # 0011
        "ix_person_search_post_nom",
        "ix_person_search_corrected_family_tail",
        "ix_person_search_corrected_post_nom",
    }
)


def include_object(
    obj: object, name: str | None, type_: str, reflected: bool, compare_to: object
) -> bool:
    """Alembic ``include_object`` hook."""
    return not (type_ == "index" and name in MIGRATION_ONLY_INDEXES)
