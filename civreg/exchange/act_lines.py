"""Act records as canonical JSON lines, written mostly by SQLite (issue 17).

The exporter's fast path on a SQLite store. An act record is the canonical JSON of
``{"type": "act", "id", "uuid", "content", "content_hash"}`` (:mod:`civreg.exchange.records`
builds it as a dict); building 100 000 of them and their 376 000 persons as Python dicts and
encoding them cost more than the raw JSON + zstd write of the whole batch. Here SQLite writes
the JSON text, in C, while it reads the rows: each person with ``json_object`` (keys in sorted
order), each act's fields with ``json_quote`` between literal keys, in the sorted order the
canonical encoder would give. Python decodes and encodes only the act's ``details`` (a JSON
column stored by SQLAlchemy, not canonical, merged with the confidential ``medical``) and
joins the pieces.

The bytes are those of ``canonical_json(record)``: SQLite and Python's ``json`` escape
strings alike (quote, backslash, the five short escapes, other control characters as
``\\u00xx`` in lowercase, nothing else) and write integers and null alike;
``tests/integration/test_act_lines.py`` holds them equal on acts of every kind and shape and
on text with every control character. What the two would write differently sends the act to
the dict path: a REAL (``1e+16`` against ``1.0e+16``) or a BLOB anywhere, a non-integer in an
integer or boolean column, an unknown kind, a registration time not in SQLAlchemy's stored
form. On PostgreSQL ``act_lines`` returns ``None`` and the caller takes the dict path.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from civreg.domain.acts import ActKind
from civreg.exchange import records as rec
from civreg.exchange.bulk_select import chunked
from civreg.sync.payload import CANONICAL, EncodedRecord

# --- persons: one JSON object per row, in (act, role, position) order --------------------

_PERSON_KEYS = sorted(rec.PERSON_FIELDS)
_PERSON_INTEGERS = ("position", "sex", "approx_age")
_PERSON_ODD = (  # text columns hold only text, null or blob (TEXT affinity)
    f"'blob' IN ({', '.join(f'typeof({f})' for f in _PERSON_KEYS)}) "
    f"OR 'real' IN ({', '.join(f'typeof({f})' for f in _PERSON_INTEGERS)})"
)
_PERSONS = (  # the act_id index: the rows come in act order, a sort per act only
    f"SELECT act_id, max({_PERSON_ODD}), '[' || group_concat(json_object("
    + ", ".join(f"'{f}', {f}" for f in _PERSON_KEYS)
    + "), ',' ORDER BY role, position) || ']' FROM act_persons {where} GROUP BY act_id"
)


# --- acts: the whole record, "details" and "persons" left as placeholders ----------------

_JUDGMENT = (
    "CASE WHEN coalesce(judgment_court, '') <> '' OR coalesce(judgment_number, '') <> '' "
    "THEN json_object('court', judgment_court, 'date', judgment_date, "
    "'number', judgment_number) END"
)
_TRANSCRIPTION = (
    "CASE WHEN coalesce(transcribed, 0) <> 0 THEN json_object('note', transcription_note, "
    "'original_date', original_date, 'original_number', "
    "CASE WHEN coalesce(original_number, 0) = 0 THEN 0 ELSE original_number END) END"
)
_VALUES = {  # what the content holds, when it is not the column of the same name
    "details": "0",  # placeholder, replaced by Python
    "judgment": _JUDGMENT,
    "late": "CASE WHEN late IS NULL THEN NULL WHEN late <> 0 THEN json('true') "
    "ELSE json('false') END",
    "persons": "1",  # placeholder, replaced by Python
    "registered_at": "substr(registered_at, 1, 10) || 'T' || substr(registered_at, 12, 8)",
    "transcription": _TRANSCRIPTION,
}
_DETAILS, _PERSONS_AT = '"details":0', '"persons":1'
_CONTENT_KEYS = (
    *("centre", "commune", "country", "declaration_date", "details", "event_date"),
    *("event_place", "event_place_type", "event_time", "global_id", "judgment", "kind"),
    *("late", "number", "office_id", "paper_receipt", "persons", "received_date"),
    *("registered_at", "registrar_name", "registrar_title", "transcription", "uuid", "year"),
)
_OPTIONAL = ("paper_receipt", "received_date")  # present only when set (optional_content)
assert list(_CONTENT_KEYS) == sorted(_CONTENT_KEYS)  # json_object keeps the order given


def _content(present: set[str]) -> str:
    keys = [k for k in _CONTENT_KEYS if k not in _OPTIONAL or k in present]
    return "json_object(" + ", ".join(f"'{k}', {_VALUES.get(k, k)}" for k in keys) + ")"


def _set(column: str) -> str:
    return f"coalesce({column}, '') <> ''"


_CONTENT = (  # one json_object per combination of the optional keys; SQLite evaluates one
    f"CASE WHEN {_set('paper_receipt')} THEN CASE WHEN {_set('received_date')} "
    f"THEN {_content({'paper_receipt', 'received_date'})} "
    f"ELSE {_content({'paper_receipt'})} END "
    f"ELSE CASE WHEN {_set('received_date')} THEN {_content({'received_date'})} "
    f"ELSE {_content(set())} END END"
)
_RECORD = (  # keys in sorted order
    f"json_object('content', {_CONTENT}, 'content_hash', content_hash, 'id', global_id, "
    "'type', 'act', 'uuid', uuid)"
)
_TEXT_COLUMNS = (
    *("uuid", "centre", "commune", "country", "declaration_date", "event_date", "event_place"),
    *("event_place_type", "event_time", "global_id", "judgment_court", "judgment_number"),
    *("judgment_date", "kind", "office_id", "paper_receipt", "received_date", "registrar_name"),
    *("registrar_title", "original_date", "transcription_note", "content_hash", "registered_at"),
)
_INTEGERS = ("year", "number", "original_number", "late", "transcribed")
_KINDS = ", ".join(f"'{k.value}'" for k in ActKind)
_STORED_TIME = "[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9] [0-9][0-9]:[0-9][0-9]:[0-9][0-9]"
_ACT_ODD = (
    f"'blob' IN ({', '.join(f'typeof({c})' for c in _TEXT_COLUMNS)}) "
    f"OR 'real' IN ({', '.join(f'typeof({c})' for c in _INTEGERS)}) "
    "OR typeof(late) = 'text' OR typeof(transcribed) = 'text' "
    f"OR kind IS NULL OR kind NOT IN ({_KINDS}) "
    "OR (registered_at IS NOT NULL AND NOT (length(registered_at) = 19 "
    f"AND registered_at GLOB '{_STORED_TIME}' OR length(registered_at) = 26 "
    f"AND registered_at GLOB '{_STORED_TIME}.[0-9][0-9][0-9][0-9][0-9][0-9]'))"
)
_ACTS = (
    f"SELECT id, uuid, global_id, {_ACT_ODD}, details, medical, {_RECORD} "
    "FROM acts WHERE status = 'registered' {where}"
)


def _cursor(session: Session) -> Any:
    session.flush()
    raw = session.connection().connection.driver_connection
    assert raw is not None
    return raw.cursor()


def _persons(cursor: Any, act_ids: Sequence[int], scan: bool) -> dict[int, str | None]:
    """act id -> the JSON text of its persons' list, or None when one of them is odd."""
    if scan:
        rows = cursor.execute(_PERSONS.replace("{where}", "")).fetchall()
    else:
        rows = []
        for c in chunked(act_ids):
            where = f"WHERE act_id IN ({', '.join('?' * len(c))})"
            rows += cursor.execute(_PERSONS.replace("{where}", where), tuple(c)).fetchall()
    return {act_id: None if odd else listed for act_id, odd, listed in rows}


