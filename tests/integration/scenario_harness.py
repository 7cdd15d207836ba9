"""Table-driven legal scenarios: reads ``scenarios_<country>.txt`` (format documented at the
top of each file) and plays each line through the real services on a real encrypted store.

A line is an act (``birth``, ``marriage``, ``death``: a template act, valid under the law in
force on its date, with the line's changes applied) or a marginal mention on an act of an
earlier line. Lines run in file order on one store per file, so a line can refer to the act
registered by an earlier line as ``@ID`` (its global identifier).

Used by ``test_scenarios.py`` (in-process, every line) and ``test_scenarios_cli.py`` (the
lines marked ``cli``, through ``civreg declare --register`` and ``civreg mention add``).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, fields, replace
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from civreg.domain.acts import ActInput, ActKind, Judgment, Person, Transcription

HERE = Path(__file__).resolve().parent
OUTCOMES = ("registered", "refused", "warning")
_REF = re.compile(r"@([A-Z][A-Z0-9]*\d)\b")
_INDEXED = re.compile(r"^(\w+)\[(\d+)\]$")
_REPEAT = re.compile(r'("[^"]*")\*(\d+)')
_PERSON_FIELDS = {f.name: f for f in fields(Person)}
_INT_FIELDS = {"sex", "approx_age", "position"}
# Where the templates put their office, by country (real geography codes, so competence runs).
OFFICES = {
    "BF": dict(commune="BLK01", centre="01", office_name="Centre principal de Koudougou"),
    "CD": dict(commune="KN-V01-C04", centre="01", office_name="Bureau principal de Gombe"),
}


@dataclass(frozen=True)
class Row:
    file: str
    line: int
    id: str
    act: str  # birth | marriage | death | mention:<kind>
    event: str
    received: str
    changes: tuple[tuple[str, str], ...]
    expect: str
    rule: str
    rule_set: str
    law: str
    cli: bool
    note: str

    @property
    def kind(self) -> str:
        return self.act.split(":", 1)[0]

    @property
    def mention_kind(self) -> str:
        return self.act.split(":", 1)[1] if ":" in self.act else ""

    @property
    def where(self) -> str:
        return f"{self.file}:{self.line} [{self.id}] {self.note}"

    def today(self) -> date:
        """The day the office receives the declaration and registers it (column received;
        by default the event's day for a marriage or a mention, five days later otherwise)."""
        if self.received:
            return date.fromisoformat(self.received)
        day = _day(self.event)
        return day if self.kind in ("marriage", "mention") else day + timedelta(days=5)


def _day(text: str) -> date:
    """The latest day a partial ISO date denotes (``2010`` → 31 Dec 2010)."""
    from civreg.domain.dates import PartialDate

    return PartialDate.from_iso(text).latest()


def load(country: str) -> list[Row]:
    path = HERE / f"scenarios_{country.lower()}.txt"
    rows: list[Row] = []
    seen: set[str] = set()
    for n, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        text = raw.strip()
        if not text or text.startswith("#"):
            continue
        cells = [c.strip() for c in text.split("|")]
        if len(cells) != 10:
            raise ValueError(f"{path.name}:{n}: expected 10 columns, got {len(cells)}")
        rid, act, event, received, changes, expect, rule, rule_set, law, cli_note = cells[:10]
        cli, _, note = cli_note.partition(" ")
        if cli not in ("cli", "-"):
            raise ValueError(f"{path.name}:{n}: last column starts with 'cli' or '-'")
        if rid in seen or not re.fullmatch(r"[A-Z][A-Z0-9]*\d", rid):
            raise ValueError(f"{path.name}:{n}: bad or repeated id {rid!r}")
        seen.add(rid)
        if expect not in OUTCOMES:
            raise ValueError(f"{path.name}:{n}: expect is one of {OUTCOMES}")
        if expect != "registered" and rule in ("", "-"):
            raise ValueError(f"{path.name}:{n}: a refusal or warning names its rule")
        if act.split(":")[0] not in ("birth", "marriage", "death", "mention"):
            raise ValueError(f"{path.name}:{n}: unknown act {act!r}")
        for ref in _REF.findall(changes):
            if ref not in seen:
                raise ValueError(f"{path.name}:{n}: @{ref} is not an earlier line")
        rows.append(
            Row(
                file=path.name,
                line=n,
                id=rid,
                act=act,
                event=event,
                received="" if received == "-" else received,
                changes=_changes(changes, f"{path.name}:{n}"),
                expect=expect,
                rule="" if rule == "-" else rule,
                rule_set="" if rule_set == "-" else rule_set,
                law="" if law == "-" else law,
                cli=cli == "cli",
                note=note.strip(),
            )
        )
    return rows


def _changes(text: str, where: str) -> tuple[tuple[str, str], ...]:
    if text in ("", "-"):
        return ()
    out = []
    for part in text.split(";"):
        part = part.strip()
        if not part:
            continue
        if part.startswith("-"):
            out.append((part, ""))
            continue
        path, eq, value = part.partition("=")
        if not eq:
            raise ValueError(f"{where}: change {part!r} is not path=value")
        out.append((path.strip(), value.strip()))
    return tuple(out)


def value_of(text: str, refs: dict[str, str]) -> Any:
    """``@ID`` becomes the global id of that line's act; JSON (numbers, objects, lists,
    true/false, "quoted") is parsed; anything else is the text itself."""
    text = _REF.sub(lambda m: refs[m.group(1)], text)
    if text == "":
        return ""
    repeat = _REPEAT.fullmatch(text)
    if repeat:  # "AB"*1000: a long text without writing it out
        return json.loads(repeat.group(1)) * int(repeat.group(2))
    try:
        return json.loads(text)
    except ValueError:
        return text


# -- template acts -----------------------------------------------------------------------------
def _years_before(day: date, years: int) -> str:
    try:
        return day.replace(year=day.year - years).isoformat()
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28).isoformat()


