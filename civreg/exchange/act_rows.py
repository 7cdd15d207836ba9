"""The fast way from an act record to the row it is inserted as.

``fast_row`` accepts only records in exactly the canonical shape an exporting office writes
(every key present, every value of its JSON type, persons in (role, position) order, content
hash right) and builds the row straight from the parsed JSON, without the ``ActInput`` and
``Person`` dataclasses. Anything else returns ``None`` and the caller runs the reference
``act_import.rebuild``, which refuses it with its precise reason or accepts it: every record
the fast path accepts, the reference accepts too, giving the same row.
"""

from __future__ import annotations

import hashlib
from dataclasses import fields
from datetime import datetime
from operator import itemgetter
from types import SimpleNamespace
from typing import Any

from civreg.domain.acts import ActInput, ActKind, Person
from civreg.models.act_repo import CONFIDENTIAL_DETAILS, OPTIONAL_CONTENT_KEYS, event_bounds
from civreg.sync.record_json import hash_bytes, plain

META_KEYS = frozenset(
    {
        "uuid",
        "office_id",
        "country",
        "commune",
        "year",
        "number",
        "global_id",
        "late",
        "registrar_name",
        "registrar_title",
        "registered_at",
    }
)
_CONTENT_KEYS = frozenset(f.name for f in fields(ActInput)) | META_KEYS
# Present only when set (received date, paper-receipt statement): non-empty strings.
_OPTIONAL_KEYS = frozenset(OPTIONAL_CONTENT_KEYS)
_PERSON_KEYS = frozenset(f.name for f in fields(Person))
_person_strs = itemgetter(*(k for k in _PERSON_KEYS if k not in ("position", "sex", "approx_age")))
_content_strs = itemgetter(
    "event_date",
    "event_time",
    "event_place",
    "event_place_type",
    "declaration_date",
    "centre",
    "uuid",
    "office_id",
    "country",
    "commune",
    "global_id",
    "registrar_name",
    "registrar_title",
    "registered_at",
)
_ONLY_STR = {str}
_KINDS = frozenset(k.value for k in ActKind)
_JUDGMENT_KEYS = frozenset({"court", "number", "date"})
_TRANSCRIPTION_KEYS = frozenset({"original_number", "original_date", "note"})

_FLAT = frozenset({str, int, bool, type(None)})


def content_hash(content: dict[str, Any], checked: bool = False) -> str:
    """``security.audit.content_hash`` (same bytes, same digest), with orjson where it gives
    the same bytes (see :mod:`civreg.sync.record_json`)."""
    return hashlib.sha256(hash_bytes(content, checked)).hexdigest()


class EventBounds:
    """``event_bounds`` per distinct event date (dates repeat a lot in a batch)."""

    def __init__(self) -> None:
        self._cache: dict[str, tuple[str | None, str | None]] = {}

    def get(self, text: str) -> tuple[str | None, str | None]:
        found = self._cache.get(text)
        if found is None:
            found = self._cache[text] = event_bounds(text)
        return found


def _persons_ok(persons: Any) -> bool:
    if type(persons) is not list:
        return False
    previous: tuple[str, int] | None = None
    for p in persons:
        if type(p) is not dict or p.keys() != _PERSON_KEYS:
            return False
        if set(map(type, _person_strs(p))) != _ONLY_STR:
            return False
        position = p["position"]
        age = p["approx_age"]
        if type(position) is not int or type(p["sex"]) is not int:
            return False
        if age is not None and type(age) is not int:
            return False
        order = (p["role"], position)
        if previous is not None and order < previous:
            return False
        previous = order
    return True


def _judgment(j: Any) -> tuple[str, str, str] | None:
    if j is None:
        return "", "", ""
    if type(j) is not dict or j.keys() != _JUDGMENT_KEYS:
        return None
    court, number, date = j["court"], j["number"], j["date"]
    if type(court) is not str or type(number) is not str or type(date) is not str:
        return None
    return (court, number, date) if court or number else None


def _transcription(tr: Any) -> tuple[bool, int | None, str, str] | None:
    if tr is None:
        return False, None, "", ""
    if type(tr) is not dict or tr.keys() != _TRANSCRIPTION_KEYS:
        return None
    number, date, note = tr["original_number"], tr["original_date"], tr["note"]
    if type(number) is not int or type(date) is not str or type(note) is not str:
        return None
    return True, number, date, note


def fast_row(record: dict[str, Any], bounds: EventBounds) -> SimpleNamespace | None:
    """The row of a canonical act record, or None (then use the reference rebuild)."""
    content = record.get("content")
    if type(content) is not dict:
        return None
    optional = content.keys() - _CONTENT_KEYS
    if optional:
        if not optional <= _OPTIONAL_KEYS or content.keys() - optional != _CONTENT_KEYS:
            return None
        if any(type(content[k]) is not str or not content[k] for k in optional):
            return None
    elif content.keys() != _CONTENT_KEYS:
        return None
    if set(map(type, _content_strs(content))) != _ONLY_STR:
        return None
    kind = content["kind"]
    details = content["details"]
    if type(kind) is not str or kind not in _KINDS or type(details) is not dict:
        return None
    if type(content["year"]) is not int or type(content["number"]) is not int:
        return None
    if type(content["late"]) is not bool or not _persons_ok(content["persons"]):
        return None
    judgment = _judgment(content["judgment"])
    transcription = _transcription(content["transcription"])
    if judgment is None or transcription is None:
        return None
    if content["global_id"] != record["id"] or content["uuid"] != record.get("uuid"):
        return None
    try:
        registered = datetime.fromisoformat(content["registered_at"]).replace(tzinfo=None)
    except ValueError:
        return None
    if registered.isoformat(timespec="seconds") != content["registered_at"]:
        return None
    claimed = record.get("content_hash")
    # Every other field's type was checked above: details decide whether orjson is exact
    # (flat in most acts; a death's cause is a dict of strings).
    checked = set(map(type, details.values())) <= _FLAT or plain(details)
    if content_hash(content, checked) != claimed:
        return None
    details = dict(details)
    medical = {k: details.pop(k) for k in CONFIDENTIAL_DETAILS if k in details}
    event_from, event_to = bounds.get(content["event_date"])
    transcribed, original_number, original_date, note = transcription
    return SimpleNamespace(
        kind=kind,
        event_date=content["event_date"],
        event_from=event_from,
        event_to=event_to,
        event_time=content["event_time"],
        event_place=content["event_place"],
        event_place_type=content["event_place_type"],
        declaration_date=content["declaration_date"],
        details=details,
        medical=medical or None,
        judgment_court=judgment[0],
        judgment_number=judgment[1],
        judgment_date=judgment[2],
        transcribed=transcribed,
        original_number=original_number,
        original_date=original_date,
        transcription_note=note,
        uuid=content["uuid"],
        office_id=content["office_id"],
        country=content["country"],
        commune=content["commune"],
        centre=content["centre"],
        year=content["year"],
        number=content["number"],
        global_id=content["global_id"],
        late=content["late"],
        registrar_name=content["registrar_name"],
        registrar_title=content["registrar_title"],
        registered_at=registered,
        persons=content["persons"],
        content_hash=claimed,
        received_date=content.get("received_date", ""),
        paper_receipt=content.get("paper_receipt", ""),
    )