def _details_writer(session: Session) -> Any:
    """details, medical (stored text) -> canonical JSON of the content's ``details``: what
    ``records.act_content`` makes of them, decoded by the column's own result processor."""
    dialect = session.get_bind().dialect
    decode: list[Any] = [
        rec.ACT_TABLE.c[name].type.dialect_impl(dialect).result_processor(dialect, None)
        for name in ("details", "medical")
    ]
    assert all(decode)  # JSON columns always decode
    memo: dict[str, str] = {}

    def write(details: Any, medical: Any) -> str:
        if medical is None and type(details) is str and details in memo:
            return memo[details]
        merged = dict(decode[0](details) or {})
        found = decode[1](medical)
        if found:
            merged.update(found)
        out = CANONICAL.encode(merged)
        if medical is None and type(details) is str:
            memo[details] = out
        return out

    return write


def _fill(line: str, details: str, persons: str) -> str:
    """The record's text with its details and persons in place of the placeholders. Each
    placeholder occurs once: a quote inside a JSON string is escaped, so ``"details":0`` and
    ``"persons":1`` can only be keys, and only the content has those keys (persons first:
    the details written in may hold any key, the persons' list none of those two)."""
    line = line.replace(_PERSONS_AT, '"persons":' + persons, 1)
    return line.replace(_DETAILS, '"details":' + details, 1)


def act_lines(session: Session, uuids: list[str]) -> list[EncodedRecord] | None:
    """The records of :func:`records.act_records`, already encoded, in the same order; None on
    a store that is not SQLite (the caller takes the dict path)."""
    if session.get_bind().dialect.name != "sqlite":
        return None
    if not uuids:
        return []
    total = session.scalar(select(func.count()).select_from(rec.ACT_TABLE)) or 0
    scan = len(uuids) * 4 >= total
    cursor = _cursor(session)
    try:
        if scan:
            wanted = set(uuids)
            acts = [a for a in cursor.execute(_ACTS.replace("{where}", "")) if a[1] in wanted]
        else:
            acts = []
            for chunk in chunked(uuids):
                where = f"AND uuid IN ({', '.join('?' * len(chunk))})"
                acts += cursor.execute(_ACTS.replace("{where}", where), tuple(chunk)).fetchall()
        persons = _persons(cursor, [a[0] for a in acts], scan)
    finally:
        cursor.close()
    order = {u: i for i, u in enumerate(uuids)}
    acts.sort(key=lambda a: order[a[1]])
    odd = [a[1] for a in acts if a[3] or persons.get(a[0], "[]") is None]
    slow = {r["uuid"]: r for r in rec.act_records(session, odd)} if odd else {}
    details = _details_writer(session)
    out = []
    for _id, uuid, global_id, is_odd, det, medical, line in acts:
        listed = persons.get(_id, "[]")
        if is_odd or listed is None:
            record = slow[uuid]
            out.append(EncodedRecord("act", record["id"], CANONICAL.encode(record)))
        else:
            out.append(EncodedRecord("act", global_id, _fill(line, details(det, medical), listed)))
    return out
