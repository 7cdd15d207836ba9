"""The act form's fields ↔ :class:`~civreg.domain.acts.ActInput`, without Qt.

A form is a set of text values keyed by validation path (``event_date``,
``child.family_name``, ``witness[1].given_names``, ``details.weight_grams``,
``details.cause.part1[0].text``…), as the widgets give them: dates already partial ISO, coded
choices as their code. :func:`to_input` builds the act from them and :func:`field_values`
gives them back from an act. This module imports no PySide6 (unit-tested in
``tests/unit/test_form_mapping.py``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from civreg.domain.acts import ActInput, ActKind, Judgment, Person, Transcription

PARENT = (
    "family_name",
    "given_names",
    "birth_date",
    "birth_place",
    "profession",
    "domicile",
    "nationality",
)
SPOUSE = (
    "family_name",
    "given_names",
    "sex",
    "birth_date",
    "birth_place",
    "profession",
    "domicile",
    "nationality",
    "previous_marital_status",  # married, divorced, widowed: the previous marriage is asked
)
PRIOR_FIELDS = (  # a spouse's previous marriage (details.prior_marriages)
    "act_ref",
    "ended_by",
    "ended_judgment.court",
    "ended_judgment.number",
    "ended_judgment.date",
    "ended_death_act_ref",
)
DECISION = ("court", "number", "date")
PERSON_FIELDS: dict[str, tuple[str, ...]] = {
    "child": ("family_name", "given_names", "sex"),
    "father": PARENT,
    "mother": PARENT,
    "spouse1": SPOUSE,
    "spouse2": SPOUSE,
    "witness": ("family_name", "given_names", "birth_date", "domicile"),
    "deceased": (
        "family_name",
        "given_names",
        "sex",
        "birth_date",
        "birth_place",
        "profession",
        "domicile",
    ),
    "spouse": ("family_name", "given_names"),
    # The capacity comes first: "father" or "mother" fills in that parent's details.
    "declarant": ("capacity", "family_name", "given_names", "domicile"),
}
# Sections of persons in entry order, per kind of act.
SECTION_ROLES: dict[ActKind, tuple[tuple[str, int], ...]] = {
    ActKind.BIRTH: (("child", 0), ("mother", 0), ("father", 0), ("declarant", 0)),
    ActKind.MARRIAGE: (
        ("spouse1", 0),
        ("spouse2", 0),
        ("witness", 0),
        ("witness", 1),
        ("declarant", 0),
    ),
    ActKind.DEATH: (("deceased", 0), ("spouse", 0), ("declarant", 0)),
}
INT_FIELDS = {"birth_order", "weight_grams", "mother_children_born_alive"}
# The report of a found child / an unidentified deceased: details.<key>.<item>.
REPORTS = ("found_child", "unidentified_deceased")
# Form fields that are not part of the act's content: the registrar's statement of a paper
# receipt is kept on the draft's own field (drafts.update_draft(paper_receipt=…)) and given to
# registration (register_act(paper_receipt=…)).
FORM_ONLY = ("paper_receipt",)

_PERSON_PATH = re.compile(r"^(\w+)(?:\[(\d+)\])?\.(\w+)$")
_CAUSE = re.compile(r"^cause\.(part[12])\[(\d)\]\.text$")
_PRICE = re.compile(r"^(\d+(?:[.,]\d+)?)\s*([A-Za-z]{3})$")


def bride_price_value(text: str) -> dict[str, object]:
    """``500 USD`` → amount and currency; anything else is kept as a description."""
    m = _PRICE.match(text.strip())
    if m is None:
        return {"description": text.strip()}
    amount = float(m.group(1).replace(",", "."))
    return {
        "amount": int(amount) if amount.is_integer() else amount,
        "currency": m.group(2).upper(),
    }


def bride_price_text(value: object) -> str:
    if not isinstance(value, dict):
        return ""
    if "amount" in value:
        return f"{value['amount']} {value.get('currency', '')}".strip()
    return str(value.get("description", ""))


def copy_source(kind: ActKind, capacity: str) -> str | None:
    """The section whose person the declarant is, when the capacity names one
    (``father`` on a birth, ``spouse`` on a death), else None."""
    roles = {role for role, _pos in SECTION_ROLES[kind] if role != "declarant"}
    return capacity if capacity in roles else None


def declarant_copy(kind: ActKind, capacity: str, values: Mapping[str, str]) -> dict[str, str]:
    """The declarant's fields taken from the person the capacity names (``father`` → the
    father's names and address); empty when the capacity names nobody in the form."""
    source = copy_source(kind, capacity)
    if source is None:
        return {}
    out = {}
    for path, _value in values.items():
        person = person_path(path)
        if person is None or person[0] != "declarant" or person[2] == "capacity":
            continue
        theirs = f"{source}.{person[2]}"
        if theirs in values:
            out[path] = values[theirs]
    return out


