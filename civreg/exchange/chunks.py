"""What the reading side of an import (:mod:`civreg.exchange.act_reading`) hands to the
writing side (:mod:`civreg.exchange.batch_records`): plain data that pickles, so that it can
come from a worker process (:mod:`civreg.exchange.reading_process`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

CHUNK_RECORDS = 2000  # records of one type handed to the writing side at a time


@dataclass(frozen=True)
class Start:
    """Where the reading side starts: the sending office, the store's dialect
    (``"sqlite+pysqlite"``, ``"postgresql+psycopg"``) and the first free row ids."""

    office_id: str
    dialect: str
    act_id: int
    person_id: int


@dataclass
class RecordChunk:
    """Records of one type other than acts, as parsed."""

    kind: str
    records: list[dict[str, Any]]


@dataclass
class ActChunk:
    """Up to :data:`CHUNK_RECORDS` acts, each numbered (ids follow the batch order), with
    the rows to insert if they are new; the lists run in parallel, one entry per act."""

    ids: list[int]
    gids: list[str]
    uuids: list[str]
    hashes: list[str]
    registers: list[tuple[Any, ...]]  # (country, commune, centre, kind, year, number)
    acts: list[Any] = field(default_factory=list)  # rows in ACT_INSERT order
    persons: list[Any] = field(default_factory=list)  # PERSON_INSERT order
    search: list[Any] = field(default_factory=list)  # SEARCH_INSERT order
