"""The reading side of an import: a batch's records, in order, made into what the writing
side stores, without touching the database.

Act records are rebuilt (:func:`act_rows.fast_row`, or the reference
:func:`act_import.rebuild` for anything not in the canonical shape), their content hash
checked, and made into the rows of ``acts``, ``act_persons`` and ``person_search``: ids
numbered from the first free ones the writing side gave (:class:`Start`), values already as
the bulk insert sends them (:func:`bulk_insert.bulk_values`). Within the batch, an act of
another office or a register number given to two acts refuses it. Other records pass on as
they are, in chunks of one type.

What needs the store (an act already there, a number or uuid already taken) is checked by the
writing side (:func:`act_import.store_acts`). The reading runs in the importing process for
small batches and in a process of its own for big ones (:mod:`reading_process`), so that
parsing and checking use the second core while the database writes.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from operator import attrgetter, itemgetter
from types import SimpleNamespace
from typing import Any

from civreg.domain.names import search_keys
from civreg.exchange.act_import import (
    ACT_INSERT,
    PERSON_FIELDS,
    PERSON_INSERT,
    SEARCH_INSERT,
    SEARCH_KEYS,
    InvalidRecord,
    number_conflict,
    rebuild,
    register_key,
)
from civreg.exchange.act_rows import EventBounds, fast_row
from civreg.exchange.bulk_insert import bulk_values, dialect_named
from civreg.exchange.chunks import CHUNK_RECORDS, ActChunk, RecordChunk, Start
from civreg.models.acts import Act, ActPerson, PersonSearch
from civreg.sync.rejections import reject

_act_values = attrgetter(*ACT_INSERT)
_person_values = itemgetter(*PERSON_INSERT[2:])


class KeyCache:
    """Search keys of names already seen (names repeat a lot); ``search_keys`` keys each
    name field on its own, so keys are cached per name."""

    def __init__(self) -> None:
        self._names: dict[str, tuple[str, str]] = {}

    def _name(self, value: str) -> tuple[str, str]:
        found = self._names.get(value)
        if found is None:
            keys = search_keys(value, "", None)
            found = self._names[value] = (keys["norm_family"], keys["phon_family"])
        return found

    def row(self, family: str, given: str, post_nom: str) -> tuple[str, ...]:
        """``search_keys(family, given, post_nom or None)`` values in ``SEARCH_KEYS`` order."""
        return (*self._name(family), *self._name(given), *self._name(post_nom or ""))

    def get(self, family: str, given: str, post_nom: str) -> dict[str, str]:
        return dict(zip(SEARCH_KEYS, self.row(family, given, post_nom), strict=True))


def act_row(record: dict[str, Any], bounds: EventBounds) -> SimpleNamespace:
    """Fast path for canonical records; the reference rebuild for anything else."""
    row = fast_row(record, bounds)
    if row is not None:
        return row
    try:
        row = rebuild(record)
    except InvalidRecord as exc:
        raise reject(
            "invalid_record", record_type="act", record=record["id"], detail=str(exc)
        ) from None
    row.persons = [{f: getattr(p, f) for f in PERSON_FIELDS} for p in row.persons]
    return row


class ActReader:
    """Turns the act records of one batch into :class:`ActChunk` s."""

    def __init__(self, start: Start) -> None:
        self.office_id = start.office_id
        self.dialect = dialect_named(start.dialect)
        self.act_id = start.act_id
        self.person_id = start.person_id
        self.bounds = EventBounds()
        self.keys = KeyCache()
        self.numbers: dict[tuple[Any, ...], str] = {}  # register key -> first global id

    def chunk(self, records: list[dict[str, Any]]) -> ActChunk:
        rows = [act_row(record, self.bounds) for record in records]
        numbers = self.numbers
        for row in rows:
            if row.office_id != self.office_id:
                raise reject("foreign_record", office_id=self.office_id, record=row.global_id)
            other = numbers.setdefault(register_key(row), row.global_id)
            if other != row.global_id:
                raise number_conflict(row, other)
        out = ActChunk(
            ids=list(range(self.act_id, self.act_id + len(rows))),
            gids=[r.global_id for r in rows],
            uuids=[r.uuid for r in rows],
            hashes=[r.content_hash for r in rows],
            registers=[register_key(r) for r in rows],
        )
        acts, persons, search = out.acts, out.persons, out.search
        person_id, keys = self.person_id, self.keys
        for act_id, row in zip(out.ids, rows, strict=True):
            row.id = act_id
            row.status = "registered"
            row.origin = "imported"
            row.register_id = row.registrar_id = row.created_by = None
            row.created_at = row.updated_at = row.registered_at
            acts.append(_act_values(row))
            for p in row.persons:
                persons.append((person_id, act_id, *_person_values(p)))
                family, given, post_nom = p["family_name"], p["given_names"], p["post_nom"]
                search.append((person_id, act_id, p["role"], *keys.row(family, given, post_nom)))
                person_id += 1
        self.act_id += len(rows)
        self.person_id = person_id
        d = self.dialect
        out.acts = bulk_values(Act.__table__, ACT_INSERT, acts, d)
        out.persons = bulk_values(ActPerson.__table__, PERSON_INSERT, persons, d)
        out.search = bulk_values(PersonSearch.__table__, SEARCH_INSERT, search, d)
        return out


def read_chunks(
    records: Iterable[dict[str, Any]], start: Start
) -> Iterator[ActChunk | RecordChunk]:
    """The batch's records in chunks of one type, acts made into rows."""
    reader = ActReader(start)
    kind, chunk = "", list[dict[str, Any]]()

    def made(kind: str, chunk: list[dict[str, Any]]) -> ActChunk | RecordChunk:
        return reader.chunk(chunk) if kind == "act" else RecordChunk(kind, chunk)

    for record in records:
        if record["type"] != kind or len(chunk) >= CHUNK_RECORDS:
            if chunk:
                yield made(kind, chunk)
            kind, chunk = record["type"], []
        chunk.append(record)
    if chunk:
        yield made(kind, chunk)