def person_path(path: str) -> tuple[str, int, str] | None:
    """``witness[1].given_names`` → (``witness``, 1, ``given_names``); None for other paths."""
    m = _PERSON_PATH.match(path)
    if m is None or path.startswith(("details.", "judgment.", "transcription.")):
        return None
    return m.group(1), int(m.group(2) or 0), m.group(3)


def _detail(details: dict[str, object], name: str, value: str) -> None:
    report, _, item = name.partition(".")
    if report in REPORTS and item:
        entries = details.setdefault(report, {})
        assert isinstance(entries, dict)
        entries[item] = value
    elif name.startswith("age_dispensation."):
        dispensation = details.setdefault("age_dispensation", {})
        assert isinstance(dispensation, dict)
        dispensation[name.split(".", 1)[1]] = value
    elif name == "bride_price.status":
        price = details.setdefault("bride_price", {})
        assert isinstance(price, dict)
        price["status"] = value
    elif name.startswith("prior_marriages."):
        _, role, key = name.split(".", 2)
        entries = details.setdefault("prior_marriages", [])
        assert isinstance(entries, list)
        entry = next((e for e in entries if e["spouse"] == role), None)
        if entry is None:
            entry = {"spouse": role}
            entries.append(entry)
        if key.startswith("ended_judgment."):
            entry.setdefault("ended_judgment", {})[key.split(".", 1)[1]] = value
        else:
            entry[key] = value
    elif name == "bride_price":
        price = details.setdefault("bride_price", {})
        assert isinstance(price, dict)
        price.update(bride_price_value(value))
    elif name.startswith("cause."):
        m = _CAUSE.match(name)
        if m is None:
            raise KeyError(name)
        part = m.group(1)
        cause = details.setdefault("cause", {})
        assert isinstance(cause, dict)
        cause.setdefault(part, []).append({"text": value})
    else:
        details[name] = int(value) if name in INT_FIELDS and value.isdigit() else value


def to_input(kind: ActKind, values: Mapping[str, str]) -> ActInput:
    """The act the form's ``values`` describe (empty values are left out)."""
    people: dict[tuple[str, int], dict[str, object]] = {}
    details: dict[str, object] = {}
    top: dict[str, str] = {}
    legal: dict[str, dict[str, str]] = {"judgment": {}, "transcription": {}}
    for path, value in values.items():
        if path in FORM_ONLY:
            continue
        head, _, name = path.partition(".")
        if head in legal:
            legal[head][name] = value
            continue
        if path.startswith("details."):
            if value != "":
                _detail(details, path.split(".", 1)[1], value)
            continue
        person = person_path(path)
        if person is None:
            top[path] = value
            continue
        role, pos, name = person
        fields = people.setdefault((role, pos), {})
        fields[name] = int(value or 0) if name == "sex" else value
    persons = []
    for role, pos in SECTION_ROLES[kind]:
        fields = people.get((role, pos), {})
        if any(v not in ("", 0) for v in fields.values()):
            persons.append(Person(role=role, position=pos, **fields))  # type: ignore[arg-type]
    prior = details.get("prior_marriages")
    if isinstance(prior, list):
        prior.sort(key=lambda e: e["spouse"])
    j, tr = legal["judgment"], legal["transcription"]
    judgment = (
        Judgment(j.get("court", ""), j.get("number", ""), j.get("date", ""))
        if any(j.values())
        else None
    )
    transcription = None
    if any(tr.values()):
        number = tr.get("original_number", "").strip()
        transcription = Transcription(
            int(number) if number.isdigit() else number,  # type: ignore[arg-type]
            tr.get("original_date", ""),
            tr.get("note", ""),
        )
    return ActInput(
        kind=kind,
        persons=tuple(persons),
        details=details,
        judgment=judgment,
        transcription=transcription,
        **top,
    )


