"""Bulk declarations from the JSON format in ``docs/declaration-format.md``: every act is
checked first; if any is invalid, every problem is reported per act and field and nothing is
written; otherwise all acts are created (and registered) in one transaction."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from typing import Any

from civreg.domain.acts import ActInput, ActView
from civreg.domain.field_labels import act_label
from civreg.errors import CivregError, FieldProblem
from civreg.i18n import register, t
from civreg.models.act_repo import to_view
from civreg.oplog import logged
from civreg.services.context import Ctx
from civreg.services.drafts import check, create_draft_in
from civreg.services.registration import register_row

FORMAT = "civreg-declaration"
VERSION = 1

register(
    {
        "declare.bad_json": {
            "fr": "Fichier JSON illisible (ligne {line}, colonne {col}).",
            "en": "Unreadable JSON file (line {line}, column {col}).",
        },
        "declare.bad_format": {
            "fr": "Format de déclaration non reconnu ou version non prise en charge.",
            "en": "Unrecognised declaration format or unsupported version.",
        },
        "declare.bad_shape": {
            "fr": "Structure invalide : {detail}.",
            "en": "Invalid structure: {detail}.",
        },
        "declare.rejected": {
            "fr": "Aucun acte enregistré : {count} acte(s) invalide(s).\n{lines}",
            "en": "Nothing saved: {count} invalid act(s).\n{lines}",
        },
        "declare.bad_kind": {
            "fr": "Type d'acte absent ou inconnu : « birth », « marriage » ou « death ».",
            "en": 'Kind of act missing or unknown: "birth", "marriage" or "death".',
        },
        "declare.bad_types": {
            "fr": "Une valeur n'a pas la forme attendue (texte, nombre, liste de personnes, "
            "objet) : voir docs/declaration-format.md.",
            "en": "A value does not have the expected shape (text, number, list of persons, "
            "object): see docs/declaration-format.md.",
        },
        "declare.unknown_field": {
            "fr": "champ inconnu « {field} »",
            "en": "unknown field '{field}'",
        },
        "declare.received_date_not_typed": {
            "fr": "le jour de réception est enregistré par le programme : il ne se saisit pas",
            "en": "the day of receipt is recorded by the program: it is not typed",
        },
        "declare.paper_receipt_needs_register": {
            "fr": "la déclaration de réception sur papier est faite par l'officier à "
            "l'enregistrement (--register)",
            "en": "the statement of receipt on paper is made by the registrar when registering "
            "(--register)",
        },
        "declare.paper_receipt_text": {
            "fr": "la déclaration de réception sur papier doit être un texte",
            "en": "the statement of receipt on paper must be text",
        },
    }
)


class DeclarationRejected(CivregError):
    key = "declare.rejected"

    def __init__(self, problems: dict[int, list[FieldProblem]]) -> None:
        self.problems = problems
        super().__init__(self.key)

    def message(self, lang: str | None = None) -> str:
        lines = []
        for index, probs in sorted(self.problems.items()):
            for p in probs:
                lines.append(f"  {act_label(index, lang)} — {p.line(lang)}")
        return t(self.key, lang, count=len(self.problems), lines="\n".join(lines))


@dataclass(frozen=True)
class Declared:
    acts: list[ActView]
    warnings: dict[int, list[FieldProblem]]


def parse_declaration(raw: bytes) -> list[dict[str, Any]]:
    try:
        doc = json.loads(raw.decode("utf-8"))
    except json.JSONDecodeError as exc:
        raise CivregError("declare.bad_json", line=exc.lineno, col=exc.colno) from None
    except UnicodeDecodeError:
        raise CivregError("declare.bad_json", line=1, col=1) from None
    if isinstance(doc, dict) and "format" in doc:
        if doc.get("format") != FORMAT or doc.get("version") != VERSION:
            raise CivregError("declare.bad_format")
        items = doc.get("acts")
    elif isinstance(doc, list):
        items = doc
    else:
        items = [doc]
    if not isinstance(items, list) or not all(isinstance(i, dict) for i in items):
        raise CivregError("declare.bad_shape", detail="acts")
    return items


def _to_input(item: dict[str, Any]) -> ActInput | FieldProblem:
    if "received_date" in item:
        return FieldProblem("received_date", "declare.received_date_not_typed")
    item = {k: v for k, v in item.items() if k != "paper_receipt"}
    try:
        return ActInput.from_dict(item)
    except KeyError as exc:
        field = str(exc.args[0]) if exc.args else "?"
        if field == "kind":
            return FieldProblem("kind", "declare.bad_kind")
        return FieldProblem(field, "declare.unknown_field", {"field": field})
    except (ValueError, TypeError) as exc:
        # never the Python error itself: say what is expected
        if "ActKind" in str(exc):
            return FieldProblem("kind", "declare.bad_kind")
        return FieldProblem("act", "declare.bad_types")


@logged("declare.file")
def declare(
    ctx: Ctx, items: list[dict[str, Any]], *, register_now: bool = False, today: date | None = None
) -> Declared:
    ctx.require("draft.create")
    if register_now:
        ctx.require("act.register")
    today = today or date.today()
    problems: dict[int, list[FieldProblem]] = {}
    warnings: dict[int, list[FieldProblem]] = {}
    parsed_items: list[tuple[int, ActInput, str]] = []
    for i, item in enumerate(items):
        parsed = _to_input(item)
        statement = item.get("paper_receipt", "")
        if isinstance(parsed, FieldProblem):
            problems[i] = [parsed]
            continue
        if not isinstance(statement, str):
            problems[i] = [FieldProblem("paper_receipt", "declare.paper_receipt_text")]
            continue
        if statement.strip() and not register_now:
            problems[i] = [FieldProblem("paper_receipt", "declare.paper_receipt_needs_register")]
            continue
        parsed_items.append((i, parsed, statement))
    views: list[ActView] = []
    with ctx.store.write() as s:
        # Each act is checked against the store (a spouse's existing marriage) and written in
        # file order, so a later act sees the earlier ones of the same file; every act is
        # checked, and any problem rolls the whole file back. The office receives them today.
        for i, parsed, statement in parsed_items:
            found = check(
                ctx,
                parsed,
                today=today,
                for_registration=register_now,
                session=s,
                received_on=today,
                paper_receipt=bool(statement.strip()),
            )
            errs = [p for p in found if p.severity == "error"]
            if errs:
                problems[i] = errs
                continue
            warns = [p for p in found if p.severity != "error"]
            if warns:
                warnings[i] = warns
            row = create_draft_in(ctx, s, parsed, today=today)
            if register_now:
                register_row(ctx, s, row, today, paper_receipt=statement)
            views.append(to_view(s, row))
        if problems:
            raise DeclarationRejected(problems)
    return Declared(views, warnings)