def template(row: Row, country: str) -> ActInput:
    """A valid act of the row's kind dated on the row's event (persons' ages follow it)."""
    day = _day(row.event)
    cd = country == "CD"
    if row.kind == "birth":
        family = "KABONGO" if cd else "SAWADOGO"
        persons = (
            Person(
                "child",
                family_name=family,
                given_names="Merveille",
                sex=2,
                birth_date=row.event,
                post_nom="MBUYI" if cd else "",
            ),
            Person(
                "father",
                family_name=family,
                given_names="Jean",
                sex=1,
                birth_date=_years_before(day, 32),
                profession="commerçant",
            ),
            Person(
                "mother",
                family_name="NGALULA" if cd else "OUEDRAOGO",
                given_names="Aminata",
                sex=2,
                birth_date=_years_before(day, 27),
                profession="couturière",
            ),
            Person("declarant", family_name=family, given_names="Jean", sex=1, capacity="father"),
        )
        details: dict[str, Any] = {"multiplicity": "single", "weight_grams": 3200}
        if cd:
            details["parents_residence_code"] = OFFICES["CD"]["commune"]
        else:
            details["event_place_code"] = "BLK01-L002"
        return ActInput(
            kind=ActKind.BIRTH,
            event_date=row.event,
            event_place="Hôpital général de Gombe" if cd else "CHU de Koudougou",
            event_place_type="health_facility",
            declaration_date=row.today().isoformat(),
            persons=persons,
            details=details,
        )
    if row.kind == "marriage":
        witnesses = tuple(
            Person(
                "witness",
                i,
                family_name="KABORE" if not cd else "MUKENDI",
                given_names=f"Témoin {'AB'[i - 1]}",
                sex=1,
                birth_date=_years_before(day, 45),
            )
            for i in (1, 2)
        )
        details = {"form": "civil"}
        if cd:
            details |= {
                "property_regime": "community_of_acquests",
                "bride_price": {"amount": 500, "currency": "USD", "status": "paid"},
            }
        else:
            details["option"] = "monogamy"
        return ActInput(
            kind=ActKind.MARRIAGE,
            event_date=row.event,
            event_place="Maison communale de Gombe" if cd else "Mairie de Koudougou",
            declaration_date=row.today().isoformat(),
            persons=(
                Person(
                    "spouse1",
                    family_name="ILUNGA" if cd else "ZONGO",
                    given_names="Adama",
                    sex=1,
                    birth_date=_years_before(day, 30),
                    previous_marital_status="single",
                ),
                Person(
                    "spouse2",
                    family_name="MBUYI" if cd else "NANA",
                    given_names="Awa",
                    sex=2,
                    birth_date=_years_before(day, 26),
                    previous_marital_status="single",
                ),
                *witnesses,
            ),
            details=details,
        )
    if row.kind == "death":
        return ActInput(
            kind=ActKind.DEATH,
            event_date=row.event,
            event_place="Hôpital général de Gombe" if cd else "CHU de Koudougou",
            declaration_date=row.today().isoformat(),
            persons=(
                Person(
                    "deceased",
                    family_name="TSHIMANGA" if cd else "KABORE",
                    given_names="Paul",
                    sex=1,
                    birth_date=_years_before(day, 70),
                ),
                Person(
                    "declarant",
                    family_name="TSHIMANGA" if cd else "KABORE",
                    given_names="Marie",
                    sex=2,
                    capacity="relative",
                ),
            ),
            details={"event_place_code": OFFICES["CD"]["commune"] if cd else "BLK01-L002"},
        )
    raise ValueError(row.kind)