def field_value(data: ActInput, path: str) -> str:
    """The text a form field shows for ``path`` of ``data`` (``""`` when absent)."""
    head, _, rest = path.partition(".")
    if head in ("judgment", "transcription"):
        legal = getattr(data, head)
        value = getattr(legal, rest, "") if legal is not None else ""
    elif path.startswith("details."):
        name = rest
        if name.startswith("cause."):
            m = _CAUSE.match(name)
            if m is None:
                return ""
            part, line = m.group(1), int(m.group(2))
            lines = (data.details.get("cause") or {}).get(part, [])
            value = lines[line].get("text", "") if line < len(lines) else ""
        elif name == "bride_price":
            value = bride_price_text(data.details.get(name))
        elif name == "bride_price.status":
            price = data.details.get("bride_price")
            value = price.get("status", "") if isinstance(price, dict) else ""
        elif name.startswith("age_dispensation."):
            d = data.details.get("age_dispensation")
            value = d.get(name.split(".", 1)[1], "") if isinstance(d, dict) else ""
        elif name.startswith("prior_marriages."):
            value = _prior_value(data, name)
        elif name.partition(".")[0] in REPORTS:
            report, _, item = name.partition(".")
            entries = data.details.get(report)
            value = entries.get(item, "") if isinstance(entries, dict) else ""
        else:
            value = data.details.get(name, "")
    else:
        person = person_path(path)
        if person is None:
            value = getattr(data, path, "")
        else:
            p = data.person(person[0], person[1])
            value = getattr(p, person[2], "") if p else ""
            if person[2] == "sex" and value == 0:
                value = ""
    return "" if value is None else str(value)


def _prior_value(data: ActInput, name: str) -> str:
    _, role, key = name.split(".", 2)
    entries = data.details.get("prior_marriages")
    entry = next(
        (e for e in entries or () if isinstance(e, dict) and e.get("spouse") == role), None
    )
    if entry is None:
        return ""
    if key.startswith("ended_judgment."):
        judgment = entry.get("ended_judgment")
        return str(judgment.get(key.split(".", 1)[1], "")) if isinstance(judgment, dict) else ""
    return str(entry.get(key, "") or "")


def form_path(path: str, values: Mapping[str, str]) -> str:
    """Where the form shows a problem the rules found at ``path``: a spouse's previous
    marriage is numbered in the act (``details.prior_marriages[1].ended_by``) and named by
    spouse in the form; the place's geography code belongs to the place field."""
    m = re.match(r"^details\.prior_marriages\[(\d+)\](?:\.(.+))?$", path)
    if m:
        roles = sorted(
            {p.split(".")[2] for p, v in values.items() if p.startswith("details.prior_") and v}
        )
        i = int(m.group(1))
        if i < len(roles):
            rest = m.group(2) or "act_ref"
            return f"details.prior_marriages.{roles[i]}.{rest}"
    if path == "details.event_place_code":
        return "event_place"
    return path


def field_values(data: ActInput, paths: Iterable[str]) -> dict[str, str]:
    return {path: field_value(data, path) for path in paths}