# Changes that are not part of the act: what the registrar states when registering.
REGISTRAR_STATEMENTS = ("paper_receipt",)


def build_act(row: Row, country: str, refs: dict[str, str]) -> ActInput:
    act = template(row, country)
    for path, raw in row.changes:
        if path not in REGISTRAR_STATEMENTS:
            act = apply_change(act, path, raw, refs)
    return act


def paper_receipt(row: Row) -> str:
    """The registrar's statement that the declaration was received on paper earlier
    (``paper_receipt=…`` in the changes), or ""."""
    return next((raw for path, raw in row.changes if path == "paper_receipt"), "")


def apply_change(act: ActInput, path: str, raw: str, refs: dict[str, str]) -> ActInput:
    """``spouse2.birth_date=…``, ``witness[2].sex=…``, ``details.bride_price.status=…``,
    ``judgment.court=…``, ``transcription.original_number=…``, ``event_place=…``;
    ``-witness[2]`` removes a person, ``-details.option`` a details entry."""
    if path.startswith("-"):
        target = path[1:]
        if target.startswith("details."):
            details = dict(act.details)
            details.pop(target.split(".", 1)[1], None)
            return replace(act, details=details)
        role, position = _role(target)
        kept = tuple(p for p in act.persons if (p.role, p.position) != (role, position))
        return replace(act, persons=kept)
    value = value_of(raw, refs)
    head, _, rest = path.partition(".")
    if head == "details":
        return replace(act, details=_set_nested(dict(act.details), rest.split("."), value))
    if head == "judgment":
        j = act.judgment or Judgment("", "", "")
        if not rest:
            return replace(act, judgment=Judgment(**value) if value else None)
        return replace(act, judgment=replace(j, **{rest: str(value)}))
    if head == "transcription":
        tr = act.transcription or Transcription(0, "")
        if not rest:
            return replace(act, transcription=Transcription(**value) if value else None)
        return replace(act, transcription=replace(tr, **{rest: value}))
    if not rest:
        return replace(act, **{head: str(value) if head != "kind" else value})
    role, position = _role(head)
    if rest not in _PERSON_FIELDS:
        raise ValueError(f"unknown person field {rest!r}")
    if rest not in _INT_FIELDS:
        value = "" if value is None else str(value) if not isinstance(value, str) else value
    persons = list(act.persons)
    for i, p in enumerate(persons):
        if (p.role, p.position) == (role, position):
            persons[i] = replace(p, **{rest: value})
            break
    else:
        persons.append(replace(Person(role, position), **{rest: value}))
    return replace(act, persons=tuple(persons))


def _role(text: str) -> tuple[str, int]:
    m = _INDEXED.match(text)
    return (m.group(1), int(m.group(2))) if m else (text, 0)


def _set_nested(d: dict[str, Any], keys: list[str], value: Any) -> dict[str, Any]:
    if len(keys) == 1:
        d[keys[0]] = value
        return d
    sub = d.get(keys[0])
    d[keys[0]] = _set_nested(dict(sub) if isinstance(sub, dict) else {}, keys[1:], value)
    return d


def mention_args(row: Row, refs: dict[str, str]) -> dict[str, Any]:
    """Keyword arguments for ``services.mentions.add_mention`` from a mention line."""
    args: dict[str, Any] = {
        "kind": row.mention_kind,
        "when": row.event,
        "text": "Mention portée pour le scénario.",
        "authority": "",
        "authority_note": "",
        "reference": "",
        "related_ref": "",
    }
    target = ""
    for path, raw in row.changes:
        value = value_of(raw, refs)
        if path == "target":
            target = str(value)
        elif path in ("text", "authority", "authority_note", "reference", "related_ref"):
            args[path] = str(value)
        else:
            raise ValueError(f"{row.where}: unknown mention field {path!r}")
    if not target:
        raise ValueError(f"{row.where}: a mention line names its target=@ID")
    args["ref"] = target
    return args
